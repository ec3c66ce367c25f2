/**
 * Step 4 of the proof, the connector runtime after the HTTP call: how the
 * answer is classified, which variables the result expression sets, and what
 * the error expression makes of it, which runs after EVERY call, also a
 * successful one. Mirrors camunda/connectors 8.8.16 and 8.9.7:
 * - status: only >= 400 is an error (connector-commons/http-client
 *   .../HttpStatusHelper.java:21 `statusCode >= 400`); redirects are not
 *   followed (8.8.16 ProxyAwareHttpClient.java:101 `disableRedirectHandling()`;
 *   8.9.7 ProxyAwareHttpClient.java:81 unless `followRedirects`), so a 3xx is
 *   a result; a timeout or I/O failure is error code "408" and a protocol
 *   error "500" (8.8.16 CustomApacheHttpClient.java:70-84);
 * - an error is `ConnectorException(code = status, message = reason,
 *   variables = {response: {headers, body}})` (ConnectorExceptionMapper), a
 *   failed job with retries - 1 unless the error expression decides
 *   (OutboundConnectorExceptionHandler.java `handleGenericException`);
 * - success: `resultVariable` gets the whole response and the result
 *   expression's context is merged in (ConnectorResultHandler.java:55
 *   `createOutputVariables`), then the total over 1.5 MB fails the job with
 *   no retries (SpringConnectorJobHandler.java:150 `InlineSizeGuard.check`,
 *   connector-sdk .../InlineSizeGuard.java:25; of the tags only 8.8.16 and 8.9.7 have it);
 * - the error expression then runs over the success's value or
 *   `{error: {type, message, code, variables}}` of a failure, plus
 *   `response` wrapping the same and `job.retries`
 *   (SpringConnectorJobHandler.java:159 `processFinalResult`,
 *   ConnectorResultHandler.java:81 `examineErrorExpression`): so after a
 *   success `error` is undefined. A success's value is the response only
 *   while the result variable and expression set nothing; once they set a
 *   variable it is those output variables, and the response is gone
 *   (connector-runtime-core .../outbound/ConnectorResult.java
 *   `SuccessResult.responseValue`, since 2023; camunda/connectors#5695,
 *   documented by camunda-docs#9197). A `bpmnError` without code is
 *   dropped; a `jobError` fails the job with its retries (default 0); an
 *   exception there fails the job with no retries
 *   (`handleFinalResultException`); the connector's functions are
 *   connector-functions.ts;
 * - any other failure keeps the `retryBackoff` header's delay: the fail
 *   command carries it (OutboundConnectorExceptionHandler.java
 *   `handleGenericException` → `handleSDKException(..., retryBackoff)`,
 *   SpringConnectorJobHandler.java `prepareFailJobCommand`).
 */
import type { ElementTemplate } from '../../../core/template/types';
import { CONNECTOR_FUNCTIONS } from './connector-functions';
import { evaluateFeel } from './feel';
import { DateTimeParseException, parseJavaDuration } from './java-duration';
import { applyTemplate, type Values } from './modeler';
import type { ConnectorRuntime } from './connector-inputs';

export interface SampleResponse {
  status: number;
  headers?: Record<string, unknown>;
  body: unknown;
  reason?: string;
  /** The stored response with storeResponse (HttpCommonResult.document, a document reference): then body is null. */
  document?: unknown;
}

export interface SampleError {
  code: string;
  message: string;
  variables?: { response?: { body?: unknown; headers?: Record<string, unknown> } };
}

/** A transport failure instead of an HTTP answer. */
export interface TransportFailure {
  transport: 'timeout' | 'connection' | 'protocol';
}

export type Answer = SampleResponse | TransportFailure;

export type JobOutcome =
  | { kind: 'completed'; variables: Record<string, unknown>; warnings: string[] }
  | { kind: 'bpmnError'; code: string; message: string | null; variables: unknown; warnings: string[] }
  | { kind: 'failed'; message: string; retries: number; retryBackoff: string | null; warnings: string[] };

/** Zeebe's safe size for the variables of a job completion (InlineSizeGuard.MAX_INLINE_BYTES). */
export const MAX_OUTPUT_BYTES = (3 * 1024 * 1024) / 2;

const CONNECTOR_EXCEPTION = 'io.camunda.connector.api.error.ConnectorException';
/** Missing-field warnings: null in the runtime, a failure here when strict, so no template relies on them. */
const STRICT_WARNINGS = ['NO_VARIABLE_FOUND', 'NO_PROPERTY_FOUND', 'NO_CONTEXT_ENTRY_FOUND', 'NO_FUNCTION_FOUND'];

