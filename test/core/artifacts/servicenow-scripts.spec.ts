import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { parse } from 'acorn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessRuleScript } from '../../../core/artifacts/artifacts';
import { SCRIPT_INCLUDE_NAME, scriptIncludeSource } from '../../../core/artifacts/script-include';
import { SIGNATURE_HEADER } from '../../../core/inbound/webhook-payload';
import { buildWebhookTemplate, webhookActivation } from '../../../core/inbound/webhook-template';
import { readSnapshot } from '../../../scripts/metadata/read-snapshot';
import { connectorAcceptsSignature, startCamundaEmulator } from '../../helpers/camunda-emulator';
import { applyInbound, correlate, MessageBroker, registerWebhooks } from '../../helpers/inbound-proof';
import { runInServiceNow } from '../../helpers/servicenow-sandbox';

const WEBHOOK_SECRET = 'shared-webhook-secret-ä';
const CLIENT = { clientId: 'servicenow', clientSecret: 'client-secret-value', audience: 'zeebe.camunda.io' };
const INCIDENT = { sys_id: '9d385017c611228701d22104cc95c371', number: 'INC0010001', state: '6', short_description: 'Email "down" & <slow>', sys_mod_count: '3' };

/** ServiceNow's own lint rules, run by the eslint 8 the plugin brings (its rules predate eslint 10's API). */
function lintWithServiceNowRules(source: string): string[] {
  const load = createRequire(require.resolve('@servicenow/eslint-plugin-sdk-app-plugin'));
  const { Linter } = load('eslint') as { Linter: new () => { defineRule(name: string, rule: unknown): void; verify(code: string, config: unknown): { ruleId: string | null; message: string; line: number }[] } };
  const plugin = load('./index.js') as { rules: Record<string, unknown>; configs: { recommended: { rules: Record<string, unknown> } } };
  const linter = new Linter();
  for (const [name, rule] of Object.entries(plugin.rules)) linter.defineRule(`@servicenow/sdk-app-plugin/${name}`, rule);
  const messages = linter.verify(source, { parserOptions: { ecmaVersion: 5, sourceType: 'script' }, rules: plugin.configs.recommended.rules });
  return messages.map((message) => `${message.line}: ${message.ruleId ?? 'parse'}: ${message.message}`);
}

const SCRIPTS = [
  ['the Script Include', scriptIncludeSource()],
  ['a Business Rule', businessRuleScript('update', ['servicenow-incident'])]
] as const;

