/**
 * FEEL through feelin, with the feel-scala behaviour the templates rely on
 * where feelin differs (README, "What the runtime does with a template").
 * Sources: camunda/feel-scala 1.19.3 .. main (1.22.0-SNAPSHOT), the same in
 * each for what is modelled here; paths below are under
 * src/main/scala/org/camunda/feel/.
 * - `assert(value, condition[, cause])` (1.18+,
 *   impl/builtin/BooleanBuiltinFunctions.scala:57) fails the evaluation
 *   unless the condition is true, however deep it sits (FeelEngine.scala:170
 *   fails on any recorded ASSERT_FAILURE); feelin has no `assert`.
 * - `if` takes the else branch for any condition that is not true, a string
 *   or a context included (impl/interpreter/FeelInterpreter.scala:136
 *   `withBooleanOrFalse`); feelin takes the then branch for anything but
 *   false and null.
 * - A filter `x[...]` on a value that is not a list is null
 *   (FeelInterpreter.scala:210 `withList` → `withValOrNull`); feelin treats
 *   the value as a list of one.
 * - `string`, `number`, `matches`, `replace`, `count`, `context` and `get or else` follow
 *   feel-scala's builtins (see FEEL_SCALA_BUILTINS).
 * - A missing variable or context entry is null with a warning in both
 *   (feel-scala FeelInterpreter; the connector runtime's FeelEngineWrapper
 *   only throws on a failed evaluation). Warnings are returned so a caller
 *   can be stricter than the runtime.
 */
import { evaluate, FeelDuration, parseExpression } from 'feelin';
import { javaPattern, JavaRegexError, javaReplaceAll } from './java-regex';

/** A FEEL evaluation that fails (in Zeebe an incident, in the connector runtime a failed job). */
export class FeelFailure extends Error {}

/** The proof cannot model this call as feel-scala would run it: fix the proof. */
export class UnmodelledFeel extends Error {}

export interface FeelResult {
  value: unknown;
  warnings: { type: string; message: string }[];
}

