import { describe, expect, it } from 'vitest';
import { parseFeelExpression } from '../../../core/feel/parse';
import { parseFeel } from '../../../core/template/check/feel';
import { deferUnexpectedAnswer, guardsFor, readDeferredAnswer } from '../../../core/template/answer-guard';
import { operationRule, type AnswerRule } from '../../../core/template/error-handling';
import { OPERATIONS } from '../../../core/template/operations';

const MAPPING = '={incidentSysId: body.result.sys_id}';
const CREATE = operationRule('create');
const DELETE = operationRule('delete');

describe('core/template - answer-guard', () => {
  it.each(OPERATIONS)('guards a mapping for %s so that it parses as FEEL and reads back as the same guard and mapping', (operation) => {
    // given
    const rule = operationRule(operation);

    // when
    const guarded = deferUnexpectedAnswer(MAPPING, rule);

    // then
    expect(parseFeel(guarded.slice(1)).valid).toBe(true);
    const read = readDeferredAnswer(guarded, parseFeelExpression);
    expect(read?.mapping).toBe(MAPPING);
    expect(guardsFor(read?.guard as AnswerRule, rule)).toBe(true);
  });

  it('guards a stored download by the header a file comes with, reads it back, and tells it from the status-only guard', () => {
    // given: the Attachment API's download, whose stored answer has no body to check (build-attachment-template.ts)
    const download: AnswerRule = { statuses: [200], needsResult: false, header: 'X-Attachment-Metadata', api: 'Attachment API' };

    // when
    const guarded = deferUnexpectedAnswer('={attachmentDocument: document}', download);

    // then
    expect(parseFeel(guarded.slice(1)).valid).toBe(true);
    expect(guarded).toContain('lower case(item.key) = "x-attachment-metadata"');
    const read = readDeferredAnswer(guarded, parseFeelExpression);
    expect(read?.mapping).toBe('={attachmentDocument: document}');
    expect(guardsFor(read?.guard as AnswerRule, download)).toBe(true);
    expect(guardsFor(read?.guard as AnswerRule, { ...download, header: undefined })).toBe(false);
    expect(guardsFor({ statuses: [200], needsResult: false }, download)).toBe(false);
  });

  it('guards an order by the key its result must hold, reads it back, and tells it from the result-only guard', () => {
    // given: order_now, which answers a cart instead of a request on a two-step checkout instance (build-order-template.ts)
    const order: AnswerRule = { statuses: [200], needsResult: true, resultKey: 'request_id', resultKeyMissing: 'a cart', api: 'Service Catalog API' };

    // when
    const guarded = deferUnexpectedAnswer('={requestSysId: body.result.request_id}', order);

    // then
    expect(parseFeel(guarded.slice(1)).valid).toBe(true);
    const read = readDeferredAnswer(guarded, parseFeelExpression);
    expect(read?.guard).toEqual({ statuses: [200], needsResult: true, resultKey: 'request_id' });
    expect(guardsFor(read?.guard as AnswerRule, order)).toBe(true);
    expect(guardsFor({ statuses: [200], needsResult: true }, order)).toBe(false);
  });

  it('reads a guard back whatever its line breaks and spacing, and tells the rules apart', () => {
    // given: the helper's layout, the mapping on lines of its own
    const guarded = '=if list contains([201],status) and\n  body instance of context and get value(body, "result") != null\n  and get value(body, "error") = null then {\n  a: body.result.sys_id\n}\nelse {}';

    // when
    const read = readDeferredAnswer(guarded, parseFeelExpression);

    // then
    expect(read).toEqual({ mapping: '={\n  a: body.result.sys_id\n}', guard: { statuses: [201], needsResult: true } });
    expect(guardsFor(read?.guard as AnswerRule, CREATE)).toBe(true);
    expect(guardsFor(read?.guard as AnswerRule, operationRule('get'))).toBe(false);
    expect(readDeferredAnswer(deferUnexpectedAnswer(MAPPING, DELETE), parseFeelExpression)?.guard).toEqual({ statuses: [200, 204], needsResult: false });
  });

  it.each([
    ['a plain context', MAPPING],
    ['an if that maps something else otherwise', '=if list contains([201], status) then {a: 1} else {b: 2}'],
    ['an if with another condition', '=if status = 201 then {a: 1} else {}'],
    ['a guard with a further condition', '=if list contains([201], status) and body instance of context and get value(body, "result") != null and get value(body, "error") = null and x then {a: 1} else {}'],
    ['a guard that does not parse', '=if list contains([201], status) then {a: } else {}'],
    ['a guard followed by more', '=if list contains([201], status) then {a: 1} else {} + 1']
  ])('reads no guard in %s', (_name, expression) => {
    expect(readDeferredAnswer(expression, parseFeelExpression)).toBeUndefined();
  });
});
