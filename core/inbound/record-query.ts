import { checkFeelQuery, checkQuery } from '../query/check';
import type { CheckOptions, CheckResult } from '../query/check-result';
import type { Diagnostic } from '../query/diagnostics';
import type { ElementTemplate, TemplateProperty } from '../template/types';
import { NO_RECORD_QUERY, sysIdTerm, withFallback, withoutFallback } from './sys-id-query';
import { isWaitTemplate } from './template-kind';
import { WAIT_QUERY_PROPERTY_ID } from './wait-template';
import { feelCommentEnd } from '../feel/comments';

/** The record query property of a wait template. */
export function recordQueryProperty(template: ElementTemplate): TemplateProperty | undefined {
  return isWaitTemplate(template) ? template.properties.find((property) => property.id === WAIT_QUERY_PROPERTY_ID) : undefined;
}

/**
 * The value expression of the `sysparm_query` entry of a FEEL context
 * (`={"sysparm_query": <expression>, …}`), with its offset in `value`: an
 * entry of the context itself, its key quoted or not (not a key inside a
 * string, a comment or a nested context), ending at the next comma or brace
 * of the context. FEEL comments (line and block) are skipped: Desktop's FEEL
 * editor takes them.
 */
export function sysparmQueryEntry(value: string): { expression: string; start: number } | undefined {
  // A context written without its `=` (a static value) is read too, as it always was.
  const open = /^\s*(?:=\s*)?\{/.exec(value);
  if (!open) return undefined;
  let entryStart: number | undefined;
  let atKey = true;
  let depth = 0;
  for (let i = open[0].length; i < value.length; i++) {
    const skipped = feelCommentEnd(value, i);
    if (skipped !== i) {
      i = skipped - 1;
      continue;
    }
    const char = value.charAt(i);
    if (atKey && depth === 0 && entryStart === undefined && !/\s/.test(char)) {
      atKey = false;
      const key = /^(?:"sysparm_query"|sysparm_query)\s*:\s*/.exec(value.slice(i));
      if (key) {
        entryStart = skipSpace(value, i + key[0].length);
        i = entryStart - 1;
        continue;
      }
    }
    if (char === '"') {
      for (i++; i < value.length && value.charAt(i) !== '"'; i++) if (value.charAt(i) === '\\') i++;
    } else if (char === '(' || char === '[' || char === '{') {
      depth++;
    } else if ((char === ')' || char === ']' || char === '}') && depth > 0) {
      depth--;
    } else if ((char === ',' || char === '}') && depth === 0) {
      if (entryStart !== undefined) return entry(value, entryStart, i);
      if (char === '}') return undefined;
      atKey = true;
    }
  }
  return entryStart === undefined ? undefined : entry(value, entryStart, value.length);
}

function entry(value: string, start: number, end: number): { expression: string; start: number } {
  return { expression: value.slice(start, end).replace(/(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)+$/, ''), start };
}

/** The offset of the first character at or after `i` that is neither a space nor in a comment. */
function skipSpace(value: string, i: number): number {
  for (;;) {
    while (i < value.length && /\s/.test(value.charAt(i))) i++;
    const skipped = feelCommentEnd(value, i);
    if (skipped === i) return i;
    i = skipped;
  }
}

/**
 * Checks the encoded query inside a wait template's record query, with
 * diagnostics at their offsets in the whole FEEL value (so fixes apply to it).
 */
export function checkRecordQuery(value: string, options: CheckOptions = {}): CheckResult {
  const entry = sysparmQueryEntry(value);
  // A variable, a function call or an if-expression may evaluate to a context with the query: known only at runtime.
  if (!entry && isComputedContext(value)) return { ...checkQuery('', options), explanation: '', explanationItems: [], diagnostics: [], computed: true };
  if (!entry) {
    return {
      ...checkQuery('', options),
      ok: false,
      explanation: '',
      explanationItems: [],
      diagnostics: [{ severity: 'error', code: 'syntax.feel', start: 0, end: value.length, message: 'Give a FEEL context with a "sysparm_query" entry, e.g. ={"sysparm_query": "sys_id=" + incidentSysId + "^active=true"}.' }]
    };
  }
  // The generated query wraps the concatenation in get or else(…, "sys_idISEMPTY"): check the query it sends when the sys_id is there.
  const query = withoutFallback(entry.expression);
  const result = checkFeelQuery(`=${query.expression}`, options);
  const shift = entry.start + query.start - 1;
  return { ...result, diagnostics: result.diagnostics.map((diagnostic) => ({ ...diagnostic, start: diagnostic.start + shift, end: diagnostic.end + shift })) };
}

/**
 * Checks a wait template's record query (checkRecordQuery), and warns when it
 * names its record by a sys_id variable without the fallback: only the polling
 * connector binds it against the root variables alone.
 */
export function checkWaitQuery(value: string, options: CheckOptions = {}): CheckResult {
  const result = checkRecordQuery(value, options);
  const entry = sysparmQueryEntry(value);
  // Only in a context literal: a computed record query (an if-expression...) is left alone, as above.
  const unguarded = entry && !withoutFallback(entry.expression).guarded && /^\s*=\s*\{/.test(value) ? missingFallback(entry) : undefined;
  return unguarded ? { ...result, diagnostics: [unguarded, ...result.diagnostics] } : result;
}

/** A query naming its record by a sys_id variable without the fallback (core/inbound/sys-id-query.ts says why it matters). */
function missingFallback(entry: { expression: string; start: number }): Diagnostic | undefined {
  const term = sysIdTerm(entry.expression);
  if (!term) return undefined;
  return {
    severity: 'warning', code: 'value.sys-id-fallback', start: entry.start, end: entry.start + entry.expression.length, suggestion: withFallback(entry.expression),
    message: `Wrap the query in get or else(…, "${NO_RECORD_QUERY}"): if the connector does not see ${term.variable} (set inside a subprocess or multi-instance body), the query is null and goes out without the sys_id, so another record can wake another process.`
  };
}

/**
 * Whether a FEEL value computes its context rather than writing one: only a
 * context literal (`={...}`) without the entry, or a literal of another type
 * (string, number, list), is known to lack the query.
 */
function isComputedContext(value: string): boolean {
  const expression = /^\s*=\s*([\s\S]*)$/.exec(value)?.[1];
  return expression !== undefined && expression !== '' && !/^[{"[\d-]/.test(expression);
}

/**
 * The record query waiting for the record in `variable` instead: the sys_id
 * sits in the query and in the correlation key, and both must name the same
 * variable. Undefined when the query names its record some other way.
 */
export function recordQueryWithSysId(value: string, variable: string): string | undefined {
  const term = sysIdTerm(value);
  return term && value.slice(0, term.start) + variable + value.slice(term.end);
}
