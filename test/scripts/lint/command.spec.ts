import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';

const root = join(__dirname, '../../..');
const diagram = relative(root, join(__dirname, 'command', 'official-incident-query.bpmn'));
const officialTemplates = 'node_modules/@camunda/connectors-element-templates/src/element-templates/servicenow-incident-connector.json';

describe('scripts/lint - camunda-servicenow lint', () => {
  it('reports the query errors of saved diagrams and exits 1', async () => {
    // when
    const { code, stdout } = await runCli(['lint', diagram, '--templates', officialTemplates], { cwd: root });

    // then
    expect(code).toBe(1);
    expect(stdout).toContain(`${diagram}:4: Task_Query "Find incidents": error: Query parameters (sysparm_query): caler_id is not a field of incident`);
    expect(stdout).toContain('9 is not a state of incident');
    expect(stdout).not.toContain('Task_Clean');
    expect(stdout).not.toContain('Task_Create');
    expect(stdout).toContain(`${diagram}: checked 3 task(s) using io.camunda.connectors.ServiceNowIncident.v1 v3\n`);
    expect(stdout).toMatch(/1 diagram\(s\) checked: 2 error\(s\), 0 warning\(s\); 3 task\(s\) checked, 0 unchecked\n$/);
  });

  it('prints the problems as JSON with --json', async () => {
    // when
    const { code, stdout } = await runCli(['lint', diagram, '--templates', officialTemplates, '--json'], { cwd: root });

    // then
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ files: 1, errors: 2, warnings: 0, templates: [{ file: diagram, templateId: 'io.camunda.connectors.ServiceNowIncident.v1', version: 3, tasks: 3, checked: true }] });
    expect(result.problems[0]).toMatchObject({ file: diagram, line: 4, id: 'Task_Query', name: 'Find incidents', severity: 'error', rule: 'servicenow/valid-query', code: 'field.unknown', start: 0, end: 8, suggestion: 'caller_id' });
  });

  it('checks Camunda\'s official ServiceNow templates by default, as the plugin does', async () => {
    // when: no --templates; the official templates come with the package's dependencies
    const plain = await runCli(['lint', diagram], { cwd: root });
    const blueprint = await runCli(['lint', relative(root, join(__dirname, 'command', 'official-blueprint-broken-query.bpmn'))], { cwd: root });

    // then
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain('caler_id is not a field of incident');
    expect(blueprint.code).toBe(1);
    expect(blueprint.stdout).toMatch(/official-blueprint-broken-query\.bpmn:204: Activity_0divtrc "Search Request Item": error: .*ORDERBY needs a field name/);
    // in diagram order: the payload warning of the task at line 60 comes first
    expect(blueprint.stdout.indexOf('broken-query.bpmn:60: Activity_0pg78zh')).toBeGreaterThan(-1);
    expect(blueprint.stdout.indexOf('broken-query.bpmn:60:')).toBeLessThan(blueprint.stdout.indexOf('broken-query.bpmn:204:'));
  });

  it('reports tasks whose template id or version it does not know as unchecked, with id, version and count', async () => {
    // given: Camunda's blueprint (camunda/connectors, connectors/servicenow/blueprints/) uses template versions never published
    const blueprint = relative(root, join(__dirname, 'command', 'official-blueprint.bpmn'));

    // when
    const { code, stdout } = await runCli(['lint', blueprint, '--json'], { cwd: root });

    // then
    expect(code).toBe(0);
    expect(JSON.parse(stdout).templates).toEqual([
      { file: blueprint, templateId: 'io.camunda.connectors.HttpJson.v2', version: 11, tasks: 1, checked: false, knownVersions: [] },
      { file: blueprint, templateId: 'io.camunda.connectors.ServiceNow.v1', version: 7, tasks: 4, checked: false, knownVersions: [1, 2, 3] },
      { file: blueprint, templateId: 'io.camunda.connectors.ServiceNowFlow.v1', version: 3, tasks: 1, checked: false, knownVersions: [1] },
      { file: blueprint, templateId: 'io.camunda.connectors.ServiceNowIncident.v1', version: 2, tasks: 1, checked: true }
    ]);
    const text = await runCli(['lint', blueprint], { cwd: root });
    expect(text.stdout).toContain(`${blueprint}: unchecked 4 task(s) using io.camunda.connectors.ServiceNow.v1 v7: lint has this template in version 1, 2, 3 only, older than the task's: update camunda-modeler-servicenow-plugin (it brings Camunda's templates too), or pass version 7 with --templates\n`);
    expect(text.stdout).toContain(`${blueprint}: unchecked 1 task(s) using io.camunda.connectors.HttpJson.v2 v11: lint does not know this template; pass it with --templates\n`);
    expect(text.stdout).toMatch(/1 task\(s\) checked, 6 unchecked\n$/);
  });

  it('says which versions it has of a template whose task version it lacks, and reports nothing on those tasks', async () => {
    // given: our incident template at the draft version 3, and a problem task without a version
    const diagram = relative(root, join(__dirname, 'command', 'our-template-other-versions.bpmn'));

    // when
    const { code, stdout } = await runCli(['lint', diagram], { cwd: root });

    // then: neither the misspelt queries (another version's properties) nor the REST request inside the template is reported
    expect(code).toBe(0);
    expect(stdout).not.toContain('caler_id');
    expect(stdout).not.toContain('Task_');
    expect(stdout).toContain(`${diagram}: unchecked 1 task(s) using community.servicenow.incident v3: lint has this template in version 1 only, older than the task's: update camunda-modeler-servicenow-plugin (it brings Camunda's templates too), or pass version 3 with --templates\n`);
    expect(stdout).toContain(`${diagram}: unchecked 1 task(s) using community.servicenow.problem: lint has this template in version 1 only and the diagram names no version, so Desktop Modeler shows it as not found: apply the template to the task again\n`);
    expect(stdout).toContain(`${diagram}: unchecked 1 task(s) using community.servicenow.change_request (its version is no number): lint has this template in version 1 only and the diagram names none it can read, so Desktop Modeler shows it as not found: apply the template to the task again\n`);
  });

  it('checks the Table API query of a REST connector task whose template it does not know, and counts the task as checked', async () => {
    // given
    const rest = relative(root, join(__dirname, 'command', 'rest-connector-query.bpmn'));

    // when
    const { code, stdout } = await runCli(['lint', rest], { cwd: root });

    // then
    expect(code).toBe(1);
    expect(stdout).toContain(`${rest}:4: Task_Rest "Find open incidents": error: Query parameters (sysparm_query): caler_id is not a field of incident`);
    expect(stdout).toContain(`${rest}: checked 1 task(s) using io.camunda.connectors.HttpJson.v2 v13\n`);
    expect(stdout).toMatch(/1 diagram\(s\) checked: 1 error\(s\), 0 warning\(s\); 1 task\(s\) checked, 0 unchecked\n$/);
  });

  it('checks the query in the URL of a REST connector task, with its range on the URL as written', async () => {
    // given: ...?sysparm_query=active%3Dtrue%5Ecaler_id%3Dabc&sysparm_limit=5
    const rest = relative(root, join(__dirname, 'command', 'rest-connector-url-query.bpmn'));
    const url = 'https://dev12345.service-now.com/api/now/table/incident?sysparm_query=active%3Dtrue%5Ecaler_id%3Dabc&sysparm_limit=5';

    // when
    const text = await runCli(['lint', rest], { cwd: root });
    const json = await runCli(['lint', rest, '--json'], { cwd: root });

    // then
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`${rest}:4: Task_Rest "Find open incidents": error: URL (sysparm_query): caler_id is not a field of incident`);
    const start = url.indexOf('caler_id');
    expect(JSON.parse(json.stdout).problems).toMatchObject([{ id: 'Task_Rest', code: 'field.unknown', start, end: start + 'caler_id'.length, suggestion: 'caller_id' }]);
  });

  it('says which task\'s query fields it could not check, as an info that does not fail the run', async () => {
    // given: the official template with its custom table given as the FEEL value =tableName
    const feel = relative(root, join(__dirname, 'command', 'official-feel-table.bpmn'));

    // when
    const { code, stdout } = await runCli(['lint', feel], { cwd: root });
    const json = JSON.parse((await runCli(['lint', feel, '--json'], { cwd: root })).stdout);

    // then
    expect(code).toBe(0);
    expect(stdout).toContain(`${feel}:4: Task_Feel "Find records": info: Query parameters (sysparm_query): fields not checked: the custom table is a FEEL value, known only at runtime; the query's syntax is checked. (servicenow/unchecked-fields)\n`);
    expect(stdout).toMatch(/1 diagram\(s\) checked: 0 error\(s\), 0 warning\(s\); 1 task\(s\) checked, 0 unchecked\n$/);
    expect(json).toMatchObject({ errors: 0, warnings: 0, problems: [{ id: 'Task_Feel', severity: 'info', rule: 'servicenow/unchecked-fields' }] });
  });

  it('lints Camunda\'s blueprint with its templates unlinked (REST connector tasks, FEEL URLs, a message collaboration) without a false finding', async () => {
    // given: a diagram from the wild (test/scripts/lint/command/SOURCES.md) whose only Table API read sends a query computed at runtime
    const stub = relative(root, join(__dirname, 'command', 'unlinked-blueprint-stub.bpmn'));

    // when
    const { code, stdout } = await runCli(['lint', stub], { cwd: root });

    // then: that query is named as not checked, and nothing else is reported
    expect(code).toBe(0);
    expect(stdout).toBe(`${stub}:204: Activity_0divtrc "Search Request Item": info: Query parameters (sysparm_query): not checked: the whole query is computed at runtime. (servicenow/unchecked-fields)\n`
      + '1 diagram(s) checked: 0 error(s), 0 warning(s); 0 task(s) checked, 0 unchecked\n');
  });

  it('names the line of an element whose attributes are single-quoted', async () => {
    // given
    const diagram = relative(root, join(__dirname, 'command', 'single-quoted-attributes.bpmn'));

    // when
    const { stdout } = await runCli(['lint', diagram], { cwd: root });

    // then
    expect(stdout).toContain(`${diagram}:4: Task_1: error: Query parameters (sysparm_query): caler_id is not a field of incident`);
  });

  it('reads attributes written with spaces around "=" as Zeebe does, and warns that Camunda Modeler drops them', async () => {
    // given: id, template and query attributes written `name = "value"`, a flow to an element that does not exist, and a shape of one (no report: lint reads no shapes)
    const diagram = relative(root, join(__dirname, 'command', 'spaced-attributes.bpmn'));

    // when
    const { code, stdout } = await runCli(['lint', diagram, '--json'], { cwd: root });

    // then: the task is checked (its query error found), and what the Modeler's reader would lose or skip is named
    expect(code).toBe(1);
    const { problems, templates } = JSON.parse(stdout);
    expect(templates).toMatchObject([{ templateId: 'io.camunda.connectors.ServiceNowIncident.v1', version: 3, tasks: 1, checked: true }]);
    expect(problems).toMatchObject([
      { line: 4, id: 'Task_1', severity: 'warning', message: expect.stringMatching(/^<bpmn:serviceTask> writes id, zeebe:modelerTemplate with spaces around "=".*drops such attributes.*write id="…", zeebe:modelerTemplate="…" without spaces$/) },
      { line: 4, id: 'Task_1', severity: 'error', rule: 'servicenow/valid-query', code: 'field.unknown' },
      { line: 7, id: 'Task_1', severity: 'warning', message: expect.stringMatching(/^<zeebe:input> writes source with spaces/) },
      { line: 11, id: 'Flow_1', severity: 'warning', message: 'bpmn:targetRef names Task_Missing, no element of this diagram: the XML reader of Camunda Modeler and lint (bpmn-moddle) drops the reference, so lint, like the Modeler, goes without it; name an existing element or remove the reference' }
    ]);
    expect(problems[0].rule).toBeUndefined();
  });

  it('names what the XML reader skipped in an element, with its line', async () => {
    // given: a duplicated attribute, which the reader drops, and an element of a type its schemas lack (maybe a newer one)
    const dir = mkdtempSync(join(tmpdir(), 'lint-skipped-'));
    const file = join(dir, 'skipped.bpmn');
    writeFileSync(file, '<?xml version="1.0"?>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x">\n<bpmn:process id="P" name="a" name="b">\n<bpmn:futureTask id="F"/>\n</bpmn:process>\n</bpmn:definitions>\n');

    try {
      // when
      const { code, stdout } = await runCli(['lint', file], { cwd: root });

      // then
      expect(code).toBe(0);
      expect(stdout).toContain(`${file}:3: warning: the XML reader of Camunda Modeler and lint (bpmn-moddle) skipped part of <bpmn:process> (attribute <name> already defined): lint did not check it`);
      expect(stdout).toContain(`${file}:4: warning: the XML reader of Camunda Modeler and lint (bpmn-moddle) skipped <bpmn:futureTask>, a type its BPMN and Zeebe schemas do not define: lint did not check it or what it holds; if a newer Camunda Modeler wrote it, update camunda-modeler-servicenow-plugin, else correct the XML\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks diagrams as camunda/connectors\' end-to-end test makes them: Zeebe\'s model API, the template applied by element-templates-cli', async () => {
    // given
    const fixture = (name: string) => relative(root, join(__dirname, 'command', name));

    // when
    const { code, stdout } = await runCli(['lint', fixture('e2e-official-create.bpmn'), fixture('e2e-official-read-ns0.bpmn'), fixture('e2e-official-v1-custom-table.bpmn')], { cwd: root });

    // then: the Zeebe namespace under another prefix (ns0) is read too; the create task and the query on a custom table are clean
    expect(code).toBe(1);
    expect(stdout).toContain(`${fixture('e2e-official-read-ns0.bpmn')}:7: sn-incident-create: error: Query parameters (sysparm_query): caler_id is not a field of incident`);
    expect(stdout).toContain(`${fixture('e2e-official-create.bpmn')}: checked 1 task(s) using io.camunda.connectors.ServiceNow.v1 v3\n`);
    expect(stdout).toContain(`${fixture('e2e-official-v1-custom-table.bpmn')}: checked 1 task(s) using io.camunda.connectors.ServiceNow.v1 v1\n`);
    expect(stdout).toMatch(/\n3 diagram\(s\) checked: 1 error\(s\), 0 warning\(s\); 3 task\(s\) checked, 0 unchecked\n$/);
  });

  it('lints every .bpmn diagram in a folder', async () => {
    // when
    const { code, stdout } = await runCli(['lint', relative(root, join(__dirname, 'command'))], { cwd: root });

    // then
    expect(code).toBe(1);
    expect(stdout).toMatch(/16 diagram\(s\) checked: 10 error\(s\)/);
  });

  it('lints a linked diagram in a folder it searches, and does not follow a linked folder (which may loop)', async () => {
    // given
    const project = mkdtempSync(join(tmpdir(), 'lint-links-'));
    const broken = join(__dirname, 'command', 'official-incident-query.bpmn');
    mkdirSync(join(project, 'diagrams'));
    cpSync(broken, join(project, 'shared.bpmn'));
    symlinkSync('../shared.bpmn', join(project, 'diagrams', 'linked.bpmn'));
    symlinkSync('..', join(project, 'diagrams', 'loop'));

    try {
      // when
      const { code, stdout } = await runCli(['lint', 'diagrams'], { cwd: project });

      // then
      expect(code).toBe(1);
      expect(stdout).toContain(join('diagrams', 'linked.bpmn'));
      expect(stdout).toMatch(/^1 diagram\(s\) checked: [1-9]\d* error\(s\)/m);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('leaves node_modules and dot folders out of a folder it searches', async () => {
    // given: a project whose dependencies and tool folders hold diagrams with errors
    const project = mkdtempSync(join(tmpdir(), 'lint-folders-'));
    const broken = join(__dirname, 'command', 'official-incident-query.bpmn');
    for (const dir of ['diagrams', 'node_modules/some-package/test', '.git/objects']) mkdirSync(join(project, dir), { recursive: true });
    cpSync(broken, join(project, 'diagrams', 'order.bpmn'));
    cpSync(broken, join(project, 'node_modules', 'some-package', 'test', 'fixture.bpmn'));
    cpSync(broken, join(project, '.git', 'objects', 'stray.bpmn'));

    try {
      // when
      const { code, stdout } = await runCli(['lint', '.'], { cwd: project });

      // then
      expect(code).toBe(1);
      expect(stdout).toContain('diagrams/order.bpmn:4:');
      expect(stdout).toMatch(/1 diagram\(s\) checked: 2 error\(s\)/);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('reports a file that is no BPMN diagram as an error of that file, and checks the others', async () => {
    // given: bpmnlint's own CLI test fixture (bpmn-io/bpmnlint@229b606bb29a49229dc2549b5fa4febbdd3fe115 test/integration/cli/diagram-broken.bpmn), beside a diagram with a finding
    const project = mkdtempSync(join(tmpdir(), 'lint-broken-'));
    try {
      cpSync(join(__dirname, 'command', 'diagram-broken.bpmn'), join(project, 'a-broken.bpmn'));
      cpSync(join(__dirname, 'command', 'official-incident-query.bpmn'), join(project, 'b-order.bpmn'));

      // when
      const { code, stdout } = await runCli(['lint', '.', '--templates', join(root, officialTemplates)], { cwd: project });
      const json = JSON.parse((await runCli(['lint', 'a-broken.bpmn', '--json'], { cwd: project })).stdout);

      // then
      expect(code).toBe(1);
      expect(stdout).toContain('a-broken.bpmn: error: not a BPMN diagram (its root element <foo> is no bpmn:definitions)');
      expect(stdout).toContain('b-order.bpmn:4: Task_Query "Find incidents": error:');
      expect(stdout).toMatch(/2 diagram\(s\) checked: 3 error\(s\)/);
      expect(json).toMatchObject({ errors: 1, problems: [{ file: 'a-broken.bpmn', severity: 'error', message: expect.stringContaining('pass .bpmn files saved by Camunda Modeler') }] });
      expect(json.problems[0]).not.toHaveProperty('id');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('says where and why the XML reader refused a whole file: a namespace prefix never declared, an empty file, UTF-16', async () => {
    // given: bpmn-js-element-templates' fixture using camunda: without xmlns:camunda (SOURCES.md), and an empty file as camunda-modeler's file-context tests keep one
    const project = mkdtempSync(join(tmpdir(), 'lint-unreadable-'));
    try {
      cpSync(join(__dirname, 'command', 'undeclared-prefix.bpmn'), join(project, 'a-prefix.bpmn'));
      writeFileSync(join(project, 'b-empty.bpmn'), '');
      // the same fixture saved as UTF-16 with a byte order mark, as Windows tools may write XML
      writeFileSync(join(project, 'c-utf16.bpmn'), Buffer.from(`\uFEFF${readFileSync(join(__dirname, 'command', 'undeclared-prefix.bpmn'), 'utf8').replace('UTF-8', 'UTF-16')}`, 'utf16le'));

      // when
      const { code, stdout } = await runCli(['lint', '.'], { cwd: project });
      const json = JSON.parse((await runCli(['lint', 'a-prefix.bpmn', '--json'], { cwd: project })).stdout);

      // then
      expect(code).toBe(1);
      expect(stdout).toContain('a-prefix.bpmn:7: error: unreadable XML: <camunda:errorEventDefinition> uses the prefix "camunda", which no xmlns:camunda attribute declares; Camunda Modeler cannot open the file either');
      expect(stdout).toContain('b-empty.bpmn: error: an empty file, not a BPMN diagram');
      expect(stdout).toContain('c-utf16.bpmn: error: saved as UTF-16 (or another encoding with NUL bytes), not UTF-8: Camunda Modeler reads every file as UTF-8');
      expect(stdout).toMatch(/3 diagram\(s\) checked: 3 error\(s\)/);
      expect(json.problems).toEqual([expect.objectContaining({ file: 'a-prefix.bpmn', line: 7, severity: 'error' })]);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it.each([
    [['lint'], 'name at least one .bpmn diagram'],
    [['lint', 'missing.bpmn'], 'missing.bpmn: no such file or folder'],
    [['lint', 'scripts/cli'], 'scripts/cli: a folder without .bpmn diagrams']
  ])('rejects %j with a clear message', async (argv, message) => {
    // when
    const { code, stderr } = await runCli(argv, { cwd: root });

    // then
    expect(code).toBe(1);
    expect(stderr).toContain(message);
  });
});
