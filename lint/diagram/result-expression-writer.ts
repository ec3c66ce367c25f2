/**
 * Writes the output helper's entries into a task's result expression (see
 * result-expression.ts, which reads them): apart from the reading, which the
 * lint rules run in every tab, since only the panel's helpers, fetched in
 * their own chunks, write.
 */
import { deferUnexpectedAnswer, type GuardedAnswer } from '../../core/template/answer-guard';
import type { FeelParser } from '../../core/feel/tree';
import { contextEntries, isHelperEntry, numberVariableFor, unguarded } from './result-expression';

/** A column's stored value; with `sysparm_display_value=all` the column is a `{value, display_value}` context. */
const storedValue = (path: string) => `(if ${path} instance of context then ${path}.value else ${path})`;

/**
 * The result expression with the helper's entries set to `sysIdVariable`
 * (and its number variable when `withNumber`), inside the answer check of
 * `rule` when given (else of the check it already has). Returns undefined
 * when the existing expression is not a FEEL context the helper can extend.
 */
export function writeOutputVariables(expression: string | undefined, sysIdVariable: string, withNumber: boolean, feel: FeelParser, rule?: GuardedAnswer): string | undefined {
  const entries = [`${sysIdVariable}: ${storedValue('body.result.sys_id')}`];
  if (withNumber) entries.push(`${numberVariableFor(sysIdVariable)}: ${storedValue('body.result.number')}`);
  const { mapping, guard } = unguarded(expression, feel);
  if (!mapping || mapping === '=') return written(entries, rule ?? guard);
  const existing = contextEntries(mapping, feel);
  if (!existing) return undefined;
  return written([...entries, ...existing.filter((entry) => !isHelperEntry(entry)).map((entry) => entry.text)], rule ?? guard);
}

/** The expression without the helper's entries (undefined when nothing is left), its other entries kept inside the answer check. */
export function removeOutputVariables(expression: string | undefined, feel: FeelParser, rule?: GuardedAnswer): string | undefined {
  const existing = contextEntries(expression, feel);
  if (!existing) return expression;
  const others = existing.filter((entry) => !isHelperEntry(entry));
  return others.length ? written(others.map((entry) => entry.text), rule ?? unguarded(expression, feel).guard) : undefined;
}

/** A context of the entries; inside an answer check one entry a line, since the check's condition already makes the first line long. */
function written(entries: string[], guard: GuardedAnswer | undefined): string {
  return guard ? deferUnexpectedAnswer(`={\n  ${entries.join(',\n  ')}\n}`, guard) : `={${entries.join(', ')}}`;
}
