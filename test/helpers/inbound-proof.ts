/**
 * Models what the connector runtime does with an inbound template, for the
 * event templates' tests. Each step names the source it mirrors (camunda/connectors 8.8.16):
 *
 * 1. Modeler: `applyTemplate` of request-proof writes the `zeebe:property`
 *    entries (conditions and defaults as bpmn-js-element-templates does);
 *    an empty one is written as `value=""` unless the property is optional
 *    (bpmn-js-element-templates 2.30 `createZeebeProperty`, `shouldUpdate`).
 * 1b. Runtime, on deployment: `registerElement` reads the correlation point
 *    (`ProcessDefinitionInspector`); a message TTL Duration.parse refuses
 *    leaves the whole process unregistered.
 * 2. Runtime: secrets replaced in the properties' JSON
 *    (`InboundPropertyHandler.getPropertiesWithSecrets`, the SecretUtil of
 *    runtime/secrets.ts), dotted names
 *    nested (`readWrappedProperties`).
 * 3. Polling: per waiting process instance, `PollingRuntimeProperties` are
 *    bound with the root-scope process variables as FEEL context
 *    (`DefaultProcessInstanceContext.bind`, `SearchQueryClientImpl.queryVariables`
 *    filters scopeKey = processInstanceKey); every value starting with `=`
 *    is evaluated on its own (`AbstractFeelDeserializer`).
 * 4. The request is sent by the same HttpService as the REST connector
 *    (`PollingRequestMapper.toHttpCommonRequest`), so test/e2e/rest-connector.ts
 *    sends it; the HttpCommonResult `{status, headers, body}` is correlated
 *    (`HttpRequestTask.run`).
 * 5. Correlation (`InboundCorrelationHandler`): the activation condition
 *    must be exactly `true`; the correlation key comes from the payload;
 *    output variables from resultVariable/resultExpression
 *    (`ConnectorResultHandler.createOutputVariables`); the message id is
 *    elementId + elementInstanceKey (`DefaultProcessInstanceContext.correlate`).
 * 6. Zeebe: a message whose id is already buffered is rejected
 *    (ALREADY_EXISTS → `MessageAlreadyCorrelated`); a message correlates to a
 *    subscription with the same name and correlation key.
 */
import type { InboundKind } from '../../core/inbound/envelope';
import type { ElementTemplate, TemplateProperty } from '../../core/template/types';
import { sendLikeRestConnector } from '../e2e/rest-connector';
import { applyTemplate, type ProvenRequest, type SampleResponse } from './request-proof';
import { evaluateFeel } from './runtime/feel';
import { parseJavaDuration } from './runtime/java-duration';
import { replaceSecrets } from './runtime/secrets';

type Values = Record<string, unknown>;

export interface InboundElement {
  /** `zeebe:property` entries as the Modeler writes them (after secrets, before nesting). */
  properties: Record<string, string>;
  /** The message subscription's correlation key expression (process side). */
  correlationKey: string | undefined;
  messageName: string | undefined;
  violations: string[];
}

/** Steps 1-2: the element's connector properties after the user entered `values`. */
export function applyInbound(template: ElementTemplate, values: Values, secrets: Record<string, string> = {}): InboundElement {
  const applied = applyTemplate(template, values);
  const properties: Record<string, string> = {};
  let correlationKey: string | undefined;
  let messageName: string | undefined;
  for (const [property, value] of applied.persisted) {
    const { binding } = property;
    // getRawProperties keeps every property with a value, "" included.
    if (binding.type === 'zeebe:property' && ((value !== undefined && value !== '') || !property.optional)) properties[binding.name] = String(value ?? '');
    if (binding.type === 'bpmn:Message#zeebe:subscription#property') correlationKey = value === undefined ? undefined : String(value);
    if (binding.type === 'bpmn:Message#property') messageName = generatedValue(property) ?? (value === undefined ? undefined : String(value));
  }
  return { properties: withSecrets(properties, secrets), correlationKey, messageName, violations: applied.violations };
}

function generatedValue(property: TemplateProperty): string | undefined {
  return property.generatedValue?.type === 'uuid' ? 'message-uuid' : undefined;
}

/** The same SecretUtil replacement over the properties' JSON as over an outbound job's variables. */
function withSecrets(properties: Record<string, string>, secrets: Record<string, string>): Record<string, string> {
  return replaceSecrets(properties, secrets) as Record<string, string>;
}

