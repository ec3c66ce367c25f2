/**
 * The encoded-query engine: parse, print, validate against table metadata,
 * explain. Pure TypeScript (no DOM, no Node): shared by the Modeler plugin,
 * the bpmnlint rule, the CLI and the Table API emulator.
 */
import type { QueryAst } from './ast';
import type { Diagnostic } from './diagnostics';
import { parse } from './parser';
import { print } from './printer';
import * as check from './check';
import { explain, explainWithItems } from './explain';
import type { CheckOptions, CheckResult } from './check-result';

export type * from './ast';
export type { Diagnostic, DiagnosticCode, Severity } from './diagnostics';
export { DIAGNOSTIC_CODES, diagnosticCodes } from './diagnostics';
export { OPERATORS, operatorInfo } from './operators';
export { OPAQUE } from './scan';
export { applySuggestion, applySuggestions } from './fix';
export type { OperatorInfo } from './operators';
export { complete, completeFeelQuery } from './complete';
export type { Completion, CompletionKind, CompleteOptions } from './complete';
export type { CheckOptions, CheckResult, Explainer } from './check-result';
export { hasUrlQuery } from './url-query';

/** Parses any string into a tree plus syntax diagnostics. Never throws. */
export function parseQuery(text: string): { ast: QueryAst; diagnostics: Diagnostic[] } {
  return parse(text);
}

/** Turns a tree back into an encoded query (`printQuery(parseQuery(q).ast) === q`). */
export function printQuery(ast: QueryAst): string {
  return print(ast);
}

/** Parses and, given a table and metadata, validates fields, operators and values; explains the query in plain words. */
export function checkQuery(text: string, options: CheckOptions = {}): CheckResult {
  return check.checkQuery(text, explained(options));
}

/**
 * Checks a `sysparm_query` value that is a FEEL expression (`="active=true^caller_id=" + id`):
 * the string literals it concatenates are checked, every other part is an
 * opaque runtime value (see check.ts).
 */
export function checkFeelQuery(value: string, options: CheckOptions = {}): CheckResult {
  return check.checkFeelQuery(value, explained(options));
}

/** Checks the `sysparm_query` parameter of a URL, plain or a FEEL expression (see check.ts); undefined when the URL has none. */
export function checkUrlQuery(url: string, options: CheckOptions = {}): CheckResult | undefined {
  return check.checkUrlQuery(url, explained(options));
}

/**
 * The engine's entry explains every query it checks, unless the caller
 * brings its own explainer. One copy per options object: callers check many
 * queries with the same options, and a fresh object per call costs more
 * than the check of a short query.
 */
const withExplainer = new WeakMap<CheckOptions, CheckOptions>();
function explained(options: CheckOptions): CheckOptions {
  if (options.explainer) return options;
  let found = withExplainer.get(options);
  if (!found) withExplainer.set(options, (found = { ...options, explainer: explainWithItems }));
  return found;
}

/** The query in plain words. */
export function explainQuery(ast: QueryAst, options: CheckOptions = {}): string {
  return explain(ast, options);
}
