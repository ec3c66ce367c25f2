import { outputVariableNames } from '../../core/template/output';

/**
 * The output helper's part of a task's result expression: a FEEL context
 * entry storing the record's sys_id (and number) in process variables, e.g.
 * `={incidentSysId: body.result.sys_id, ...}` (written display-value safe, as
 * the generator's preset does).
 * The REST connector evaluates the result expression with the response in
 * scope (`body`, also as `response.body`). Entries written by the user are
 * kept; only the helper's own entries are added, renamed or removed.
 */

/** `incident` → `incidentSysId`, `sc_req_item` → `scReqItemSysId` (the generator's names). */
export function defaultSysIdVariable(table: string): string {
  return outputVariableNames(table).sysId;
}

/** `incidentSysId` → `incidentNumber`; any other name gets `Number` appended. */
export function numberVariableFor(sysIdVariable: string): string {
  return sysIdVariable.endsWith('SysId') ? `${sysIdVariable.slice(0, -'SysId'.length)}Number` : `${sysIdVariable}Number`;
}

/** A name FEEL accepts as a context key and a variable without quoting. */
export function isValidVariableName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

/** A column's stored value; with `sysparm_display_value=all` the column is a `{value, display_value}` context. */
const storedValue = (path: string) => `(if ${path} instance of context then ${path}.value else ${path})`;
const SYS_ID_PATH = /(?:^|[^A-Za-z0-9_.])(?:response\.)?body\.result\.sys_id(?![A-Za-z0-9_])/;
const NUMBER_PATH = /(?:^|[^A-Za-z0-9_.])(?:response\.)?body\.result\.number(?![A-Za-z0-9_])/;

interface Entry { key: string; value: string; text: string }

/** The entries of a `={...}` FEEL context, or undefined when the expression is something else. */
function contextEntries(expression: string | undefined): Entry[] | undefined {
  const body = /^=\s*\{([\s\S]*)\}\s*$/.exec(expression?.trim() ?? '')?.[1];
  if (body === undefined) return undefined;
  return splitEntries(body).map((text) => {
    const colon = text.indexOf(':');
    return { key: text.slice(0, colon).trim().replace(/^"(.*)"$/, '$1'), value: text.slice(colon + 1).trim(), text };
  });
}

const isHelperEntry = (entry: Entry) => SYS_ID_PATH.test(entry.value) || NUMBER_PATH.test(entry.value);

/** The variables that the expression's entries fill from the record's sys_id and number. */
export function readOutputVariables(expression: string | undefined): { sysId?: string; number?: string } {
  const entries = contextEntries(expression) ?? [];
  const sysId = entries.find((entry) => SYS_ID_PATH.test(entry.value))?.key;
  const number = entries.find((entry) => NUMBER_PATH.test(entry.value))?.key;
  return { ...(sysId ? { sysId } : {}), ...(number ? { number } : {}) };
}

/**
 * The result expression with the helper's entries set to `sysIdVariable`
 * (and its number variable when `withNumber`). Returns undefined when the
 * existing expression is not a FEEL context the helper can extend.
 */
export function writeOutputVariables(expression: string | undefined, sysIdVariable: string, withNumber: boolean): string | undefined {
  const entries = [`${sysIdVariable}: ${storedValue('body.result.sys_id')}`];
  if (withNumber) entries.push(`${numberVariableFor(sysIdVariable)}: ${storedValue('body.result.number')}`);
  const trimmed = expression?.trim() ?? '';
  if (!trimmed || trimmed === '=') return `={${entries.join(', ')}}`;
  const existing = contextEntries(trimmed);
  if (!existing) return undefined;
  return `={${[...entries, ...existing.filter((entry) => !isHelperEntry(entry)).map((entry) => entry.text)].join(', ')}}`;
}

/** The expression without the helper's entries (undefined when nothing is left). */
export function removeOutputVariables(expression: string | undefined): string | undefined {
  const existing = contextEntries(expression);
  if (!existing) return expression;
  const others = existing.filter((entry) => !isHelperEntry(entry));
  return others.length ? `={${others.map((entry) => entry.text).join(', ')}}` : undefined;
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
