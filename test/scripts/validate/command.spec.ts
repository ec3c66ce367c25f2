import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';

const fixtures = join(__dirname, 'command');
const official = join(require.resolve('@camunda/connectors-element-templates/package.json'), '..', 'src', 'element-templates');

interface Report {
  files: number;
  errors: number;
  warnings: number;
  problems: { file: string; templateId?: string; property?: string; line?: number; severity: string; message: string }[];
}

describe('scripts/validate - camunda-servicenow validate', () => {
  it('reports file, template id, property and message for a broken template', async () => {
    // when
    const result = await runCli(['validate', join(fixtures, 'broken.json')]);

    // then
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${join(fixtures, 'broken.json')}: x.small v1: mode: error: value "c" is not one of its choices`);
    expect(result.stdout).toContain(`${join(fixtures, 'broken.json')}: x.small v1: ghost: error: condition names property "missing", which does not exist`);
    expect(result.stdout).toMatch(/1 file\(s\) checked: \d+ error\(s\), \d+ warning\(s\)\n$/);
  });

  it('prints the problems as JSON, schema findings with their line', async () => {
    // when
    const result = await runCli(['validate', '--json', join(fixtures, 'broken.json')]);
    const report = JSON.parse(result.stdout) as Report;

    // then
    expect(report).toMatchObject({ files: 1, errors: 8 });
    expect(report.problems).toContainEqual({ file: join(fixtures, 'broken.json'), templateId: 'x.small', templateVersion: 1, property: 'dead', severity: 'warning', message: 'can never be active: "fixed" is Hidden with the fixed value "off"' });
  });

  it('names a file that is not JSON', async () => {
    // when
    const result = await runCli(['validate', join(fixtures, 'not-json.json')]);

    // then
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/not-json\.json: error: not valid JSON: /);
  });

  it('names a byte order mark, which Camunda Modeler cannot read, instead of an invisible character', async () => {
    // given
    const work = await mkdtemp(join(tmpdir(), 'validate-bom-'));
    const template = await readFile(join(__dirname, '..', '..', '..', 'templates', 'servicenow-incident.json'), 'utf8');
    await writeFile(join(work, 'bom.json'), `\ufeff${template}`);

    // when
    const result = await runCli(['validate', 'bom.json'], { cwd: work });
    await rm(work, { recursive: true, force: true });

    // then
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('bom.json: error: not valid JSON: the file starts with a byte order mark (BOM), which Camunda Modeler cannot read; save it as UTF-8 without BOM');
  });

  it('names a template saved as UTF-16, which Camunda Modeler cannot read either, instead of quoting its bytes', async () => {
    // given: a template re-saved by Windows PowerShell 5.1's Out-File (UTF-16LE with a byte order mark)
    const work = await mkdtemp(join(tmpdir(), 'validate-utf16-'));
    const template = await readFile(join(__dirname, '..', '..', '..', 'templates', 'servicenow-incident.json'), 'utf8');
    await writeFile(join(work, 'utf16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(template, 'utf16le')]));

    // when
    const result = await runCli(['validate', 'utf16.json'], { cwd: work });
    await rm(work, { recursive: true, force: true });

    // then
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('utf16.json: error: not valid JSON: the file is saved as UTF-16, not UTF-8, which Camunda Modeler cannot read; save it as UTF-8');
    expect(result.stdout).not.toContain('\ufffd');
  });

  it('checks Camunda\'s official ServiceNow templates, warning about their missing engines and dead properties', async () => {
    // when
    const result = await runCli(['validate', '--json', join(official, 'servicenow-incident-connector.json')]);
    const report = JSON.parse(result.stdout) as Report;

    // then
    expect(result.code).toBe(0);
    expect(report.problems).toContainEqual(expect.objectContaining({ templateId: 'io.camunda.connectors.ServiceNowIncident.v1', severity: 'warning', message: 'no engines.camunda: the Modeler offers the template for every Camunda version; state the lowest it works on' }));
    expect(report.problems).toContainEqual(expect.objectContaining({ property: 'authentication.token', message: 'can never be active: "authentication.type" is Hidden with the fixed value "basic"' }));
  });

  it('finds no error and no warning in the committed templates/, released versions included', async () => {
    // when
    const result = await runCli(['validate', '--json', join(__dirname, '..', '..', '..', 'templates')]);
    const report = JSON.parse(result.stdout) as Report;

    // then
    expect(result.code).toBe(0);
    expect(report.files).toBeGreaterThanOrEqual(17);
    expect(report.problems).toEqual([]);
  });

  it('searches directories and refuses missing paths', async () => {
    expect((await runCli(['validate', join(fixtures, 'missing')])).stderr).toContain('no such file or directory');
    expect((await runCli(['validate'])).code).toBe(1);
    const directory = await runCli(['validate', '--json', fixtures]);
    expect((JSON.parse(directory.stdout) as Report).files).toBe(2);
  });

  it('checks a linked template in a folder, as Camunda Modeler loads it, without following linked folders', async () => {
    // given
    const work = await mkdtemp(join(tmpdir(), 'validate-links-'));
    await mkdir(join(work, 'templates'));
    await writeFile(join(work, 'broken.json'), '{');
    await symlink('../broken.json', join(work, 'templates', 'linked.json'));
    await symlink('..', join(work, 'templates', 'loop'));

    // when
    const result = await runCli(['validate', 'templates'], { cwd: work });
    await rm(work, { recursive: true, force: true });

    // then
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${join('templates', 'linked.json')}: error: not valid JSON`);
    expect(result.stdout).toContain('1 file(s) checked: 1 error(s)');
  });

  it('refuses a 50 MB description and a file over the 4 MB limit, naming the limits', async () => {
    // given: a valid generated template, once with a huge description and once padded past the file limit
    const work = await mkdtemp(join(tmpdir(), 'validate-size-'));
    const template = JSON.parse(await readFile(join(__dirname, '../../../templates/servicenow-incident.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(work, 'huge-description.json'), JSON.stringify({ ...template, id: 'x.huge', description: 'x'.repeat(50 * 1024 * 1024) }));
    await writeFile(join(work, 'long-label.json'), JSON.stringify({ ...template, id: 'x.long', properties: [{ ...(template['properties'] as object[])[0], label: 'y'.repeat(10_001) }, ...(template['properties'] as object[]).slice(1)] }));
    await writeFile(join(work, 'fine.json'), JSON.stringify({ ...template, description: 'z'.repeat(10_000) }));
    try {
      // when
      const result = await runCli(['validate', '--json', work]);

      // then
      const report = JSON.parse(result.stdout) as Report;
      expect(result.code).toBe(1);
      expect(report.problems.map(({ file, message }) => [file.split('/').pop(), message.replace(/\d{6,}/, 'N')])).toEqual([
        ['huge-description.json', 'the file is N bytes; a template file may have at most 4194304 (4 MB)'],
        ['long-label.json', 'label has 10001 characters; texts may have at most 10000']
      ]);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
