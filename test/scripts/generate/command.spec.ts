import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURATED_TABLES } from '../../../scripts/generate/curated-tables';
import { readOutputDir } from '../../../scripts/generate/read-output-dir';
import { readSnapshot } from '../../../scripts/metadata/read-snapshot';
import { runCli } from '../../helpers/cli';

const snapshot = join(__dirname, 'command', 'snapshot');
let work: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'generate-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

function generate(...args: string[]) {
  return runCli(['generate', '--metadata', snapshot, ...args], { cwd: work });
}

describe('scripts/generate - camunda-servicenow generate', () => {
  it('refuses --out in the metadata snapshot folder or below it, even through a link, and writes nothing there', async () => {
    // given: a fetched snapshot, and a link to it
    await cp(snapshot, join(work, 'acme'), { recursive: true });
    await symlink('acme', join(work, 'current'));
    const before = (await readdir(join(work, 'acme'))).sort();

    // when
    const runs = [
      await runCli(['generate', '--metadata', 'acme', '--out', 'acme'], { cwd: work }),
      await runCli(['generate', '--metadata', 'acme/sys_db_object.json', '--out', 'acme/templates'], { cwd: work }),
      await runCli(['generate', '--metadata', 'current', '--out', 'acme'], { cwd: work })
    ];

    // then
    for (const run of runs) {
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/--out acme(\/templates)? is (inside )?the metadata snapshot folder .*; templates go in a folder of their own/);
    }
    expect((await readdir(join(work, 'acme'))).sort()).toEqual(before);
  });

  it('writes one template per non-abstract table plus the generic one, and the event templates of the tables with a wait example, all valid', async () => {
    // when
    const result = await generate('--all');

    // then
    expect(result.code).toBe(0);
    const events = ['event-boundary', 'event-intermediate', 'event-start', 'wait-boundary', 'wait'].map((kind) => `servicenow-incident-${kind}.json`);
    const apis = ['attachment', 'order-catalog-item', 'start-flow'].map((kind) => `servicenow-api-${kind}.json`);
    expect([...(await readOutputDir(join(work, 'templates'))).keys()].sort()).toEqual(['servicenow-any-table.json', ...apis, ...events, 'servicenow-incident.json', 'servicenow-problem.json'].sort());
    expect(result.stdout).toContain('new       servicenow-incident.json (community.servicenow.incident v1, 13 field inputs)');
    const validate = await runCli(['validate', 'templates'], { cwd: work });
    expect(validate).toMatchObject({ code: 0, stdout: '11 file(s) checked: 0 error(s), 0 warning(s)\n' });
  });

  it('makes templates for the curated tables by default, retiring others; --all for every table', async () => {
    // given: a template of a table outside the curated list
    await runCli(['generate', '--tables', 'sys_script', '--out', 'out'], { cwd: work });

    // when
    const curated = await runCli(['generate', '--out', 'out'], { cwd: work });
    const curatedFiles = [...(await readOutputDir(join(work, 'out'))).keys()].filter((file) => !file.includes('/'));
    const all = await runCli(['generate', '--all', '--out', 'all'], { cwd: work });

    // then: one template per table plus the generic one; the event, API and order templates come on top
    expect(curated.code).toBe(0);
    expect(curatedFiles.filter(isTableTemplate).sort()).toEqual([...CURATED_TABLES.map((table) => `servicenow-${table}.json`), 'servicenow-any-table.json'].sort());
    expect(curatedFiles.filter((file) => !isTableTemplate(file))).toContain('servicenow-api-attachment.json');
    expect(curated.stdout).toContain('retired   servicenow-sys_script.json (kept in versioned/)');
    expect(all.code).toBe(0);
    const metadata = await readSnapshot();
    const everyTable = [...metadata.tables.values()].filter((table) => !table.abstract).length;
    expect([...(await readOutputDir(join(work, 'all'))).keys()].filter(isTableTemplate)).toHaveLength(everyTable + 1);
  }, 120_000);

  it('is byte-identical across runs and output directories', async () => {
    // given
    await generate('--out', 'first');

    // when
    const second = await generate('--out', 'second');
    const again = await generate('--out', 'first');

    // then
    expect(second.code).toBe(0);
    expect(again.stdout).toMatch(/^unchanged servicenow-incident\.json/m);
    expect(await readOutputDir(join(work, 'second'))).toEqual(await readOutputDir(join(work, 'first')));
  });

  it('writes and reports the same whether the templates are validated on the main thread or on worker threads', async () => {
    // when
    const single = await generate('--all', '--jobs', '1', '--out', 'single');
    const threads = await generate('--all', '--jobs', '2', '--out', 'threads');

    // then
    expect(threads).toMatchObject({ code: 0, stderr: single.stderr });
    expect(threads.stdout.replace('threads', 'single')).toBe(single.stdout);
    expect(await readOutputDir(join(work, 'threads'))).toEqual(await readOutputDir(join(work, 'single')));
  });

  it('bumps the version of a changed template and keeps the released file in versioned/', async () => {
    // given: version 1 released, then the snapshot relabels the incident table
    await generate();
    const released = await readFile(join(work, 'templates', 'servicenow-incident.json'), 'utf8');
    const changed = join(work, 'snapshot');
    await cp(snapshot, changed, { recursive: true });
    const tables = join(changed, 'sys_db_object.json');
    await writeFile(tables, (await readFile(tables, 'utf8')).replace('"label": "Incident"', '"label": "Service Incident"'));

    // when
    const result = await runCli(['generate', '--metadata', changed, '--json'], { cwd: work });

    // then
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { templates: { file: string; version: number; status: string }[] };
    expect(report.templates.find((template) => template.file === 'servicenow-incident.json')).toMatchObject({ version: 2, status: 'changed' });
    expect(report.templates.find((template) => template.file === 'servicenow-problem.json')).toMatchObject({ version: 1, status: 'unchanged' });
    expect(await readFile(join(work, 'templates', 'versioned', 'servicenow-incident-1.json'), 'utf8')).toBe(released);
    expect(JSON.parse(await readFile(join(work, 'templates', 'servicenow-incident.json'), 'utf8'))).toMatchObject({ version: 2, name: 'ServiceNow: Service Incident' });
  });

  it('generates only the named tables and keeps the other templates', async () => {
    // given
    await generate();
    const problem = await readFile(join(work, 'templates', 'servicenow-problem.json'), 'utf8');

    // when
    const result = await generate('--tables', 'incident', '--id-prefix', 'com.example.itsm');

    // then
    expect(result.stdout).toContain('changed   servicenow-incident.json (com.example.itsm.incident v2');
    expect(await readFile(join(work, 'templates', 'servicenow-problem.json'), 'utf8')).toBe(problem);
  });

  it('refuses an unknown table, suggesting close matches', async () => {
    // when
    const result = await generate('--tables', 'incidnet,task,sys_user');

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('camunda-servicenow generate: cannot generate templates for 3 table name(s)');
    expect(result.stderr).toMatch(/incidnet: no such table in .*snapshot; did you mean incident\?/);
    expect(result.stderr).toContain('task: only extended by other tables (abstract)');
    expect(result.stderr).toContain('sys_user: the snapshot knows only its name');
  });

  it('accepts a snapshot file for its directory and names a missing snapshot', async () => {
    expect((await runCli(['generate', '--metadata', join(snapshot, 'manifest.json')], { cwd: work })).code).toBe(0);
    const missing = await runCli(['generate', '--metadata', join(work, 'nowhere')], { cwd: work });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No metadata snapshot at');
  });

  it('refuses ids in Camunda\'s namespace and conflicting options', async () => {
    expect((await generate('--id-prefix', 'io.camunda.connectors')).stderr).toContain('the io.camunda namespace belongs to Camunda');
    expect((await generate('--id-prefix', 'io.camunda')).code).toBe(1);
    expect((await generate('--id-prefix', 'io.camundax', '--tables', 'incident'))).toMatchObject({ code: 0, stderr: '' });
    expect((await generate('--all', '--tables', 'incident')).code).toBe(1);
    for (const jobs of ['0', '1.5', 'many']) expect((await generate('--jobs', jobs)).stderr).toContain(`--jobs "${jobs}" is not a whole number from 1 to 64`);
  });

  it('leaves the previous output intact when a file it must replace is blocked', async () => {
    // given: a released incident template, then a change whose versioned copy cannot be written
    // (a folder of someone else's sits where the file belongs)
    await generate();
    const before = await readOutputDir(join(work, 'templates'));
    await mkdir(join(work, 'templates', 'versioned', 'servicenow-incident-1.json'), { recursive: true });
    await writeFile(join(work, 'templates', 'versioned', 'servicenow-incident-1.json', 'blocker.txt'), 'x');

    // when
    const result = await generate('--id-prefix', 'com.example.changed');

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('versioned/servicenow-incident-1.json is not a regular file, and this command would replace it');
    expect(await readOutputDir(join(work, 'templates'))).toEqual(before);
    expect(await readFile(join(work, 'templates', 'versioned', 'servicenow-incident-1.json', 'blocker.txt'), 'utf8')).toBe('x');
    expect((await readdir(join(work, 'templates'))).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});

/** A table template (or the generic one), not an event, API or catalog order template. */
function isTableTemplate(file: string): boolean {
  return !/^servicenow-(api|order)-/.test(file) && !/-(event|wait)(-[a-z]+)?\.json$/.test(file);
}
