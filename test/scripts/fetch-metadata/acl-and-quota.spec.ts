import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFetchMetadataCommand } from '../../../scripts/fetch-metadata/command';
import { fetchMetadata } from '../../../scripts/fetch-metadata/fetch';
import type { Fault } from '../../../scripts/emulator/faults';
import { DEFAULT_USER, type RunningEmulator } from '../../../scripts/emulator/server';
import { ServiceNowClient } from '../../../scripts/servicenow-http/client';
import { ServiceNowError } from '../../../scripts/servicenow-http/errors';
import { basicEnv, call, startSyntheticEmulator } from '../emulator/fixture';
import { runCommand } from './run-command';

/*
 * What a real instance answers when ACLs or a transaction quota get in the
 * way, all with HTTP 200: rows dropped from a page after counting and
 * paging (the Table API docs, GET /now/table: sysparm_limit "is applied
 * before ACL evaluation"; KB3047115), fields left out of records (KB2971488), a
 * dot-walk into a record the user may not read coming back "", and a
 * cancelled transaction's error appended to part of a page (KB1297438;
 * PySNC's GlideRecord._do_query reports the same text and advises a smaller
 * batch). Each must fail the fetch, name what is missing, and write nothing.
 */
const command = createFetchMetadataCommand({ sleep: async () => undefined });
const ALWAYS = 1_000;

async function filesOf(directory: string): Promise<Record<string, string>> {
  const names = (await readdir(directory)).sort();
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(join(directory, name), 'utf8')] as const)));
}

