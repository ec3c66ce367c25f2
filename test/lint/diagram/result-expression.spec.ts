import { evaluate } from 'feelin';
import { describe, expect, it } from 'vitest';
import { defaultSysIdVariable, numberVariableFor, readOutputVariables } from '../../../lint/diagram/result-expression';
import { removeOutputVariables, writeOutputVariables } from '../../../lint/diagram/result-expression-writer';
import { parseFeelExpression } from '../../../core/feel/parse';
import { parseFeel } from '../../../core/template/check/feel';
import { readDeferredAnswer } from '../../../core/template/answer-guard';
import { operationRule } from '../../../core/template/error-handling';

/** What the REST connector gives the result expression: the response, also as `response`. */
function runResultExpression(expression: string, body: unknown, status = 201): unknown {
  const response = { status, headers: {}, body };
  const result = evaluate(expression.slice(1), { ...response, response });
  return result.value;
}

const created = { result: { sys_id: '46d44a5fa9fe198100c4bf8d1234abcd', number: 'INC0010001', short_description: 'Printer down' } };

describe('lint/diagram - result-expression', () => {
  it.each([
    ['incident', 'incidentSysId'],
    ['sc_req_item', 'scReqItemSysId'],
    ['change_request', 'changeRequestSysId'],
    ['u_custom_table_2', 'uCustomTable2SysId'],
    ['x_acme_app', 'xAcmeAppSysId']
  ])('names the default variable of %s %s', (table, expected) => {
    expect(defaultSysIdVariable(table)).toBe(expected);
  });

  it('writes an expression that FEEL evaluates to the sys_id and number', () => {
    // given
    const expression = writeOutputVariables(undefined, 'incidentSysId', true, parseFeelExpression) as string;

    // when
    const variables = runResultExpression(expression, created);

    // then
    expect(variables).toEqual({ incidentSysId: created.result.sys_id, incidentNumber: 'INC0010001' });
  });

  it('leaves the number out for tables without one', () => {
    // given
    const expression = writeOutputVariables('', 'userSysId', false, parseFeelExpression) as string;

    // then
    expect(runResultExpression(expression, created)).toEqual({ userSysId: created.result.sys_id });
  });

  it('keeps the user\'s own entries and replaces only its own', () => {
    // given
    const mine = '={summary: body.result.short_description, oldSysId: body.result.sys_id, oldNumber: body.result.number}';

    // when
    const expression = writeOutputVariables(mine, 'incidentSysId', true, parseFeelExpression) as string;

    // then
    expect(runResultExpression(expression, created)).toEqual({
      incidentSysId: created.result.sys_id,
      incidentNumber: 'INC0010001',
      summary: 'Printer down'
    });
    expect(readOutputVariables(expression, parseFeelExpression)).toEqual({ sysId: 'incidentSysId', number: 'incidentNumber' });
  });

  it('keeps commas inside nested contexts and strings of other entries', () => {
    // given
    const mine = '={meta: {a: 1, b: [1, 2]}, note: "x, y"}';

    // when
    const expression = writeOutputVariables(mine, 'problemSysId', true, parseFeelExpression) as string;

    // then
    expect(runResultExpression(expression, created)).toEqual({
      problemSysId: created.result.sys_id,
      problemNumber: 'INC0010001',
      meta: { a: 1, b: [1, 2] },
      note: 'x, y'
    });
  });

  it('refuses to touch an expression that is not a FEEL context', () => {
    expect(writeOutputVariables('=body.result', 'incidentSysId', true, parseFeelExpression)).toBeUndefined();
  });

  it('reads the variables back, also through response.body', () => {
    expect(readOutputVariables('={a: 1, ticketSysId: response.body.result.sys_id}', parseFeelExpression)).toEqual({ sysId: 'ticketSysId' });
    expect(readOutputVariables('={x: body.result.sys_id_other}', parseFeelExpression)).toEqual({});
    expect(readOutputVariables(undefined, parseFeelExpression)).toEqual({});
  });

  it('reads the expression with the FEEL grammar: a path in a string or a comment is no helper entry, unreadable FEEL is left alone', () => {
    expect(readOutputVariables('={note: "copy body.result.sys_id here", /* body.result.number */ id: body . result . sys_id}', parseFeelExpression)).toEqual({ sysId: 'id' });
    expect(writeOutputVariables('={note: "a", broken: (1 + }', 'incidentSysId', false, parseFeelExpression)).toBeUndefined();
    expect(removeOutputVariables('={x: body.result.sys_id, y: (}', parseFeelExpression)).toBe('={x: body.result.sys_id, y: (}');
  });

  it('removes only its own entries', () => {
    // given
    const expression = writeOutputVariables('={summary: body.result.short_description}', 'incidentSysId', true, parseFeelExpression);

    // when
    const removed = removeOutputVariables(expression, parseFeelExpression);

    // then
    expect(removed).toBe('={summary: body.result.short_description}');
    expect(removeOutputVariables(writeOutputVariables(undefined, 'incidentSysId', true, parseFeelExpression), parseFeelExpression)).toBeUndefined();
  });

  describe('inside the answer check of the task\'s rule', () => {
    const create = operationRule('create');

    it('writes a FEEL expression that maps a good answer and sets nothing for a redirect, an HTML page or an answer without result', () => {
      // when
      const expression = writeOutputVariables(undefined, 'incidentSysId', true, parseFeelExpression, create) as string;

      // then: one entry a line under the check, readable in the panel's FEEL editor
      expect(expression).toBe([
        '=if list contains([201], status) and body instance of context and get value(body, "result") != null and get value(body, "error") = null then {',
        '  incidentSysId: (if body.result.sys_id instance of context then body.result.sys_id.value else body.result.sys_id),',
        '  incidentNumber: (if body.result.number instance of context then body.result.number.value else body.result.number)',
        '} else {}'
      ].join('\n'));
      expect(parseFeel(expression.slice(1)).valid).toBe(true);
      expect(runResultExpression(expression, created)).toEqual({ incidentSysId: created.result.sys_id, incidentNumber: 'INC0010001' });
      expect(runResultExpression(expression, null, 302)).toEqual({});
      expect(runResultExpression(expression, '<html>Log in</html>')).toEqual({});
      expect(runResultExpression(expression, { error: 'x' })).toEqual({});
    });

    it('adds to, reads and removes from a context already inside the check, and moves it to the task\'s rule', () => {
      // given: a guarded expression of the user's, written for Get
      const mine = writeOutputVariables('={summary: body.result.short_description}', 'oldSysId', false, parseFeelExpression, operationRule('get')) as string;

      // when: the task now creates
      const expression = writeOutputVariables(mine, 'incidentSysId', true, parseFeelExpression, create) as string;

      // then
      expect(readDeferredAnswer(expression, parseFeelExpression)?.guard).toEqual({ statuses: [201], needsResult: true });
      expect(runResultExpression(expression, created)).toEqual({ incidentSysId: created.result.sys_id, incidentNumber: 'INC0010001', summary: 'Printer down' });
      expect(readOutputVariables(expression, parseFeelExpression)).toEqual({ sysId: 'incidentSysId', number: 'incidentNumber' });
      const removed = removeOutputVariables(expression, parseFeelExpression) as string;
      expect(readDeferredAnswer(removed, parseFeelExpression)?.mapping).toBe('={\n  summary: body.result.short_description\n}');
      expect(removeOutputVariables(writeOutputVariables(undefined, 'incidentSysId', true, parseFeelExpression, create), parseFeelExpression)).toBeUndefined();
    });

    it('keeps the check a context already has when no rule is given (a custom error expression)', () => {
      const guarded = writeOutputVariables(undefined, 'incidentSysId', false, parseFeelExpression, create) as string;
      expect(readDeferredAnswer(writeOutputVariables(guarded, 'problemSysId', false, parseFeelExpression) as string, parseFeelExpression)?.guard).toEqual({ statuses: [201], needsResult: true });
      expect(writeOutputVariables(undefined, 'incidentSysId', false, parseFeelExpression)).toBe('={incidentSysId: (if body.result.sys_id instance of context then body.result.sys_id.value else body.result.sys_id)}');
    });
  });

  it('derives the number variable from the sys_id variable', () => {
    expect(numberVariableFor('incidentSysId')).toBe('incidentNumber');
    expect(numberVariableFor('ticket')).toBe('ticketNumber');
  });
});
