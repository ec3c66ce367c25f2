import { beforeAll, describe, expect, it } from 'vitest';
import type { Metadata } from '../../../core/metadata/model';
import { readSnapshot } from '../../../scripts/metadata/read-snapshot';
import { parseRules } from '../../../scripts/servicenow-artifacts/parse-rules';

describe('servicenow-artifacts --webhook-id', () => {
  let metadata: Metadata;
  beforeAll(async () => {
    metadata = await readSnapshot();
  });

  it('defaults to the event templates\' webhook ID, and takes one ID per listening process when repeated', () => {
    expect(parseRules(['incident:insert'], [], metadata).rules[0]?.webhookIds).toEqual(['servicenow-incident']);
    const { rules } = parseRules(['incident:insert,update', 'sc_req_item:update'], ['incident=servicenow-incident', 'incident=incident-escalation', 'incident=incident-escalation'], metadata);
    expect(rules.map(({ table, webhookIds }) => [table, webhookIds])).toEqual([['incident', ['servicenow-incident', 'incident-escalation']], ['sc_req_item', ['servicenow-sc-req-item']]]);
  });
});
