import { beforeAll, describe, expect, it } from 'vitest';
import { WAIT_EXAMPLES } from '../../../core/inbound/wait-examples';
import { buildWaitTemplate } from '../../../core/inbound/wait-template';
import type { Metadata } from '../../../core/metadata/model';
import { readSnapshot } from '../../../scripts/metadata/read-snapshot';
import { applyInbound, pollingDelayMillis, PollingNeverStarts } from '../../helpers/inbound-proof';

const SECRETS = { SERVICENOW_USERNAME: 'u', SERVICENOW_PASSWORD: 'p' };

describe('core/inbound/wait-template - the polling interval as the HTTP Polling connector schedules it', () => {
  let metadata: Metadata;
  beforeAll(async () => {
    metadata = await readSnapshot();
  });

  const example = WAIT_EXAMPLES[0];
  const url = `https://dev1.service-now.com/api/now/table/${example?.table ?? ''}`;
  const template = () => {
    const table = example && metadata.tables.get(example.table);
    if (!example || !table) throw new Error('no wait example with a table in the bundled snapshot');
    return buildWaitTemplate(table, example, 'intermediate', { idPrefix: 'test.servicenow', version: 1 });
  };

  it('takes every interval that polls, in any spelling Duration.parse reads', () => {
    for (const [interval, millis] of [['PT1M', 60_000], ['pt30s', 30_000], ['PT0,5S', 500], ['PT0.001S', 1], ['P1DT0S', 86_400_000], ['PT0M1S', 1000]] as const) {
      const element = applyInbound(template(), { url, httpRequestInterval: interval }, SECRETS);
      expect(element.violations, interval).toEqual([]);
      expect(pollingDelayMillis(element), interval).toBe(millis);
    }
  });

  it('refuses in the Modeler an interval under a millisecond, with which the task is never scheduled', () => {
    for (const interval of ['PT0S', 'P0D', 'PT0H0M0S', 'PT0.0009S', 'PT0,000S']) {
      expect(() => pollingDelayMillis({ ...applyInbound(template(), {}, SECRETS), properties: { httpRequestInterval: interval } }), interval).toThrow(PollingNeverStarts);
      expect(applyInbound(template(), { url, httpRequestInterval: interval }, SECRETS).violations, interval).toEqual([expect.stringContaining('httpRequestInterval: does not match')]);
    }
  });
});