/** HttpStatusHelper + the exception mapping of CustomApacheHttpClient: an error, or a response the job continues with. */
export function classifyAnswer(answer: Answer, options: { followRedirects?: boolean } = {}): { error: SampleError } | { response: SampleResponse } {
  if ('transport' in answer) {
    if (answer.transport === 'protocol') return { error: { code: '500', message: 'An error with the HTTP protocol occurred' } };
    return { error: { code: '408', message: answer.transport === 'timeout' ? 'The request timed out. Please try increasing the read and connection timeouts.' : 'An error occurred while executing the request, or the connection was aborted' } };
  }
  if (answer.status >= 300 && answer.status < 400 && options.followRedirects) throw new Error('request-proof: followRedirects is on, so the connector would follow this redirect; the proof does not model the target');
  if (answer.status >= 400) {
    return { error: { code: String(answer.status), message: answer.reason || '[no reason]', variables: { response: { headers: answer.headers ?? {}, body: answer.body } } } };
  }
  return { response: answer };
}

/** The HttpCommonResult record as Jackson writes it (connectors http-base model/HttpCommonResult.java, 8.8.16 and 8.9.7): every component, null ones too. */
export function httpCommonResult(response: SampleResponse): Record<string, unknown> {
  return { status: response.status, headers: response.headers ?? {}, body: response.body, reason: response.reason ?? null, document: response.document ?? null };
}

/** Why ConnectorResultHandler refuses a result expression's value (a ConnectorInputException in the runtime). */
export class ResultNotAContext extends Error {}

/**
 * connector-runtime-core ConnectorResultHandler.createOutputVariables (8.8.16 and 8.9.7), for outbound jobs and
 * inbound correlation alike: the result variable gets the whole content; the result expression sees the content
 * and `response` wrapping it (FeelEngineWrapperUtil.wrapResponse), null sets nothing, a context is merged in, and
 * anything else is refused (parseJsonVarsAsTypeOrThrow reads it as a Map).
 */
export function createOutputVariables(content: Record<string, unknown>, resultVariable: string | undefined, resultExpression: string | undefined, evaluateExpression: (expression: string, context: Record<string, unknown>) => unknown): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  if (resultVariable?.trim()) variables[resultVariable] = content;
  if (resultExpression?.trim()) {
    const result = evaluateExpression(resultExpression, { ...content, response: content });
    if (result !== null && result !== undefined) {
      if (typeof result !== 'object' || Array.isArray(result)) throw new ResultNotAContext(`Result expression must return a JSON object, but got ${Array.isArray(result) ? 'array' : typeof result}. Evaluated value: ${JSON.stringify(result)}`);
      Object.assign(variables, result);
    }
  }
  return variables;
}

function errorContent(error: SampleError, type = CONNECTOR_EXCEPTION): Record<string, unknown> {
  return { error: { type, code: error.code, message: error.message, variables: error.variables ?? {} } };
}

function evaluate(expression: string, context: Record<string, unknown>, where: string, strict: boolean, warnings: string[]): unknown {
  const result = evaluateFeel(expression, context);
  const missing = result.warnings.filter((warning) => STRICT_WARNINGS.includes(warning.type));
  if (strict && missing.length > 0) throw new Error(`request-proof: ${where} reads missing fields (null in the runtime, refused here): ${missing.map((warning) => warning.message).join('; ')}`);
  warnings.push(...result.warnings.map((warning) => `${where}: ${warning.message}`));
  return result.value;
}

/** The process variables a completed job sets: the result variable and the result expression's context. */
export function outputVariables(headers: Record<string, string>, response: SampleResponse, strict = true, warnings: string[] = []): Record<string, unknown> {
  try {
    return createOutputVariables(httpCommonResult(response), headers.resultVariable, headers.resultExpression, (expression, context) => evaluate(expression, context, 'resultExpression', strict, warnings));
  } catch (error) {
    if (error instanceof ResultNotAContext) throw new Error('request-proof: the result expression must return a context', { cause: error });
    throw error;
  }
}

/** The error expression over one response value (a success's content or `{error}`), or null when it has none or returns nothing. */
export function errorExpressionResult(headers: Record<string, string>, responseValue: Record<string, unknown>, job: { retries: number }, strict = true, warnings: string[] = []): Record<string, unknown> | null {
  const expression = headers.errorExpression;
  if (!expression || !expression.trim()) return null;
  const result = evaluate(expression, { ...CONNECTOR_FUNCTIONS, ...responseValue, response: responseValue, job }, 'errorExpression', strict, warnings);
  if (result === null || (typeof result === 'object' && Object.keys(result as object).length === 0)) return null;
  return result as Record<string, unknown>;
}

