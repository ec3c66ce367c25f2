/**
 * Models what the connector runtime does with an inbound template, for the
 * event templates' tests. Each step names the source it mirrors (camunda/connectors 8.8.16, and 8.9.7 where
 * `runtime: '8.9'` says so; Zeebe from camunda/camunda zeebe/engine):
 *
 * 1. Modeler: `applyTemplate` of request-proof writes the `zeebe:property`
 *    entries (conditions and defaults as bpmn-js-element-templates does);
 *    an empty one is written as `value=""` unless the property is optional
 *    (bpmn-js-element-templates 2.30 `createZeebeProperty`, `shouldUpdate`).
 * 1b. Runtime, on deployment: `registerElement` reads the correlation point
 *    (`ProcessDefinitionInspector`); a message TTL Duration.parse refuses
 *    leaves the whole process unregistered.
 * 2. Runtime: the connector binds the properties without the runtime's keywords, secrets replaced in their JSON
 *    (`InboundPropertyHandler.getPropertiesWithSecrets`, the SecretUtil of runtime/secrets.ts), dotted names
 *    nested (`readWrappedProperties`); the correlation reads the raw properties, no secrets replaced.
 * 3. Polling: per waiting process instance, `PollingRuntimeProperties` are
 *    bound with the root-scope process variables as FEEL context
 *    (`DefaultProcessInstanceContext.bind`, `SearchQueryClientImpl.queryVariables`
 *    filters scopeKey = processInstanceKey); every value starting with `=`
 *    is evaluated on its own (`AbstractFeelDeserializer`).
 * 4. The request is sent by the same HttpService as the REST connector
 *    (`PollingRequestMapper.toHttpCommonRequest`), so test/e2e/rest-connector.ts
 *    sends it; a status >= 400 throws there, and `HttpRequestTask.run` only logs it: nothing is correlated.
 *    Otherwise the HttpCommonResult `{status, headers, body, reason, document}` is correlated (`correlatePoll`).
 * 5. Correlation (`InboundCorrelationHandler.correlate`, `ActivationConditionEvaluator` in 8.9.7): the activation
 *    condition must be exactly `true`; the message id, the correlation key and the output variables follow
 *    (`correlateElement` says in which order and what each failure becomes); the polling message id is
 *    elementId + elementInstanceKey (`DefaultProcessInstanceContext.correlate`).
 * 6. Zeebe (`MessageBroker`): a message whose name, correlation key and id match one still buffered is rejected
 *    (ALREADY_EXISTS → `MessageAlreadyCorrelated`); a message correlates once per process to a subscription
 *    with its name and correlation key, now or, while its time to live lasts, when one opens.
 */
import { randomUUID } from 'node:crypto';
import type { InboundKind } from '../../core/inbound/envelope';
import type { ElementTemplate, TemplateProperty } from '../../core/template/types';
import { ConnectorError, sendLikeRestConnector } from '../e2e/rest-connector';
import { applyTemplate, type ProvenRequest, type SampleError, type SampleResponse } from './request-proof';
import { evaluateFeel, UnmodelledFeel } from './runtime/feel';
import { parseJavaDuration } from './runtime/java-duration';
import { createOutputVariables, httpCommonResult, MAX_OUTPUT_BYTES, ResultNotAContext } from './runtime/job-outcome';
import { replaceSecrets } from './runtime/secrets';

/** The connector runtimes modelled: 8.8.16 (the default) and 8.9.7. */
export type InboundRuntime = '8.8' | '8.9';

type Values = Record<string, unknown>;

export interface InboundElement {
  /**
   * `zeebe:property` entries as the Modeler writes them, as the runtime's correlation reads them
   * (`InboundConnectorElement.rawProperties` from ProcessDefinitionInspector.getRawProperties: no secrets replaced).
   */
  properties: Record<string, string>;
  /** What the connector binds: the entries without the runtime's keywords, secrets replaced (before nesting). */
  connectorProperties: Record<string, string>;
  /** The message subscription's correlation key expression (process side). */
  correlationKey: string | undefined;
  messageName: string | undefined;
  /** The event the template applies to (its elementType): a start event correlates without a key. */
  kind: InboundKind;
  violations: string[];
}

