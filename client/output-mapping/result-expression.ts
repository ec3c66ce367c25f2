/**
 * The output helper's part of a task's result expression: a FEEL context
 * entry storing the record's sys_id (and number) in process variables, e.g.
 * `={incidentSysId: body.result.sys_id, incidentNumber: body.result.number}`.
 * The REST connector evaluates the result expression with the response in
 * scope (`body`, also as `response.body`). Entries written by the user are
 * kept; only the helper's own entries are added, renamed or removed.
 */

/** `incident` → `incidentSysId`, `sc_req_item` → `scReqItemSysId`. */
export function defaultSysIdVariable(table: string): string {
  const camel = table.toLowerCase().replace(/[^a-z0-9]+([a-z0-9])/g, (_, next: string) => next.toUpperCase()).replace(/[^A-Za-z0-9]/g, '');
  return `${/^[0-9]/.test(camel) ? `t${camel}` : camel || 'record'}SysId`;
}

/** `incidentSysId` → `incidentNumber`; any other name gets `Number` appended. */
export function numberVariableFor(sysIdVariable: string): string {
  return sysIdVariable.endsWith('SysId') ? `${sysIdVariable.slice(0, -'SysId'.length)}Number` : `${sysIdVariable}Number`;
}

/** A name FEEL accepts as a context key and a variable without quoting. */
export function isValidVariableName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

const SYS_ID_PATH = 'body.result.sys_id';
const NUMBER_PATH = 'body.result.number';
const ENTRY = (path: string) => new RegExp(`([A-Za-z_][A-Za-z0-9_]*)\\s*:\\s*(?:response\\.)?${path.replace(/\./g, '\\.')}(?![A-Za-z0-9_.])`);

/** The variables the helper's entries name in a result expression. */
export function readOutputVariables(expression: string | undefined): { sysId?: string; number?: string } {
  if (!expression) return {};
  const sysId = ENTRY(SYS_ID_PATH).exec(expression)?.[1];
  const number = ENTRY(NUMBER_PATH).exec(expression)?.[1];
  return { ...(sysId ? { sysId } : {}), ...(number ? { number } : {}) };
}

/**
 * The result expression with the helper's entries set to `sysIdVariable`
 * (and its number variable when `withNumber`). Returns undefined when the
 * existing expression is not a FEEL context the helper can extend.
 */
export function writeOutputVariables(expression: string | undefined, sysIdVariable: string, withNumber: boolean): string | undefined {
  const entries = [`${sysIdVariable}: ${SYS_ID_PATH}`, ...(withNumber ? [`${numberVariableFor(sysIdVariable)}: ${NUMBER_PATH}`] : [])];
  const trimmed = expression?.trim() ?? '';
  if (!trimmed || trimmed === '=' ) return `={${entries.join(', ')}}`;
  const context = /^=\s*\{([\s\S]*)\}\s*$/.exec(trimmed);
  if (!context) return undefined;
  const others = splitEntries(context[1] ?? '').filter((entry) => !ENTRY(SYS_ID_PATH).test(entry) && !ENTRY(NUMBER_PATH).test(entry));
  return `={${[...entries, ...others].join(', ')}}`;
}

/** The expression without the helper's entries (undefined when nothing is left). */
export function removeOutputVariables(expression: string | undefined): string | undefined {
  const context = expression && /^=\s*\{([\s\S]*)\}\s*$/.exec(expression.trim());
  if (!context) return expression;
  const others = splitEntries(context[1] ?? '').filter((entry) => !ENTRY(SYS_ID_PATH).test(entry) && !ENTRY(NUMBER_PATH).test(entry));
  return others.length ? `={${others.join(', ')}}` : undefined;
}

/** Splits the top-level entries of a FEEL context body (commas inside brackets and strings stay). */
function splitEntries(body: string): string[] {
  const entries: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let index = 0; index < body.length; index++) {
    const char = body[index];
    if (quoted) {
      if (char === '\\') index++;
      else if (char === '"') quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === '{' || char === '[' || char === '(') depth++;
    else if (char === '}' || char === ']' || char === ')') depth--;
    else if (char === ',' && depth === 0) {
      entries.push(body.slice(start, index));
      start = index + 1;
    }
  }
  entries.push(body.slice(start));
  return entries.map((entry) => entry.trim()).filter(Boolean);
}
