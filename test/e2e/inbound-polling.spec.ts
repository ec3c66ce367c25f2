import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAIT_EXAMPLES } from '../../core/inbound/wait-examples';
import { buildWaitTemplate } from '../../core/inbound/wait-template';
import type { Metadata } from '../../core/metadata/model';
import { outputVariableNames } from '../../core/template/output';
import { DEFAULT_USER, startEmulator, type RunningEmulator } from '../../scripts/emulator/server';
import { loadEmulatorSnapshot } from '../../scripts/emulator/snapshot-source';
import { readSnapshot } from '../../scripts/metadata/read-snapshot';
import { applyInbound, correlatePoll, feel, MessageBroker, poll, pollAndCorrelate, pollingTasks, registerElement, type InboundElement } from '../helpers/inbound-proof';

const SECRETS = { SERVICENOW_USERNAME: DEFAULT_USER.username, SERVICENOW_PASSWORD: DEFAULT_USER.password };
/** A record state that does not match each example yet, and one that does. */
const STATES: Record<string, { before: Record<string, string>; after: Record<string, string> }> = {
  sc_req_item: { before: { approval: 'requested' }, after: { approval: 'approved' } },
  change_request: { before: { state: '-2' }, after: { state: '-1' } },
  incident: { before: { state: '2' }, after: { state: '6' } },
  sysapproval_approver: { before: { state: 'requested' }, after: { state: 'rejected' } }
};

/** The states of a waited table: a wait added without them must fail here, not poll a record that never changes. */
function statesOf(table: string) {
  const states = STATES[table];
  if (!states) throw new Error(`e2e: STATES has no before/after record state for the waited table ${table}`);
  return states;
}