/** The kind of event of an inbound template's elementType (core/inbound/envelope.ts ELEMENT). */
function kindOf(template: ElementTemplate): InboundKind {
  const value = template.elementType?.value;
  if (value === 'bpmn:StartEvent') return 'start';
  if (value === 'bpmn:BoundaryEvent') return 'boundary';
  if (value === 'bpmn:IntermediateCatchEvent') return 'intermediate';
  throw new Error(`inbound-proof: ${template.id} is not an inbound event template (elementType ${String(value)})`);
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
  return { properties, connectorProperties: withSecrets(withoutKeywords(properties), secrets), correlationKey, messageName, kind: kindOf(template), violations: applied.violations };
}

/** A fresh UUID per applied element (bpmn-js-element-templates dist/index.js `getDefaultValue`: `uuid.v4()`): two elements never share a message name. */
function generatedValue(property: TemplateProperty): string | undefined {
  return property.generatedValue?.type === 'uuid' ? randomUUID() : undefined;
}

/**
 * connectors 8.8.16 `Keywords.INBOUND_RUNTIME_PROPERTIES` (8.9.7 adds `synchronousResponse`): what
 * `InboundConnectorDetails.rawPropertiesWithoutKeywords` leaves out of the connector's properties.
 * The result variable and expression stay in (the connector may read them), yet the correlation takes them raw.
 */
const INBOUND_RUNTIME_PROPERTIES = new Set(['inbound.type', 'deduplicationMode', 'deduplicationId', 'messageIdExpression', 'correlationKeyExpression', 'inbound.activationCondition', 'activationCondition', 'consumeUnmatchedEvents', 'messageTtl', 'synchronousResponse']);

function withoutKeywords(properties: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(properties).filter(([name]) => !INBOUND_RUNTIME_PROPERTIES.has(name)));
}

/**
 * InboundConnectorContextImpl `getPropertiesWithSecrets` (InboundPropertyHandler): the same SecretUtil
 * replacement over the connector properties' JSON as over an outbound job's variables.
 */
function withSecrets(properties: Record<string, string>, secrets: Record<string, string>): Record<string, string> {
  return replaceSecrets(properties, secrets) as Record<string, string>;
}

/** Why the runtime logs "Failed to register process" and activates none of its connectors (`ProcessStateStoreImpl.newlyDeployed`). */
export class ProcessNotRegistered extends Error {}

