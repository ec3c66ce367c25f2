import type { Table } from '../metadata/model';
import { authenticationProperties } from '../template/connection';
import { toFieldIndex } from '../template/field-index';
import { outputVariableNames } from '../template/output';
import type { BuildOptions, ElementTemplate, TemplateProperty } from '../template/types';
import { asConnectorProperty, connectorProperty, feelDefault, inboundTypeProperty, messageNameProperty, processCorrelationKey } from './inbound-properties';
import { JAVA_DURATION_OF_A_MILLISECOND_OR_MORE } from '../template/java-duration';
import { inboundEnvelope, type InboundKind } from './envelope';
import { sysIdQueryExpression } from './sys-id-query';
import type { WaitExample } from './wait-examples';

/** The HTTP Polling connector (connectors 8.8 `HttpPollingConnector`). */
export const HTTP_POLLING_TYPE = 'io.camunda:http-polling:1';
/** The property the record query is bound to; the plugin validates its `sysparm_query` entry. */
export const WAIT_QUERY_PROPERTY_ID = 'recordQuery';
const ISO_DURATION = { value: `^(=.*|${JAVA_DURATION_OF_A_MILLISECOND_OR_MORE})$`, message: 'must be an ISO-8601 duration of at least a millisecond, such as PT1M or PT30S.' };

/**
 * The record query as a FEEL context for the connector's `queryParameters`.
 * The poll's properties are evaluated one by one against the root process
 * variables (connectors 8.8 `DefaultProcessInstanceContext.bind`, variables
 * of scope processInstanceKey: `SearchQueryClientImpl.queryVariables`), so
 * the sys_id and the condition must meet in this one expression; without
 * the sys_id it falls back to a query no record matches (core/inbound/sys-id-query.ts).
 */
export function recordQuery(sysIdVariable: string, condition: string): string {
  return `={"sysparm_query": ${sysIdQueryExpression(sysIdVariable, condition)}, "sysparm_limit": "1"}`;
}

/**
 * Activates when the Table API returned the record, i.e. it matches the
 * condition. The runtime evaluates it against the HTTP result
 * (`HttpRequestTask` correlates the `HttpCommonResult`: status, headers,
 * body) and activates only on `true` (`InboundCorrelationHandler.isActivationConditionMet`).
 */
export const RECORD_RETURNED = '=if body instance of context and get value(body, "result") instance of list then count(get value(body, "result")) > 0 else false';

