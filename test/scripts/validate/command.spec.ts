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
    expect(result.stderr).toContain(`${join(fixtures, 'broken.json')}: x.small v1: mode: error: value "c" is not one of its choices`);
    expect(result.stderr).toContain(`${join(fixtures, 'broken.json')}: x.small v1: ghost: error: condition names property "missing", which does not exist`);
    expect(result.stdout).toMatch(/1 file\(s\) checked: \d+ error\(s\), \d+ warning\(s\)\n$/);
  });

  it('prints the problems as JSON, schema findings with their line', async () => {
    // when
    const result = await runCli(['validate', '--json', join(fixtures, 'broken.json')]);
    const report = JSON.parse(result.stdout) as Report;

    // then
    expect(report).toMatchObject({ files: 1, errors: 11 });
    expect(report.problems).toContainEqual({ file: join(fixtures, 'broken.json'), templateId: 'x.small', templateVersion: 1, property: 'dead', severity: 'warning', message: 'can never be active: "fixed" is Hidden with the fixed value "off"' });
  });

  it('names a file that is not JSON', async () => {
    // when
    const result = await runCli(['validate', join(fixtures, 'not-json.json')]);

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not-json\.json: error: not valid JSON: /);
  });

  it('checks Camunda\'s official ServiceNow templates, reporting their missing engines and dead properties', async () => {
    // when
    const result = await runCli(['validate', '--json', join(official, 'servicenow-incident-connector.json')]);
    const report = JSON.parse(result.stdout) as Report;

    // then
    expect(result.code).toBe(1);
    expect(report.problems).toContainEqual(expect.objectContaining({ templateId: 'io.camunda.connectors.ServiceNowIncident.v1', severity: 'error', message: 'no engines.camunda: state the lowest Camunda version the template works on' }));
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
});