export interface CorrelationPoint {
  kind: InboundKind;
  messageName: string | undefined;
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
  return { kind, messageName: element.messageName, correlationKeyExpression: properties.correlationKeyExpression, messageIdExpression: properties.messageIdExpression, messageTtl };
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
  const nested = nest(element.connectorProperties);
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

/** A message as `InboundCorrelationHandler.publishMessage` hands it to the Camunda client. */
export interface PublishedMessage {
  name: string;
  correlationKey: string;
  /** "" when none: Zeebe then checks no uniqueness (`MessageRecord.hasMessageId`). */
  messageId: string;
  /** Seconds: the element's messageTtl, else the runtime's `camunda.connector.inbound.message.ttl` (PT1H). */
  timeToLive: number;
  variables: Values;
  tenantId: string;
}

/**
 * Why nothing is published: the `CorrelationResult.Failure` a webhook gets. An exception out of the correlation
 * handler becomes one in `InboundConnectorContextImpl.correlateWithResultInternal` (8.8.16 and 8.9.7): a
 * ConnectorInputException InvalidInput with its message, a FeelEngineWrapperException or anything else Other.
 * The polling task calls the handler directly and only logs either (`HttpRequestTask.run`).
 */
export type CorrelationFailure = { kind: 'InvalidInput'; message: string } | { kind: 'Other'; message: string };

export interface Correlation {
  /** The activation condition was met (or there is none). */
  activated: boolean;
  correlationKey?: string;
  messageId?: string;
  variables?: Values;
  /** What goes to Zeebe; absent when nothing is published. */
  message?: PublishedMessage;
  failure?: CorrelationFailure;
  warnings: string[];
}

/** The runtime's default message TTL (InboundConnectorRuntimeConfiguration `camunda.connector.inbound.message.ttl:PT1H`, 8.8.16 and 8.9.7). */
export const DEFAULT_MESSAGE_TTL_SECONDS = 3600;

/** A FEEL evaluation the runtime's FEEL wrapper fails (feel-scala returns a Failure; the wrapper throws FeelEngineWrapperException). */
class FeelEvaluationFailed extends Error {}

function evaluateOrThrow(expression: string, context: Values, warnings: string[]): unknown {
  try {
    return feel(expression, context, warnings);
  } catch (error) {
    if (error instanceof UnmodelledFeel) throw error;
    throw new FeelEvaluationFailed(`${(error as Error).message} (in ${expression})`);
  }
}

/**
 * `evaluate(expression, String.class, context)` (8.8.16 FeelEngineWrapper, 8.9.7 LocalFeelExpressionEvaluator
 * `evaluateAndConvert`): a context becomes its JSON text, a number or boolean its text (Jackson coerces scalars),
 * null stays null, and a list cannot be read as a String (a FeelEngineWrapperException).
 */
function asJavaString(expression: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) throw new FeelEvaluationFailed(`Failed to convert FEEL evaluation result to the target type (in ${expression})`);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `InboundConnectorElement.activationCondition` (the deprecated `inbound.activationCondition` as fallback) against the payload. */
function activationConditionMet(element: InboundElement, payload: Values, warnings: string[]): boolean {
  const condition = element.properties.activationCondition ?? element.properties['inbound.activationCondition'];
  if (condition === undefined || !condition.trim()) return true;
  return evaluateOrThrow(condition, payload, warnings) === true;
}

/**
 * `InboundCorrelationHandler.correlateInternal` for a message (start) event, in the runtime's order (8.8.16 and 8.9.7):
 * 1. `resolveMessageId`, an argument of trigger*, so evaluated first: a failure throws ConnectorInputException
 *    ("Message expression could not be evaluated", InvalidInput); without an expression the given id, or "".
 * 2. `extractCorrelationKey` as a String, any failure empty: a catch or boundary event without one is InvalidInput;
 *    a message start event publishes with "" (`triggerMessageStartEvent`).
 * 3. `extractVariables` (ConnectorResultHandler.createOutputVariables, outside the try): a FEEL failure throws
 *    FeelEngineWrapperException (Other), a value that is no context ConnectorInputException (InvalidInput); then
 *    `checkVariablesSize` (InlineSizeGuard, 1.5 MB) is InvalidInput.
 * 4. The client: a null message id throws in `PublishMessageCommandImpl.messageId` (the protobuf builder refuses null,
 *    camunda/camunda clients/java), which `publishMessage` turns into Failure.Other.
 */
function correlateElement(element: InboundElement, payload: Values, messageId: string | undefined, runtime: InboundRuntime, warnings: string[]): Correlation {
  const { properties } = element;
  let id: string | null;
  const idExpression = properties.messageIdExpression;
  if (idExpression !== undefined && idExpression.trim()) {
    try {
      id = asJavaString(idExpression, evaluateOrThrow(idExpression, payload, warnings));
    } catch (error) {
      if (!(error instanceof FeelEvaluationFailed)) throw error;
      const message = `Message expression could not be evaluated${runtime === '8.9' ? ': ' : ''}${idExpression}`;
      return { activated: true, failure: { kind: 'InvalidInput', message }, warnings };
    }
  } else {
    id = messageId ?? '';
  }
  const keyExpression = properties.correlationKeyExpression;
  let key: string | null = null;
  if (keyExpression !== undefined && keyExpression.trim()) {
    try {
      key = asJavaString(keyExpression, evaluateOrThrow(keyExpression, payload, warnings));
    } catch (error) {
      if (!(error instanceof FeelEvaluationFailed)) throw error;
    }
  }
  if (element.kind !== 'start' && key === null) {
    return { activated: true, failure: { kind: 'InvalidInput', message: `Wasn't able to obtain correlation key for expression ${String(keyExpression)}` }, warnings };
  }
  const correlationKey = key ?? '';
  let variables: Values;
  try {
    variables = createOutputVariables(payload, properties.resultVariable, properties.resultExpression, (expression, context) => evaluateOrThrow(expression, context, warnings));
  } catch (error) {
    if (error instanceof FeelEvaluationFailed) return { activated: true, correlationKey, failure: { kind: 'Other', message: `FeelEngineWrapperException: ${error.message}` }, warnings };
    // A ConnectorInputException wrapping the reason (its text differs between 8.8.16 and 8.9.7: only the kind is modelled).
    if (error instanceof ResultNotAContext) return { activated: true, correlationKey, failure: { kind: 'InvalidInput', message: error.message }, warnings };
    throw error;
  }
  const size = new TextEncoder().encode(JSON.stringify(variables)).length;
  if (size > MAX_OUTPUT_BYTES) {
    return { activated: true, correlationKey, variables, failure: { kind: 'InvalidInput', message: `Output variables payload (${size} bytes) exceeds the 1.5 MB safe variable size limit for Zeebe job completion.` }, warnings };
  }
  if (id === null) return { activated: true, correlationKey, variables, failure: { kind: 'Other', message: 'NullPointerException: the message id is null' }, warnings };
  const ttl = properties.messageTtl === undefined ? DEFAULT_MESSAGE_TTL_SECONDS : parseJavaDuration(properties.messageTtl);
  const message: PublishedMessage = { name: element.messageName ?? '', correlationKey, messageId: id, timeToLive: ttl, variables, tenantId: '<default>' };
  return { activated: true, correlationKey, messageId: id, variables, message, warnings };
}

/**
 * Step 5 for the one element of an executable: `InboundCorrelationHandler.correlate` (a FEEL failure in the
 * activation condition is InvalidInput, `ActivationConditionEvaluator.isActivationConditionMet` in 8.9.7).
 */
export function correlate(element: InboundElement, payload: Values, messageId: string, runtime: InboundRuntime = '8.8'): Correlation {
  const warnings: string[] = [];
  try {
    if (!activationConditionMet(element, payload, warnings)) return { activated: false, warnings };
  } catch (error) {
    if (!(error instanceof FeelEvaluationFailed)) throw error;
    return { activated: false, failure: { kind: 'InvalidInput', message: 'Failed to evaluate activation condition against the provided input' }, warnings };
  }
  return correlateElement(element, payload, messageId, runtime, warnings);
}

/** Step 5 of a poll: the HttpCommonResult as the runtime hands it to `processInstanceContext.correlate` (HttpRequestTask.run). */
export function correlatePoll(element: InboundElement, result: SampleResponse, messageId: string, runtime: InboundRuntime = '8.8'): Correlation {
  return correlate(element, httpCommonResult(result), messageId, runtime);
}

/** A process waiting at a message event (a start event's or a non-interrupting boundary event's subscription stays open; a start event's has no key). */
export interface MessageSubscription {
  bpmnProcessId: string;
  messageName: string;
  correlationKey: string;
  start?: boolean;
  nonInterrupting?: boolean;
}

interface BufferedMessage {
  message: PublishedMessage;
  deadline: number;
  /** The processes it correlated to: a message correlates once per process (bpmnProcessId). */
  processes: Set<string>;
}

export type PublishOutcome = 'correlated' | 'buffered' | 'dropped' | 'already-exists';

/**
 * Step 6, Zeebe's message buffer (camunda/camunda zeebe/engine .../processing/message):
 * - `MessagePublishProcessor.processRecord`: a message with an id is rejected ALREADY_EXISTS while one with the
 *   same tenant, name, correlation key and id is buffered (`messageState.exist`); `handleNewMessage` buffers it
 *   until now + TTL, and one with TTL 0 expires at once;
 * - `MessageCorrelateBehavior.correlateToMessageEvents`: to open subscriptions of its name and key, "only once per
 *   process" (bpmnProcessId); a start event with an empty key starts an instance for each message
 *   (`shouldCorrelateStartEvent`);
 * - a subscription opened later takes a buffered message of its name and key not yet correlated to its process
 *   (`MessageSubscriptionCreateProcessor`); messages past their deadline expire (`MessageTimeToLiveChecker`).
 */
export class MessageBroker {
  private now = 0;
  private readonly buffer: BufferedMessage[] = [];
  private readonly subscriptions: MessageSubscription[] = [];
  readonly correlated: { bpmnProcessId: string; messageName: string; correlationKey: string; messageId: string; variables: Values }[] = [];