/** Why the runtime logs "Failed to register process" and activates none of its connectors (`ProcessStateStoreImpl.newlyDeployed`). */
export class ProcessNotRegistered extends Error {}

export interface CorrelationPoint {
  kind: InboundKind;
  correlationKeyExpression: string | undefined;
  messageIdExpression: string | undefined;
  /** Seconds; undefined: the runtime's default TTL (`InboundCorrelationHandler.publishMessage`). */
  messageTtl: number | undefined;
}

/**
 * Step 1b: `ProcessDefinitionInspector.getCorrelationPointForElement` (connectors 8.8.16, same in 8.9.7):
 * the TTL is the raw text through Duration.parse, which throws outside the caught
 * InvalidInboundConnectorDefinitionException; a catch or boundary event without a correlation key
 * expression is skipped (undefined: the element never activates).
 */
export function registerElement(element: InboundElement, kind: InboundKind): CorrelationPoint | undefined {
  const { properties } = element;
  let messageTtl: number | undefined;
  if (properties.messageTtl !== undefined) {
    try {
      messageTtl = parseJavaDuration(properties.messageTtl);
    } catch (error) {
      throw new ProcessNotRegistered(`Failed to register process: messageTtl "${properties.messageTtl}": ${(error as Error).message}`);
    }
  }
  if (kind !== 'start' && properties.correlationKeyExpression === undefined) return undefined;
  return { kind, correlationKeyExpression: properties.correlationKeyExpression, messageIdExpression: properties.messageIdExpression, messageTtl };
}

/** `readWrappedProperties`: `{"a.b": x}` → `{a: {b: x}}`. */
export function nest(properties: Record<string, string>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    const path = key.split('.');
    let node = root;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1] as string] = value;
  }
  return root;
}

/** FEEL evaluation as the runtime's FeelEngineWrapper does; warnings are collected (a template bug when not expected). */
export function feel(expression: string, context: Values, warnings: string[] = []): unknown {
  const result = evaluateFeel(expression, context);
  for (const warning of result.warnings) warnings.push(warning.message);
  return result.value;
}

/** A property value as the FEEL deserializer reads it: FEEL when it starts with `=`, else the literal. */
function bound(value: unknown, variables: Values, warnings: string[]): unknown {
  if (typeof value === 'string' && value.startsWith('=')) return feel(value, variables, warnings);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value as Values).map(([key, inner]) => [key, bound(inner, variables, warnings)]));
  return value;
}

/**
 * The authentication fields with @FEEL, by type (connectors 8.8.16 and 8.9.7 http-base `BasicAuthentication`,
 * `BearerAuthentication`, `OAuthAuthentication`): the others, `scopes` and the `type` discriminator, are bound as written.
 */
const FEEL_AUTHENTICATION_FIELDS: Record<string, readonly string[]> = {
  basic: ['username', 'password'],
  bearer: ['token'],
  'oauth-client-credentials-flow': ['oauthTokenEndpoint', 'clientId', 'clientSecret', 'audience', 'clientAuthentication']
};

function boundAuthentication(authentication: unknown, variables: Values, warnings: string[]): unknown {
  if (!authentication || typeof authentication !== 'object') return authentication;
  const fields = authentication as Values;
  const feelFields = FEEL_AUTHENTICATION_FIELDS[String(fields.type)] ?? [];
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, feelFields.includes(key) ? bound(value, variables, warnings) : value]));
}

/** Step 3: the poll request of one process instance (`PollingRuntimeProperties`: method, url, queryParameters, headers and the timeouts have @FEEL). */
export function pollRequest(element: InboundElement, variables: Values): ProvenRequest {
  const warnings: string[] = [];
  const nested = nest(element.properties);
  const read = (name: string) => bound(nested[name], variables, warnings);
  const connectorInput: Record<string, unknown> = {
    method: read('method'), url: read('url'), queryParameters: read('queryParameters'), headers: read('headers'),
    authentication: boundAuthentication(nested.authentication, variables, warnings),
    connectionTimeoutInSeconds: read('connectionTimeoutInSeconds'), readTimeoutInSeconds: read('readTimeoutInSeconds')
  };
  return {
    method: String(connectorInput.method),
    url: String(connectorInput.url),
    queryParameters: connectorInput.queryParameters as Record<string, unknown> | undefined,
    headers: connectorInput.headers as Record<string, unknown> | undefined,
    body: undefined,
    authentication: connectorInput.authentication as Record<string, unknown> | undefined,
    connectorInput,
    locals: {},
    warnings
  };
}

