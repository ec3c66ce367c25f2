import { allOf, headerBinding, OPERATION_HTTP, OPERATIONS, whenOperation, type Operation } from './operations';
import type { Condition, TemplateProperty } from './types';
import { carriesHeader, resultHolds, type GuardedAnswer } from './answer-guard';
import { CANCELLED_TRANSACTION, HIBERNATING_PAGE_TITLE } from '../instance-answers';

/** Seconds to wait after a 429 that carries no usable Retry-After header. */
const DEFAULT_RATE_LIMIT_WAIT = 60;

/** The answers that mean an operation worked (c_TableAPI.md): Delete answers 204, some instances 200. */
export function successStatuses(operation: Operation): number[] {
  return operation === 'delete' ? [200, 204] : [OPERATION_HTTP[operation].status];
}

/**
 * The connector runs the error expression after EVERY call (connectors
 * SpringConnectorJobHandler `processFinalResult`): over `{error}` when the
 * call failed and, when it did not, over the response (status, headers,
 * body) only while the result variable and expression set nothing; once
 * they set a variable it gets those output variables instead
 * (connector-runtime-core ConnectorResult `SuccessResult.responseValue`,
 * camunda/connectors#5695, camunda-docs "Error expression"); `response`
 * wraps whichever it got. It treats only a status >= 400 as an error and
 * follows no redirect, so a 3xx (login page, http→https, a custom domain)
 * or an answer without the Table API's `result` would complete the task
 * with null outputs, and a 200 web page would complete a Delete. These
 * entries turn such an answer into an incident (`jobError`, no retries):
 * the URL is wrong or the instance asleep, which no BPMN error boundary can
 * fix and no retry cures; so is a 200 whose records end in a cancelled
 * transaction's error, which asks for a smaller query. The answer is the response itself or, among
 * output variables, the result variable's copy of it (a context with a
 * numeric `status` and `headers`); the preset result expressions set no
 * variable for such an answer (answer-guard.ts), so the response
 * reaches this check. Everything is read through `get value`: `error`
 * itself is undefined after a success.
 */
/** What a successful answer looks like: its statuses, whether its body holds `result`, and the API a wrong URL misses. */
export interface AnswerRule extends GuardedAnswer {
  api: string;
  /** With `resultKey`: what an answer without it means and what to do, for the incident (no double quotes). */
  resultKeyMissing?: string;
}

/** Count (the Aggregate API) shares Get's rule and message: a wrong instance URL misses both alike, and each rule costs a large expression. */
export function operationRule(operation: Operation): AnswerRule {
  return { statuses: successStatuses(operation), needsResult: operation !== 'delete', api: 'Table API' };
}

function unexpectedAnswerEntries(rule: AnswerRule): string[] {
  const { statuses, needsResult, header, api, resultKey, resultKeyMissing } = rule;
  const expected = statuses.join(' or ');
  if (resultKey && (!resultKeyMissing || resultKeyMissing.includes('"'))) throw new Error(`error-handling: resultKey ${resultKey} needs a resultKeyMissing text without double quotes`);
  const resultKeyCheck = resultKey ? `\n    else if not(${resultHolds('answer', resultKey)}) then "ServiceNow answered HTTP " + string(status) + " without result.${resultKey}: ${resultKeyMissing}"` : '';
  return [
    'failure: if get value(response, "error") instance of context then get value(response, "error") else null',
    'stored: get entries(response)[item.value instance of context and get value(item.value, "status") instance of number and get value(item.value, "headers") instance of context]',
    'answered: if failure != null then {} else if get value(response, "status") instance of number then response else if count(stored) > 0 then get value(stored[1], "value") else {}',
    'status: get value(answered, "status")',
    'answer: if get value(answered, "body") instance of context then get value(answered, "body") else {}',
    'page: if get value(answered, "body") instance of string then get value(answered, "body") else ""',
    'answerHeaders: if get value(answered, "headers") instance of context then get value(answered, "headers") else {}',
    // Header names keep the server's spelling (connectors HeadersHelper.flattenHeaders): matched ignoring case; `[1]` of no match is null (feel-scala FeelInterpreter `filterList`).
    'location: get entries(answerHeaders)[lower case(item.key) = "location"].value[1]',
    `unexpected: if failure != null or status = null then null
    else if contains(page, "${HIBERNATING_PAGE_TITLE}") then "The instance is hibernating: wake it, then retry"
    else if not(list contains([${statuses.join(', ')}], status)) then "ServiceNow answered HTTP " + string(status) + (if location = null then "" else " redirecting to " + string(location)) + " instead of ${expected}: the instance URL does not reach the ${api} (use the instance's https:// address)"
    ${needsResult
    ? `else if get value(answer, "result") = null or get value(answer, "error") != null then "ServiceNow answered HTTP " + string(status) + (if get value(answer, "error") != null or contains(page, "${CANCELLED_TRANSACTION}") then " with a cancelled transaction: ask for fewer records or columns" else " without a result: the instance URL does not reach the ${api}")`
    : header
      // A stored download has no body to look into (AnswerRule.header): its page would be stored as the file.
      ? `else if not(${carriesHeader('answerHeaders', header)}) then "ServiceNow answered HTTP " + string(status) + " without the ${header} header a file comes with (a web page, such as a login or hibernation page, instead): the instance URL does not reach the ${api}"`
      : `else if contains(lower case(page), "<html") then "ServiceNow answered HTTP " + string(status) + " with a web page: the instance URL does not reach the ${api}"`}${resultKeyCheck}
    else null`
  ];
}

