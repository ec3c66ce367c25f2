/**
 * The connector runtime's FEEL functions for error expressions, as
 * camunda/connectors declares them (8.8.16
 * connector-runtime/feel-wrapper/src/main/java/io/camunda/connector/feel/FeelConnectorFunctionProvider.java,
 * 8.9.7 connector-runtime/connector-feel/.../FeelConnectorFunctionProvider.java):
 * - `bpmnError(errorCode, errorMessage[, variables])`: only 2 or 3
 *   parameters (there is no one-parameter form); code and message must be
 *   strings, variables a context, else the function throws
 *   IllegalArgumentException;
 * - `jobError(errorMessage[, variables[, retries[, retryBackoff]]])`: each
 *   argument is cast (`(ValString)`, `(ValContext)`, `(ValNumber)`,
 *   `(ValDayTimeDuration)`), so a null message or a backoff given as text
 *   throws ClassCastException; defaults are `{}`, 0 and PT0S.
 * feel-scala picks a function by its parameter count; with none of that
 * count the call is null with a NO_FUNCTION_FOUND warning
 * (FeelInterpreter `findFunction`). A Java function that throws is not
 * caught by the interpreter: the whole evaluation fails (FeelEngine
 * `evaluate`, `Try ... recover`), and the runtime fails the job without
 * retries (SpringConnectorJobHandler `processFinalResult` →
 * OutboundConnectorExceptionHandler `handleFinalResultException`).
 */
import { FeelDuration, FeelFunction } from 'feelin';

/** A connector function that throws: the error expression's evaluation fails. */
export class ConnectorFunctionFailure extends Error {}

type InvocationFailure = object;

/** feelin's own "no such invocation" signal: the call becomes null and feelin records the warning. */
function noFunctionFound(name: string, count: number): InvocationFailure {
  // feelin exports no constructor for the signal; a FeelFunction invoked with too many arguments returns one.
  const probe = new FeelFunction(() => null, []).invoke([null]) as object;
  const Signal = probe.constructor as new (warning: string, template: string, values: object) => InvocationFailure;
  return new Signal('NO_FUNCTION_FOUND', `no function found with name '${name}' and ${count} parameters`, {});
}

function isContext(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

function isDayTimeDuration(value: unknown): boolean {
  return value instanceof FeelDuration && !value.yearsMonths;
}

function requireString(value: unknown, parameter: string, name: string): string {
  if (typeof value !== 'string') throw new ConnectorFunctionFailure(`Parameter '${parameter}' of function '${name}' must be a String`);
  return value;
}

function cast<T>(value: unknown, ok: (value: unknown) => boolean, type: string, parameter: string): T {
  if (!ok(value)) throw new ConnectorFunctionFailure(`jobError: parameter '${parameter}' is not a ${type} (ClassCastException)`);
  return value as T;
}

/** A function of the given name taking 'count' arguments, or feelin's failure signal. */
function overloaded(name: string, counts: number[], body: (args: unknown[]) => unknown): FeelFunction {
  return new FeelFunction((...args: unknown[]) => (counts.includes(args.length) ? body(args) : noFunctionFound(name, args.length)), ['...args']);
}

export const CONNECTOR_FUNCTIONS = {
  bpmnError: overloaded('bpmnError', [2, 3], ([code, message, variables]) => {
    if (variables !== undefined && !isContext(variables)) throw new ConnectorFunctionFailure("Parameter 'variables' of function 'bpmnError' must be a Context");
    return { errorType: 'bpmnError', code: requireString(code, 'errorCode', 'bpmnError'), message: requireString(message, 'errorMessage', 'bpmnError'), variables: variables ?? null };
  }),
  jobError: overloaded('jobError', [1, 2, 3, 4], ([message, variables, retries, retryBackoff]) => ({
    errorType: 'jobError',
    message: cast<string>(message, (value) => typeof value === 'string', 'string', 'errorMessage'),
    variables: variables === undefined ? {} : cast<object>(variables, isContext, 'context', 'variables'),
    retries: retries === undefined ? 0 : cast<number>(retries, (value) => typeof value === 'number', 'number', 'retries'),
    retryBackoff: retryBackoff === undefined ? 'PT0S' : String(cast<FeelDuration>(retryBackoff, isDayTimeDuration, 'days and time duration', 'retryBackoff'))
  }))
};