function isContext(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

/** impl/builtin/ConversionBuiltinFunctions.scala:244 `toString`, with syntaxtree/Val.scala's toString of each value. */
function feelScalaToString(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  // ValString.toString quotes without escaping (Val.scala:121)
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return `[${value.map(feelScalaToString).join(', ')}]`;
  // `$key:$asString`, joined by ", " (the entry order of a Scala Map: insertion order up to 4 entries)
  if (isContext(value)) return `{${Object.entries(value).map(([key, inner]) => `${key}:${feelScalaToString(inner)}`).join(', ')}}`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // durations print unlike feelin's ISO text (Val.scala:257: `P0D` for zero, seconds without their fraction); no template prints one
  throw new UnmodelledFeel(`string() of ${value instanceof FeelDuration ? 'a duration' : String(value)} is not modelled`);
}

/** java.math.BigDecimal(String), which `number` parses with (package.scala:68 `stringToNumber`). */
const JAVA_BIG_DECIMAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

function onlyArguments(name: string, count: number, args: unknown[]): void {
  if (args.filter((arg) => arg !== undefined).length > count) throw new UnmodelledFeel(`${name} with ${args.length} arguments is not modelled`);
}

/** A Java regex call as feel-scala makes it: a pattern Java refuses is null (StringBuiltinFunctions.scala:139 `recover`). */
function withJavaRegex<T>(call: () => T): T | null {
  try {
    return call();
  } catch (error) {
    if (error instanceof JavaRegexError) return null;
    throw error;
  }
}

const FEEL_SCALA_BUILTINS = {
  assert: (value: unknown, condition: unknown, cause?: unknown) => {
    if (condition !== true) throw new FeelFailure(typeof cause === 'string' ? cause : 'The condition is not fulfilled');
    return value;
  },
  /** BooleanBuiltinFunctions.scala `getOrElse` (1.17+): the default for null, else the value itself. */
  'get or else': (value: unknown, fallback: unknown, ...rest: unknown[]) => {
    onlyArguments('get or else', 0, rest);
    return value === null || value === undefined ? fallback : value;
  },
  /** ConversionBuiltinFunctions.scala:235: null stays null, a string itself, anything else its toString. */
  string: (from: unknown, ...rest: unknown[]) => {
    onlyArguments('string', 0, rest);
    if (from === null || from === undefined) return null;
    return typeof from === 'string' ? from : feelScalaToString(from);
  },
  /** ConversionBuiltinFunctions.scala:179: only a string, parsed as a BigDecimal, else null. */
  number: (from: unknown, ...rest: unknown[]) => {
    onlyArguments('number', 0, rest);
    return typeof from === 'string' && JAVA_BIG_DECIMAL.test(from) ? Number(from) : null;
  },
  /** StringBuiltinFunctions.scala:205: Pattern.compile(pattern).matcher(input).find. */
  matches: (input: unknown, pattern: unknown, ...rest: unknown[]) => {
    onlyArguments('matches', 0, rest);
    if (typeof input !== 'string' || typeof pattern !== 'string') return null;
    return withJavaRegex(() => javaPattern(pattern).test(input));
  },
  /** StringBuiltinFunctions.scala:131: Matcher.replaceAll with Java's replacement syntax. */
  replace: (input: unknown, pattern: unknown, replacement: unknown, ...rest: unknown[]) => {
    onlyArguments('replace', 0, rest);
    if (typeof input !== 'string' || typeof pattern !== 'string' || typeof replacement !== 'string') return null;
    return withJavaRegex(() => javaReplaceAll(input, pattern, replacement));
  },
  /** ListBuiltinFunctions.scala:96: only a list has a count. */
  count: (list: unknown, ...rest: unknown[]) => {
    onlyArguments('count', 0, rest);
    return Array.isArray(list) ? list.length : null;
  },
  /**
   * ContextBuiltinFunctions.scala:190: a list of contexts each with a string
   * `key` and a `value` entry (else null); a later entry of a key wins (`toMap`).
   */
  context: (entries: unknown, ...rest: unknown[]) => {
    onlyArguments('context', 0, rest);
    if (!Array.isArray(entries) || !entries.every((entry) => isContext(entry) && typeof entry.key === 'string' && 'value' in entry)) return null;
    return Object.fromEntries((entries as { key: string; value: unknown }[]).map((entry) => [entry.key, entry.value]));
  }
};

interface SyntaxNode {
  name: string;
  from: number;
  to: number;
  firstChild: SyntaxNode | null;
  nextSibling: SyntaxNode | null;
}

/**
 * The expression with feel-scala's `if` and filter: `if C` becomes
 * `if (C) = true` (feelin's `=` is null for a non-boolean, and null is
 * false to its `if`), and `T[F]` becomes
 * `(if (T) instance of list then (T) else null)[F]`.
 */
function withFeelScalaControl(text: string, variables: Record<string, unknown>): string {
  const rewrite = (node: SyntaxNode): string => {
    const children: SyntaxNode[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
    if (children.length === 0) return text.slice(node.from, node.to);
    const parts = children.map(rewrite);
    const names = children.map((child) => child.name);
    if (node.name === 'IfExpression' && names[0] === 'if') parts[1] = `(${parts[1]}) = true`;
    if (node.name === 'FilterExpression' && names[1] === '[') parts[0] = `(if (${parts[0]}) instance of list then (${parts[0]}) else null)`;
    let out = '';
    let at = node.from;
    children.forEach((child, index) => {
      out += text.slice(at, child.from) + parts[index];
      at = child.to;
    });
    return out + text.slice(at, node.to);
  };
  const tree = parseExpression(text, variables, undefined) as unknown as { topNode: SyntaxNode };
  return rewrite(tree.topNode);
}

const rewritten = new Map<string, string>();

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
    const variables = { ...FEEL_SCALA_BUILTINS, ...used };
    const rewriteKey = `${text}\u0000${Object.keys(variables).join(',')}`;
    let feelScalaText = rewritten.get(rewriteKey);
    if (feelScalaText === undefined) {
      feelScalaText = withFeelScalaControl(text, variables);
      rewritten.set(rewriteKey, feelScalaText);
    }
    const evaluated = evaluate(feelScalaText, variables);
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