/**
 * The ServiceNow preset, for a failed call: `code` (the HTTP status as
 * text), `message` (reason phrase) and `variables.response.{body,headers}`:
 * - 429: a job error that retries after `Retry-After` seconds;
 * - 408 and 5xx (timeouts, outages): null, so the connector's retries apply;
 * - any other 4xx: a BPMN error `SERVICENOW_<status>` whose message is
 *   ServiceNow's `error.message` and `error.detail`.
 */
const SERVICENOW_FAILURE_ENTRIES = [
  'failed: if failure = null then {} else failure',
  'code: get value(failed, "code")',
  'variables: if get value(failed, "variables") instance of context then get value(failed, "variables") else {}',
  'errorResponse: if get value(variables, "response") instance of context then get value(variables, "response") else {}',
  'body: get value(errorResponse, "body")',
  'bodyError: if body instance of context then get value(body, "error") else null',
  // ServiceNow's REST APIs answer {"error": {message, detail}}; its token endpoint (oauth_token.do) answers OAuth's {"error", "error_description"} strings.
  'snError: if bodyError instance of context then bodyError else if bodyError instance of string then {message: bodyError, detail: get value(body, "error_description")} else {}',
  'snMessage: get value(snError, "message")',
  'snDetail: get value(snError, "detail")',
  'message: if snMessage = null then get value(failed, "message") else string(snMessage) + (if snDetail = null then "" else ": " + string(snDetail))',
  'headers: if get value(errorResponse, "headers") instance of context then get value(errorResponse, "headers") else {}',
  'retryAfter: get entries(headers)[lower case(item.key) = "retry-after"].value[1]',
  `wait: if retryAfter != null and matches(string(retryAfter), "^[0-9]+$") then duration("PT" + string(retryAfter) + "S") else duration("PT${DEFAULT_RATE_LIMIT_WAIT}S")`
];

const SERVICENOW_FAILURE_OUTCOME = `if code = "429" then jobError("ServiceNow rate limit: " + message, {}, job.retries - 1, wait)
    else if code = "408" or matches(string(code), "^5[0-9][0-9]$") then null
    else if matches(string(code), "^4[0-9][0-9]$") then bpmnError("SERVICENOW_" + code, message, {serviceNowError: {status: number(code), message: snMessage, detail: snDetail}})
    else null`;

function expression(entries: string[], outcome: string): string {
  return `={
  ${[...entries, `outcome: ${outcome}`].join(',\n  ')}
}.outcome`;
}

/**
 * The answer rule behind one of our preset error expressions (either mode),
 * read back from its text and confirmed by building the preset again, so a
 * changed, older or foreign expression gives none.
 */
export function presetErrorRule(expression: string): AnswerRule | undefined {
  const statuses = /not\(list contains\(\[([0-9, ]*)\], status\)\)/.exec(expression)?.[1]?.split(', ').filter(Boolean).map(Number);
  const api = /the instance URL does not reach the ([^(]+?) \(use the instance/.exec(expression)?.[1];
  if (!statuses || !api) return undefined;
  const header = /" without the ([A-Za-z0-9-]+) header a file comes with/.exec(expression)?.[1];
  const keyed = /" without result\.([A-Za-z0-9_]+): ([^"]*)"/.exec(expression);
  const rule: AnswerRule = { statuses, needsResult: expression.includes('" without a result: the instance URL'), ...(header ? { header } : {}), api, ...(keyed?.[1] ? { resultKey: keyed[1], resultKeyMissing: keyed[2] } : {}) };
  return expression === serviceNowErrorExpression(rule) || expression === unexpectedAnswerExpression(rule) ? rule : undefined;
}

