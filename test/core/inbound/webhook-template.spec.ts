import { beforeAll, describe, expect, it } from 'vitest';
import { buildWebhookTemplate } from '../../../core/inbound/webhook-template';
import type { Table } from '../../../core/metadata/model';
import { readSnapshot } from '../../../scripts/metadata/read-snapshot';
import { applyInbound, ProcessNotRegistered, registerElement } from '../../helpers/inbound-proof';
import { parseJavaDuration } from '../../helpers/runtime/java-duration';

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
});