  /** Lets time pass (seconds): buffered messages past their deadline expire. */
  advance(seconds: number): void {
    this.now += seconds;
  }

  private live(): BufferedMessage[] {
    for (let i = this.buffer.length - 1; i >= 0; i--) if ((this.buffer[i] as BufferedMessage).deadline <= this.now) this.buffer.splice(i, 1);
    return this.buffer;
  }

  private deliver(subscription: MessageSubscription, message: PublishedMessage): void {
    if (subscription.start && message.correlationKey !== '') throw new Error('inbound-proof: a start message with a correlation key (one instance per key at a time) is not modelled');
    this.correlated.push({ bpmnProcessId: subscription.bpmnProcessId, messageName: message.name, correlationKey: message.correlationKey, messageId: message.messageId, variables: message.variables });
    // A catch or interrupting boundary event completes; a start or non-interrupting boundary event keeps its subscription.
    if (!subscription.start && !subscription.nonInterrupting) this.subscriptions.splice(this.subscriptions.indexOf(subscription), 1);
  }

  subscribe(subscription: MessageSubscription): 'correlated' | 'waiting' {
    if (subscription.start && this.live().some(({ message }) => message.name === subscription.messageName)) throw new Error('inbound-proof: a start event deployed while its message is buffered is not modelled');
    const buffered = this.live().find(({ message, processes }) => message.name === subscription.messageName && message.correlationKey === subscription.correlationKey && !processes.has(subscription.bpmnProcessId));
    this.subscriptions.push(subscription);
    if (!buffered) return 'waiting';
    buffered.processes.add(subscription.bpmnProcessId);
    this.deliver(subscription, buffered.message);
    return 'correlated';
  }