describe('scripts/fetch-metadata - ACL-filtered and cancelled answers', () => {
  let emulator: RunningEmulator;
  let work: string;
  let clean: Record<string, string>;

  const fetchInto = (out: string, extra: string[] = []) =>
    runCommand(command, ['--instance', emulator.url, '--tables', 'u_asset_request', '--out', out, '--retries', '2', ...extra], { env: { ...basicEnv, SOURCE_DATE_EPOCH: '1795000000' }, cwd: work });

  beforeEach(async () => {
    emulator = await startSyntheticEmulator({ tables: ['u_asset_request'] });
    work = await mkdtemp(join(tmpdir(), 'fetch-acl-'));
    expect((await fetchInto(join(work, 'snap'))).code).toBe(0);
    clean = await filesOf(join(work, 'snap'));
    emulator.requests.length = 0;
  });
  afterEach(async () => {
    await emulator.close();
    await rm(work, { recursive: true, force: true });
  });

  it.each<[string, Fault, RegExp[]]>([
    [
      'rows that read ACLs drop from a page',
      { kind: 'acl-hide-rows', table: 'sys_dictionary', match: { name: 'u_asset_request', element: 'u_field_003' }, times: ALWAYS },
      [/the instance counted (\d+) matching records of sys_dictionary but sent \d+: read ACLs hide 1 from this user/, /sys_dictionary usually needs admin or personalize_dictionary/]
    ],
    [
      'a sys_db_object record that read ACLs drop',
      { kind: 'acl-hide-rows', table: 'sys_db_object', match: { name: 'task' }, times: ALWAYS },
      [/matching records of sys_db_object but sent \d+: read ACLs hide 1/]
    ],
    [
      'a field that a field ACL leaves out',
      { kind: 'acl-hide-fields', table: 'sys_dictionary', fields: ['mandatory'], times: ALWAYS },
      [/sys_dictionary answered without mandatory: the user may not read that field/, /sys_dictionary\.mandatory: missing in (\d+) of \1 records \(e\.g\. task, sys_id \w+\)/, /read ACLs on sys_dictionary\.mandatory/]
    ],
    [
      'choices without their language',
      { kind: 'acl-hide-fields', table: 'sys_choice', fields: ['language', 'inactive'], times: ALWAYS },
      [/sys_choice answered without inactive, language: the user may not read those fields/, /admin or personalize_choices/]
    ],
    [
      'a super class named only by sys_id (its dot-walked name comes back "")',
      { kind: 'acl-hide-fields', table: 'sys_db_object', fields: ['super_class.name'], blank: true, times: ALWAYS },
      [/sys_db_object names the super class of u_asset_request only by sys_id/, /u_asset_request: super_class \w+, super_class\.name empty/, /lose every column it inherits/]
    ],
    [
      'a transaction cancelled after half a page',
      { kind: 'cancelled-transaction', table: 'sys_dictionary' },
      [/the instance cancelled the request reading sys_dictionary part-way \(HTTP 200\), so its records are incomplete/, /ServiceNow said: Transaction cancelled: maximum execution time exceeded/, /KB1297438.*--page-size 200/]
    ],
    [
      'a transaction cancelled mid-record (the page no longer parses)',
      { kind: 'cancelled-transaction', table: 'sys_choice', cutOff: true },
      [/the instance cancelled the request reading sys_choice part-way \(HTTP 200\)/, /ServiceNow said: Transaction cancelled: maximum execution time exceeded/]
    ]
  ])('refuses %s, says what to do and leaves the previous snapshot as it was', async (_name, fault, messages) => {
    // given
    emulator.faults.add(fault);

    // when
    const result = await fetchInto(join(work, 'snap'));

    // then
    expect(result.code).toBe(1);
    for (const message of messages) expect(result.stderr).toMatch(message);
    expect(emulator.faults.firedCounts()[0]).toBeGreaterThan(0);
    expect(await filesOf(join(work, 'snap'))).toEqual(clean);
    expect(await readdir(work)).toEqual(['snap']);
  });

  it('does not retry a cancelled transaction: the same page size would be cancelled again', async () => {
    // given
    emulator.faults.add({ kind: 'cancelled-transaction', table: 'sys_dictionary', times: ALWAYS });

    // when
    const result = await fetchInto(join(work, 'snap'));

    // then
    expect(result.code).toBe(1);
    expect(emulator.requests.filter((request) => request.table === 'sys_dictionary')).toHaveLength(1);
  });

  it('reads on past a page that ACLs shortened when no Link header says so, and then reports the hidden rows', async () => {
    // given: a proxy that strips the Link header, and a row hidden on the first page
    const withoutLink: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const headers = new Headers(response.headers);
      headers.delete('link');
      return new Response(await response.text(), { status: response.status, statusText: response.statusText, headers });
    };
    const first = emulator.store.all('sys_dictionary').filter((row) => row.name === 'task').sort((a, b) => (a.sys_id! < b.sys_id! ? -1 : 1))[0];
    emulator.faults.add({ kind: 'acl-hide-rows', table: 'sys_dictionary', match: { sys_id: first?.sys_id ?? '' }, times: ALWAYS });
    const client = new ServiceNowClient({ baseUrl: emulator.url, credentials: { kind: 'basic', ...DEFAULT_USER }, fetch: withoutLink });

    // when
    let error: unknown;
    try {
      await fetchMetadata(client, { tables: ['u_asset_request'], pageSize: 5 });
    } catch (caught) {
      error = caught;
    }

    // then: every page was read, at offset + limit as the docs say (before, the short first page ended the list silently)
    expect(error).toBeInstanceOf(ServiceNowError);
    expect((error as ServiceNowError).message).toMatch(/counted (\d+) matching records of sys_dictionary but sent \d+: read ACLs hide 1/);
    const counted = Number(/counted (\d+)/.exec((error as Error).message)?.[1]);
    const offsets = emulator.requests.filter((request) => request.table === 'sys_dictionary').map((request) => request.query.sysparm_offset);
    expect(offsets).toEqual(Array.from({ length: Math.ceil(counted / 5) }, (_, page) => String(page * 5)));
  });

  it('stops with a clear error when something in between drops sysparm_offset, instead of paging forever', async () => {
    // given: a proxy that strips the Link header and the offset
    const withoutOffset: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      url.searchParams.delete('sysparm_offset');
      const response = await fetch(url, init);
      const headers = new Headers(response.headers);
      headers.delete('link');
      return new Response(await response.text(), { status: response.status, statusText: response.statusText, headers });
    };
    const client = new ServiceNowClient({ baseUrl: emulator.url, credentials: { kind: 'basic', ...DEFAULT_USER }, fetch: withoutOffset });

    // when
    let error: unknown;
    try {
      await fetchMetadata(client, { tables: ['u_asset_request'], pageSize: 5 });
    } catch (caught) {
      error = caught;
    }

    // then
    expect((error as Error).message).toBe('the instance sent the same records of sys_dictionary again at sysparm_offset 5');
    expect(emulator.requests.filter((request) => request.table === 'sys_dictionary')).toHaveLength(2);
  });

  it('answers sys_db_object.super_class with the super class\'s sys_id, as an instance does', async () => {
    // when
    const { json } = await call(emulator, 'GET', '/api/now/table/sys_db_object?sysparm_query=nameINu_asset_request,task&sysparm_fields=name,super_class,super_class.name&sysparm_exclude_reference_link=true');

    // then
    const rows = (json as { result: Record<string, string>[] }).result;
    const task = emulator.store.all('sys_db_object').find((row) => row.name === 'task');
    expect(rows).toEqual(expect.arrayContaining([
      { name: 'u_asset_request', super_class: task?.sys_id, 'super_class.name': 'task' },
      { name: 'task', super_class: '', 'super_class.name': '' }
    ]));
  });
});
