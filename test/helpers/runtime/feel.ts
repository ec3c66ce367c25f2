/**
 * FEEL through feelin, with the feel-scala behaviour the templates rely on
 * where feelin differs (README, "What the runtime does with a template"):
 * - `assert(value, condition[, cause])` (feel-scala 1.18+,
 *   src/main/scala/org/camunda/feel/impl/builtin/BooleanBuiltinFunctions.scala:28)
 *   fails the evaluation unless the condition is true; feelin has no
 *   `assert` and would return null.
 * - A missing variable or context entry is null with a warning in both
 *   (feel-scala FeelInterpreter; the connector runtime's FeelEngineWrapper
 *   only throws on a failed evaluation). Warnings are returned so a caller
 *   can be stricter than the runtime.
 */
import { evaluate } from 'feelin';

/** A FEEL evaluation that fails (in Zeebe an incident, in the connector runtime a failed job). */
export class FeelFailure extends Error {}

export interface FeelResult {
  value: unknown;
  warnings: { type: string; message: string }[];
}

const FEEL_SCALA_BUILTINS = {
  assert: (value: unknown, condition: unknown, cause?: unknown) => {
    if (condition !== true) throw new FeelFailure(typeof cause === 'string' ? cause : 'The condition is not fulfilled');
    return value;
  }
};

/**
 * FEEL is pure, and feelin re-parses a long expression for every call
 * (~90 ms for the error expression), while the templates share theirs: one
 * result per expression and context (functions are fixed per caller).
 */
const results = new Map<string, FeelResult>();

/** Evaluates `=expression` (or a bare expression) over `context`. */
export function evaluateFeel(expression: string, context: Record<string, unknown>): FeelResult {
  const text = expression.trim().replace(/^=/, '');
  // A variable whose name the text does not contain cannot change the result (nor the parse).
  const used = Object.fromEntries(Object.entries(context).filter(([name]) => text.includes(name)));
  const key = `${text}\u0000${JSON.stringify(used)}\u0000${Object.keys(used).join(',')}`;
  let result = results.get(key);
  if (!result) {
    const evaluated = evaluate(text, { ...FEEL_SCALA_BUILTINS, ...used });
    result = { value: toPlain(evaluated.value), warnings: evaluated.warnings.map((warning) => ({ type: warning.type, message: warning.message })) };
    results.set(key, result);
  }
  return structuredClone(result);
}

/** FEEL values as the connector sees JSON: durations and dates become strings. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return String(value);
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, toPlain(inner)]));
  }
  return value;
}
