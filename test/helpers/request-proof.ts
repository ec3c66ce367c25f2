/**
 * Applies an element template the way Camunda Desktop/Web Modeler and the
 * engine do, and returns the request the REST connector (`io.camunda:http-json:1`)
 * would send. Used by tests only; every step names the behaviour it mirrors.
 *
 * 1. Modeler: the user's values (by property id) and the template defaults
 *    are stored per binding; conditions read the stored value of the
 *    property they name (bpmn-js-element-templates `isConditionMet`), and
 *    inactive properties lose their binding. Boolean/Number and
 *    `feel: "required"` defaults are written as FEEL (`toFeelExpression`).
 * 2. Engine (8.8+): input mappings are evaluated one by one in template
 *    order, each seeing the earlier targets; an input without a source is
 *    null, and a non-FEEL source is a static string (so `source=""`, what
 *    the Modeler may write for a cleared input, is the empty string).
 * 3. Connector runtime: only its input variables are fetched, then
 *    `{{secrets.NAME}}` placeholders are replaced.
 */
import { evaluate } from 'feelin';
import type { ElementTemplate, TemplateProperty } from '../../core/template/types';

/** The variables the REST connector fetches (connectors main, `HttpJsonFunction`). */
const CONNECTOR_INPUTS = ['url', 'method', 'authentication', 'clientTls', 'headers', 'queryParameters', 'skipEncoding', 'connectionTimeoutInSeconds', 'readTimeoutInSeconds', 'body', 'storeResponse', 'documentReturnFormat', 'groupSetCookieHeaders', 'ignoreNullValues', 'followRedirects', 'authenticationConfiguration'];
const BODY_METHODS = ['POST', 'PUT', 'PATCH'];

export interface ProofOptions {
  /** Process variables visible to input mappings. */
  variables?: Record<string, unknown>;
  /** Cluster secrets by name; a placeholder without a secret fails like the runtime does. */
  secrets?: Record<string, string>;
}

export interface ProvenRequest {
  method: string;
  url: string;
  queryParameters: Record<string, unknown> | undefined;
  headers: Record<string, unknown> | undefined;
  body: unknown;
  authentication: Record<string, unknown> | undefined;
  /** Everything the connector received, after secret substitution. */
  connectorInput: Record<string, unknown>;
  /** All input mapping targets (the task's local variables) before the connector fetched its part. */
  locals: Record<string, unknown>;
  /** FEEL warnings (e.g. a variable not found): a template bug when not expected. */
  warnings: string[];
}

export interface AppliedTemplate {
  /** Active properties in template order. */
  active: TemplateProperty[];
  /** Persisted value per active property id, as the Modeler writes it. */
  persisted: Map<TemplateProperty, unknown>;
  taskHeaders: Record<string, string>;
  /** Constraint violations the Modeler would show for the given values. */
  violations: string[];
}

type Values = Record<string, unknown>;

function bindingKey(property: TemplateProperty): string {
  const binding = property.binding as Record<string, unknown>;
  return `${binding.type}:${String(binding.name ?? binding.key ?? binding.property ?? '')}`;
}

function isFeel(value: unknown): value is string {
  return typeof value === 'string' && value.trim().startsWith('=');
}

/** What the Modeler persists for a value (`toFeelExpression` for static FEEL types and `feel: required`). */
function persistedValue(property: TemplateProperty, value: unknown): unknown {
  const castToFeel = ((property.type === 'Boolean' || property.type === 'Number') && property.feel === 'static') || property.feel === 'required';
  if (!castToFeel || value === undefined || isFeel(value)) return value;
  if (property.type === 'Boolean') return `=${value === 'false' ? false : Boolean(value)}`;
  return `=${String(value)}`;
}

function conditionMet(condition: TemplateProperty['condition'], properties: TemplateProperty[], store: Map<string, unknown>): boolean {
  if (!condition) return true;
  if ('allMatch' in condition) return condition.allMatch.every((inner) => conditionMet(inner, properties, store));
  const target = properties.find((property) => property.id === condition.property);
  if (!target) return false;
  const value = store.get(bindingKey(target));
  if ('isEmpty' in condition) return (value === undefined || value === null || value === '') === condition.isEmpty;
  if ('isActive' in condition) throw new Error('request-proof: isActive conditions are not supported');
  const compare = (expected: unknown) => value === expected || (target.type === 'Boolean' && persistedValue(target, expected) === value);
  if ('equals' in condition) return compare(condition.equals);
  return condition.oneOf.some(compare);
}

