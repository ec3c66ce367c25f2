import { headerBinding } from './operations';
import type { TemplateProperty } from './types';

/** Seconds to wait after a 429 that carries no usable Retry-After header. */
const DEFAULT_RATE_LIMIT_WAIT = 60;

/**
 * The ServiceNow preset, evaluated by the connector with `error.code` (the
 * HTTP status as text), `error.message` (reason phrase) and
 * `error.variables.response.{body,headers}`:
 * - 429: a job error that retries after `Retry-After` seconds;
 * - 408 and 5xx (timeouts, outages): null, so the connector's retries apply;
 * - any other 4xx: a BPMN error `SERVICENOW_<status>` whose message is
 *   ServiceNow's `error.message` and `error.detail`.
 * Every lookup goes through `get value` on a checked context: the runtime
 * fails the job without retries when an error expression reads a missing
 * field (camunda/connectors#5980), and transport errors carry no response.
 */
export const SERVICENOW_ERROR_EXPRESSION = `={
  variables: if error.variables instance of context then error.variables else {},
  response: if get value(variables, "response") instance of context then get value(variables, "response") else {},
  body: get value(response, "body"),
  snError: if body instance of context and get value(body, "error") instance of context then get value(body, "error") else {},
  snMessage: get value(snError, "message"),
  snDetail: get value(snError, "detail"),
  message: if snMessage = null then error.message else string(snMessage) + (if snDetail = null then "" else ": " + string(snDetail)),
  headers: if get value(response, "headers") instance of context then get value(response, "headers") else {},
  retryAfter: if get value(headers, "Retry-After") = null then get value(headers, "retry-after") else get value(headers, "Retry-After"),
  wait: if retryAfter != null and matches(string(retryAfter), "^[0-9]+$") then duration("PT" + string(retryAfter) + "S") else duration("PT${DEFAULT_RATE_LIMIT_WAIT}S"),
  outcome: if error.code = "429" then jobError("ServiceNow rate limit: " + message, {}, job.retries - 1, wait)
    else if error.code = "408" or matches(string(error.code), "^5[0-9][0-9]$") then null
    else if matches(string(error.code), "^4[0-9][0-9]$") then bpmnError("SERVICENOW_" + error.code, message, {serviceNowError: {status: number(error.code), message: snMessage, detail: snDetail}})
    else null
}.outcome`;

export function errorHandlingProperties(): TemplateProperty[] {
  return [
    {
      id: 'errorHandling',
      label: 'Error handling',
      group: 'error',
      type: 'Dropdown',
      // The default (the ServiceNow preset) is the empty value, matched with
      // isEmpty, so applying the template with defaults takes no extra pass.
      value: '',
      choices: [
        { name: 'ServiceNow errors to BPMN errors SERVICENOW_<status>; retry 429 after Retry-After', value: '' },
        { name: 'Custom error expression', value: 'custom' },
        { name: 'None (every failure is retried, then raises an incident)', value: 'none' }
      ],
      binding: headerBinding('serviceNowErrorHandling')
    },
    {
      id: 'errorExpression.servicenow',
      type: 'Hidden',
      value: SERVICENOW_ERROR_EXPRESSION,
      binding: headerBinding('errorExpression'),
      condition: { property: 'errorHandling', isEmpty: true }
    },
    {
      id: 'errorExpression',
      label: 'Error expression',
      description: 'Gets <code>error.code</code> (HTTP status), <code>error.message</code> and <code>error.variables.response.body</code>; return <code>bpmnError(code, message)</code>, <code>jobError(message)</code> or null, e.g. <code>=if error.code = "404" then bpmnError("NOT_FOUND", error.message) else null</code>.',
      group: 'error',
      type: 'Text',
      feel: 'required',
      binding: headerBinding('errorExpression'),
      constraints: { notEmpty: true },
      condition: { property: 'errorHandling', equals: 'custom' }
    }
  ];
}