/** The preset: unexpected answers are incidents, ServiceNow's errors BPMN errors or retries. */
export function serviceNowErrorExpression(operation: Operation | AnswerRule): string {
  const rule = typeof operation === 'string' ? operationRule(operation) : operation;
  return expression([...unexpectedAnswerEntries(rule), ...SERVICENOW_FAILURE_ENTRIES], `if unexpected != null then jobError(unexpected)
    else if failure = null then null
    else ${SERVICENOW_FAILURE_OUTCOME}`);
}

/** "None": every failure goes to the connector's retries; an unexpected answer still is an incident. */
export function unexpectedAnswerExpression(operation: Operation | AnswerRule): string {
  const rule = typeof operation === 'string' ? operationRule(operation) : operation;
  return expression(unexpectedAnswerEntries(rule), 'if unexpected != null then jobError(unexpected) else null');
}

/** One success rule of a template, active under `condition` (an operation), named by `id`. */
export interface ScopedAnswerRule {
  id: string;
  rule: AnswerRule;
  condition?: Condition;
}

export function errorHandlingProperties(): TemplateProperty[] {
  // One expression per distinct success rule (Create; Get, Query, Update; Count; Delete), not per operation: it is the template's largest text.
  const rules = new Map<string, Operation[]>();
  for (const operation of OPERATIONS) {
    const rule = JSON.stringify(operationRule(operation));
    rules.set(rule, [...(rules.get(rule) ?? []), operation]);
  }
  return errorPropertiesFor([...rules.values()].map((operations) => ({ id: operations.join('-'), rule: operationRule(operations[0] as Operation), condition: whenOperation(...operations) })));
}

/** The error group for any set of success rules (templates beyond the Table API pass their own). */
export function errorPropertiesFor(rules: ScopedAnswerRule[]): TemplateProperty[] {
  const perRule = (mode: 'servicenow' | 'none', build: (rule: AnswerRule) => string) =>
    rules.map(({ id, rule, condition }): TemplateProperty => {
      const chosen: Condition = mode === 'servicenow' ? { property: 'errorHandling', isEmpty: true } : { property: 'errorHandling', equals: 'none' };
      return { id: `errorExpression.${mode}.${id}`, type: 'Hidden', value: build(rule), binding: headerBinding('errorExpression'), condition: condition ? allOf(chosen, condition) : chosen };
    });
  return [
    {
      id: 'errorHandling',
      label: 'Error handling',
      // Short choice names (long ones were cut off in the dropdown); what each does is said here.
      description: 'ServiceNow errors: an error answer becomes BPMN error SERVICENOW_ followed by its status (SERVICENOW_404), with ServiceNow\'s message; a 429 is retried after Retry-After. None: every failure is retried, then raises an incident.',
      group: 'error',
      type: 'Dropdown',
      // The default (the ServiceNow preset) is the empty value, matched with
      // isEmpty, so applying the template with defaults takes no extra pass.
      value: '',
      choices: [
        { name: 'ServiceNow errors (SERVICENOW_<status>)', value: '' },
        { name: 'Custom error expression', value: 'custom' },
        { name: 'None: retries, then an incident', value: 'none' }
      ],
      binding: headerBinding('serviceNowErrorHandling')
    },
    ...perRule('servicenow', serviceNowErrorExpression),
    ...perRule('none', unexpectedAnswerExpression),
    {
      id: 'errorExpression',
      label: 'Error expression',
      description: 'Runs after every call. On a failure it gets <code>error.code</code> (HTTP status), <code>error.message</code> and <code>error.variables.response.body</code>; after a success <code>error</code> is undefined and <code>response.status</code>, <code>response.body</code> are set (a redirect is a success to the connector), unless the result variable or expression set a variable: then <code>response</code> holds those output variables instead. Return <code>bpmnError(code, message)</code>, <code>jobError(message)</code> or null, e.g. <code>=if error.code = "404" then bpmnError("NOT_FOUND", error.message) else null</code>.',
      group: 'error',
      type: 'Text',
      feel: 'required',
      binding: headerBinding('errorExpression'),
      constraints: { notEmpty: true },
      condition: { property: 'errorHandling', equals: 'custom' }
    }
  ];
}
