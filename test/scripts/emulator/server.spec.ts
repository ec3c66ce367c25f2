import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../scripts/emulator/server';
import { basicHeader, call, startSyntheticEmulator } from './fixture';

type Row = Record<string, unknown>;
const result = (response: { json: unknown }) => (response.json as { result: Row }).result;
const results = (response: { json: unknown }) => (response.json as { result: Row[] }).result;

describe('scripts/emulator - server', () => {
  let emulator: RunningEmulator;

  beforeEach(async () => {
    emulator = await startSyntheticEmulator({ tables: ['u_asset_request'] }, { now: () => new Date('2026-11-25T09:00:00Z') });
  });
  afterEach(async () => {
    await emulator.close();
  });

  describe('writes', () => {
    it('creates a record with 201, a Location header and assigned sys_id, number and sys_created_on, ignoring unknown fields', async () => {
      // when
      const created = await call(emulator, 'POST', '/api/now/table/u_asset_request', { short_description: 'Laptop', u_field_001: 'x', no_such_field: 'y', sys_created_by: 'forged' });

      // then
      expect(created.status).toBe(201);
      const record = result(created);
      expect(record.sys_id).toMatch(/^[0-9a-f]{32}$/);
      expect(created.headers.get('location')).toBe(`${emulator.url}/api/now/table/u_asset_request/${record.sys_id}`);
      expect(record).toMatchObject({ short_description: 'Laptop', u_field_001: 'x', number: 'ASSE0010001', sys_created_on: '2026-11-25 09:00:00', sys_created_by: 'admin', state: '1' });
      expect(record).not.toHaveProperty('no_such_field');
      expect(emulator.store.get('u_asset_request', String(record.sys_id))).toBeDefined();
    });

    it('updates only the given fields with PATCH and PUT, and answers 404 for an unknown sys_id', async () => {
      // given
      const sysId = String(result(await call(emulator, 'POST', '/api/now/table/u_asset_request', { short_description: 'A', description: 'keep me' })).sys_id);

      // when
      const patched = await call(emulator, 'PATCH', `/api/now/table/u_asset_request/${sysId}`, { short_description: 'B' });
      const put = await call(emulator, 'PUT', `/api/now/table/u_asset_request/${sysId}`, { state: 2 });
      const missing = await call(emulator, 'PATCH', '/api/now/table/u_asset_request/0123456789abcdef0123456789abcdef', { state: 2 });

      // then
      expect(patched.status).toBe(200);
      expect(result(put)).toMatchObject({ short_description: 'B', description: 'keep me', state: '2', sys_mod_count: '2' });
      expect(missing.status).toBe(404);
      expect(missing.json).toEqual({ error: { message: 'No Record found', detail: "Record doesn't exist or ACL restricts the record retrieval" }, status: 'failure' });
    });

    it('deletes with 204 and no body, after which the record is gone', async () => {
      // given
      const sysId = String(result(await call(emulator, 'POST', '/api/now/table/u_asset_request', { short_description: 'A' })).sys_id);

      // when
      const deleted = await call(emulator, 'DELETE', `/api/now/table/u_asset_request/${sysId}`);

      // then
      expect(deleted.status).toBe(204);
      expect(deleted.text).toBe('');
      expect((await call(emulator, 'GET', `/api/now/table/u_asset_request/${sysId}`)).status).toBe(404);
    });

    it('answers 400 with the ServiceNow error body for an unknown table and for malformed JSON', async () => {
      // when
      const unknown = await call(emulator, 'GET', '/api/now/table/u_no_such_table');
      const malformed = await fetch(`${emulator.url}/api/now/table/u_asset_request`, { method: 'POST', headers: { Authorization: basicHeader, 'Content-Type': 'application/json' }, body: '{"short_description":' });

      // then
      expect(unknown.status).toBe(400);
      expect(unknown.json).toEqual({ error: { message: 'Invalid table u_no_such_table', detail: null }, status: 'failure' });
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toMatchObject({ error: { message: 'Exception while reading request' }, status: 'failure' });
    });
  });

  describe('reads', () => {
    beforeEach(async () => {
      for (const [short_description, state] of [['Email server down', 1], ['Printer jam', 2], ['Email quota', 3], ['VPN', 2]] as const) {
        await call(emulator, 'POST', '/api/now/table/u_asset_request', { short_description, state });
      }
    });

    it.each([
      ['short_description=Email server down', ['Email server down']],
      ['short_descriptionLIKEemail^ORstate=2^ORDERBYshort_description', ['Email quota', 'Email server down', 'Printer jam', 'VPN']],
      ['short_descriptionSTARTSWITHEmail^state!=3', ['Email server down']],
      ['short_descriptionENDSWITHjam^NQstate=3', ['Printer jam', 'Email quota']],
      ['stateIN2,3^ORDERBYDESCshort_description', ['VPN', 'Printer jam', 'Email quota']],
      ['stateNOT IN2,3', ['Email server down']],
      ['state>=2^state<3^ORDERBYshort_description', ['Printer jam', 'VPN']],
      ['descriptionISEMPTY^short_descriptionNOT LIKEe', ['VPN']],
      ['u_no_such_field=1^state=1', ['Email server down']],
      ['', ['Email server down', 'Printer jam', 'Email quota', 'VPN']]
    ])('filters with sysparm_query %j', async (query, expected) => {
      // when
      const listed = await call(emulator, 'GET', `/api/now/table/u_asset_request?sysparm_query=${encodeURIComponent(query)}&sysparm_fields=short_description`);

      // then
      expect(listed.status).toBe(200);
      expect(results(listed).map((row) => row.short_description)).toEqual(expected);
    });

    it('answers 400 naming a query term it cannot evaluate rather than guessing', async () => {
      // when
      const scripted = await call(emulator, 'GET', `/api/now/table/u_asset_request?sysparm_query=${encodeURIComponent('assigned_to=javascript:gs.getUserID()')}`);

      // then
      expect(scripted.status).toBe(400);
      expect(scripted.json).toEqual({ error: { message: 'Emulator: unsupported query', detail: 'the emulator does not run javascript: values (javascript:gs.getUserID())' }, status: 'failure' });
    });

    it('answers 400 for a query that is one script rather than listing every record', async () => {
      // when
      const scripted = await call(emulator, 'GET', `/api/now/table/u_asset_request?sysparm_query=${encodeURIComponent('javascript:"active=" + true')}`);

      // then
      expect(scripted.status).toBe(400);
      expect(scripted.json).toEqual({ error: { message: 'Emulator: unsupported query', detail: 'the emulator does not run a query that is one javascript: script' }, status: 'failure' });
    });

    it('answers an empty list with 200 [] on the default API and 404 on /api/now/v1', async () => {
      // when
      const latest = await call(emulator, 'GET', '/api/now/table/u_asset_request?sysparm_query=state%3D9');
      const v1 = await call(emulator, 'GET', '/api/now/v1/table/u_asset_request?sysparm_query=state%3D9');

      // then
      expect(latest.status).toBe(200);
      expect(latest.json).toEqual({ result: [] });
      expect(v1.status).toBe(404);
    });

    it('returns no rows for an unknown field when glide.invalid_query.returns_no_rows is set', async () => {
      // given
      const strict = await startSyntheticEmulator({ tables: ['u_asset_request'] }, { invalidQueryReturnsNoRows: true });
      try {
        await call(strict, 'POST', '/api/now/table/u_asset_request', { short_description: 'A' });

        // when
        const listed = await call(strict, 'GET', '/api/now/table/u_asset_request?sysparm_query=u_no_such_field%3D1');

        // then
        expect(results(listed)).toEqual([]);
      } finally {
        await strict.close();
      }
    });

    it('pages with sysparm_limit/sysparm_offset, X-Total-Count and a Link header', async () => {
      // when
      const page = await call(emulator, 'GET', '/api/now/table/u_asset_request?sysparm_query=ORDERBYshort_description&sysparm_fields=short_description&sysparm_limit=3&sysparm_offset=0');
      const links = page.headers.get('link') ?? '';
      const next = /<([^>]+)>;rel="next"/.exec(links)?.[1] ?? '';
      const second = await call(emulator, 'GET', next.slice(emulator.url.length));

      // then
      expect(page.headers.get('x-total-count')).toBe('4');
      expect(links).toContain('rel="first"');
      expect(links).toContain('rel="last"');
      expect(links).not.toContain('rel="prev"');
      expect(results(page).map((row) => row.short_description)).toEqual(['Email quota', 'Email server down', 'Printer jam']);
      expect(new URL(next).searchParams.get('sysparm_offset')).toBe('3');
      expect(results(second).map((row) => row.short_description)).toEqual(['VPN']);
      expect(second.headers.get('link')).toContain('rel="prev"');
      expect(second.headers.get('link')).not.toContain('rel="next"');
    });

    it('names a prev page at sysparm_offset -1 on the first page at sysparm_limit 1, as instances answer', async () => {
      // given: a PDI's first page at limit 1 (curl -v in vdesabou/kafka-docker-playground
      // connect/connect-servicenow-source): <...?sysparm_limit=1&sysparm_offset=-1>;rel="prev"
      // when
      const page = await call(emulator, 'GET', '/api/now/table/u_asset_request?sysparm_fields=short_description&sysparm_limit=1&sysparm_offset=0');

      // then
      const prev = /<([^>]+)>;rel="prev"/.exec(page.headers.get('link') ?? '')?.[1];
      expect(prev && new URL(prev).searchParams.get('sysparm_offset')).toBe('-1');
    });

    it('renders display values, reference links and name=value filters as the Table API does', async () => {
      // given
      const user = result(await call(emulator, 'POST', '/api/now/table/sys_user', { user_name: 'beth', name: 'Beth Anglin' }));
      await call(emulator, 'POST', '/api/now/table/u_asset_request', { short_description: 'Assigned', assigned_to: user.sys_id });

      // when
      const withLinks = await call(emulator, 'GET', '/api/now/table/u_asset_request?short_description=Assigned&sysparm_fields=assigned_to,state');
      const display = await call(emulator, 'GET', '/api/now/table/u_asset_request?short_description=Assigned&sysparm_fields=assigned_to,state,assigned_to.user_name&sysparm_display_value=true&sysparm_exclude_reference_link=true');
      const all = await call(emulator, 'GET', '/api/now/table/u_asset_request?short_description=Assigned&sysparm_fields=state&sysparm_display_value=all');

      // then
      expect(results(withLinks)).toEqual([{ assigned_to: { link: `${emulator.url}/api/now/table/sys_user/${user.sys_id}`, value: user.sys_id }, state: '1' }]);
      expect(results(display)).toEqual([{ assigned_to: 'Beth Anglin', state: 'New', 'assigned_to.user_name': 'beth' }]);
      expect(results(all)).toEqual([{ state: { display_value: 'New', value: '1' } }]);
    });

    it('serves the snapshot metadata tables, with dotted columns as they are stored', async () => {
      // when
      const tables = await call(emulator, 'GET', '/api/now/table/sys_db_object?sysparm_query=nameINu_asset_request,task^ORDERBYname&sysparm_fields=name,super_class.name');

      // then
      expect(results(tables)).toEqual([{ name: 'task', 'super_class.name': '' }, { name: 'u_asset_request', 'super_class.name': 'task' }]);
    });

    it('answers sys_dictionary\'s internal_type and reference as references keyed by name, as an instance does', async () => {
      // given: both are references whose reference_key is name (@servicenow/sdk-core sys_dictionary.now.ts, in the bundled
      // snapshot); an instance links them by that name: "internal_type": {"link": "https://<instance>/api/now/table/sys_glide_object/url",
      // "value": "url"} (a public script's sys_dictionary record copied from a GET answer, calitiiltddemo3.service-now.com)
      const query = 'sysparm_query=name=task^element=assigned_to';

      // when
      const linked = await call(emulator, 'GET', `/api/now/table/sys_dictionary?${query}&sysparm_fields=internal_type,reference`);
      const plain = await call(emulator, 'GET', `/api/now/table/sys_dictionary?${query}&sysparm_fields=internal_type,reference,reference.label&sysparm_exclude_reference_link=true`);

      // then
      expect(results(linked)).toEqual([{
        internal_type: { link: `${emulator.url}/api/now/table/sys_glide_object/reference`, value: 'reference' },
        reference: { link: `${emulator.url}/api/now/table/sys_db_object/sys_user`, value: 'sys_user' }
      }]);
      expect(results(plain)).toEqual([{ internal_type: 'reference', reference: 'sys_user', 'reference.label': 'User' }]);
    });
  });

  describe('authentication', () => {
    it('refuses missing and wrong Basic credentials with 401', async () => {
      // when
      const none = await fetch(`${emulator.url}/api/now/table/task`);
      const wrong = await fetch(`${emulator.url}/api/now/table/task`, { headers: { Authorization: `Basic ${Buffer.from('admin:nope').toString('base64')}` } });

      // then
      expect(none.status).toBe(401);
      expect(await none.json()).toEqual({ error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' }, status: 'failure' });
      expect(wrong.status).toBe(401);
    });

    it.each([
      ['client_credentials', {}],
      ['password', { username: 'admin', password: 'emulator-admin-password' }]
    ])('issues a bearer token for the %s grant, form-encoded only', async (grant, extra) => {
      // given
      const form = new URLSearchParams({ grant_type: grant, client_id: 'emulator-client', client_secret: 'emulator-client-secret', ...extra });

      // when
      const asJson = await fetch(`${emulator.url}/oauth_token.do`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(Object.fromEntries(form)) });
      const token = await fetch(`${emulator.url}/oauth_token.do`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
      const body = (await token.json()) as { access_token: string; token_type: string; expires_in: number };
      const used = await fetch(`${emulator.url}/api/now/table/task?sysparm_limit=1`, { headers: { Authorization: `Bearer ${body.access_token}` } });

      // then
      expect(asJson.status).toBe(401);
      expect(token.status).toBe(200);
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 1799 });
      expect(used.status).toBe(200);
    });

    it('refuses a wrong client secret with 401', async () => {
      // when
      const token = await fetch(`${emulator.url}/oauth_token.do`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'emulator-client', client_secret: 'wrong' }).toString()
      });

      // then
      expect(token.status).toBe(401);
      expect(await token.json()).toEqual({ error: 'server_error', error_description: 'access_denied' });
    });
  });

  describe('faults', () => {
    it('answers injected status codes once, then normally', async () => {
      // given
      emulator.faults.add({ kind: 'status', status: 403, table: 'sys_dictionary' });

      // when
      const first = await call(emulator, 'GET', '/api/now/table/sys_dictionary?sysparm_limit=1');
      const second = await call(emulator, 'GET', '/api/now/table/sys_dictionary?sysparm_limit=1');

      // then
      expect(first.status).toBe(403);
      expect(first.json).toEqual({ error: { message: 'User Not Authorized', detail: 'User is unauthorized to access table: sys_dictionary' }, status: 'failure' });
      expect(second.status).toBe(200);
    });

    it('answers 429 with Retry-After and the rate-limit body', async () => {
      // given
      emulator.faults.add({ kind: 'rate-limit', retryAfterSeconds: 7 });

      // when
      const limited = await call(emulator, 'GET', '/api/now/table/task');

      // then
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('7');
      expect(limited.json).toMatchObject({ error: { message: 'Rate limit exceeded' }, status: 'failure' });
      // ServiceNowDocs api-reference/rest-api-explorer/inbound-REST-API-rate-limiting.md: X-RateLimit-Reset "displays the
      // Unix time until the next scheduled reset", X-RateLimit-Rule "the sys_id of the rate limit rule that is being enforced".
      const reset = Number(limited.headers.get('x-ratelimit-reset'));
      expect(Math.abs(reset - (Math.floor(Date.now() / 1000) + 7))).toBeLessThanOrEqual(2);
      expect(limited.headers.get('x-ratelimit-rule')).toMatch(/^[0-9a-f]{32}$/);
    });

    it('answers 503 with an HTML hibernation page', async () => {
      // given
      emulator.faults.add({ kind: 'html', status: 503 });

      // when
      const page = await call(emulator, 'GET', '/api/now/table/task');

      // then
      expect(page.status).toBe(503);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.text).toContain('hibernating');
    });

    it('resets the connection, truncates JSON and answers past a client timeout', async () => {
      // given
      emulator.faults.add({ kind: 'reset', after: 0 });

      // when / then
      await expect(call(emulator, 'GET', '/api/now/table/task')).rejects.toThrow();

      emulator.faults.add({ kind: 'truncated-json' });
      const truncated = await call(emulator, 'GET', '/api/now/table/sys_db_object');
      expect(truncated.status).toBe(200);
      expect(() => JSON.parse(truncated.text)).toThrow();

      emulator.faults.add({ kind: 'slow', delayMs: 5_000 });
      await expect(fetch(`${emulator.url}/api/now/table/task`, { headers: { Authorization: basicHeader }, signal: AbortSignal.timeout(100) })).rejects.toThrow(/timeout|aborted/i);
    });

    it('changes a table between two pages, so that the total count differs', async () => {
      // given
      emulator.faults.add({ kind: 'change-between-pages', table: 'sys_dictionary' });

      // when
      const first = await call(emulator, 'GET', '/api/now/table/sys_dictionary?sysparm_limit=5');
      const second = await call(emulator, 'GET', '/api/now/table/sys_dictionary?sysparm_limit=5&sysparm_offset=5');

      // then
      expect(Number(second.headers.get('x-total-count'))).toBe(Number(first.headers.get('x-total-count')) + 1);
    });
  });

  it('logs requests without their credentials', async () => {
    // when
    await call(emulator, 'GET', '/api/now/table/task?sysparm_limit=1');

    // then
    expect(emulator.requests).toHaveLength(1);
    expect(emulator.requests[0]).toMatchObject({ method: 'GET', path: '/api/now/table/task', table: 'task', auth: 'basic', status: 200 });
    expect(JSON.stringify(emulator.requests)).not.toContain(basicHeader.slice(6));
  });
});

