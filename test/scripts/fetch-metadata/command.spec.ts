import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmod, lstat, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFetchMetadataCommand } from '../../../scripts/fetch-metadata/command';
import type { Fault } from '../../../scripts/emulator/faults';
import { startEmulator, type RunningEmulator } from '../../../scripts/emulator/server';
import { loadEmulatorSnapshot } from '../../../scripts/emulator/snapshot-source';
import { readSnapshot } from '../../../scripts/metadata/read-snapshot';
import { runCli } from '../../helpers/cli';
import { basicEnv, oauthEnv, startSyntheticEmulator } from '../emulator/fixture';
import { runCommand } from './run-command';

const EPOCH = { SOURCE_DATE_EPOCH: '1795000000' };
const command = createFetchMetadataCommand({ sleep: async () => undefined });

async function filesOf(directory: string): Promise<Record<string, string>> {
  const names = (await readdir(directory)).sort();
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(join(directory, name), 'utf8')] as const)));
}

describe('scripts/fetch-metadata - command', () => {
  let emulator: RunningEmulator;
  let work: string;

  beforeEach(async () => {
    emulator = await startSyntheticEmulator({ tables: ['u_asset_request', 'u_loaner'] });
    work = await mkdtemp(join(tmpdir(), 'fetch-metadata-'));
  });
  afterEach(async () => {
    await emulator.close();
    await rm(work, { recursive: true, force: true });
  });

  const fetchInto = (out: string, extra: string[] = [], env: NodeJS.ProcessEnv = basicEnv) =>
    runCommand(command, ['--instance', emulator.url, '--tables', 'u_asset_request', '--out', out, ...extra], { env: { ...env, ...EPOCH }, cwd: work });

  it('writes a snapshot that the loader reads as it is, with the hierarchy, reference targets and a manifest', async () => {
    // when
    const result = await runCli(['fetch-metadata', '--instance', emulator.url, '--tables', 'u_asset_request', '--out', 'snap'], { env: { ...basicEnv, ...EPOCH }, cwd: work });

    // then
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`Wrote ${join(work, 'snap')}`);
    const metadata = await readSnapshot(join(work, 'snap'));
    const table = metadata.tables.get('u_asset_request');
    expect(table?.hierarchy).toEqual(['u_asset_request', 'task']);
    expect(table?.fields.map((field) => field.element)).toEqual(expect.arrayContaining(['short_description', 'state', 'u_field_001', 'u_field_012']));
    expect(table?.fields.find((field) => field.element === 'state')).toMatchObject({ mandatory: true, definedOn: 'task', choices: [expect.objectContaining({ value: '1', label: 'New' }), expect.anything(), expect.anything()] });
    const manifest = JSON.parse(await readFile(join(work, 'snap', 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toEqual({
      format: 1,
      origin: 'instance',
      source: emulator.url,
      instance: emulator.url,
      build: 'glide-emulator',
      time: '2026-11-18T11:06:40.000Z',
      tables: ['u_asset_request'],
      records: { sys_db_object: 3, sys_dictionary: 14 + 13, sys_dictionary_override: 1, sys_choice: 3 + 6 }
    });
    const tables = JSON.parse(await readFile(join(work, 'snap', 'sys_db_object.json'), 'utf8')) as { result: { name: string }[] };
    expect(tables.result.map((row) => row.name)).toEqual(['sys_user', 'task', 'u_asset_request']);
  });

  it('writes byte-identical output whatever the page size', async () => {
    // when
    await fetchInto(join(work, 'a'), ['--page-size', '1000']);
    await fetchInto(join(work, 'b'), ['--page-size', '3']);

    // then
    expect(await filesOf(join(work, 'b'))).toEqual(await filesOf(join(work, 'a')));
  });

  it('batches tables into nameIN queries: requests follow result pages, not the number of tables', async () => {
    // given
    await emulator.close();
    emulator = await startSyntheticEmulator({ tables: 40, columnsPerTable: 2 });

    // when
    const few = await runCommand(command, ['--instance', emulator.url, '--tables', 'u_table_01,u_table_02', '--out', join(work, 'few'), '--json'], { env: basicEnv });
    const many = await runCommand(command, ['--instance', emulator.url, '--tables', Array.from({ length: 40 }, (_, index) => `u_table_${String(index + 1).padStart(2, '0')}`).join(','), '--out', join(work, 'many'), '--json'], { env: basicEnv });

    // then
    expect(JSON.parse(few.stdout).requests).toBe(JSON.parse(many.stdout).requests);
    expect(JSON.parse(many.stdout)).toMatchObject({ tables: expect.arrayContaining(['u_table_40']), records: { sys_dictionary: 40 * 3 + 14 } });
  });

  it.each([
    ['client-credentials', oauthEnv, 'client_credentials'],
    ['password', { ...oauthEnv, ...basicEnv }, 'password']
  ])('fetches with an OAuth %s grant', async (_name, env, grant) => {
    // when
    const result = await fetchInto(join(work, 'oauth'), ['--json'], env);

    // then
    expect(result.code).toBe(0);
    expect(emulator.oauth.issued).toBe(1);
    expect(emulator.requests.filter((request) => request.path === '/oauth_token.do').map((request) => request.grantType)).toEqual([grant]);
    expect(emulator.requests.filter((request) => request.path === '/oauth_token.do')).toHaveLength(1);
    expect(emulator.requests.filter((request) => request.table).every((request) => request.auth === 'bearer')).toBe(true);
  });

  it('refuses a read-only earlier fetch before swapping anything, and a new folder gets the umask mode', async () => {
    // given
    const out = join(work, 'acme');
    expect((await fetchInto(out)).code).toBe(0);
    expect((await stat(out)).mode & 0o777).toBe(0o777 & ~process.umask());
    const before = await readdir(out);
    await chmod(out, 0o555);

    // when
    const result = await fetchInto(out);
    await chmod(out, 0o755);

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cannot write to ${out}: permission denied; nothing was changed`);
    expect(result.stderr).not.toContain('internal error');
    expect(await readdir(out)).toEqual(before);
    expect(await readdir(work)).toEqual(['acme']);
  });

  it('refuses an earlier fetch that now also holds other files, which a whole-folder swap would lose', async () => {
    // given
    const out = join(work, 'acme');
    await fetchInto(out);
    await writeFile(join(out, 'NOTES.md'), 'mine\n');

    // when
    const result = await fetchInto(out);

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is an earlier fetch that now also holds NOTES.md');
    expect(await readFile(join(out, 'NOTES.md'), 'utf8')).toBe('mine\n');
  });

  it('names a missing table with close matches and writes nothing', async () => {
    // when
    const result = await runCommand(command, ['--instance', emulator.url, '--tables', 'u_asset_requst,u_lonaer,zzz_unknown', '--out', join(work, 'missing2')], { env: basicEnv });

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('tables not found on the instance: u_asset_requst, u_lonaer, zzz_unknown');
    expect(result.stderr).toContain('u_asset_requst: did you mean u_asset_request?');
    expect(result.stderr).toContain('u_lonaer: did you mean u_loaner?');
    expect(result.stderr).toContain('zzz_unknown: no table with a similar name');
    await expect(readdir(join(work, 'missing2'))).rejects.toThrow(/ENOENT/);
  });

  it('names the column whose reference target sys_db_object does not list, and writes nothing', async () => {
    // given: sys_user is hidden (no read access) or gone
    const sysUser = emulator.store.all('sys_db_object').find((row) => row.name === 'sys_user');
    emulator.store.delete('sys_db_object', sysUser?.sys_id ?? '');

    // when
    const result = await fetchInto(join(work, 'hidden'));

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('sys_db_object does not list sys_user, which the fetched tables need');
    expect(result.stderr).toContain('sys_user: task.assigned_to');
    expect(result.stderr).toContain('admin or personalize_dictionary');
    await expect(readdir(join(work, 'hidden'))).rejects.toThrow(/ENOENT/);
  });

  it('leaves out records that point nowhere, says so, and still writes a loadable snapshot', async () => {
    // given: the debris real instances carry
    emulator.store.seed('sys_choice', [{ name: 'u_asset_request', element: 'u_deleted_column', value: '1', label: 'Gone', sequence: '1', inactive: 'false', language: 'en', dependent_value: '' }]);
    emulator.store.seed('sys_dictionary_override', [
      { name: 'u_asset_request', element: 'u_field_001', mandatory_override: 'true', mandatory: 'true' },
      { name: 'u_asset_request', element: 'u_no_such_column', mandatory_override: 'true', mandatory: 'true' }
    ]);
    emulator.store.seed('sys_dictionary', [{ name: 'u_asset_request', element: 'u_broken_ref', column_label: 'Broken', internal_type: 'reference', reference: '', active: 'true' }]);

    // when
    const result = await fetchInto(join(work, 'tidy'));
    const json = await fetchInto(join(work, 'tidy-json'), ['--json']);

    // then
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('sys_choice: 1 record left out (a choice for a column that the table does not have');
    expect(result.stdout).toContain('sys_dictionary_override: 1 record left out (overrides a column the table defines itself');
    expect(result.stdout).toContain('sys_dictionary_override: 1 record left out (overrides a column that the table does not have)');
    expect(result.stdout).toContain('sys_dictionary: 1 record left out (a reference column without a reference table)');
    expect(JSON.parse(json.stdout).omitted).toHaveLength(4);
    expect(JSON.parse(json.stdout).omitted[0]).toMatchObject({ file: 'sys_dictionary', record: expect.stringMatching(/^u_asset_request\.u_broken_ref \([0-9a-f]{32}\)$/) });
    const metadata = await readSnapshot(join(work, 'tidy'));
    expect(metadata.tables.get('u_asset_request')?.fields.map((field) => field.element)).not.toContain('u_broken_ref');
  });

  it('keeps the choices of the --language it fetched, and names that language in the manifest', async () => {
    // given: German labels (non-ASCII, as UTF-8 JSON) next to the English ones, as an instance with the German plugin has them
    emulator.store.seed('sys_choice', [
      { name: 'task', element: 'state', value: '1', label: 'Neu', sequence: '1', inactive: 'false', language: 'de', dependent_value: '' },
      { name: 'task', element: 'state', value: '2', label: 'In Bearbeitung – zurückgestellt', sequence: '2', inactive: 'false', language: 'de', dependent_value: '' }
    ]);

    // when
    const result = await fetchInto(join(work, 'de'), ['--language', 'de']);

    // then
    expect(result.code).toBe(0);
    const manifest = JSON.parse(await readFile(join(work, 'de', 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.language).toBe('de');
    const table = (await readSnapshot(join(work, 'de'))).tables.get('u_asset_request');
    const state = table?.fields.find((field) => field.element === 'state');
    expect(state?.choices?.map((choice) => [choice.value, choice.label])).toEqual([['1', 'Neu'], ['2', 'In Bearbeitung – zurückgestellt']]);
    // A column without German choices shows its English ones on the instance, so the snapshot keeps them.
    const untranslated = table?.fields.find((field) => field.element === 'u_field_004');
    expect(untranslated?.choices?.map((choice) => [choice.value, choice.label])).toEqual([['1', 'One'], ['2', 'Two']]);
    expect(emulator.requests.filter((request) => request.table === 'sys_choice').map((request) => request.query.sysparm_query)).toEqual([expect.stringContaining('^languageINde,en^')]);
  });

  it('fetches the choices a column takes from another table (choice_table, choice_field), with that column\'s dictionary entry', async () => {
    // given: as cmn_location.time_zone takes sys_user.time_zone's choices on an instance (@servicenow/sdk-core
    // cmn_location, in the bundled snapshot: choice_table sys_user, choice_field time_zone); sys_user is only a reference target here
    const base = { column_label: 'Time zone', internal_type: 'string', max_length: '40', mandatory: 'false', read_only: 'false', reference: '', choice: '1', active: 'true' };
    emulator.store.seed('sys_dictionary', [
      { ...base, name: 'u_asset_request', element: 'u_time_zone', choice_table: 'sys_user', choice_field: 'time_zone' },
      { ...base, name: 'u_asset_request', element: 'u_size', choice_table: 'u_loaner', choice_field: 'u_field_004' },
      { ...base, name: 'sys_user', element: 'time_zone' },
      // Matches the batched query (a source table, a source field) but is no source: not to be written.
      { ...base, name: 'sys_user', element: 'u_field_004' }
    ]);
    const zone = (value: string, sequence: string, element = 'time_zone') => ({ name: 'sys_user', element, value, label: value, sequence, inactive: 'false', language: 'en', dependent_value: '' });
    emulator.store.seed('sys_choice', [zone('Europe/Berlin', '1'), zone('US/Pacific', '2'), zone('XL', '1', 'u_field_004')]);

    // when
    const result = await fetchInto(join(work, 'zones'));

    // then
    expect(result.code).toBe(0);
    const metadata = await readSnapshot(join(work, 'zones'));
    const field = metadata.tables.get('u_asset_request')?.fields.find((candidate) => candidate.element === 'u_time_zone');
    expect(field?.choices.map((choice) => choice.value)).toEqual(['Europe/Berlin', 'US/Pacific']);
    expect(metadata.tables.get('u_asset_request')?.fields.find((candidate) => candidate.element === 'u_size')?.choices.map((choice) => choice.label)).toEqual(['One', 'Two']);
    expect(metadata.tables.has('sys_user')).toBe(false);
    const written = JSON.parse(await readFile(join(work, 'zones', 'sys_dictionary.json'), 'utf8')) as { result: { name: string; element: string }[] };
    expect(written.result.filter((row) => row.name === 'sys_user').map((row) => row.element)).not.toContain('u_field_004');
  });

  it('fetches the older dependent column, so a column that names its parent only there still depends on it', async () => {
    // given
    emulator.store.seed('sys_dictionary', [{ name: 'u_asset_request', element: 'u_subcategory', column_label: 'Subcategory', internal_type: 'string', max_length: '40', dependent: 'u_field_001', dependent_on_field: '', active: 'true' }]);

    // when
    const result = await fetchInto(join(work, 'dependent'));

    // then
    expect(result.code).toBe(0);
    const field = (await readSnapshot(join(work, 'dependent'))).tables.get('u_asset_request')?.fields.find((candidate) => candidate.element === 'u_subcategory');
    expect(field?.dependentOnField).toBe('u_field_001');
  });

  it('refreshes the folder a linked --out points to, and keeps the link', async () => {
    // given
    const out = join(work, 'acme');
    expect((await fetchInto(out)).code).toBe(0);
    await symlink('acme', join(work, 'current'));

    // when
    const result = await runCommand(command, ['--instance', emulator.url, '--tables', 'u_asset_request,u_loaner', '--out', 'current'], { env: { ...basicEnv, ...EPOCH }, cwd: work });

    // then
    expect(result.code).toBe(0);
    expect((await lstat(join(work, 'current'))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(work, 'current'))).toBe('acme');
    expect(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'))).toMatchObject({ tables: ['u_asset_request', 'u_loaner'] });
    expect((await readdir(work)).sort()).toEqual(['acme', 'current']);
  });

  it('refuses a file as --out before sending a request, and keeps the file', async () => {
    // given
    await writeFile(join(work, 'notes'), 'mine\n');

    // when
    const result = await fetchInto(join(work, 'notes'));

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`--out ${join(work, 'notes')} is a file, not a folder`);
    expect(result.stderr).not.toMatch(/ENOTDIR|scandir/);
    expect(emulator.requests).toEqual([]);
    expect(await readFile(join(work, 'notes'), 'utf8')).toBe('mine\n');
  });

  it('refuses to replace a folder that is not a fetched snapshot', async () => {
    // given
    await mkdir(join(work, 'src'));
    await writeFile(join(work, 'src', 'keep.txt'), 'mine');

    // when
    const result = await fetchInto(join(work, 'src'));

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a snapshot fetched from an instance');
    expect(await readFile(join(work, 'src', 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('shows progress on a terminal and stays quiet otherwise', async () => {
    // given
    emulator.faults.add({ kind: 'status', status: 500, table: 'sys_choice' });

    // when
    const terminal = await runCommand(command, ['--instance', emulator.url, '--tables', 'u_asset_request', '--out', join(work, 'tty')], { env: basicEnv, tty: true });
    const piped = await runCommand(command, ['--instance', emulator.url, '--tables', 'u_asset_request', '--out', join(work, 'pipe')], { env: basicEnv, tty: false });

    // then
    expect(terminal.stderr).toMatch(/sys_dictionary: page 1, \d+\/\d+ records \(1 table\)/);
    expect(terminal.stderr).toContain('retrying in 1 s (attempt 2): the instance failed with HTTP 500 Internal Server Error reading sys_choice');
    expect(piped.stderr).toBe('');
  });

  describe('faults', () => {
    let clean: Record<string, string>;

    beforeEach(async () => {
      await fetchInto(join(work, 'clean'));
      clean = await filesOf(join(work, 'clean'));
      emulator.requests.length = 0;
    });

    it.each<[string, Fault]>([
      ['429 with Retry-After', { kind: 'rate-limit', retryAfterSeconds: 3, table: 'sys_dictionary' }],
      ['500', { kind: 'status', status: 500, table: 'sys_choice', times: 2 }],
      ['503 with an HTML page', { kind: 'html', status: 503, table: 'sys_db_object' }],
      ['a slow response past the timeout', { kind: 'slow', delayMs: 10_000, table: 'sys_dictionary_override' }],
      ['a connection reset', { kind: 'reset', table: 'sys_dictionary', after: 1 }],
      ['truncated JSON', { kind: 'truncated-json', table: 'sys_dictionary' }],
      ['an OAuth token endpoint failing once', { kind: 'status', status: 500, path: '/oauth_token.do' }]
    ])('recovers from %s with the same output as a clean fetch', async (_name, fault) => {
      // given
      emulator.faults.add(fault);

      // when
      const timeout = fault.kind === 'slow' ? ['--timeout', '1.5'] : [];
      const result = await fetchInto(join(work, 'out'), [...timeout, '--page-size', '5'], fault.path ? oauthEnv : basicEnv);

      // then
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(emulator.faults.firedCounts().every((count) => count > 0)).toBe(true);
      expect(await filesOf(join(work, 'out'))).toEqual(clean);
    });

    it('recovers from a table that changes between pages by reading it again', async () => {
      // given
      emulator.faults.add({ kind: 'change-between-pages', table: 'sys_dictionary' });

      // when
      const result = await fetchInto(join(work, 'out'), ['--page-size', '5', '--json']);

      // then
      expect(result.code).toBe(0);
      const metadata = await readSnapshot(join(work, 'out'));
      expect(metadata.tables.get('u_asset_request')).toBeDefined();
      expect(JSON.parse(result.stdout).records.sys_dictionary).toBe(JSON.parse(clean['manifest.json'] ?? '{}').records.sys_dictionary + 1);
    });

    it.each<[string, Fault, RegExp]>([
      ['401', { kind: 'status', status: 401, table: 'sys_db_object' }, /the instance refused the credentials \(HTTP 401\)/],
      ['403 on sys_dictionary', { kind: 'status', status: 403, table: 'sys_dictionary' }, /access denied \(HTTP 403\) reading sys_dictionary[\s\S]*admin or personalize_dictionary/],
      ['403 on sys_choice', { kind: 'status', status: 403, table: 'sys_choice' }, /reading sys_choice[\s\S]*admin or personalize_choices/],
      ['503 HTML that never ends', { kind: 'html', status: 503, times: 100 }, /HTML page \(HTTP 503\) instead of JSON[\s\S]*Instance Hibernating page/],
      ['a login page with HTTP 200', { kind: 'html', status: 200, page: 'login' }, /HTML page \(HTTP 200\) instead of JSON\n\s+This is a login page/],
      ['a hibernating developer instance (HTTP 200)', { kind: 'html', status: 200, page: 'hibernating' }, /HTML page \(HTTP 200\) instead of JSON\n\s+It is the "Instance Hibernating page": the developer instance is hibernating; sign in at developer\.servicenow\.com, wake it/],
      ['rate limiting for hours', { kind: 'rate-limit', retryAfterSeconds: 7200 }, /rate limit exceeded \(HTTP 429\) reading sys_db_object; the instance asked to wait 7200 s/],
      ['resets that never stop', { kind: 'reset', times: 100 }, /the connection to 127\.0\.0\.1:\d+ broke/]
    ])('reports %s clearly and leaves the previous snapshot as it was', async (_name, fault, message) => {
      // given
      emulator.faults.add(fault);

      // when
      const result = await fetchInto(join(work, 'clean'), ['--retries', '2']);

      // then
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(await filesOf(join(work, 'clean'))).toEqual(clean);
      expect((await readdir(work)).sort()).toEqual(['clean']);
    });
  });

  it('never shows or writes a credential, on success or on error', async () => {
    // given
    await emulator.close();
    const secrets = { user: 'integration.user.7', password: 'Pa55-word-XYZ', clientId: 'client-id-4711', clientSecret: 'client-secret-QRS' };
    emulator = await startSyntheticEmulator(
      { tables: ['u_asset_request'] },
      { users: [{ username: secrets.user, password: secrets.password }], oauthClients: [{ clientId: secrets.clientId, clientSecret: secrets.clientSecret, user: secrets.user }] }
    );
    const envs = [
      { SERVICENOW_USERNAME: secrets.user, SERVICENOW_PASSWORD: secrets.password },
      { SERVICENOW_CLIENT_ID: secrets.clientId, SERVICENOW_CLIENT_SECRET: secrets.clientSecret },
      { SERVICENOW_CLIENT_ID: secrets.clientId, SERVICENOW_CLIENT_SECRET: secrets.clientSecret, SERVICENOW_USERNAME: secrets.user, SERVICENOW_PASSWORD: secrets.password },
      { SERVICENOW_USERNAME: secrets.user, SERVICENOW_PASSWORD: 'wrong-password-ABC' }
    ];
    const faults: (Fault | undefined)[] = [undefined, { kind: 'status', status: 401 }, { kind: 'status', status: 403, table: 'sys_choice' }, { kind: 'html', status: 503, times: 100 }, { kind: 'status', status: 500, times: 100 }];
    const forbidden = [...Object.values(secrets), 'wrong-password-ABC', Buffer.from(`${secrets.user}:${secrets.password}`).toString('base64')];

    for (const env of envs) {
      for (const fault of faults) {
        emulator.faults.clear();
        if (fault) emulator.faults.add(fault);
        const out = join(work, `out-${envs.indexOf(env)}-${faults.indexOf(fault)}`);

        // when
        const result = await runCommand(command, ['--instance', emulator.url, '--tables', 'u_asset_request', '--out', out, '--retries', '1'], { env, tty: true });
        const json = await runCommand(command, ['--instance', emulator.url, '--tables', 'u_asset_request', '--out', `${out}-json`, '--json', '--retries', '1'], { env });

        // then
        const written = await filesOf(out).catch(() => ({}));
        const everything = JSON.stringify([result, json, written]);
        for (const secret of forbidden) expect(everything).not.toContain(secret);
      }
    }
    expect(emulator.requests.length).toBeGreaterThan(40);
  });

  it.each([
    [['--instance', 'https://acme.service-now.com', '--tables', 'incident', '--password=hunter2'], /--password is not accepted/],
    [['--tables', 'incident'], /missing --instance/],
    [['--instance', 'https://acme.service-now.com'], /missing --tables/],
    [['--instance', 'https://acme.service-now.com', '--tables', 'incident;drop'], /not a table name: incident;drop/],
    [['--instance', 'https://acme.service-now.com', '--tables', 'incident', '--page-size', '0'], /--page-size must be a whole number/],
    [['--instance', 'https://acme.service-now.com', '--tables', 'incident', '--language', ''], /--language "" is not a language code; give one such as en or de/],
    [['--instance', 'https://acme.service-now.com', '--tables', 'incident', '--timeout', '0'], /--timeout "0" must be a number of seconds above 0 and at most 600/]
  ])('refuses %j with exit 1', async (argv, message) => {
    // when
    const result = await runCommand(command, argv, { env: basicEnv });

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain('hunter2');
  });

  it('says which variables to set when there are no credentials and no terminal', async () => {
    // when
    const result = await runCommand(command, ['--instance', emulator.url, '--tables', 'u_asset_request'], { env: {}, cwd: work });

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('SERVICENOW_USERNAME is not set and there is no terminal to ask for it');
  });

  it('reads what the bundled snapshot holds, so that a fetch from an instance like it gives the same tables, which generate takes as they are', async () => {
    // given
    await emulator.close();
    emulator = await startEmulator({ snapshot: await loadEmulatorSnapshot() });
    const bundled = await readSnapshot();

    // when
    const result = await runCommand(command, ['--instance', emulator.url, '--tables', 'incident,change_request', '--out', join(work, 'bundled')], { env: basicEnv });

    // then
    expect(result.code).toBe(0);
    const fetched = await readSnapshot(join(work, 'bundled'));
    for (const name of ['incident', 'change_request']) {
      const shape = (metadata: typeof bundled) => metadata.tables.get(name)?.fields.map((field) => [field.element, field.internalType, field.mandatory, field.reference ?? '', field.choices.map((choice) => choice.value).join(',')]);
      expect(shape(fetched)).toEqual(shape(bundled));
    }
    const generated = await runCli(['generate', '--metadata', join(work, 'bundled'), '--all', '--out', join(work, 'templates')], { cwd: work });
    expect(generated.code).toBe(0);
    expect(await readdir(join(work, 'templates'))).toEqual(expect.arrayContaining(['servicenow-change_request.json', 'servicenow-incident.json']));
    expect((await runCli(['validate', join(work, 'templates')], { cwd: work })).code).toBe(0);
  });
});