describe('generated ServiceNow scripts', () => {
  it.each(SCRIPTS)('%s parses as ES5', (_name, source) => {
    expect(() => parse(source, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
  });

  it('the ES5 parse refuses later syntax (so the check above can fail)', () => {
    expect(() => parse('const a = () => 1;', { ecmaVersion: 5 })).toThrow();
  });

  it.each(SCRIPTS)('%s passes ServiceNow\'s ESLint rules (@servicenow/eslint-plugin-sdk-app-plugin recommended)', (_name, source) => {
    expect(lintWithServiceNowRules(source)).toEqual([]);
  });

  it('the ServiceNow rules do flag what the platform lacks (so the check above can fail)', () => {
    expect(lintWithServiceNowRules('var w = window.location;').join('\n')).toContain('no-restricted-globals');
  });
});

/**
 * The sandbox runs scripts as a global Script Include runs: ES5 Standards mode, the default of global applications,
 * which ES2021 mode does not reach ("doesn't ... work with global scripts", ServiceNow docs api-reference/scripts/c_JS_modes).
 * What that mode lacks is listed in ServiceNow/ServiceNowDocs markdown/api-reference/scripts/javascript-engine-feature-support.md.
 */
describe('the ServiceNow sandbox is as strict as ES5 Standards mode', () => {
  const run = (entry: string) => runInServiceNow({ scripts: [], entry, properties: {} });

  it.each([
    ['Object.assign', 'Object.assign({}, { a: 1 })'],
    ['Object.entries', 'Object.entries({ a: 1 })'],
    ['Array.prototype.includes', '[1].includes(1)'],
    ['Array.prototype.find', '[1].find(function (x) { return x; })'],
    ['Array.from', 'Array.from("ab")'],
    ['String.prototype.padStart', '"7".padStart(3, "0")'],
    ['Map', 'new Map()'],
    ['Promise', 'Promise.resolve(1)'],
    ['Number.isInteger', 'Number.isInteger(1)']
  ])('refuses %s, which the mode does not support', async (_name, entry) => {
    expect((await run(entry)).ok).toBe(false);
  });

  it.each([
    ['an arrow function', '[1].map(x => x)'],
    ['a template literal', '`a`'],
    ['let', '(function () { let a = 1; return a; })()']
  ])('refuses %s before running anything', async (_name, entry) => {
    expect(await run(entry)).toMatchObject({ ok: false, error: expect.stringContaining('ES5') as string });
  });

  it('gives `current` the global GlideRecord API: getFields() as a Java ArrayList (size, get), no scoped getElements()', async () => {
    const entry = '[typeof current.getElements, typeof current.getFields().length, current.getFields().size(), String(current.getFields().get(0).getName())]';
    const result = await runInServiceNow({ scripts: [], entry, properties: {}, current: { table: 'incident', values: { sys_id: 'a', number: 'INC1' } } });
    expect(result).toMatchObject({ ok: true, value: ['undefined', 'undefined', 2, 'sys_id'] });
  });

  it('keeps what the mode does support (String.prototype.includes, JSON, Array.prototype.map)', async () => {
    expect(await run('[JSON.stringify({ a: "abc".includes("b") }), [1, 2].map(function (x) { return x * 2; }).join()]')).toMatchObject({ ok: true, value: ['{"a":true}', '2,4'] });
  });
});

describe('generated ServiceNow scripts run against Camunda on loopback', () => {
  let camunda: Awaited<ReturnType<typeof startCamundaEmulator>>;
  const properties = () => ({
    'camunda.webhook.base_url': `${camunda.url}/`,
    'camunda.webhook.secret': WEBHOOK_SECRET,
    'camunda.api.base_url': camunda.url,
    'camunda.oauth.token_url': `${camunda.url}/oauth/token`,
    'camunda.oauth.client_id': CLIENT.clientId,
    'camunda.oauth.client_secret': CLIENT.clientSecret,
    'camunda.oauth.audience': CLIENT.audience
  });

  beforeAll(async () => {
    camunda = await startCamundaEmulator({ ...CLIENT, webhookSecret: WEBHOOK_SECRET, hmacHeader: SIGNATURE_HEADER });
  });
  afterAll(async () => {
    await camunda.close();
  });

  it('a Business Rule sends the record signed so that the Webhook connector accepts it, and the event template correlates it by sys_id', async () => {
    // given
    const before = camunda.webhooks.length;
    const incident = (await readSnapshot()).tables.get('incident');
    if (!incident) throw new Error('no incident table');
    const element = applyInbound(buildWebhookTemplate(incident, 'intermediate', { idPrefix: 'test.servicenow', version: 1 }), { serviceNowEvent: webhookActivation('incident', ['update']) }, { SERVICENOW_WEBHOOK_SECRET: WEBHOOK_SECRET });

    // when
    const run = await runInServiceNow({ scripts: [scriptIncludeSource(), businessRuleScript('update', ['servicenow-incident'])], entry: 'true', properties: properties(), current: { table: 'incident', values: INCIDENT } });

    // then
    expect(run).toMatchObject({ ok: true, logs: [] });
    const [received] = camunda.webhooks.slice(before);
    expect(received).toMatchObject({ id: 'servicenow-incident', signatureValid: true });
    const body = JSON.parse(received?.rawBody ?? '') as Record<string, unknown>;
    expect(body).toEqual({ table: 'incident', operation: 'update', sys_id: INCIDENT.sys_id, sys_mod_count: '3', record: INCIDENT });
    expect(element.connectorProperties['inbound.hmacSecret']).toBe(WEBHOOK_SECRET);
    const correlation = correlate(element, { request: { body, headers: received?.headers ?? {}, params: {} }, connectorData: {} }, 'unused');
    expect(correlation).toMatchObject({ activated: true, correlationKey: INCIDENT.sys_id, messageId: `incident:${INCIDENT.sys_id}:3`, warnings: [] });
    expect(correlation.variables).toEqual({ incidentSysId: INCIDENT.sys_id, incidentRecord: INCIDENT, incidentOperation: 'update' });
  });

  it('a Business Rule leaves password columns out of the record it sends, whatever their name', async () => {
    // given a user record with a one-way password (sys_user.user_password) and an encrypted custom column
    const user = { sys_id: '62826bf03710200044e0bfc8bcbe5df1', user_name: 'abel.tuter', user_password: '$s$hash', u_api_key: 'ciphertext', sys_mod_count: '7' };
    const before = camunda.webhooks.length;

    // when
    const run = await runInServiceNow({
      scripts: [scriptIncludeSource(), businessRuleScript('update', ['servicenow-sys-user'])],
      entry: 'true',
      properties: properties(),
      current: { table: 'sys_user', values: user, types: { user_password: 'password', u_api_key: 'password2', sys_id: 'GUID' } }
    });

    // then the other fields go, signed; the passwords stay on the instance
    expect(run).toMatchObject({ ok: true, logs: [] });
    const [received] = camunda.webhooks.slice(before);
    expect(received?.signatureValid).toBe(true);
    expect((JSON.parse(received?.rawBody ?? '') as { record: unknown }).record).toEqual({ sys_id: user.sys_id, user_name: 'abel.tuter', sys_mod_count: '7' });
  });

  it('a record signed with another secret is refused by the connector\'s check (401) and the failure is logged', async () => {
    const before = camunda.webhooks.length;
    const run = await runInServiceNow({ scripts: [scriptIncludeSource(), businessRuleScript('insert', ['servicenow-incident'])], entry: 'true', properties: { ...properties(), 'camunda.webhook.secret': 'not-the-secret' }, current: { table: 'incident', values: INCIDENT } });
    expect(camunda.webhooks.slice(before).map((webhook) => webhook.signatureValid)).toEqual([false]);
    expect(run.logs).toEqual([['warn', expect.stringContaining('answered 401') as string]]);
  });

  it('a record with non-ASCII text goes out as ASCII-only JSON, so its signature holds whatever charset the HTTP client encodes the body in', async () => {
    // given: umlaut, euro sign, CJK and an emoji (a surrogate pair)
    const record = { ...INCIDENT, short_description: 'Drucker im 3. Stock außer Betrieb – 5 € Schaden, 打印机 😀' };
    const before = camunda.webhooks.length;

    // when
    const run = await runInServiceNow({ scripts: [scriptIncludeSource(), businessRuleScript('update', ['servicenow-incident'])], entry: 'true', properties: properties(), current: { table: 'incident', values: record } });

    // then
    expect(run.logs).toEqual([]);
    const [received] = camunda.webhooks.slice(before);
    const rawBody = received?.rawBody ?? '';
    expect(received?.signatureValid).toBe(true);
    expect([...rawBody].filter((c) => c.charCodeAt(0) > 0x7e)).toEqual([]);
    expect((JSON.parse(rawBody) as { record: unknown }).record).toEqual(record);
    expect(received?.headers['content-type']).toBe('application/json; charset=utf-8');
    // An HTTP client that encodes a body without charset as ISO-8859-1 (HTTP/1.1's default for text) sends these very bytes.
    const signature = received?.headers[SIGNATURE_HEADER.toLowerCase()] ?? '';
    expect(connectorAcceptsSignature(Buffer.from(rawBody, 'latin1'), { [SIGNATURE_HEADER]: signature }, SIGNATURE_HEADER, WEBHOOK_SECRET)).toBe(true);
  });

  it('keys the MAC with the Base64 of the secret\'s UTF-8 bytes, as the connector keys its HMAC, for any secret', async () => {
    const secrets = ['', 'a', 'ab', 'abc', WEBHOOK_SECRET, 'Geheimnis-ß-€-打印机-😀', 'x'.repeat(65)];
    const entry = `(function () { var c = new ${SCRIPT_INCLUDE_NAME}(); return ${JSON.stringify(secrets)}.map(function (s) { return c._base64Utf8(s); }); })()`;
    const run = await runInServiceNow({ scripts: [scriptIncludeSource()], entry, properties: properties() });
    expect(run.value).toEqual(secrets.map((secret) => Buffer.from(secret, 'utf8').toString('base64')));
  });

  it('the ISO-8859-1 check above fails for a body with raw non-ASCII text (so it proves something)', () => {
    const body = JSON.stringify({ short_description: 'außer Betrieb' });
    const signature = createHmac('sha256', Buffer.from(WEBHOOK_SECRET, 'utf8')).update(body, 'utf8').digest('base64');
    expect(connectorAcceptsSignature(Buffer.from(body, 'utf8'), { [SIGNATURE_HEADER]: signature }, SIGNATURE_HEADER, WEBHOOK_SECRET)).toBe(true);
    expect(connectorAcceptsSignature(Buffer.from(body, 'latin1'), { [SIGNATURE_HEADER]: signature }, SIGNATURE_HEADER, WEBHOOK_SECRET)).toBe(false);
  });

  it('a Business Rule for two listening processes posts the record to each webhook ID, both signed', async () => {
    const before = camunda.webhooks.length;
    const run = await runInServiceNow({ scripts: [scriptIncludeSource(), businessRuleScript('update', ['servicenow-incident', 'incident-escalation'])], entry: 'true', properties: properties(), current: { table: 'incident', values: INCIDENT } });
    expect(camunda.webhooks.slice(before).map((webhook) => [webhook.id, webhook.signatureValid])).toEqual([['servicenow-incident', true], ['incident-escalation', true]]);
    expect(run.logs).toEqual([]);
  });

  it('a webhook that times out (execute() throws, as the API reference warns) is logged and does not keep the record from the next webhook', async () => {
    const slow = await startCamundaEmulator({ ...CLIENT, webhookSecret: WEBHOOK_SECRET, hmacHeader: SIGNATURE_HEADER, webhookDelayMs: { 'slow-process': 1000 } });
    try {
      const run = await runInServiceNow({ scripts: [scriptIncludeSource(), businessRuleScript('update', ['slow-process', 'servicenow-incident'])], entry: 'true', properties: { ...properties(), 'camunda.webhook.base_url': slow.url, 'camunda.http.timeout_ms': '200' }, current: { table: 'incident', values: INCIDENT } });
      expect([run.ok, run.error]).toEqual([true, undefined]);
      expect(slow.webhooks.map((webhook) => [webhook.id, webhook.signatureValid])).toEqual([['slow-process', true], ['servicenow-incident', true]]);
      expect(run.logs).toEqual([['error', `Camunda: POST ${slow.url}/inbound/slow-process failed: Read timed out after 200 ms`]]);
    } finally {
      await slow.close();
    }
  });

  it('the webhook answers as the connector runtime does: 500 without the signature header, 401 with the reason for a wrong one', async () => {
    const post = (headers: Record<string, string>) => fetch(`${camunda.url}/inbound/servicenow-incident`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{"table":"incident"}' });
    const unsigned = await post({});
    const wrong = await post({ [SIGNATURE_HEADER]: 'c2lnbmF0dXJl' });
    expect([unsigned.status, await unsigned.text()]).toEqual([500, '']);
    // WebhookSecurityException prefixes its reason (connector-sdk WebhookConnectorException, 8.8.16 and 8.9.7).
    expect([wrong.status, await wrong.json()]).toEqual([401, { reason: "Reason: INVALID_SIGNATURE. Details: HMAC signature check didn't pass" }]);
  });

  describe('with the event templates deployed behind the webhook', () => {
    /** An emulator whose webhooks are the deployed "updated" catch event of one process, waiting for INCIDENT. */
    async function deployedCamunda(connectorProperties: Record<string, string> = {}) {
      const incident = (await readSnapshot()).tables.get('incident');
      if (!incident) throw new Error('no incident table');
      const applied = applyInbound(buildWebhookTemplate(incident, 'intermediate', { idPrefix: 'test.servicenow', version: 1 }), { serviceNowEvent: webhookActivation('incident', ['update']) }, { SERVICENOW_WEBHOOK_SECRET: WEBHOOK_SECRET });
      const element = { ...applied, connectorProperties: { ...applied.connectorProperties, ...connectorProperties } };
      const broker = new MessageBroker();
      broker.subscribe({ bpmnProcessId: 'incident-follow-up', messageName: element.messageName ?? '', correlationKey: INCIDENT.sys_id });
      const webhookEndpoints = registerWebhooks([{ bpmnProcessId: 'incident-follow-up', processDefinitionKey: '1', elementId: 'Updated', kind: 'intermediate', element }]);
      // The emulator's own secret is another: the deployed element's must be the one checked.
      const emulator = await startCamundaEmulator({ ...CLIENT, webhookSecret: 'not-used', hmacHeader: 'X-Other', webhookEndpoints, broker });
      return { emulator, broker };
    }

    /** A Business Rule run against deployedCamunda, closed once `also` (more requests) is done. */
    async function ruleAgainstDeployed(operation: 'insert' | 'update', webhookIds: string[], options: { connectorProperties?: Record<string, string>; properties?: Record<string, string>; also?: (url: string) => Promise<void> } = {}) {
      const { emulator, broker } = await deployedCamunda(options.connectorProperties);
      try {
        const run = await runInServiceNow({ scripts: [scriptIncludeSource(), businessRuleScript(operation, webhookIds)], entry: 'true', properties: { ...properties(), 'camunda.webhook.base_url': emulator.url, ...options.properties }, current: { table: 'incident', values: INCIDENT } });
        await options.also?.(emulator.url);
        return { run, broker };
      } finally {
        await emulator.close();
      }
    }

    it('an update reaches the waiting process: signed with the element\'s secret, correlated by sys_id, answered 200', async () => {
      const { run, broker } = await ruleAgainstDeployed('update', ['servicenow-incident']);
      expect(run).toMatchObject({ ok: true, logs: [] });
      expect(broker.correlated).toMatchObject([{ bpmnProcessId: 'incident-follow-up', correlationKey: INCIDENT.sys_id, messageId: `incident:${INCIDENT.sys_id}:3`, variables: { incidentSysId: INCIDENT.sys_id, incidentOperation: 'update' } }]);
    });

    it('the signature is checked with the element\'s algorithm: an element set to SHA-512 refuses the Business Rule\'s HMAC-SHA256 (401)', async () => {
      const { run, broker } = await ruleAgainstDeployed('update', ['servicenow-incident'], { connectorProperties: { 'inbound.hmacAlgorithm': 'sha_512' } });
      expect(run.logs).toEqual([['warn', expect.stringContaining('answered 401') as string]]);
      expect(broker.correlated).toEqual([]);
    });

    it('a webhook ID no deployed event listens on is answered 404 before any signature check, and the Business Rule warns', async () => {
      const { run, broker } = await ruleAgainstDeployed('update', ['incident-escalation'], { properties: { 'camunda.webhook.secret': 'not-the-secret' } });
      expect(run.logs).toEqual([['warn', expect.stringContaining('answered 404') as string]]);
      expect(broker.correlated).toEqual([]);
    });

    it('a created record no event takes is consumed (200) and correlates nothing; a GET is refused 405', async () => {
      let get: [number, unknown] | undefined;
      const { run, broker } = await ruleAgainstDeployed('insert', ['servicenow-incident'], {
        also: async (url) => {
          const answer = await fetch(`${url}/inbound/servicenow-incident`);
          get = [answer.status, await answer.json()];
        }
      });
      expect(run).toMatchObject({ ok: true, logs: [] });
      expect(broker.correlated).toEqual([]);
      expect(get).toEqual([405, { reason: 'Method GET not supported' }]);
    });
  });

  it('calls the five v2 endpoints with bodies valid against the published API, with one cached client-credentials token', async () => {
    // given
    const calls = camunda.calls.length;
    const tokens = camunda.tokenRequests.length;
    const entry = `(function () {
      var camunda = new ${SCRIPT_INCLUDE_NAME}();
      var started = camunda.startProcessInstance('incident-escalation', { incidentSysId: '${INCIDENT.sys_id}' });
      camunda.publishMessage('incident-updated', '${INCIDENT.sys_id}', { state: '6' }, 3600000, 'incident:${INCIDENT.sys_id}:3');
      camunda.correlateMessage('incident-resolved', '${INCIDENT.sys_id}', { resolved: true });
      camunda.broadcastSignal('major-incident', { number: 'INC0010001' });
      camunda.cancelProcessInstance(started.processInstanceKey);
      return started;
    })()`;

    // when
    const run = await runInServiceNow({ scripts: [scriptIncludeSource()], entry, properties: properties() });

    // then
    expect(run.error).toBeUndefined();
    expect(run.value).toMatchObject({ processInstanceKey: '2251799813685251' });
    const made = camunda.calls.slice(calls);
    expect(made.map((call) => call.path)).toEqual(['/v2/process-instances', '/v2/messages/publication', '/v2/messages/correlation', '/v2/signals/broadcast', '/v2/process-instances/2251799813685251/cancellation']);
    expect(made.flatMap((call) => call.problems)).toEqual([]);
    expect(made[1]?.body).toEqual({ name: 'incident-updated', correlationKey: INCIDENT.sys_id, timeToLive: 3600000, messageId: `incident:${INCIDENT.sys_id}:3`, variables: { state: '6' } });
    expect(camunda.tokenRequests.slice(tokens)).toEqual([{ grant_type: 'client_credentials', client_id: CLIENT.clientId, client_secret: '<redacted>', audience: CLIENT.audience }]);
  });

  it('sends Camunda API variables with non-ASCII text as ASCII-only JSON that reads back the same', async () => {
    const calls = camunda.calls.length;
    const variables = { summary: 'Störung – 5 €, 打印机 😀' };
    const run = await runInServiceNow({ scripts: [scriptIncludeSource()], entry: `new ${SCRIPT_INCLUDE_NAME}().broadcastSignal('major-incident', ${JSON.stringify(variables)})`, properties: properties() });
    expect(run.error).toBeUndefined();
    const request = run.requests.find((each) => each.url.endsWith('/v2/signals/broadcast'));
    expect([...(request?.body ?? '')].filter((c) => c.charCodeAt(0) > 0x7e)).toEqual([]);
    expect(camunda.calls.slice(calls)[0]?.body).toEqual({ signalName: 'major-incident', variables });
  });

  it('sends a record field passed as a variable (a GlideElement, current.number) as its stored value', async () => {
    const calls = camunda.calls.length;
    // A stand-in with the GlideElement methods the API reference documents (getDisplayValue, getED) and its value as toString.
    const entry = `(function () {
      function field(value) { return { getDisplayValue: function () { return 'label of ' + value; }, getED: function () { return {}; }, toString: function () { return value; } }; }
      return new ${SCRIPT_INCLUDE_NAME}().broadcastSignal('major-incident', { number: field('INC0010001'), nested: { state: field('6') }, plain: { getDisplayValue: 'kept' } });
    })()`;
    const run = await runInServiceNow({ scripts: [scriptIncludeSource()], entry, properties: properties() });
    expect(run.error).toBeUndefined();
    expect(camunda.calls.slice(calls)[0]?.body).toEqual({ signalName: 'major-incident', variables: { number: 'INC0010001', nested: { state: '6' }, plain: { getDisplayValue: 'kept' } } });
  });

  it('the emulator refuses a body the API does not define (so the schema check can fail)', async () => {
    const calls = camunda.calls.length;
    const entry = `(function () { var c = new ${SCRIPT_INCLUDE_NAME}(); c._api('/v2/messages/publication', { messageName: 'x' }); })()`;
    const run = await runInServiceNow({ scripts: [scriptIncludeSource()], entry, properties: properties() });
    expect(run.error).toContain('answered 400');
    expect(camunda.calls.slice(calls)[0]?.problems.join(' ')).toContain("must have required property 'name'");
  });

  it('the emulator answers a refused body as the gateway does: 400 problem+json titled INVALID_ARGUMENT, with the path as instance', async () => {
    const token = await fetch(`${camunda.url}/oauth/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret, audience: CLIENT.audience }) });
    const { access_token: accessToken } = await token.json() as { access_token: string };
    const answer = await fetch(`${camunda.url}/v2/messages/publication`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` }, body: '{"messageName":"x"}' });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(await answer.json()).toMatchObject({ type: 'about:blank', title: 'INVALID_ARGUMENT', status: 400, instance: '/v2/messages/publication' });
  });

  it('correlateMessage fails when no process waits for the message: the API answers 404 NOT_FOUND, and the error quotes it', async () => {
    // given a cluster where nothing waits for "incident-resolved"
    const nobodyWaits = await startCamundaEmulator({ ...CLIENT, webhookSecret: WEBHOOK_SECRET, hmacHeader: SIGNATURE_HEADER, subscriptions: [{ name: 'incident-updated', correlationKey: INCIDENT.sys_id }] });
    try {
      const api = { ...properties(), 'camunda.api.base_url': nobodyWaits.url, 'camunda.oauth.token_url': `${nobodyWaits.url}/oauth/token` };

      // when the Script Include correlates it, and then a message a process does wait for
      const missed = await runInServiceNow({ scripts: [scriptIncludeSource()], entry: `new ${SCRIPT_INCLUDE_NAME}().correlateMessage('incident-resolved', '${INCIDENT.sys_id}', {})`, properties: api });
      const taken = await runInServiceNow({ scripts: [scriptIncludeSource()], entry: `new ${SCRIPT_INCLUDE_NAME}().correlateMessage('incident-updated', '${INCIDENT.sys_id}', {})`, properties: api });

      // then the first fails with the engine's rejection (MessageCorrelationCorrelateProcessor), the second correlates
      expect(missed.error).toContain('answered 404');
      expect(missed.error).toContain(`Command 'CORRELATE' rejected with code 'NOT_FOUND': Expected to find subscription for message with name 'incident-resolved' and correlation key '${INCIDENT.sys_id}', but none was found.`);
      expect(taken.error).toBeUndefined();
      expect(taken.value).toMatchObject({ processInstanceKey: '2251799813685251' });
    } finally {
      await nobodyWaits.close();
    }
  });

  it('names the system property to set when one is missing, and sends nothing', async () => {
    const calls = camunda.calls.length;
    const { 'camunda.oauth.client_secret': _secret, ...incomplete } = properties();
    const run = await runInServiceNow({ scripts: [scriptIncludeSource()], entry: `new ${SCRIPT_INCLUDE_NAME}().broadcastSignal('s', {})`, properties: incomplete });
    expect(run).toMatchObject({ ok: false, error: 'Camunda: set the system property camunda.oauth.client_secret' });
    expect(camunda.calls.length).toBe(calls);
  });
});
