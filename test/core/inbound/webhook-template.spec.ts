import { beforeAll, describe, expect, it } from 'vitest';
import { buildWebhookTemplate, webhookActivation } from '../../../core/inbound/webhook-template';
import type { Table } from '../../../core/metadata/model';
import { readSnapshot } from '../../../scripts/metadata/read-snapshot';
import { answerWebhook, applyInbound, feel, ProcessNotRegistered, registerElement, registerWebhooks, type DeployedElement } from '../../helpers/inbound-proof';
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
    const key = element.properties['inbound.hmacSecret'] ?? '';
    const header = element.properties['inbound.hmacHeader'] ?? '';
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
    const endpoints = registerWebhooks([{ processDefinitionKey: '1', elementId: 'Updated', kind: 'intermediate', element }]);
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
    const deployed = (processDefinitionKey: string, elementId: string, kind: (typeof KINDS)[number], operations: ('insert' | 'update')[]): DeployedElement => ({
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
  });
});