describe('scripts/emulator - admin routes', () => {
  let emulator: RunningEmulator;

  beforeEach(async () => {
    emulator = await startSyntheticEmulator({ tables: 1 });
  });
  afterEach(async () => {
    await emulator.close();
  });

  it('sets faults over HTTP for an emulator started by hand, and lists the requests', async () => {
    // given
    const added = await fetch(`${emulator.url}/__emulator/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ kind: 'rate-limit', retryAfterSeconds: 5 }) });

    // when
    const limited = await call(emulator, 'GET', '/api/now/table/task');
    const log = (await (await fetch(`${emulator.url}/__emulator/requests`)).json()) as { result: { path: string; status: number }[] };

    // then
    expect(added.status).toBe(201);
    expect(limited.status).toBe(429);
    expect(log.result).toEqual([expect.objectContaining({ path: '/api/now/table/task', status: 429 })]);
  });

  it('answers under a posted ACL fault as an instance does: the row is dropped from the page, the count stays', async () => {
    // given
    const first = emulator.store.insert('task', { short_description: 'hidden from the user' }, 'admin');
    emulator.store.insert('task', { short_description: 'visible' }, 'admin');
    const added = await fetch(`${emulator.url}/__emulator/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ kind: 'acl-hide-rows', table: 'task', match: { sys_id: first?.sys_id } }) });

    // when
    const hidden = await call(emulator, 'GET', '/api/now/table/task?sysparm_fields=sys_id');
    const plain = await call(emulator, 'GET', '/api/now/table/task?sysparm_fields=sys_id');

    // then
    expect(added.status).toBe(201);
    const ids = (answer: typeof hidden) => (answer.json as { result: { sys_id: string }[] }).result.map((row) => row.sys_id);
    expect(ids(plain)).toContain(first?.sys_id);
    expect(ids(hidden)).toEqual(ids(plain).filter((id) => id !== first?.sys_id));
    expect(hidden.headers.get('x-total-count')).toBe(plain.headers.get('x-total-count'));
    expect(hidden.headers.get('link')).toBe(plain.headers.get('link'));
  });

  it('refuses an unknown fault kind and clears faults', async () => {
    // given
    emulator.faults.add({ kind: 'status', status: 500, times: 10 });

    // when
    const refused = await fetch(`${emulator.url}/__emulator/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ kind: 'meteor' }) });
    const cleared = await fetch(`${emulator.url}/__emulator/faults`, { method: 'DELETE' });

    // then
    expect(refused.status).toBe(400);
    expect(cleared.status).toBe(204);
    expect((await call(emulator, 'GET', '/api/now/table/task')).status).toBe(200);
  });

  it.each([
    [{ kind: 'rate-limit' }, 'retryAfterSeconds must be a whole number of seconds'],
    [{ kind: 'rate-limit', retryAfterSeconds: 'soon' }, 'retryAfterSeconds must be'],
    [{ kind: 'status', status: 418 }, 'status must be one of'],
    [{ kind: 'html' }, 'status must be an HTTP status'],
    [{ kind: 'slow', delayMs: -1 }, 'delayMs must be'],
    [{ kind: 'redirect' }, 'location must be a URL'],
    [{ kind: 'reset', times: 0 }, 'times must be a whole number above 0'],
    [{ kind: 'html', status: 200, page: 'sso' }, 'page must be hibernating or login'],
    [{ kind: 'cancelled-transaction', cutOff: 'yes' }, 'cutOff must be true or false'],
    [{ kind: 'acl-hide-rows', match: {} }, 'match must be an object of field names to string values'],
    [{ kind: 'acl-hide-fields', fields: 'mandatory' }, 'fields must be a list of field names']
  ])('refuses the malformed fault %j with 400 and keeps serving', async (fault, message) => {
    // when
    const refused = await fetch(`${emulator.url}/__emulator/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(fault) });

    // then
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain(message);
    const next = await call(emulator, 'GET', '/api/now/table/task');
    expect(next.status).toBe(200);
  });
});