export interface JobOptions {
  /** The job's retries when it was activated (the task definition's retries on the first try). */
  retries?: number;
  runtime?: ConnectorRuntime;
  followRedirects?: boolean;
  /** Refuse missing-field reads in the result and error expressions (default); the runtime maps them to null. */
  strict?: boolean;
}

/**
 * The `retryBackoff` header is parsed before the connector runs
 * (SpringConnectorJobHandler `getBackoffDuration`: java.time.Duration.parse,
 * 8.8.16 :219, 8.9.7 :332); text it refuses fails the job without retries
 * (OutboundConnectorExceptionHandler `handleBackOffException`), and the
 * error expression gets `{error: {type, message}}`, no code.
 */
function backoffFailure(header: string | undefined): { message: string; retries: number; value: Record<string, unknown> } | undefined {
  if (header === undefined) return undefined;
  try {
    parseJavaDuration(header);
    return undefined;
  } catch (error) {
    if (!(error instanceof DateTimeParseException)) throw error;
    const message = `Failed to parse retry backoff header. Expected ISO-8601 duration, e.g. PT5M, got: ${header}`;
    return { message, retries: 0, value: { error: { type: 'io.camunda.connector.runtime.core.error.InvalidBackOffDurationException', message } } };
  }
}

/** What the connector runtime does with one answer to the task's request. */
export function runJob(template: ElementTemplate, values: Values, answer: Answer, options: JobOptions = {}): JobOutcome {
  const { taskHeaders } = applyTemplate(template, values);
  const retries = options.retries ?? 3;
  const strict = options.strict ?? true;
  const warnings: string[] = [];
  const classified = classifyAnswer(answer, options);
  const badBackoff = backoffFailure(taskHeaders.retryBackoff);
  let final: { success: Record<string, unknown>; value: Record<string, unknown> } | { failure: { message: string; retries: number }; value: Record<string, unknown> };
  if (badBackoff) {
    // The request is never sent: the answer does not matter.
    final = { failure: { message: badBackoff.message, retries: badBackoff.retries }, value: badBackoff.value };
  } else if ('error' in classified) {
    final = { failure: { message: classified.error.message, retries: retries - 1 }, value: errorContent(classified.error) };
  } else {
    try {
      const variables = outputVariables(taskHeaders, classified.response, strict, warnings);
      const size = new TextEncoder().encode(JSON.stringify(variables)).length;
      if (Object.keys(variables).length > 0 && size > MAX_OUTPUT_BYTES) {
        const message = `Output variables payload (${size} bytes) exceeds the 1.5 MB safe variable size limit for Zeebe job completion.`;
        final = { failure: { message, retries: 0 }, value: errorContent({ code: '', message }, 'io.camunda.connector.api.error.ConnectorInputException') };
      } else {
        // ConnectorResult.SuccessResult.responseValue: the output variables once there are any, else the response.
        final = { success: variables, value: Object.keys(variables).length > 0 ? variables : httpCommonResult(classified.response) };
      }
    } catch (error) {
      if ((error as Error).message.startsWith('request-proof:')) throw error;
      final = { failure: { message: (error as Error).message, retries: retries - 1 }, value: errorContent({ code: '', message: (error as Error).message }, 'io.camunda.connector.feel.FeelEngineWrapperException') };
    }
  }
  let decided: Record<string, unknown> | null;
  try {
    decided = errorExpressionResult(taskHeaders, final.value, { retries }, strict, warnings);
  } catch (error) {
    if ((error as Error).message.startsWith('request-proof:')) throw error;
    return { kind: 'failed', message: (error as Error).message, retries: 0, retryBackoff: null, warnings };
  }
  if (decided?.errorType === 'bpmnError' && decided.code !== null && decided.code !== undefined && decided.code !== '') {
    return { kind: 'bpmnError', code: String(decided.code), message: (decided.message as string | null) ?? null, variables: decided.variables ?? null, warnings };
  }
  if (decided?.errorType === 'jobError') {
    return { kind: 'failed', message: String(decided.message), retries: Math.max(Number(decided.retries), 0), retryBackoff: String(decided.retryBackoff), warnings };
  }
  if ('success' in final) return { kind: 'completed', variables: final.success, warnings };
  return { kind: 'failed', message: final.failure.message, retries: final.failure.retries, retryBackoff: badBackoff ? null : taskHeaders.retryBackoff ?? null, warnings };
}