export interface Correlation {
  activated: boolean;
  correlationKey?: unknown;
  messageId?: string;
  variables?: Values;
  warnings: string[];
}

/** Step 5: what `InboundCorrelationHandler.correlate` makes of one payload. */
export function correlate(element: InboundElement, payload: Values, messageId: string): Correlation {
  const warnings: string[] = [];
  const properties = element.properties;
  const condition = properties.activationCondition;
  if (condition && feel(condition, payload, warnings) !== true) return { activated: false, warnings };
  const correlationKey = properties.correlationKeyExpression ? feel(properties.correlationKeyExpression, payload, warnings) : undefined;
  const id = properties.messageIdExpression ? String(feel(properties.messageIdExpression, payload, warnings)) : messageId;
  const variables: Values = {};
  if (properties.resultVariable) variables[properties.resultVariable] = payload;
  if (properties.resultExpression) Object.assign(variables, feel(properties.resultExpression, payload, warnings) as Values);
  return { activated: true, correlationKey, messageId: id, variables, warnings };
}

/** Step 6: Zeebe's message buffer, enough to show duplicates are rejected and keys must match. */
export class MessageBroker {
  private readonly ids = new Set<string>();
  readonly correlated: { messageName: string; correlationKey: unknown; variables: Values }[] = [];

  publish(messageName: string, correlation: Correlation, subscription: { messageName: string; correlationKey: unknown }): 'correlated' | 'buffered' | 'already-exists' {
    if (correlation.messageId && this.ids.has(correlation.messageId)) return 'already-exists';
    if (correlation.messageId) this.ids.add(correlation.messageId);
    if (messageName !== subscription.messageName || String(correlation.correlationKey) !== String(subscription.correlationKey)) return 'buffered';
    this.correlated.push({ messageName, correlationKey: correlation.correlationKey, variables: correlation.variables ?? {} });
    return 'correlated';
  }
}

/** A waiting element instance, as `ProcessInstanceClient.fetchActiveProcessInstanceKeyByDefinitionKeyAndElementId` lists it. */
export interface WaitingInstance {
  processInstanceKey: string;
  elementInstanceKey: string;
}

/**
 * Which waiting element instances get a polling task: `ProcessInstancesFetcherTask.scheduleRequest` keys the
 * task by deduplication id and process instance key (`getRequestTaskKey`) and creates it for the first element
 * instance seen (`computeIfAbsent`), keeping it while that process instance still waits there (connectors 8.8.16
 * and 8.9.7). Returns the polled element instance per process instance.
 */
export function pollingTasks(waiting: readonly WaitingInstance[]): Map<string, string> {
  const tasks = new Map<string, string>();
  for (const { processInstanceKey, elementInstanceKey } of waiting) if (!tasks.has(processInstanceKey)) tasks.set(processInstanceKey, elementInstanceKey);
  return tasks;
}

/** The polling task never starts: the error `ProcessInstancesFetcherTask.run` reports as the element's health, on every cycle. */
export class PollingNeverStarts extends Error {}

/**
 * The delay between two polls of one waiting instance: `PollingActivationProperties.httpRequestInterval` (default
 * PT50S), bound once per element (FEEL in an empty context), handed to `scheduleWithFixedDelay` as `toMillis()`
 * (connectors 8.8.16 ProcessInstancesFetcherTask.scheduleRequest). The JDK's ScheduledThreadPoolExecutor throws
 * IllegalArgumentException for a delay <= 0; `run` catches it and reports Health.down, so no request is ever sent.
 */
export function pollingDelayMillis(element: InboundElement): number {
  const property = element.properties.httpRequestInterval ?? 'PT50S';
  const text = property.startsWith('=') ? feel(property, {}) : property;
  if (typeof text !== 'string') throw new Error(`pollingDelayMillis models text intervals only, not ${JSON.stringify(text)}`);
  let seconds: number;
  try {
    seconds = parseJavaDuration(text);
  } catch (error) {
    throw new PollingNeverStarts(`httpRequestInterval "${text}": ${(error as Error).message}`);
  }
  const millis = Math.trunc(seconds * 1000);
  if (millis <= 0) throw new PollingNeverStarts(`httpRequestInterval "${text}" is ${millis} ms: java.lang.IllegalArgumentException (scheduleWithFixedDelay needs a delay > 0)`);
  return millis;
}

