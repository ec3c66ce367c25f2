import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';

describe('scripts/metadata - camunda-servicenow metadata list', () => {
  it('lists every table of the bundled snapshot with its super class and field count', async () => {
    // when
    const { code, stdout } = await runCli(['metadata', 'list']);

    // then
    expect(code).toBe(0);
    const rows = stdout.split('\n');
    expect(rows[0]!.split(/\s{2,}/)).toEqual(['TABLE', 'LABEL', 'EXTENDS', 'FIELDS', 'PRIMARY', 'NOTE']);
    expect(rows.find((row) => row.startsWith('incident '))).toMatch(/^incident\s+Incident\s+task\s+92\s+14$/);
    expect(rows.find((row) => row.startsWith('task '))).toMatch(/abstract: no template$/);
    expect(stdout).toMatch(/192 tables from .*; 99 more known only as reference targets\n$/);
  });

  it('prints the same as JSON with --json', async () => {
    // when
    const { code, stdout } = await runCli(['metadata', 'list', '--json']);

    // then
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { tables: { name: string; superClass: string | null; fields: number }[]; referenceTargets: string[] };
    expect(parsed.tables.find((table) => table.name === 'change_task')).toMatchObject({ superClass: 'task', fields: 75 });
    expect(parsed.referenceTargets).toContain('alm_license');
    expect(parsed.tables.map((table) => table.name)).toContain('cmdb_ci_service');
  });
});

describe('scripts/metadata - camunda-servicenow metadata show', () => {
  it('prints the resolved incident as an aligned table, primary fields first', async () => {
    // when
    const { code, stdout, stderr } = await runCli(['metadata', 'show', 'incident']);

    // then
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('Incident [incident]');
    expect(lines[1]).toBe('hierarchy: incident → task');
    const header = lines.find((line) => line.startsWith('ELEMENT'))!;
    expect(header.split(/\s{2,}/)).toEqual(['ELEMENT', 'LABEL', 'TYPE', 'MAX', 'MANDATORY', 'WRITABLE', 'REFERENCE', 'CHOICES']);
    const rows = lines.slice(lines.indexOf(header) + 1);
    expect(rows[0]).toMatch(/^caller_id\s+Caller\s+reference\s+32\s+yes\s+sys_user$/);
    const state = rows.find((row) => row.startsWith('state '))!;
    expect(state).toContain('1=New, 2=In Progress, 3=On Hold, 6=Resolved, 7=Closed, 8=Canceled');
    // columns line up: TYPE starts at the same offset in every row
    const typeAt = header.indexOf('TYPE');
    expect(rows.filter((row) => row.includes('reference ')).every((row) => row.indexOf('reference') === typeAt)).toBe(true);
    expect(stdout).toContain('priority: derived from impact and urgency');
  });

  it('prints the resolved model as JSON with --json', async () => {
    // when
    const { code, stdout } = await runCli(['metadata', 'show', 'change_request', '--json']);

    // then
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { origin: string; table: { name: string; hierarchy: string[]; fields: { element: string; choices: { value: string }[] }[] } };
    expect(parsed.origin).toBe('bundled');
    expect(parsed.table.hierarchy).toEqual(['change_request', 'task']);
    expect(parsed.table.fields.find((field) => field.element === 'type')?.choices.map((choice) => choice.value)).toEqual(['standard', 'normal', 'emergency']);
  });

  it('reads another snapshot with --metadata', async () => {
    // when
    const { code, stdout } = await runCli(['metadata', 'show', 'incident', '--metadata', join(__dirname, 'read-snapshot', 'live-dump')]);

    // then
    expect(code).toBe(0);
    expect(stdout).toContain('source: https://dev00000.service-now.com, build glide-test');
  });

  it.each([
    [['metadata', 'show', 'incidnt'], 'Table "incidnt" is not in the snapshot (@servicenow/sdk-core 4.9.0'],
    [['metadata', 'show', 'incidnt'], 'Did you mean: incident?'],
    [['metadata', 'show', 'sys_user', '--metadata', join(__dirname, 'read-snapshot', 'live-dump')], 'names table "sys_user" only as a reference target'],
    [['metadata', 'show'], 'metadata show needs exactly one table name'],
    [['metadata', 'lsit'], 'unknown subcommand "lsit"'],
    [['metadata', 'show', 'incident', '--colour'], "Unknown option '--colour'"]
  ])('exits 1 with a one-line reason for %j', async (argv, message) => {
    // when
    const { code, stderr } = await runCli(argv);

    // then
    expect(code).toBe(1);
    expect(stderr).toContain(message);
  });
});