/** Step 1: the Modeler's view after the user entered `values`. */
export function applyTemplate(template: ElementTemplate, values: Values = {}): AppliedTemplate {
  for (const id of Object.keys(values)) {
    if (!template.properties.some((candidate) => candidate.id === id)) throw new Error(`request-proof: the template has no property "${id}"`);
  }
  const store = new Map<string, unknown>();
  let active: TemplateProperty[] = [];
  for (let round = 0; round < 20; round++) {
    const before = JSON.stringify([...store]);
    const previous = new Set(active);
    active = template.properties.filter((candidate) => conditionMet(candidate.condition, template.properties, store));
    const activeKeys = new Set(active.map(bindingKey));
    for (const key of [...store.keys()]) if (!activeKeys.has(key)) store.delete(key);
    for (const candidate of active) {
      const key = bindingKey(candidate);
      const userValue = candidate.id !== undefined && candidate.id in values ? values[candidate.id] : undefined;
      if (userValue !== undefined) store.set(key, persistedValue(candidate, userValue));
      // A property that becomes active writes its value, also over another's on the same binding (ConditionalBehavior).
      else if (!store.has(key) || !previous.has(candidate)) store.set(key, persistedValue(candidate, candidate.value));
    }
    if (JSON.stringify([...store]) === before) break;
  }
  const seen = new Map<string, TemplateProperty>();
  for (const candidate of active) {
    const key = bindingKey(candidate);
    const other = seen.get(key);
    if (other) throw new Error(`request-proof: properties "${other.id}" and "${candidate.id}" are both active and bound to ${key}`);
    seen.set(key, candidate);
  }
  const persisted = new Map(active.map((candidate) => [candidate, store.get(bindingKey(candidate))] as const));
  const taskHeaders: Record<string, string> = {};
  for (const [candidate, value] of persisted) {
    if (candidate.binding.type === 'zeebe:taskHeader' && value !== undefined && value !== '') taskHeaders[(candidate.binding as { key: string }).key] = String(value);
  }
  return { active, persisted, taskHeaders, violations: violations(persisted) };
}

/** The Modeler's `validateProperty`: notEmpty, then (unless FEEL) maxLength, minLength, pattern. */
function violations(persisted: Map<TemplateProperty, unknown>): string[] {
  const found: string[] = [];
  for (const [candidate, value] of persisted) {
    const { constraints } = candidate;
    if (!constraints) continue;
    const text = value === undefined || value === null ? undefined : String(value);
    const name = candidate.id ?? candidate.label ?? '?';
    if (constraints.notEmpty && (text === undefined || text.trim() === '')) {
      found.push(`${name}: must not be empty`);
      continue;
    }
    if (candidate.feel && isFeel(text)) continue;
    if (constraints.maxLength && (text ?? '').length > constraints.maxLength) found.push(`${name}: longer than ${constraints.maxLength}`);
    if (constraints.minLength && (text ?? '').length < constraints.minLength) found.push(`${name}: shorter than ${constraints.minLength}`);
    const pattern = typeof constraints.pattern === 'string' ? constraints.pattern : constraints.pattern?.value;
    if (pattern && !new RegExp(pattern).test(String(text))) found.push(`${name}: does not match ${pattern}`);
  }
  return found;
}

function evaluateFeel(expression: string, context: Record<string, unknown>, warnings: string[], where: string): unknown {
  const result = evaluate(expression.trim().slice(1), context);
  for (const warning of result.warnings) warnings.push(`${where}: ${warning.message}`);
  return toPlain(result.value);
}

/** FEEL values as the connector sees JSON: durations and dates become strings. */
function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return String(value);
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, toPlain(inner)]));
  }
  return value;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    node = (node[part] = next && typeof next === 'object' ? { ...(next as Record<string, unknown>) } : {}) as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}

/** Steps 2 and 3: evaluate the input mappings, fetch and substitute secrets, return the request. */
export function proveRequest(template: ElementTemplate, values: Values = {}, options: ProofOptions = {}): ProvenRequest {
  const applied = applyTemplate(template, values);
  if (applied.violations.length > 0) throw new Error(`request-proof: the Modeler would reject these values: ${applied.violations.join('; ')}`);
  const warnings: string[] = [];
  const locals: Record<string, unknown> = {};
  for (const [candidate, value] of applied.persisted) {
    if (candidate.binding.type !== 'zeebe:input') continue;
    const target = (candidate.binding as { name: string }).name;
    const source = value === undefined || value === null ? null : isFeel(value) ? evaluateFeel(value, { ...options.variables, ...locals }, warnings, `input ${target}`) : value;
    setPath(locals, target, source);
  }
  const fetched = Object.fromEntries(CONNECTOR_INPUTS.filter((name) => name in locals).map((name) => [name, locals[name]]));
  const connectorInput = replaceSecrets(fetched, options.secrets ?? {}) as Record<string, unknown>;
  const method = connectorInput.method;
  const url = connectorInput.url;
  if (typeof method !== 'string' || !method) throw new Error('request-proof: no method (the connector rejects the job)');
  if (typeof url !== 'string' || !/^(https?:\/\/)/.test(url)) throw new Error(`request-proof: url "${String(url)}" is not an http(s) URL (the connector rejects the job)`);
  const body = BODY_METHODS.includes(method) ? (connectorInput.ignoreNullValues === true ? dropNulls(connectorInput.body) : connectorInput.body) : undefined;
  return {
    method,
    url,
    queryParameters: connectorInput.queryParameters as Record<string, unknown> | undefined,
    headers: connectorInput.headers as Record<string, unknown> | undefined,
    body: body ?? null,
    authentication: connectorInput.authentication as Record<string, unknown> | undefined,
    connectorInput,
    locals,
    warnings
  };
}

