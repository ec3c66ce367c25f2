/**
 * The one home of how a wait template's encoded query names its record:
 * `get or else("sys_id=" + <variable> + "^<condition>", "sys_idISEMPTY")`.
 * The generator writes it, the record query check reads the concatenation
 * inside it, and the sys_id picker renames the variable in it.
 *
 * Why the fallback: the polling connector binds the query against the root
 * process variables only (connectors 8.8.16 `SearchQueryClientImpl.queryVariables`,
 * scopeKey = processInstanceKey). A variable it does not see is null, and
 * `"sys_id=" + null` is null (feel-scala 1.22 `FeelInterpreter.addOp` fails on
 * the types, `withValOrNull` makes it null), so the whole concatenation is
 * null. The HTTP client would send that as a bare `sysparm_query`
 * (`ApacheRequestQueryParametersBuilder.build` adds each parameter as given),
 * the Table API would filter nothing and another record's sys_id would become
 * the message's correlation key. `get or else` (feel-scala
 * `BooleanBuiltinFunctions.getOrElse`, since 1.17) turns that null into a query
 * that matches no record: every record has a sys_id (ServiceNow docs
 * c_UniqueRecordIdentifier), and ISEMPTY matches only empty values
 * (r_OpAvailableFiltersQueries), so the poll returns nothing and the event waits.
 */

/** The query sent when the sys_id is not there: no record matches it. */
export const NO_RECORD_QUERY = 'sys_idISEMPTY';

/** The record query's `sysparm_query` value for the record in `variable` matching `condition`. */
export function sysIdQueryExpression(variable: string, condition: string): string {
  return withFallback(`"sys_id=" + ${variable} + "^${condition.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);
}

/** `query` with the fallback around it. */
export function withFallback(query: string): string {
  return `get or else(${query}, "${NO_RECORD_QUERY}")`;
}

/** `"sys_id=" + <variable>`: the term naming the record, inside the fallback or not. */
const SYS_ID_TERM = /("sys_id="\s*\+\s*)([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)/;

/** The variable a record query names its record with, and where that name sits in `value`. */
export function sysIdTerm(value: string): { variable: string; start: number; end: number } | undefined {
  const match = SYS_ID_TERM.exec(value);
  if (!match?.[1] || !match[2]) return undefined;
  const start = match.index + match[1].length;
  return { variable: match[2], start, end: start + match[2].length };
}

const FALLBACK_START = /^get\s+or\s+else\s*\(\s*/;
const FALLBACK_END = /\s*,\s*"(?:[^"\\]|\\.)*"\s*\)\s*$/;

/**
 * The query inside `get or else(<query>, "<fallback>")`, with its offset in
 * `expression`; the expression itself when it has no fallback.
 */
export function withoutFallback(expression: string): { expression: string; start: number; guarded: boolean } {
  const start = FALLBACK_START.exec(expression);
  const end = start && FALLBACK_END.exec(expression.slice(start[0].length));
  if (!start || !end) return { expression, start: 0, guarded: false };
  return { expression: expression.slice(start[0].length, start[0].length + end.index), start: start[0].length, guarded: true };
}
