/**
 * Applies an element template the way Camunda Desktop/Web Modeler, Zeebe
 * and the connector runtime do, and returns the request the REST connector
 * (`io.camunda:http-json:1`) would send, or the failure the runtime would
 * raise instead. Used by tests only; each step lives in runtime/ and names
 * the source it mirrors:
 * 1. runtime/modeler.ts: what the Modeler persists (conditions, FEEL casts,
 *    constraint violations);
 * 2. runtime/zeebe-inputs.ts + feel-scala-strings.ts: input mappings, static
 *    sources quoted and decoded as feel-scala string literals, FEEL through
 *    feelin with feel-scala's differences (runtime/feel.ts);
 * 3. runtime/connector-inputs.ts + secrets.ts: the connector's inputs of
 *    8.8 or 8.9 fetched by name through the scopes, then secrets replaced
 *    in both forms over their JSON;
 * 4. runtime/job-outcome.ts: status classification, result and error
 *    expressions (after every call), output size.
 */
import type { ElementTemplate } from '../../core/template/types';
import { fetchConnectorInputs, type ConnectorRuntime } from './runtime/connector-inputs';
import { errorExpressionResult, outputVariables, type SampleError, type SampleResponse } from './runtime/job-outcome';
import { applyTemplate, type Values } from './runtime/modeler';
import { JobFailed, replaceSecrets } from './runtime/secrets';
import { evaluateInputMappings } from './runtime/zeebe-inputs';

export { applyTemplate, type AppliedTemplate } from './runtime/modeler';
export { classifyAnswer, runJob, MAX_OUTPUT_BYTES, type Answer, type JobOptions, type JobOutcome, type SampleError, type SampleResponse, type TransportFailure } from './runtime/job-outcome';
export { ALL_CONNECTOR_INPUTS, CONNECTOR_INPUTS, HOSTILE_PROCESS_VARIABLES, type ConnectorRuntime } from './runtime/connector-inputs';
export { DeploymentRejected } from './runtime/feel-scala-strings';
export { IncidentRaised } from './runtime/zeebe-inputs';
export { JobFailed } from './runtime/secrets';

/** Methods whose body the connector sends (ApacheRequestBodyBuilder: methods that support an entity). */
const BODY_METHODS = ['POST', 'PUT', 'PATCH'];

export interface ProofOptions {
  /** Process variables: visible to input mappings, and fetched by the connector for any input the task does not map. */
  variables?: Record<string, unknown>;
  /** Cluster secrets by name; a reference without a secret fails the job like the runtime does. */
  secrets?: Record<string, string>;
  /** Whose input list the connector fetches: 8.8 (8.8.0-8.8.16), 8.9 (8.9.0-8.9.7) or 8.10 (8.10.0-alpha4). Default 8.8. */
  runtime?: ConnectorRuntime;
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

/**
 * Steps 1 to 3: the request, or a thrown DeploymentRejected (a static source
 * that is no FEEL string), IncidentRaised (an input mapping failed) or
 * JobFailed (e.g. an unknown secret: no retries).
 */
export function proveRequest(template: ElementTemplate, values: Values = {}, options: ProofOptions = {}): ProvenRequest {
  const applied = applyTemplate(template, values);
  if (applied.violations.length > 0) throw new Error(`request-proof: the Modeler would reject these values: ${applied.violations.join('; ')}`);
  const processVariables = options.variables ?? {};
  const { locals, warnings } = evaluateInputMappings(applied.persisted, processVariables);
  const fetched = fetchConnectorInputs(locals, processVariables, options.runtime ?? '8.8');
  const connectorInput = replaceSecrets(fetched, options.secrets ?? {});
  const { method, url } = connectorInput;
  // HttpCommonRequest: method @NotNull, url @NotBlank: a ConnectorInputException, no retries.
  if (typeof method !== 'string' || !method) throw new JobFailed('method: must not be null', 0);
  if (typeof url !== 'string' || !/^(https?:\/\/)/.test(url)) throw new JobFailed(`url "${String(url)}" is not an http(s) URL`, 0);
  for (const name of ['headers', 'queryParameters']) {
    const problem = textMapProblem(connectorInput[name]);
    if (problem) throw new JobFailed(`${name}.${problem}`, 0);
  }
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

/**
 * Why a connector input bound as `Map<String, String>` (HttpCommonRequest
 * `headers` and `queryParameters`, 8.8.16 and 8.9.7) does not bind: Jackson
 * takes text, a number or a boolean as text, null, and a list of exactly one
 * of those (DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
 * ConnectorsObjectMapperSupplier); anything else throws, which
 * JobHandlerContext.mapJson turns into a ConnectorInputException: no
 * retries. Text that is no context goes through the @FEEL deserializer and
 * is not modelled here.
 */
function textMapProblem(value: unknown): string | undefined {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const scalar = (inner: unknown) => inner === null || ['string', 'number', 'boolean'].includes(typeof inner);
  for (const [key, inner] of Object.entries(value)) {
    if (scalar(inner) || (Array.isArray(inner) && inner.length === 1 && scalar(inner[0]))) continue;
    return `${key}: Cannot deserialize value of type \`java.lang.String\` from ${Array.isArray(inner) ? 'Array' : 'Object'} value`;
  }
  return undefined;
}

function dropNulls(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== null));
}

/**
 * The process variables a completed job sets (result variable and result
 * expression). Stricter than the runtime: a missing field read throws.
 */
export function evaluateResult(template: ElementTemplate, values: Values, response: SampleResponse): Record<string, unknown> {
  return outputVariables(applyTemplate(template, values).taskHeaders, response);
}

/**
 * What the error expression returns for a failed call: a `bpmnError`/`jobError`
 * record, or null (the job fails with retries - 1). For the whole outcome,
 * including the run after a successful call, use `runJob`.
 */
export function evaluateError(template: ElementTemplate, values: Values, error: SampleError, job: { retries: number } = { retries: 3 }): Record<string, unknown> | null {
  const responseValue = { error: { type: 'io.camunda.connector.api.error.ConnectorException', code: error.code, message: error.message, variables: error.variables ?? {} } };
  return errorExpressionResult(applyTemplate(template, values).taskHeaders, responseValue, job);
}
