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
    expect(stdout).toContain(`${diagram}: Task_Query "Find incidents": error: Query parameters (sysparm_query): caler_id is not a field of incident`);
    expect(stdout).toContain('9 is not a state of incident');
    expect(stdout).not.toContain('Task_Clean');
    expect(stdout).not.toContain('Task_Create');
    expect(stdout).toMatch(/1 diagram\(s\) checked: 2 error\(s\), 0 warning\(s\)\n$/);
  });

  it('prints the problems as JSON with --json', async () => {
    // when
    const { code, stdout } = await runCli(['lint', diagram, '--templates', officialTemplates, '--json'], { cwd: root });

    // then
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ files: 1, errors: 2, warnings: 0 });
    expect(result.problems[0]).toMatchObject({ file: diagram, id: 'Task_Query', name: 'Find incidents', category: 'error', rule: 'servicenow/valid-query', code: 'field.unknown', start: 0, end: 8, suggestion: 'caller_id' });
  });

  it('finds no problem when the template is not known, and says how many diagrams it checked', async () => {
    // when: without --templates the official template is not found (the package ships only its own)
    const { code, stdout } = await runCli(['lint', diagram], { cwd: root });

    // then
    expect(code).toBe(0);
    expect(stdout).toBe('1 diagram(s) checked: 0 error(s), 0 warning(s)\n');
  });

  it.each([
    [['lint'], 'name at least one .bpmn diagram'],
    [['lint', 'missing.bpmn'], 'missing.bpmn: no such file'],
    [['lint', 'package.json'], 'package.json: not a BPMN diagram']
  ])('rejects %j with a clear message', async (argv, message) => {
    // when
    const { code, stderr } = await runCli(argv, { cwd: root });

    // then
    expect(code).toBe(1);
    expect(stderr).toContain(message);
  });
});