function tableApiUrl(table: Table): TemplateProperty {
  const path = `/api/now/table/${table.name}`;
  return {
    id: 'url',
    label: 'Table API URL',
    description: `The instance URL followed by <code>${path}</code>, e.g. <code>https://dev12345.service-now.com${path}</code>. May start with a <code>{{secrets.NAME}}</code> placeholder.`,
    placeholder: `https://<instance>.service-now.com${path}`,
    group: 'connection',
    type: 'String',
    feel: 'optional',
    binding: connectorProperty('url'),
    constraints: {
      notEmpty: true,
      pattern: { value: `^(=.*|\\{\\{secrets\\.[^}]+\\}\\}${escapeRegExp(path)}|https?://[^/?#]+${escapeRegExp(path)})$`, message: `must be the instance URL followed by ${path} (or a FEEL expression).` }
    }
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Fields the connector binds as written: an event has no input mapping that would evaluate FEEL first, and these
 * have no @FEEL (connectors 8.8.16 and 8.9.7 http-base `OAuthAuthentication.scopes`), so "=x" would be sent as the
 * scope itself.
 */
const TEXT_ONLY_FIELDS = new Set(['authentication.scopes']);

function asTextOnly(property: TemplateProperty): TemplateProperty {
  const { feel: _feel, ...rest } = property;
  const given = property.constraints?.pattern;
  const pattern = typeof given === 'string' ? { value: given } : given;
  if (!pattern) throw new Error(`asTextOnly: ${property.id ?? '(no id)'} has no pattern to extend`);
  return {
    ...rest,
    description: `${property.description ?? ''} Read as written, never as FEEL.`.trim(),
    constraints: { ...property.constraints, pattern: { value: `^(?!=)${pattern.value.replace(/^\^/, '')}`, message: 'is read as text, never as FEEL: write the text itself or a {{secrets.NAME}} placeholder, without a leading = (and without \\ or a bare secrets.<name>).' } }
  };
}

/** Authentication as the table templates offer it, as connector properties (FEEL only where the connector evaluates it). */
export function inboundAuthentication(): TemplateProperty[] {
  return authenticationProperties().map((property) => {
    const inbound = TEXT_ONLY_FIELDS.has(property.id ?? '') ? asTextOnly(asConnectorProperty(property)) : asConnectorProperty(property);
    if (property.id !== 'authentication.oauthTokenEndpoint') return inbound;
    // The table templates derive it from their instance URL input; an event has no inputs to derive from.
    const { value: _derived, ...rest } = inbound;
    return { ...rest, placeholder: 'https://<instance>.service-now.com/oauth_token.do' };
  });
}

function timeout(id: string, label: string, description: string): TemplateProperty {
  return { id, label, description, group: 'timeout', type: 'String', feel: 'optional', value: '20', binding: connectorProperty(id),
    constraints: { notEmpty: true, pattern: { value: '^(=.*|\\d+)$', message: 'must be a whole number of seconds.' } } };
}

/**
 * "ServiceNow: Wait for <table>": an intermediate catch or boundary event on
 * the HTTP Polling connector that GETs the record with
 * `sysparm_query=sys_id=<id>^<condition>` every interval and activates once
 * it comes back. The message it publishes carries the element instance as
 * its id (`DefaultProcessInstanceContext.correlate`), so later polls that
 * still match are rejected as duplicates until the event has completed.
 */
export function buildWaitTemplate(table: Table, example: WaitExample, kind: Exclude<InboundKind, 'start'>, options: BuildOptions): ElementTemplate {
  const names = outputVariableNames(table.name);
  const stem = names.sysId.replace(/SysId$/, '');
  const properties: TemplateProperty[] = [
    inboundTypeProperty(HTTP_POLLING_TYPE),
    { type: 'Hidden', value: 'GET', binding: connectorProperty('method') },
    tableApiUrl(table),
    ...inboundAuthentication(),
    processCorrelationKey(
      'sys_id',
      `The ${table.label} record to wait for, e.g. <code>=${names.sysId}</code>. Use the same variable in the record query.`,
      `=${names.sysId}`
    ),
    {
      id: WAIT_QUERY_PROPERTY_ID,
      label: 'Record query',
      // Variables: 8.8.16 SearchQueryClientImpl.queryVariables filters scopeKey = processInstanceKey, 8.9.7 scopeKey in
      // (processInstanceKey, elementInstanceKey). A missing one makes the query null, which the HTTP client sends as a
      // bare sysparm_query (ApacheRequestQueryParametersBuilder addParameter): the Table API then filters nothing, hence the
      // get or else fallback to a query no record matches (core/inbound/sys-id-query.ts).
      description: 'The record\'s sys_id and the condition it must match, as an encoded query after <code>"^</code>. Do not use <code>^NQ</code>: it would start a query without the sys_id. The connector sees the process instance\'s own variables only (runtime 8.9: also the waiting element\'s), not those of an enclosing subprocess or multi-instance body. Without the sys_id, <code>get or else</code> sends <code>sys_idISEMPTY</code>, which no record matches: the event keeps waiting instead of taking another record.',
      group: 'record',
      type: 'Text',
      ...feelDefault(recordQuery(names.sysId, example.condition)),
      binding: connectorProperty('queryParameters')
    },
    { type: 'Hidden', value: '={"Accept": "application/json"}', binding: connectorProperty('headers') },
    {
      id: 'httpRequestInterval',
      label: 'Polling interval',
      // Bound once per deployed element, without process variables (connectors 8.8.16 ProcessInstancesFetcherTask:
      // context.bindProperties; AbstractFeelDeserializer evaluates FEEL in an empty context there).
      description: 'ISO-8601 duration between two requests per waiting process instance. Each poll counts against the instance\'s REST rate limits. Read once when the process is deployed: a FEEL expression here sees no process variables.',
      group: 'interval',
      type: 'String',
      feel: 'optional',
      value: 'PT1M',
      binding: connectorProperty('httpRequestInterval'),
      constraints: { notEmpty: true, pattern: ISO_DURATION }
    },
    { id: 'processPollingInterval', type: 'Hidden', value: 'PT5S', binding: connectorProperty('processPollingInterval') },
    timeout('connectionTimeoutInSeconds', 'Connection timeout (seconds)', '0 waits forever.'),
    timeout('readTimeoutInSeconds', 'Read timeout (seconds)', 'Time to wait for the response; 0 waits forever.'),
    { id: 'activationCondition', type: 'Hidden', value: RECORD_RETURNED, binding: connectorProperty('activationCondition') },
    { id: 'correlationKeyPayload', type: 'Hidden', value: '=body.result[1].sys_id', binding: connectorProperty('correlationKeyExpression') },
    messageNameProperty(),
    {
      id: 'resultVariable',
      label: 'Result variable',
      description: 'Stores the whole response (status, headers, body) in this process variable.',
      group: 'output',
      type: 'String',
      binding: connectorProperty('resultVariable')
    },
    {
      id: 'resultExpression',
      label: 'Result expression',
      description: `Maps the response to process variables; the record is <code>body.result[1]</code>.`,
      group: 'output',
      type: 'Text',
      ...feelDefault(`={${stem}Record: body.result[1]}`),
      binding: connectorProperty('resultExpression')
    }
  ];
  return inboundEnvelope({
    id: `${options.idPrefix}.${table.name}.wait${kind === 'boundary' ? '.boundary' : ''}`,
    name: `ServiceNow: Wait for ${table.label}${kind === 'boundary' ? ' (boundary)' : ''}`,
    // ProcessInstancesFetcherTask.getRequestTaskKey (connectors 8.8.16, 8.9.7): one polling task per process instance.
    description: `Waits until the ${table.label} record matches a condition (by default: ${example.until}), polling the Table API. Nothing to install in ServiceNow. Polls one waiting instance of the event per process instance: not for a parallel multi-instance.`,
    keywords: ['servicenow', table.name, table.label.toLowerCase(), 'wait', 'polling', example.until],
    kind,
    version: options.version,
    metadata: { ...toFieldIndex(table), inbound: 'polling' },
    groups: [
      { id: 'connection', label: 'ServiceNow instance' },
      { id: 'authentication', label: 'Authentication' },
      { id: 'correlation', label: 'Record' },
      { id: 'record', label: 'Condition' },
      { id: 'interval', label: 'Polling' },
      { id: 'timeout', label: 'Timeouts' },
      { id: 'output', label: 'Output mapping' }
    ],
    properties
  });
}

