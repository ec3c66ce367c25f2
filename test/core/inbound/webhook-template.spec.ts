import { beforeAll, describe, expect, it } from 'vitest';
import { buildWebhookTemplate, webhookActivation } from '../../../core/inbound/webhook-template';
import type { Table } from '../../../core/metadata/model';
import { readSnapshot } from '../../../scripts/metadata/read-snapshot';
import { answerWebhook, applyInbound, DEFAULT_MESSAGE_TTL_SECONDS, feel, MessageBroker, ProcessNotRegistered, registerElement, registerWebhooks, type DeployedElement } from '../../helpers/inbound-proof';
import { parseJavaDuration } from '../../helpers/runtime/java-duration';
import { connectorAcceptsSignature } from '../../helpers/camunda-emulator';
import { createHmac } from 'node:crypto';

const KINDS = ['start', 'intermediate', 'boundary'] as const;
const SECRETS = { SERVICENOW_WEBHOOK_SECRET: 'webhook-secret' };

describe('the webhook event templates as the connector runtime registers them', () => {
  let incident: Table;

  beforeAll(async () => {
    const table = (await readSnapshot()).tables.get('incident');
    if (!table) throw new Error('no incident in the bundled snapshot');
    incident = table;
  });

  it.each(KINDS)('%s: applied with its defaults, the process is registered with the default message TTL', (kind) => {
    // given the template as the Modeler applies it, nothing entered
    const element = applyInbound(buildWebhookTemplate(incident, kind, { idPrefix: 'test.servicenow', version: 1 }), {}, SECRETS);

    // when the runtime reads the deployed element
    const point = registerElement(element, kind);

    // then an empty TTL is not written at all (value="" would fail Duration.parse and the whole process)
    expect(element.violations).toEqual([]);
    expect(element.properties).not.toHaveProperty('messageTtl');
    expect(point?.messageTtl).toBeUndefined();
    expect(point?.correlationKeyExpression).toBe(kind === 'start' ? undefined : '=request.body.sys_id');
  });

  it('a message TTL the Modeler accepts is one Duration.parse reads, and one Duration.parse refuses the Modeler refuses', () => {
    const template = buildWebhookTemplate(incident, 'intermediate', { idPrefix: 'test.servicenow', version: 1 });
    const accepted = { PT1H: 3600, P1D: 86400, PT30M: 1800, P2DT3H4M: 183840, 'PT0.5S': 0.5 };
    for (const [ttl, seconds] of Object.entries(accepted)) {
      const element = applyInbound(template, { messageTtl: ttl }, SECRETS);
      expect(element.violations, ttl).toEqual([]);
      expect(registerElement(element, 'intermediate')?.messageTtl, ttl).toBe(seconds);
    }
    // FEEL included: the runtime never evaluates this property, it parses the text.
    for (const ttl of ['PT', 'P', 'P1DT', '1H', 'P1Y', 'PT1X', '=ttlFromVariable', ' PT1H']) {
      expect(() => parseJavaDuration(ttl), ttl).toThrow();
      expect(() => registerElement({ ...applyInbound(template, {}, SECRETS), properties: { messageTtl: ttl } }, 'intermediate'), ttl).toThrow(ProcessNotRegistered);
      expect(applyInbound(template, { messageTtl: ttl }, SECRETS).violations, ttl).toEqual([expect.stringContaining('messageTtl: does not match')]);
    }
  });

  it('the HMAC secret reaches the signature check as written, secrets replaced: a FEEL-looking key is refused in the Modeler', () => {
    const template = buildWebhookTemplate(incident, 'start', { idPrefix: 'test.servicenow', version: 1 });
    const body = Buffer.from('{"table":"incident","operation":"insert"}');
    const signed = (key: string) => ({ 'x-servicenow-signature': createHmac('sha256', key).update(body).digest('hex') });

    // the default placeholder: the runtime signs with the secret's value, so ServiceNow's signature passes
    const element = applyInbound(template, {}, SECRETS);
    const key = element.connectorProperties['inbound.hmacSecret'] ?? '';
    const header = element.connectorProperties['inbound.hmacHeader'] ?? '';
    expect(connectorAcceptsSignature(body, signed('webhook-secret'), header, key)).toBe(true);

    // the runtime never evaluates the property: "=secrets.X" would be the key itself, so no FEEL toggle is offered
    expect(template.properties.find((property) => property.id === 'inbound.hmacSecret')).not.toHaveProperty('feel');
    expect(connectorAcceptsSignature(body, signed('webhook-secret'), header, '=secrets.SERVICENOW_WEBHOOK_SECRET')).toBe(false);
    expect(applyInbound(template, { 'inbound.hmacSecret': '=secrets.SERVICENOW_WEBHOOK_SECRET' }, SECRETS).violations).toEqual([expect.stringContaining('inbound.hmacSecret: does not match')]);
    expect(applyInbound(template, { 'inbound.hmacSecret': 'a-key-typed-in' }, SECRETS).violations).toEqual([]);
  });

  it('the result variable holds the correlation context, not the request alone: the path its description names finds the record', () => {
    // given an element storing what it received in "event"
    const template = buildWebhookTemplate(incident, 'intermediate', { idPrefix: 'test.servicenow', version: 1 });
    const element = applyInbound(template, { resultVariable: 'event', serviceNowEvent: webhookActivation('incident', ['update']) }, SECRETS);
    const endpoints = registerWebhooks([{ bpmnProcessId: 'incident-follow-up', processDefinitionKey: '1', elementId: 'Updated', kind: 'intermediate', element }]);
    const body = { table: 'incident', operation: 'update', sys_id: '46d44a5dc0a80a8a012345b0d2d6c7e1', sys_mod_count: '3', record: { state: '2' } };

    // when ServiceNow posts an updated record
    const variables = answerWebhook(endpoints, 'servicenow-incident', body).activated?.correlation.variables ?? {};

    // then the record sits under request.body, as the description says (a path from the variable on, as a user writes it)
    const description = template.properties.find((property) => property.id === 'resultVariable')?.description ?? '';
    const path = /<code>&lt;variable&gt;(\.[\w.]+)<\/code>/.exec(description)?.[1] ?? '(none named)';
    expect(feel(`=event${path}`, variables)).toEqual({ state: '2' });
    expect(feel('=event.body', variables)).toBeNull();
  });

  describe('one webhook ID for several events', () => {
    const record = (operation: string) => ({ table: 'incident', operation, sys_id: '46d44a5dc0a80a8a012345b0d2d6c7e1', sys_mod_count: '3', record: { state: '2' } });
    const deployed = (processDefinitionKey: string, elementId: string, kind: (typeof KINDS)[number], operations: ('insert' | 'update')[], bpmnProcessId = `process-${processDefinitionKey}`): DeployedElement => ({
      bpmnProcessId,
      processDefinitionKey,
      elementId,
      kind,
      element: applyInbound(buildWebhookTemplate(incident, kind, { idPrefix: 'test.servicenow', version: 1 }), { serviceNowEvent: webhookActivation('incident', operations) }, SECRETS)
    });

    it('in one process, a "created" start event and an "updated" catch event share the endpoint: each gets its records', () => {
      // given one process definition with both events on the default webhook ID
      const endpoints = registerWebhooks([deployed('1', 'Started', 'start', ['insert']), deployed('1', 'Updated', 'intermediate', ['update'])]);

      // when ServiceNow posts a created and an updated record
      const created = answerWebhook(endpoints, 'servicenow-incident', record('insert'));
      const updated = answerWebhook(endpoints, 'servicenow-incident', record('update'));

      // then both elements stand behind the one active webhook and each activates on its own event
      expect(endpoints.get('servicenow-incident')?.standby).toEqual([]);
      expect(created).toMatchObject({ status: 200, activated: { elementId: 'Started' } });
      expect(updated).toMatchObject({ status: 200, activated: { elementId: 'Updated', correlation: { correlationKey: '46d44a5dc0a80a8a012345b0d2d6c7e1', messageId: 'incident:46d44a5dc0a80a8a012345b0d2d6c7e1:3' } } });
      expect(answerWebhook(endpoints, 'servicenow-incident', { ...record('update'), table: 'problem' })).toEqual({ status: 200 });
    });

    it('another process on the same webhook ID stands by, as the Webhook ID field says', () => {
      const endpoints = registerWebhooks([deployed('1', 'Updated', 'intermediate', ['update']), deployed('2', 'AlsoUpdated', 'boundary', ['update'])]);
      expect(endpoints.get('servicenow-incident')?.active.map(({ elementId }) => elementId)).toEqual(['Updated']);
      expect(endpoints.get('servicenow-incident')?.standby.map((group) => group.map(({ elementId }) => elementId))).toEqual([['AlsoUpdated']]);
      expect(buildWebhookTemplate(incident, 'boundary', { idPrefix: 'test.servicenow', version: 1 }).properties.find(({ id }) => id === 'inbound.context')?.description).toContain('another process needs its own');
    });

    it('8.9 keeps the versions of a process with instances active as one executable: two versions of a catch event share the endpoint and one message goes out', () => {
      // given the same diagram deployed twice (same bpmnProcessId, same message name), instances of both waiting
      const element = deployed('1', 'Updated', 'intermediate', ['update']).element;
      const versions: DeployedElement[] = [
        { bpmnProcessId: 'incident-follow-up', processDefinitionKey: '1', elementId: 'Updated', kind: 'intermediate', element },
        { bpmnProcessId: 'incident-follow-up', processDefinitionKey: '2', elementId: 'Updated', kind: 'intermediate', element }
      ];

      // when the 8.9 runtime registers them and ServiceNow posts an update
      const endpoints = registerWebhooks(versions, '8.9');
      const answer = answerWebhook(endpoints, 'servicenow-incident', record('update'), { runtime: '8.9' });

      // then both stand behind the endpoint (deduplicated by bpmnProcessId) and, being alike, count as one match
      expect(endpoints.get('servicenow-incident')).toMatchObject({ active: versions, standby: [] });
      expect(answer).toMatchObject({ status: 200, activated: { correlation: { message: { name: element.messageName, correlationKey: '46d44a5dc0a80a8a012345b0d2d6c7e1' } } } });
    });

    it('a record that activates two unlike events is refused 422 with the reason (8.9 names it)', () => {
      const both = () => registerWebhooks([deployed('1', 'Started', 'start', ['insert', 'update']), deployed('1', 'Updated', 'intermediate', ['update'])], '8.9');
      expect(answerWebhook(both(), 'servicenow-incident', record('update'))).toEqual({ status: 422, body: { message: 'Multiple connectors are activated for the same input' } });
      expect(answerWebhook(both(), 'servicenow-incident', record('update'), { runtime: '8.9' })).toEqual({ status: 422, body: { message: 'Multiple connectors are activated for the same input: Not all matching elements are message correlation points' } });
    });
  });

  describe('what the webhook answers ServiceNow', () => {
    const sysId = '46d44a5dc0a80a8a012345b0d2d6c7e1';
    const update = { table: 'incident', operation: 'update', sys_id: sysId, sys_mod_count: '3', record: { state: '2' } };
    const waiting = (values: Record<string, unknown> = {}): DeployedElement => ({
      bpmnProcessId: 'incident-follow-up', processDefinitionKey: '1', elementId: 'Updated', kind: 'intermediate',
      element: applyInbound(buildWebhookTemplate(incident, 'intermediate', { idPrefix: 'test.servicenow', version: 1 }), { serviceNowEvent: webhookActivation('incident', ['update']), ...values }, SECRETS)
    });
    const withProperties = (deployedElement: DeployedElement, properties: Record<string, string>): DeployedElement => ({ ...deployedElement, element: { ...deployedElement.element, properties: { ...deployedElement.element.properties, ...properties } } });

    it('secrets are replaced in what the connector binds (the HMAC key), never in the runtime\'s own properties: a result expression cannot copy a secret into the process', () => {
      // given a result expression that names the webhook secret
      const leaky = waiting({ resultExpression: '={copied: "{{secrets.SERVICENOW_WEBHOOK_SECRET}}"}' });

      // when an update arrives
      const answer = answerWebhook(registerWebhooks([leaky]), 'servicenow-incident', update);

      // then the correlation reads the raw zeebe:property (InboundConnectorElement.rawProperties), the connector its secret
      expect(answer.activated?.correlation.variables).toEqual({ copied: '{{secrets.SERVICENOW_WEBHOOK_SECRET}}' });
      expect(leaky.element.connectorProperties['inbound.hmacSecret']).toBe('webhook-secret');
      expect(leaky.element.connectorProperties).not.toHaveProperty('activationCondition');
    });

    it('a request no event takes: 200 when an element consumes unmatched events (Boolean.parseBoolean), else 422 with the ActivationConditionNotMet record', () => {
      const created = { ...update, operation: 'insert' };
      expect(answerWebhook(registerWebhooks([waiting()]), 'servicenow-incident', created)).toEqual({ status: 200 });
      expect(answerWebhook(registerWebhooks([withProperties(waiting(), { consumeUnmatchedEvents: 'TRUE' })]), 'servicenow-incident', created)).toEqual({ status: 200 });
      expect(answerWebhook(registerWebhooks([withProperties(waiting(), { consumeUnmatchedEvents: 'false' })]), 'servicenow-incident', created)).toEqual({ status: 422, body: { consumeUnmatched: false } });
    });

    it('a record without sys_mod_count makes the message id null, which the Camunda client refuses: 500, never a message with the id "…:null"', () => {
      const { sys_mod_count: _count, ...withoutCount } = update;
      const answer = answerWebhook(registerWebhooks([waiting()]), 'servicenow-incident', withoutCount);
      expect(answer).toMatchObject({ status: 500, activated: { correlation: { failure: { kind: 'Other' } } } });
      expect(answer.activated?.correlation.message).toBeUndefined();
    });

    it('an activation condition that fails to evaluate is answered 500 without a body (canActivate before correlation throws)', () => {
      const failing = withProperties(waiting(), { activationCondition: '=assert(true, request.body.table = "problem")' });
      expect(answerWebhook(registerWebhooks([failing]), 'servicenow-incident', update)).toEqual({ status: 500 });
    });

    it('a record without sys_id reaches no catch event: 422, the correlation key is missing', () => {
      const { sys_id: _id, ...withoutId } = update;
      expect(answerWebhook(registerWebhooks([waiting()]), 'servicenow-incident', withoutId)).toMatchObject({ status: 422, body: { message: "Wasn't able to obtain correlation key for expression =request.body.sys_id" } });
    });

    it('an empty Message TTL is the runtime\'s default, which the field names', () => {
      const element = waiting();
      const answer = answerWebhook(registerWebhooks([element]), 'servicenow-incident', update, { broker: new MessageBroker() });
      expect(answer.activated?.correlation.message?.timeToLive).toBe(DEFAULT_MESSAGE_TTL_SECONDS);
      const description = buildWebhookTemplate(incident, 'intermediate', { idPrefix: 'test.servicenow', version: 1 }).properties.find(({ id }) => id === 'messageTtl')?.description ?? '';
      expect(description).toContain(`PT${DEFAULT_MESSAGE_TTL_SECONDS / 3600}H`);
      expect(description).toContain('camunda.connector.inbound.message.ttl');
    });

    it('an update no process waits for yet is answered 200 and kept for the Message TTL: a process that waits within it gets it, one later does not', () => {
      // given a catch event with a 10-minute TTL, and nothing waiting yet
      const element = waiting({ messageTtl: 'PT10M' });
      const endpoints = registerWebhooks([element]);
      const early = new MessageBroker();
      const late = new MessageBroker();

      // when the update arrives, and a process starts waiting for the record 9 or 11 minutes later
      const answers = [early, late].map((broker) => answerWebhook(endpoints, 'servicenow-incident', update, { broker }));
      early.advance(540);
      late.advance(660);
      const subscription = { bpmnProcessId: 'incident-follow-up', messageName: element.element.messageName ?? '', correlationKey: sysId };

      // then
      expect(answers.map(({ status, published }) => [status, published])).toEqual([[200, 'buffered'], [200, 'buffered']]);
      expect([early.subscribe(subscription), late.subscribe(subscription)]).toEqual(['correlated', 'waiting']);
    });

    it.each(['intermediate', 'boundary'] as const)('%s: of two instances of one process waiting for the same record, an event wakes one, as the sys_id field says', (kind) => {
      // given two instances of one process waiting at the event for the same incident
      const template = buildWebhookTemplate(incident, kind, { idPrefix: 'test.servicenow', version: 1 });
      const element = applyInbound(template, { serviceNowEvent: webhookActivation('incident', ['update']) }, SECRETS);
      const endpoints = registerWebhooks([{ bpmnProcessId: 'incident-follow-up', processDefinitionKey: '1', elementId: 'Updated', kind, element }]);
      const broker = new MessageBroker();
      for (let instance = 0; instance < 2; instance++) broker.subscribe({ bpmnProcessId: 'incident-follow-up', messageName: element.messageName ?? '', correlationKey: sysId });

      // when ServiceNow posts one update, then the next
      answerWebhook(endpoints, 'servicenow-incident', update, { broker });
      const woken = broker.correlated.length;
      answerWebhook(endpoints, 'servicenow-incident', { ...update, sys_mod_count: '4' }, { broker });

      // then each update wakes one instance (a message correlates once per process), and the field says so
      expect([woken, broker.correlated.length]).toEqual([1, 2]);
      expect(template.properties.find(({ id }) => id === 'sysId')?.description).toContain('once per process');
    });

    it('one record version posted to two processes\' webhook IDs reaches both, the same message id notwithstanding; a resent request is a duplicate, still answered 200', () => {
      // given two processes, each on its own webhook ID, waiting for the same record
      const escalation: DeployedElement = { ...waiting({ 'inbound.context': 'incident-escalation' }), bpmnProcessId: 'incident-escalation', processDefinitionKey: '2' };
      const followUp = waiting();
      const endpoints = registerWebhooks([followUp, escalation]);
      const broker = new MessageBroker();
      for (const { bpmnProcessId, element } of [followUp, escalation]) broker.subscribe({ bpmnProcessId, messageName: element.messageName ?? '', correlationKey: sysId });

      // when the Business Rule posts the update to both IDs, then resends it to the first
      const answers = [answerWebhook(endpoints, 'servicenow-incident', update, { broker }), answerWebhook(endpoints, 'incident-escalation', update, { broker }), answerWebhook(endpoints, 'servicenow-incident', update, { broker })];

      // then each process got it once (Zeebe's duplicate check is per name, key and id), and the resend changes nothing
      expect(answers.map(({ status, published }) => [status, published])).toEqual([[200, 'correlated'], [200, 'correlated'], [200, 'already-exists']]);
      expect(broker.correlated.map(({ bpmnProcessId, messageId }) => [bpmnProcessId, messageId])).toEqual([['incident-follow-up', `incident:${sysId}:3`], ['incident-escalation', `incident:${sysId}:3`]]);
    });
  });
});