describe('e2e - "Wait for <table>" polls the Table API emulator like the HTTP Polling connector', () => {
  let emulator: RunningEmulator;
  let metadata: Metadata;

  beforeAll(async () => {
    emulator = await startEmulator({ snapshot: await loadEmulatorSnapshot() });
    metadata = await readSnapshot();
  });
  afterAll(async () => {
    await emulator.close();
  });

  describe.each(WAIT_EXAMPLES.flatMap((example) => (['intermediate', 'boundary'] as const).map((kind) => ({ example, kind }))))('$example.table ($kind)', ({ example, kind }) => {
    it(`activates exactly once, on the first poll after the record is ${example.until}, with the record mapped`, async () => {
      // given a record that does not match yet and a process waiting for it
      const table = metadata.tables.get(example.table);
      if (!table) throw new Error(`no ${example.table} in the bundled snapshot`);
      const template = buildWaitTemplate(table, example, kind, { idPrefix: 'test.servicenow', version: 1 });
      const states = statesOf(example.table);
      const record = emulator.store.insert(example.table, { short_description: 'Laptop', ...states.before }, 'admin');
      const sysIdVariable = outputVariableNames(example.table).sysId;
      const variables = { [sysIdVariable]: record.sys_id };
      const element = applyInbound(template, { url: `${emulator.url}/api/now/table/${example.table}` }, SECRETS);
      expect(element.violations).toEqual([]);
      expect(registerElement(element, kind)).toMatchObject({ kind, correlationKeyExpression: '=body.result[1].sys_id', messageTtl: undefined });
      const broker = new MessageBroker();
      expect(broker.subscribe({ bpmnProcessId: 'fulfilment', messageName: element.messageName ?? '', correlationKey: String(feel(element.correlationKey ?? '', variables)) })).toBe('waiting');
      const outcomes: string[] = [];
      const elementInstanceMessageId = 'Wait_1' + '2251799813685301';

      // when it polls on each interval, and the record changes between the first and second poll
      for (let interval = 0; interval < 3; interval++) {
        if (interval === 1) emulator.store.update(example.table, record.sys_id ?? '', states.after, 'admin');
        const { request, result } = await poll(element, variables);
        expect(request.warnings).toEqual([]);
        expect(request.queryParameters).toEqual({ sysparm_query: `sys_id=${record.sys_id}^${example.condition}`, sysparm_limit: '1' });
        const correlation = correlatePoll(element, result, elementInstanceMessageId);
        expect(correlation.warnings).toEqual([]);
        // The third poll models the fetcher not having noticed yet that the instance moved on (it checks every PT5S).
        outcomes.push(correlation.message ? broker.publish(correlation.message) : 'not activated');
      }

      // then
      expect(outcomes).toEqual(['not activated', 'correlated', 'already-exists']);
      expect(broker.correlated).toHaveLength(1);
      const mapped = broker.correlated[0]?.variables[`${sysIdVariable.replace(/SysId$/, '')}Record`] as Record<string, string>;
      expect(mapped.sys_id).toBe(record.sys_id);
      expect(mapped).toMatchObject(states.after);
    });
  });

  it('sends Basic credentials from the cluster secrets, and a record of another process never wakes this one', async () => {
    // given two requested items, the process waiting for the first
    const example = WAIT_EXAMPLES[0];
    const table = example && metadata.tables.get(example.table);
    if (!example || !table) throw new Error('no example');
    const template = buildWaitTemplate(table, example, 'intermediate', { idPrefix: 'test.servicenow', version: 1 });
    const mine = emulator.store.insert('sc_req_item', { approval: 'requested' }, 'admin');
    const other = emulator.store.insert('sc_req_item', { approval: 'approved' }, 'admin');
    const element = applyInbound(template, { url: `${emulator.url}/api/now/table/sc_req_item` }, SECRETS);

    // when
    const { result } = await poll(element, { scReqItemSysId: mine.sys_id });
    const seen = emulator.requests.at(-1);

    // then the other (approved) record is not returned, so nothing activates
    expect(seen?.auth).toBe('basic');
    expect(correlatePoll(element, result, 'm').activated).toBe(false);
    expect(other.approval).toBe('approved');
  });

  it('a non-interrupting boundary wait fires once per message time to live while the record matches, as the README says', async () => {
    // given a task with the boundary wait attached, non-interrupting, and its record already resolved
    const example = WAIT_EXAMPLES.find((each) => each.table === 'incident');
    const table = metadata.tables.get('incident');
    if (!example || !table) throw new Error('no incident wait example');
    const element = applyInbound(buildWaitTemplate(table, example, 'boundary', { idPrefix: 'test.servicenow', version: 1 }), { url: `${emulator.url}/api/now/table/incident` }, SECRETS);
    const record = emulator.store.insert('incident', { short_description: 'Printer', state: '6' }, 'admin');
    const broker = new MessageBroker();
    broker.subscribe({ bpmnProcessId: 'fulfilment', messageName: element.messageName ?? '', correlationKey: record.sys_id ?? '', nonInterrupting: true });
    // The message id names the host task's instance (the fetcher lists the attachedTo element's instances).
    const pollOnce = async () => {
      const { correlation } = await pollAndCorrelate(element, { incidentSysId: record.sys_id }, 'Task_1' + '2251799813685290');
      return correlation?.message ? broker.publish(correlation.message) : 'not activated';
    };

    // when it polls, polls again a minute later, and again once the runtime's default TTL (PT1H) has passed
    const outcomes = [await pollOnce()];
    broker.advance(60);
    outcomes.push(await pollOnce());
    broker.advance(3600);
    outcomes.push(await pollOnce());

    // then
    expect(outcomes).toEqual(['correlated', 'already-exists', 'correlated']);
    expect(broker.correlated).toHaveLength(2);
  });

  it('a poll the Table API refuses (wrong password) correlates nothing: the task logs the error and polls again', async () => {
    // given a process waiting for a record that already matches, and a wrong password in the cluster secret
    const example = WAIT_EXAMPLES.find((each) => each.table === 'incident');
    const table = metadata.tables.get('incident');
    if (!example || !table) throw new Error('no incident wait example');
    const template = buildWaitTemplate(table, example, 'intermediate', { idPrefix: 'test.servicenow', version: 1 });
    const record = emulator.store.insert('incident', { short_description: 'Printer', state: '6' }, 'admin');
    const wrong = applyInbound(template, { url: `${emulator.url}/api/now/table/incident` }, { ...SECRETS, SERVICENOW_PASSWORD: 'not-the-password' });

    // when it polls
    const { error, correlation } = await pollAndCorrelate(wrong, { incidentSysId: record.sys_id }, 'Wait_1' + '2251799813685301');

    // then the 401 stays in the activity log and nothing is published; with the right password the same poll correlates
    expect(error?.code).toBe('401');
    expect(correlation).toBeUndefined();
    const right = await pollAndCorrelate(applyInbound(template, { url: `${emulator.url}/api/now/table/incident` }, SECRETS), { incidentSysId: record.sys_id }, 'Wait_1' + '2251799813685301');
    expect(right.correlation?.message?.correlationKey).toBe(record.sys_id);
  });

  describe('a sys_id variable the connector does not see (a subprocess\'s, a multi-instance body\'s)', () => {
    /** An unresolved incident this process waits for, another one some other process waits for, and this wait's element. */
    async function setUp() {
      const example = WAIT_EXAMPLES.find((each) => each.table === 'incident');
      const table = metadata.tables.get('incident');
      if (!example || !table) throw new Error('no incident wait example');
      const template = buildWaitTemplate(table, example, 'intermediate', { idPrefix: 'test.servicenow', version: 1 });
      const mine = emulator.store.insert('incident', { short_description: 'Printer', state: '2' }, 'admin');
      const element = applyInbound(template, { url: `${emulator.url}/api/now/table/incident` }, SECRETS);
      expect(element.violations).toEqual([]);
      return { example, template, mine, element };
    }

    /** One poll with the variables the connector fetched (none: incidentSysId lives in a subprocess), published like the runtime. */
    async function pollWithout(element: InboundElement) {
      const { request, result } = await poll(element, {});
      const seen = emulator.requests.at(-1);
      const correlation = correlatePoll(element, result, 'Wait_1' + '2251799813685301');
      const body = result.body as { result?: { sys_id?: string; state?: string }[] } | undefined;
      const returned = body?.result?.[0];
      // Another process instance waiting at the same event for the record that came back (its sys_id in its own root scope).
      const broker = new MessageBroker();
      if (returned?.sys_id) broker.subscribe({ bpmnProcessId: 'other-process', messageName: element.messageName ?? '', correlationKey: returned.sys_id });
      const outcome = correlation.message && returned ? broker.publish(correlation.message) : 'not activated';
      return { request, seen, correlation, returned, outcome, broker };
    }

    it('before: a record query without the fallback sends no query and wakes a process waiting for another, unresolved record', async () => {
      // given the query as written before the fallback (an older diagram, or edited by hand)
      const { example, mine, element } = await setUp();
      const unguarded = { ...element, connectorProperties: { ...element.connectorProperties, queryParameters: `={"sysparm_query": "sys_id=" + incidentSysId + "^${example.condition}", "sysparm_limit": "1"}` } };

      // when it polls, the record the Table API returns first being new (the bare query returns whatever comes first)
      const first = (await pollWithout(unguarded)).returned;
      if (!first?.sys_id) throw new Error('the emulator returned no incident for a bare query');
      emulator.store.update('incident', first.sys_id, { state: '1' }, 'admin');
      const { request, seen, correlation, returned, outcome, broker } = await pollWithout(unguarded);

      // then no filter goes out, some other record comes back and its waiting process is woken though it is not resolved
      expect(returned?.sys_id).toBe(first.sys_id);
      expect(request.queryParameters).toEqual({ sysparm_query: null, sysparm_limit: '1' });
      expect(seen?.query.sysparm_query ?? '').toBe('');
      expect(correlation.activated).toBe(true);
      expect(returned?.sys_id).not.toBe(mine.sys_id);
      expect(['6', '7']).not.toContain(returned?.state);
      expect(outcome).toBe('correlated');
      expect(broker.correlated).toHaveLength(1);
    });

    it('after: the generated query falls back to sys_idISEMPTY, which no record matches, so nothing is published and the event keeps waiting', async () => {
      // given the generated record query
      const { template, element } = await setUp();
      expect(element.properties.queryParameters).toContain('get or else("sys_id=" + incidentSysId + "^');

      // when
      const { request, seen, correlation, outcome, broker } = await pollWithout(element);

      // then the request still carries a sys_id condition, the Table API returns nothing and no message goes out
      expect(request.queryParameters).toEqual({ sysparm_query: 'sys_idISEMPTY', sysparm_limit: '1' });
      expect(seen?.query.sysparm_query).toBe('sys_idISEMPTY');
      expect(seen?.status).toBe(200);
      expect(correlation.activated).toBe(false);
      expect(outcome).toBe('not activated');
      expect(broker.correlated).toEqual([]);
      const recordQuery = template.properties.find((property) => property.id === 'recordQuery')?.description ?? '';
      expect(recordQuery).toContain('not those of an enclosing subprocess or multi-instance body');
      expect(recordQuery).toContain('the event keeps waiting');
    });
  });

  it('polls one waiting instance of the event per process instance, so the template says it is not for a parallel multi-instance', () => {
    // given a parallel multi-instance: two iterations of one process instance waiting at the same event
    const tasks = pollingTasks([{ processInstanceKey: '1', elementInstanceKey: '10' }, { processInstanceKey: '1', elementInstanceKey: '11' }, { processInstanceKey: '2', elementInstanceKey: '20' }]);

    // then the second iteration never gets a poll of its own
    expect([...tasks]).toEqual([['1', '10'], ['2', '20']]);
    const example = WAIT_EXAMPLES[0];
    const table = example && metadata.tables.get(example.table);
    if (!example || !table) throw new Error('no example');
    expect(buildWaitTemplate(table, example, 'boundary', { idPrefix: 'test.servicenow', version: 1 }).description).toContain('not for a parallel multi-instance');
  });

  describe('OAuth scopes', () => {
    // A loopback token endpoint and Table API that record what the connector sends.
    let server: Server;
    let base = '';
    const tokenForms: URLSearchParams[] = [];
    beforeAll(async () => {
      server = createServer((request, response) => {
        let body = '';
        request.on('data', (chunk: Buffer) => { body += chunk.toString('utf8'); });
        request.on('end', () => {
          if (request.method === 'POST') tokenForms.push(new URLSearchParams(body));
          response.setHeader('content-type', 'application/json');
          response.end(JSON.stringify(request.method === 'POST' ? { access_token: 'token', token_type: 'Bearer', expires_in: 1799, scope: 'useraccount' } : { result: [] }));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    const oauth = () => ({ url: `${base}/api/now/table/incident`, 'authentication.type': 'oauth-client-credentials-flow', 'authentication.oauthTokenEndpoint': `${base}/oauth_token.do` });
    const OAUTH_SECRETS = { SERVICENOW_CLIENT_ID: 'client', SERVICENOW_CLIENT_SECRET: 'secret' };

    it('reach the token request as written, never evaluated, so the template offers no FEEL for them and refuses a leading =', async () => {
      const example = WAIT_EXAMPLES.find((each) => each.table === 'incident');
      const table = metadata.tables.get('incident');
      if (!example || !table) throw new Error('no incident wait example');
      const template = buildWaitTemplate(table, example, 'intermediate', { idPrefix: 'test.servicenow', version: 1 });

      // given scopes as text: they go out as typed
      const element = applyInbound(template, { ...oauth(), 'authentication.scopes': 'useraccount' }, OAUTH_SECRETS);
      expect(element.violations).toEqual([]);
      await poll(element, { incidentSysId: '46d44a5dc0a80a8a012345b0d2d6c7e1' });
      expect(tokenForms.at(-1)?.get('scope')).toBe('useraccount');

      // when the property holds FEEL: the connector binds OAuthAuthentication.scopes (no @FEEL) as written
      const feelScopes = { ...element, connectorProperties: { ...element.connectorProperties, 'authentication.scopes': '=scopeVariable' } };
      await poll(feelScopes, { incidentSysId: '46d44a5dc0a80a8a012345b0d2d6c7e1', scopeVariable: 'useraccount' });

      // then the expression itself is the scope, so the Modeler must not let it be written
      expect(tokenForms.at(-1)?.get('scope')).toBe('=scopeVariable');
      expect(template.properties.find((property) => property.id === 'authentication.scopes')).not.toHaveProperty('feel');
      expect(applyInbound(template, { ...oauth(), 'authentication.scopes': '=scopeVariable' }, OAUTH_SECRETS).violations).toEqual([expect.stringContaining('authentication.scopes: does not match')]);
    });

    it('the FEEL fields next to them are evaluated with the process variables (so the check above can tell the two apart)', async () => {
      const example = WAIT_EXAMPLES.find((each) => each.table === 'incident');
      const table = metadata.tables.get('incident');
      if (!example || !table) throw new Error('no incident wait example');
      const template = buildWaitTemplate(table, example, 'intermediate', { idPrefix: 'test.servicenow', version: 1 });
      const element = applyInbound(template, { ...oauth(), 'authentication.clientId': '=clientFromVariable' }, OAUTH_SECRETS);
      expect(element.violations).toEqual([]);
      await poll(element, { incidentSysId: '46d44a5dc0a80a8a012345b0d2d6c7e1', clientFromVariable: 'client-from-variable' });
      expect(tokenForms.at(-1)?.get('client_id')).toBe('client-from-variable');
    });
  });
});