/** Steps 3-4: one poll against a live HTTP endpoint, returning the HttpCommonResult. */
export async function poll(element: InboundElement, variables: Values): Promise<{ request: ProvenRequest; result: SampleResponse }> {
  const request = pollRequest(element, variables);
  return { request, result: await sendLikeRestConnector(request) };
}

/** An inbound element as deployed: its process definition and element id. */
export interface DeployedElement {
  processDefinitionKey: string;
  elementId: string;
  kind: InboundKind;
  element: InboundElement;
}

/** connectors 8.8.16 `Keywords.PROPERTIES_EXCLUDED_FROM_DEDUPLICATION`. */
const EXCLUDED_FROM_DEDUPLICATION = new Set([
  'inbound.type', 'deduplicationMode', 'deduplicationId', 'messageIdExpression', 'correlationKeyExpression', 'inbound.activationCondition',
  'activationCondition', 'messageTtl', 'correlationRequired', 'deduplicationModeManualFlag', 'resultExpression', 'resultVariable', 'consumeUnmatchedEvents'
]);

/**
 * `InboundConnectorElement.deduplicationId` (the webhook declares no deduplicationProperties): without a mode one
 * executable per element; AUTO one per process definition and set of remaining properties; MANUAL per given id.
 */
export function deduplicationId({ processDefinitionKey, elementId, element }: DeployedElement): string {
  const { properties } = element;
  const process = `<default>-${processDefinitionKey}`;
  const mode = properties.deduplicationMode;
  if (mode === undefined) return `${process}-${elementId}`;
  if (mode === 'AUTO') return `${process}-${JSON.stringify(Object.entries(properties).filter(([name]) => !EXCLUDED_FROM_DEDUPLICATION.has(name)).sort(([a], [b]) => a.localeCompare(b)))}`;
  if (mode === 'MANUAL' && properties.deduplicationId !== undefined) return `${process}-${properties.deduplicationId}`;
  throw new Error(`invalid deduplicationMode ${mode}`);
}

/** The elements behind one webhook ID: the active executable's, and those of the executables standing by. */
export interface WebhookEndpoint {
  active: DeployedElement[];
  standby: DeployedElement[][];
}

/**
 * Executables grouped by deduplication id (`InboundExecutableRegistryImpl`), then registered by their
 * `inbound.context` in deployment order: the first is active, a later one on the same context stands by
 * (`WebhookConnectorRegistry.register`, `WebhookExecutables.markAsDownAndAdd`).
 */
export function registerWebhooks(deployed: DeployedElement[]): Map<string, WebhookEndpoint> {
  const executables = new Map<string, DeployedElement[]>();
  for (const each of deployed) {
    if (!registerElement(each.element, each.kind)) continue;
    const id = deduplicationId(each);
    executables.set(id, [...(executables.get(id) ?? []), each]);
  }
  const endpoints = new Map<string, WebhookEndpoint>();
  for (const elements of executables.values()) {
    const context = elements[0]?.element.properties['inbound.context'] ?? '';
    const endpoint = endpoints.get(context);
    if (endpoint) endpoint.standby.push(elements);
    else endpoints.set(context, { active: elements, standby: [] });
  }
  return endpoints;
}

export interface WebhookAnswer {
  status: number;
  /** The element the request activated, with what it correlates. */
  activated?: { elementId: string; correlation: Correlation };
}

/**
 * A request that passed the signature check, as `InboundWebhookRestController` answers it: 404 for an ID
 * without an active webhook; `InboundCorrelationHandler.canActivate` over the executable's elements (none:
 * 200 when one consumes unmatched events, else 422; several: 422); a catch event without a correlation key 422.
 */
export function answerWebhook(endpoints: Map<string, WebhookEndpoint>, context: string, body: Values): WebhookAnswer {
  const endpoint = endpoints.get(context);
  if (!endpoint) return { status: 404 };
  const payload = { request: { body, headers: {}, params: {} }, connectorData: {}, documents: [] };
  const matching = endpoint.active.filter(({ element }) => {
    const condition = element.properties.activationCondition;
    return !condition || feel(condition, payload) === true;
  });
  if (matching.length === 0) return { status: endpoint.active.some(({ element }) => element.properties.consumeUnmatchedEvents === 'true') ? 200 : 422 };
  const [activated] = matching;
  if (!activated || matching.length > 1) return { status: 422 };
  const correlation = correlate(activated.element, payload, '');
  if (activated.kind !== 'start' && (correlation.correlationKey === undefined || correlation.correlationKey === null)) return { status: 422 };
  return { status: 200, activated: { elementId: activated.elementId, correlation } };
}