function dropNulls(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== null));
}

/** The runtime replaces `{{secrets.NAME}}` in every fetched string; an unknown secret fails the job. */
function replaceSecrets(value: unknown, secrets: Record<string, string>): unknown {
  if (typeof value === 'string') {
    return value.replace(/\{\{\s*secrets\.([\w.-]+?)\s*\}\}/g, (_, name: string) => {
      const secret = secrets[name];
      if (secret === undefined) throw new Error(`request-proof: secret "${name}" is not defined`);
      return secret;
    });
  }
  if (Array.isArray(value)) return value.map((inner) => replaceSecrets(inner, secrets));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, replaceSecrets(inner, secrets)]));
  return value;
}

/**
 * The connector runtime fails a job without retries when a result or error
 * expression reads a missing field (camunda/connectors#5980); feelin only
 * warns, so these warnings fail here.
 */
const STRICT_WARNINGS = ['NO_VARIABLE_FOUND', 'NO_PROPERTY_FOUND', 'NO_CONTEXT_ENTRY_FOUND'];

function evaluateStrict(expression: string, context: Record<string, unknown>, where: string): unknown {
  const result = evaluate(expression.trim().slice(1), context);
  const missing = result.warnings.filter((warning) => STRICT_WARNINGS.includes(warning.type));
  if (missing.length > 0) throw new Error(`request-proof: ${where} reads missing fields, which fails the job: ${missing.map((warning) => warning.message).join('; ')}`);
  return toPlain(result.value);
}

export interface SampleResponse {
  status: number;
  headers?: Record<string, unknown>;
  body: unknown;
  reason?: string;
}

/** The process variables a completed job sets: the result expression's context and the result variable. */
export function evaluateResult(template: ElementTemplate, values: Values, response: SampleResponse): Record<string, unknown> {
  const { taskHeaders } = applyTemplate(template, values);
  const content = { status: response.status, headers: response.headers ?? {}, body: response.body, reason: response.reason ?? null, document: null };
  const variables: Record<string, unknown> = {};
  if (taskHeaders.resultVariable) variables[taskHeaders.resultVariable] = content;
  const expression = taskHeaders.resultExpression;
  if (expression) {
    const result = evaluateStrict(expression, { ...content, response: content }, 'resultExpression');
    if (result !== null) {
      if (typeof result !== 'object' || Array.isArray(result)) throw new Error('request-proof: the result expression must return a context');
      Object.assign(variables, result);
    }
  }
  return variables;
}

export interface SampleError {
  code: string;
  message: string;
  variables?: { response?: { body?: unknown; headers?: Record<string, unknown> } };
}

/** What the error expression returns: a `bpmnError`/`jobError` record, or null (the job fails with retries - 1). */
export function evaluateError(template: ElementTemplate, values: Values, error: SampleError, job: { retries: number } = { retries: 3 }): Record<string, unknown> | null {
  const { taskHeaders } = applyTemplate(template, values);
  const expression = taskHeaders.errorExpression;
  if (!expression) return null;
  const context = {
    error: { type: 'io.camunda.connector.api.error.ConnectorException', code: error.code, message: error.message, variables: error.variables ?? {} },
    job,
    bpmnError: (code: unknown, message?: unknown, variables?: unknown) => ({ errorType: 'bpmnError', code, message: message ?? null, variables: variables ?? null }),
    jobError: (message: unknown, variables?: unknown, retries?: unknown, retryBackoff?: unknown) => ({ errorType: 'jobError', message, variables: variables ?? {}, retries: retries ?? 0, retryBackoff: retryBackoff ?? 'PT0S' })
  };
  return evaluateStrict(expression, context, 'errorExpression') as Record<string, unknown> | null;
}
