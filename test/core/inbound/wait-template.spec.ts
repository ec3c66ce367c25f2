import { beforeAll, describe, expect, it } from 'vitest';
import { WAIT_EXAMPLES } from '../../../core/inbound/wait-examples';
import { buildWaitTemplate } from '../../../core/inbound/wait-template';
import type { Metadata, Table } from '../../../core/metadata/model';
import { readSnapshot } from '../../../scripts/metadata/read-snapshot';
import { applyInbound, correlate, pollingDelayMillis, PollingNeverStarts, type InboundElement } from '../../helpers/inbound-proof';
import { httpCommonResult } from '../../helpers/runtime/job-outcome';

const SECRETS = { SERVICENOW_USERNAME: 'admin', SERVICENOW_PASSWORD: 'secret' };
const RECORD = { sys_id: '46d44a5dc0a80a8a012345b0d2d6c7e1', state: '6', number: 'INC0010001' };
/** A Table API answer with the record, as the HttpService hands it on (test/e2e/rest-connector.ts). */
const ANSWER = { status: 200, headers: { 'content-type': 'application/json' }, body: { result: [RECORD] }, reason: 'OK' };

describe('the wait templates\' output mapping as the HTTP Polling connector correlates a poll', () => {
  let element: (values: Record<string, unknown>) => InboundElement;

  beforeAll(async () => {
    const table: Table | undefined = (await readSnapshot()).tables.get('incident');
    const example = WAIT_EXAMPLES.find((each) => each.table === 'incident');
    if (!table || !example) throw new Error('no incident wait example in the bundled snapshot');
    const template = buildWaitTemplate(table, example, 'intermediate', { idPrefix: 'test.servicenow', version: 1 });
    element = (values) => applyInbound(template, { url: 'https://dev12345.service-now.com/api/now/table/incident', ...values }, SECRETS);
  });

  it('the result expression also sees the answer as `response`, as the connector\'s own template writes it ({myResponseBody: response.body})', () => {
    // given an expression in the style of the official polling template's default
    const waiting = element({ resultExpression: '={record: response.body.result[1], status: response.status, reason: reason}' });

    // when the poll returns the record
    const correlation = correlate(waiting, httpCommonResult(ANSWER), 'Wait_12251799813685301');

    // then both forms read the HttpCommonResult (ConnectorResultHandler passes it and wrapResponse of it)
    expect(correlation.warnings).toEqual([]);
    expect(correlation.variables).toEqual({ record: RECORD, status: 200, reason: 'OK' });
  });

  it('the result variable holds the whole HttpCommonResult, the reason phrase included', () => {
    // (Whether the null document reaches Zeebe depends on the client's JSON mapper: not asserted.)
    const correlation = correlate(element({ resultVariable: 'poll' }), httpCommonResult(ANSWER), 'Wait_12251799813685301');
    expect(correlation.variables?.poll).toMatchObject(ANSWER);
  });

  it('a result expression that returns no context publishes nothing: the runtime refuses it (ConnectorInputException)', () => {
    // given an expression returning the list of records instead of a context
    const waiting = element({ resultExpression: '=body.result' });

    // when the record comes back
    const correlation = correlate(waiting, httpCommonResult(ANSWER), 'Wait_12251799813685301');

    // then the activation condition holds, yet no message goes out and the event keeps waiting
    expect(correlation.activated).toBe(true);
    expect(correlation.failure).toMatchObject({ kind: 'InvalidInput' });
    expect(correlation.message).toBeUndefined();
  });

  it('the generated mapping publishes the record under <table>Record, keyed by its sys_id, with the element instance as message id', () => {
    const correlation = correlate(element({}), httpCommonResult(ANSWER), 'Wait_12251799813685301');
    expect(correlation.failure).toBeUndefined();
    expect(correlation.message).toMatchObject({ correlationKey: RECORD.sys_id, messageId: 'Wait_12251799813685301', timeToLive: 3600, variables: { incidentRecord: RECORD } });
  });
});

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
