import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../scripts/emulator/server';
import { DEFAULT_OAUTH_CLIENT, DEFAULT_USER } from '../../../scripts/emulator/server';
import { ServiceNowClient } from '../../../scripts/servicenow-http/client';
import type { Credentials } from '../../../scripts/servicenow-http/credentials';
import { ServiceNowError } from '../../../scripts/servicenow-http/errors';
import { startSyntheticEmulator } from '../emulator/fixture';

const basic: Credentials = { kind: 'basic', username: DEFAULT_USER.username, password: DEFAULT_USER.password };
const clientCredentials: Credentials = { kind: 'oauth', clientId: DEFAULT_OAUTH_CLIENT.clientId, clientSecret: DEFAULT_OAUTH_CLIENT.clientSecret, grant: 'client_credentials' };

describe('scripts/servicenow-http - client', () => {
  let emulator: RunningEmulator;
  let waits: number[];

  const client = (credentials: Credentials = basic, timeoutMs = 2_000) =>
    new ServiceNowClient({ baseUrl: emulator.url, credentials, timeoutMs, random: () => 1, retry: { sleep: async (ms) => void waits.push(ms) } });
  const failure = async (promise: Promise<unknown>): Promise<ServiceNowError> => {
    try {
      await promise;
    } catch (error) {
      if (error instanceof ServiceNowError) return error;
      throw error;
    }
    throw new Error('expected a ServiceNowError');
  };

  beforeEach(async () => {
    emulator = await startSyntheticEmulator({ tables: 3, columnsPerTable: 10 });
    waits = [];
  });
  afterEach(async () => {
    await emulator.close();
  });

  it('reads every page with the requested fields, a stable order and no reference links', async () => {
    // given
    const expected = emulator.store.all('sys_dictionary').length;

    // when
    const rows = await client().listAll('sys_dictionary', { query: 'nameSTARTSWITHu_table', fields: ['name', 'element'], pageSize: 7 });

    // then
    const pages = emulator.requests.filter((request) => request.table === 'sys_dictionary');
    const matching = emulator.store.all('sys_dictionary').filter((row) => row.name?.startsWith('u_table')).length;
    expect(rows).toHaveLength(matching);
    expect(matching).toBeLessThan(expected);
    expect(pages).toHaveLength(Math.ceil(matching / 7));
    expect(pages[0]?.query).toMatchObject({ sysparm_query: 'nameSTARTSWITHu_table^ORDERBYsys_id', sysparm_fields: 'name,element,sys_id', sysparm_exclude_reference_link: 'true', sysparm_limit: '7' });
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(['element', 'name', 'sys_id']);
  });

  it('advances sysparm_offset itself when the instance sends no Link header', async () => {
    // given: a proxy that strips the Link header
    const withoutLink: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const headers = new Headers(response.headers);
      headers.delete('link');
      return new Response(await response.text(), { status: response.status, statusText: response.statusText, headers });
    };
    const stripped = new ServiceNowClient({ baseUrl: emulator.url, credentials: basic, fetch: withoutLink });

    // when
    const rows = await stripped.listAll('sys_dictionary', { fields: ['name'], pageSize: 10 });

    // then
    const offsets = emulator.requests.map((request) => request.query.sysparm_offset);
    expect(rows).toHaveLength(emulator.store.all('sys_dictionary').length);
    expect(offsets).toEqual(Array.from({ length: offsets.length }, (_, page) => String(page * 10)));
    expect(offsets.length).toBe(Math.ceil(rows.length / 10));
  });

  it('keeps following pages on the instance origin even when a Link header points elsewhere', async () => {
    // given: a Link header naming another host (a node name behind a load balancer)
    const elsewhere: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const headers = new Headers(response.headers);
      headers.set('link', (response.headers.get('link') ?? '').replaceAll(emulator.url, 'https://node7.example.invalid'));
      return new Response(await response.text(), { status: response.status, statusText: response.statusText, headers });
    };
    const seen: string[] = [];
    const client = new ServiceNowClient({ baseUrl: emulator.url, credentials: basic, fetch: async (input, init) => {
      seen.push(String(input));
      return elsewhere(input, init);
    } });

    // when
    await client.listAll('sys_dictionary', { pageSize: 10 });

    // then
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((url) => url.startsWith(emulator.url))).toBe(true);
  });

  it('stops at X-Total-Count even when the Link header names a next page past the end', async () => {
    // given: a Link header that always names a next page (the docs promise none past the last page; nothing checks it)
    const alwaysNext: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const headers = new Headers(response.headers);
      const url = new URL(String(input));
      const next = new URL(url);
      next.searchParams.set('sysparm_offset', String(Number(url.searchParams.get('sysparm_offset') ?? 0) + Number(url.searchParams.get('sysparm_limit') ?? 0)));
      headers.set('link', `${response.headers.get('link') ?? ''},<${next}>;rel="next"`.replace(/^,/, ''));
      return new Response(await response.text(), { status: response.status, statusText: response.statusText, headers });
    };
    const sent: string[] = [];
    const endless = new ServiceNowClient({ baseUrl: emulator.url, credentials: basic, fetch: async (input, init) => {
      sent.push(String(input));
      return alwaysNext(input, init);
    } });

    // when
    const rows = await endless.listAll('sys_dictionary', { fields: ['name'], pageSize: 10 });

    // then
    expect(rows).toHaveLength(emulator.store.all('sys_dictionary').length);
    expect(sent).toHaveLength(Math.ceil(rows.length / 10));
  });

  it('follows the Link header\'s next page under the --instance path prefix (a gateway in front of the instance)', async () => {
    // given: a gateway that serves the instance under /gateway/servicenow; the instance, knowing nothing of it,
    // names its own URL in the Link header, as it always does (e.g. <https://dev86373.service-now.com/api/now/table/incident?...>)
    const prefix = '/gateway/servicenow';
    const seen: string[] = [];
    const gateway: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      seen.push(url.pathname);
      if (!url.pathname.startsWith(`${prefix}/`)) return new Response('not here', { status: 404 });
      return fetch(`${emulator.url}${url.pathname.slice(prefix.length)}${url.search}`, init);
    };
    const behindGateway = new ServiceNowClient({ baseUrl: `${emulator.url}${prefix}`, credentials: basic, fetch: gateway });

    // when
    const rows = await behindGateway.listAll('sys_dictionary', { fields: ['name'], pageSize: 10 });

    // then
    expect(rows).toHaveLength(emulator.store.all('sys_dictionary').length);
    expect(seen.length).toBe(Math.ceil(rows.length / 10));
    expect(seen.every((path) => path === `${prefix}/api/now/table/sys_dictionary`)).toBe(true);
  });

  it.each([
    ['HTTP 500', { kind: 'status', status: 500 } as const],
    ['HTTP 503 with an HTML page', { kind: 'html', status: 503 } as const],
    ['a connection reset', { kind: 'reset' } as const],
    ['truncated JSON', { kind: 'truncated-json' } as const]
  ])('recovers from %s with exponential backoff', async (_name, fault) => {
    // given
    emulator.faults.add({ ...fault, table: 'sys_db_object', times: 2 });

    // when
    const rows = await client().listAll('sys_db_object', { fields: ['name'] });

    // then
    expect(rows.map((row) => row.name)).toContain('u_table_01');
    expect(waits).toEqual([500, 1000]);
  });

  it('recovers from a response slower than the timeout', async () => {
    // given
    emulator.faults.add({ kind: 'slow', delayMs: 10_000, table: 'sys_db_object' });

    // when
    const rows = await client(basic, 1_000).listAll('sys_db_object', { fields: ['name'] });

    // then
    expect(rows.length).toBeGreaterThan(0);
    expect(emulator.faults.firedCounts()).toEqual([1]);
    expect(waits.length).toBeGreaterThanOrEqual(1);
  });

  it('waits as long as Retry-After says on 429', async () => {
    // given
    emulator.faults.add({ kind: 'rate-limit', retryAfterSeconds: 7 });

    // when
    await client().listAll('sys_db_object', { fields: ['name'] });

    // then
    expect(waits).toEqual([7000]);
  });

  it('caps the backoff and gives up after the last attempt with a clear error', async () => {
    // given
    emulator.faults.add({ kind: 'html', status: 503, times: 100 });

    // when
    const error = await failure(client().listAll('sys_db_object'));

    // then
    expect(error.kind).toBe('html');
    expect(error.message).toContain('HTML page (HTTP 503) instead of JSON');
    expect(error.details.join(' ')).toContain('hibernating');
    expect(waits).toEqual([500, 1000, 2000, 4000]);
  });

  it('starts the listing again when the table changes between pages', async () => {
    // given
    emulator.faults.add({ kind: 'change-between-pages', table: 'sys_dictionary' });
    const before = emulator.store.all('sys_dictionary').length;

    // when
    const rows = await client().listAll('sys_dictionary', { pageSize: 10 });

    // then
    expect(rows).toHaveLength(before + 1);
    expect(new Set(rows.map((row) => row.sys_id)).size).toBe(rows.length);
  });

  it.each([
    [401, 'unauthorized', /refused the credentials/],
    [403, 'forbidden', /lacks the role to read sys_dictionary/]
  ])('does not retry HTTP %i and says what it means', async (status, kind, message) => {
    // given
    emulator.faults.add({ kind: 'status', status: status as 401 | 403, table: 'sys_dictionary' });

    // when
    const error = await failure(client().listAll('sys_dictionary'));

    // then
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
    expect(waits).toEqual([]);
    if (status === 403) expect(error.details.join(' ')).toContain('personalize_dictionary');
  });

  it('reports a single sign-on redirect without following it or quoting its query', async () => {
    // given
    emulator.faults.add({ kind: 'redirect', location: 'https://sso.example.com/login?SAMLRequest=abc123' });

    // when
    const error = await failure(client().listAll('task'));

    // then
    expect(error.message).toBe('the instance redirected /api/now/table/task (HTTP 302 to https://sso.example.com/login) instead of answering');
    expect(error.details.join(' ')).toContain('single sign-on');
    expect(waits).toEqual([]);
  });

  it.each([
    ['a user and password before the host', 'https://sso-user:Sso-Pa55@sso.example.com/login', 'https://sso.example.com/login'],
    ['a token in the fragment', 'https://sso.example.com/callback#access_token=Frag-T0ken', 'https://sso.example.com/callback'],
    ['a token in the fragment of a relative target', '/login.do#sysparm_token=Rel-T0ken', '/login.do']
  ])('quotes a redirect target without %s', async (_what, location, shown) => {
    // given
    emulator.faults.add({ kind: 'redirect', location });

    // when
    const error = await failure(client().listAll('task'));

    // then
    expect(error.message).toContain(`(HTTP 302 to ${shown.startsWith('/') ? `${emulator.url}${shown}` : shown})`);
    expect(JSON.stringify([error.message, error.details])).not.toMatch(/Pa55|T0ken|sso-user/);
  });

  it('obtains an OAuth token once, form-encoded, and sends it as a bearer token', async () => {
    // when
    const oauth = client(clientCredentials);
    await oauth.listAll('task');
    await oauth.listAll('task');

    // then
    const tokenRequests = emulator.requests.filter((request) => request.path === '/oauth_token.do');
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]?.contentType).toContain('application/x-www-form-urlencoded');
    expect(emulator.requests.filter((request) => request.table === 'task').every((request) => request.auth === 'bearer')).toBe(true);
  });

  it('gets a new token once when the instance stops accepting the old one', async () => {
    // given
    const oauth = client(clientCredentials);
    await oauth.listAll('task');
    emulator.oauth.revokeAll();

    // when
    await oauth.listAll('task');

    // then
    expect(emulator.oauth.issued).toBe(2);
  });

  it('reports refused OAuth client credentials without quoting them', async () => {
    // when
    const error = await failure(client({ ...clientCredentials, clientSecret: 'not-the-secret' }).listAll('task'));

    // then
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toContain('/oauth_token.do refused the OAuth credentials');
    expect(JSON.stringify([error.message, error.details])).not.toContain('not-the-secret');
  });

  it('reports an unreachable instance without retrying', async () => {
    // given
    const url = emulator.url;
    await emulator.close();
    emulator = await startSyntheticEmulator({ tables: 1 });

    // when
    const error = await failure(new ServiceNowClient({ baseUrl: url, credentials: basic, retry: { sleep: async (ms) => void waits.push(ms) } }).listAll('task'));

    // then
    expect(error.kind).toBe('unreachable');
    expect(error.message).toMatch(/cannot connect to 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    expect(waits).toEqual([]);
  });
  it('keeps the credentials out of what it quotes from an error answer that echoes them', async () => {
    // given: a proxy or custom error page that repeats the request it refused, as sent and form-encoded
    const secret = 'p@ss word/1';
    const echoing = new ServiceNowClient({ baseUrl: emulator.url, credentials: { kind: 'basic', username: 'svc', password: secret }, retry: { sleep: async () => undefined }, fetch: async () =>
      new Response(JSON.stringify({ error: { message: `bad request for password=${secret}`, detail: `form: password=${new URLSearchParams({ s: secret }).toString().slice(2)}&user=svc, url: ${encodeURIComponent(secret)}` }, status: 'failure' }), { status: 400, headers: { 'content-type': 'application/json' } }) });

    // when
    const error = await failure(echoing.listAll('task'));

    // then
    const shown = [error.message, ...error.details].join('\n');
    expect(shown).toContain('ServiceNow said: bad request for password=***: form: password=***&user=svc, url: ***');
    expect(shown).not.toContain('p@ss');
    expect(shown).not.toContain('p%40ss');
  });
  it.each(['basic', 'oauth'] as const)('keeps the %s Authorization header it sent out of what it quotes from an answer that echoes it', async (kind) => {
    // given: a gateway refusing an oversized header field and quoting it, as Apache httpd's error note did
    // ("Size of a request header field exceeds server limit.<pre>Authorization: ...</pre>", server/protocol.c)
    const credentials: Credentials = kind === 'basic' ? { kind: 'basic', username: 'svc', password: 'pw-1234' } : { kind: 'oauth', clientId: 'cid', clientSecret: 'cs-1234', grant: 'client_credentials' };
    const sent: string[] = [];
    const echoing = new ServiceNowClient({ baseUrl: emulator.url, credentials, retry: { sleep: async () => undefined }, fetch: async (url, init) => {
      if (String(url).endsWith('/oauth_token.do')) return Response.json({ access_token: 'tok-5678abcd', expires_in: 1800 });
      const authorization = new Headers(init?.headers).get('authorization') ?? '';
      sent.push(authorization);
      return Response.json({ error: { message: 'Size of a request header field exceeds server limit', detail: `Authorization: ${authorization}` }, status: 'failure' }, { status: 400 });
    } });

    // when
    const error = await failure(echoing.listAll('task'));

    // then
    const shown = [error.message, ...error.details].join('\n');
    expect(shown).toContain('ServiceNow said: Size of a request header field exceeds server limit: Authorization: ');
    expect(sent).toHaveLength(1);
    expect(shown).not.toContain(sent[0]!.split(' ')[1]);
  });
});