  publish(message: PublishedMessage): PublishOutcome {
    const same = (other: PublishedMessage) => other.tenantId === message.tenantId && other.name === message.name && other.correlationKey === message.correlationKey && other.messageId === message.messageId;
    if (message.messageId !== '' && this.live().some((buffered) => same(buffered.message))) return 'already-exists';
    const processes = new Set<string>();
    for (const subscription of [...this.subscriptions]) {
      if (subscription.messageName !== message.name || processes.has(subscription.bpmnProcessId)) continue;
      if (!subscription.start && subscription.correlationKey !== message.correlationKey) continue;
      processes.add(subscription.bpmnProcessId);
      this.deliver(subscription, message);
    }
    if (message.timeToLive > 0) this.buffer.push({ message, deadline: this.now + message.timeToLive, processes });
    return processes.size > 0 ? 'correlated' : message.timeToLive > 0 ? 'buffered' : 'dropped';
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

/** Steps 3-4: one poll against a live HTTP endpoint, returning the HttpCommonResult (a status >= 400 throws the ConnectorError). */
export async function poll(element: InboundElement, variables: Values): Promise<{ request: ProvenRequest; result: SampleResponse }> {
  const request = pollRequest(element, variables);
  return { request, result: await sendLikeRestConnector(request) };
}

/**
 * Steps 3-5 as one `HttpRequestTask.run` (8.8.16 and 8.9.7): a failed request (a status >= 400, the
 * HttpService's ConnectorException) is logged and correlates nothing; the task runs again after the interval.
 */
export async function pollAndCorrelate(element: InboundElement, variables: Values, messageId: string, runtime: InboundRuntime = '8.8'): Promise<{ request: ProvenRequest; result?: SampleResponse; error?: SampleError; correlation?: Correlation }> {
  const request = pollRequest(element, variables);
  try {
    const result = await sendLikeRestConnector(request);
    return { request, result, correlation: correlatePoll(element, result, messageId, runtime) };
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    return { request, error };
  }
}

/** An inbound element as deployed: its process (id and definition key) and element id. */
export interface DeployedElement {
  bpmnProcessId: string;
  processDefinitionKey: string;
  elementId: string;
  kind: InboundKind;
  element: InboundElement;
}

/** connectors 8.8.16 `Keywords.PROPERTIES_EXCLUDED_FROM_DEDUPLICATION` (8.9.7 adds `synchronousResponse`). */
const EXCLUDED_FROM_DEDUPLICATION = new Set([
  'inbound.type', 'deduplicationMode', 'deduplicationId', 'messageIdExpression', 'correlationKeyExpression', 'inbound.activationCondition',
  'activationCondition', 'messageTtl', 'correlationRequired', 'deduplicationModeManualFlag', 'resultExpression', 'resultVariable', 'consumeUnmatchedEvents', 'synchronousResponse'
]);

/**
 * `InboundConnectorElement.deduplicationId` (the webhook declares no deduplicationProperties): without a mode one
 * executable per element (tenant, process definition key, element id); AUTO one per process and set of remaining
 * properties (the runtime hashes their values, the model compares names and values); MANUAL per given id. "Per
 * process" is the process definition key in 8.8.16 and the bpmnProcessId in 8.9.7 (`tenantIdAndBpmnProcessId`),
 * where the versions of a process that still have instances stay active together (`ProcessStateManagerImpl`).
 */
export function deduplicationId({ bpmnProcessId, processDefinitionKey, elementId, element }: DeployedElement, runtime: InboundRuntime = '8.8'): string {
  const { properties } = element;
  const process = `<default>-${runtime === '8.9' ? bpmnProcessId : processDefinitionKey}`;
  const mode = properties.deduplicationMode;
  if (mode === undefined) return `<default>-${processDefinitionKey}-${elementId}`;
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
export function registerWebhooks(deployed: DeployedElement[], runtime: InboundRuntime = '8.8'): Map<string, WebhookEndpoint> {
  const executables = new Map<string, DeployedElement[]>();
  for (const each of deployed) {
    if (!registerElement(each.element, each.kind)) continue;
    const id = deduplicationId(each, runtime);
    executables.set(id, [...(executables.get(id) ?? []), each]);
  }
  const endpoints = new Map<string, WebhookEndpoint>();
  for (const elements of executables.values()) {
    const context = elements[0]?.element.connectorProperties['inbound.context'] ?? '';
    const endpoint = endpoints.get(context);
    if (endpoint) endpoint.standby.push(elements);
    else endpoints.set(context, { active: elements, standby: [] });
  }
  return endpoints;
}

export interface WebhookAnswer {
  status: number;
  /** The JSON body, as Jackson writes the record answered (undefined: none). The InvalidInput record's cause is left out. */
  body?: Record<string, unknown>;
  /** The element the request activated, with what it correlates. */
  activated?: { elementId: string; correlation: Correlation };
  /** What Zeebe made of the message, when a broker was given. */
  published?: PublishOutcome;
}

/** `InboundConnectorElement.consumeUnmatchedEvents`: Boolean.parseBoolean. */
function consumesUnmatched({ element }: DeployedElement): boolean {
  return element.properties.consumeUnmatchedEvents?.toLowerCase() === 'true';
}

/**
 * 8.9.7 `ActivationConditionEvaluator.checkMessageElementCompatibility`: several matching elements are one when all
 * are message catch or boundary events (a `MessageCorrelationPoint`) with the same message name, result expression,
 * result variable, correlation key and message id expressions and TTL (the reason of a mismatch shortened here);
 * 8.8.16 refuses any two.
 */
function compatible(matching: DeployedElement[]): { element: DeployedElement } | { reason: string } {
  const [first] = matching;
  if (!first || matching.some(({ kind }) => kind === 'start')) return { reason: 'Not all matching elements are message correlation points' };
  const distinct = (read: (each: DeployedElement) => unknown) => [...new Set(matching.map((each) => JSON.stringify(read(each) ?? null)))];
  const names = distinct((each) => each.element.messageName);
  if (names.length > 1) return { reason: `Multiple matching elements have different message names: [${names.map((name) => JSON.parse(name) as string).join(', ')}]` };
  // The TTL compares as the parsed Duration (PT60M is PT1H).
  const read = (name: string) => (each: DeployedElement) => name === 'messageTtl' ? registerElement(each.element, each.kind)?.messageTtl : each.element.properties[name];
  const mismatches = ['resultExpression', 'resultVariable', 'correlationKeyExpression', 'messageIdExpression', 'messageTtl'].filter((name) => distinct(read(name)).length > 1);
  return mismatches.length ? { reason: `incompatible properties: ${mismatches.join(', ')}` } : { element: first };
}

/** InboundWebhookRestController.buildErrorResponse(Failure): Other 500 without body, InvalidInput 422 with the record. */
function failureAnswer(failure: CorrelationFailure): WebhookAnswer {
  return failure.kind === 'Other' ? { status: 500 } : { status: 422, body: { message: failure.message } };
}

export interface WebhookRequest {
  /** Request headers; the controller lowercases their names (8.9.7 `InboundWebhookRestController.inbound`). */
  headers?: Record<string, string>;
  runtime?: InboundRuntime;
  /** Zeebe, to publish the message to. */
  broker?: MessageBroker;
}

/**
 * A request that passed the method and signature checks, as `InboundWebhookRestController.processWebhook` answers
 * it (8.8.16 and 8.9.7): 404 for an ID without an active webhook; the activation condition over the executable's
 * elements against `{request: {body, headers, params}, connectorData, documents}` (`toWebhookTriggerResultContext`):
 * a FEEL failure 500, none met `ActivationConditionNotMet` (200 and dropped when an element consumes
 * unmatched events, else 422 `{consumeUnmatched}`), several 422 unless `compatible`; then `correlateElement`. A
 * published message is a success, and so is one Zeebe already has (`MessageAlreadyCorrelated`): an empty 200, the
 * templates having no response expression.
 */
export function answerWebhook(endpoints: Map<string, WebhookEndpoint>, context: string, body: Values, request: WebhookRequest = {}): WebhookAnswer {
  const runtime = request.runtime ?? '8.8';
  const endpoint = endpoints.get(context);
  if (!endpoint) return { status: 404 };
  const headers = Object.fromEntries(Object.entries(request.headers ?? { 'content-type': 'application/json' }).map(([name, value]) => [name.toLowerCase(), value]));
  const payload = { request: { body, headers, params: {} }, connectorData: {}, documents: [] };
  const warnings: string[] = [];
  let matching: DeployedElement[];
  try {
    matching = endpoint.active.filter(({ element }) => activationConditionMet(element, payload, warnings));
  } catch (error) {
    if (!(error instanceof FeelEvaluationFailed)) throw error;
    // `createDocuments` asks `context.canActivate` before correlating, which does not catch the ConnectorInputException:
    // `buildErrorResponse(Exception)` answers it 500 without a body.
    return { status: 500 };
  }
  if (matching.length === 0) {
    const consumeUnmatched = endpoint.active.some(consumesUnmatched);
    return consumeUnmatched ? { status: 200 } : { status: 422, body: { consumeUnmatched } };
  }
  let activated = matching[0] as DeployedElement;
  if (matching.length > 1) {
    if (runtime === '8.8') return failureAnswer({ kind: 'InvalidInput', message: 'Multiple connectors are activated for the same input' });
    const check = compatible(matching);
    if ('reason' in check) return failureAnswer({ kind: 'InvalidInput', message: `Multiple connectors are activated for the same input: ${check.reason}` });
    activated = check.element;
  }
  if (activated.element.connectorProperties['inbound.responseExpression'] !== undefined) throw new Error('inbound-proof: a webhook response expression is not modelled');
  // The correlation point follows the deployed element's type.
  const correlation = correlateElement({ ...activated.element, kind: activated.kind }, payload, undefined, runtime, warnings);
  const answer = correlation.failure ? failureAnswer(correlation.failure) : { status: 200 };
  const published = correlation.message && request.broker ? request.broker.publish(correlation.message) : undefined;
  return { ...answer, activated: { elementId: activated.elementId, correlation }, ...(published ? { published } : {}) };
}
