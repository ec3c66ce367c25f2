/**
 * Low-level scanning shared by the parser and the value readers. Every
 * function moves forward only, so parsing stays linear in the query length.
 */
import type { TextQueryKind } from './ast';

export const SCRIPT_PREFIX = 'javascript:';

/**
 * How each text search is written (its name and the `=`). The IR_ forms are
 * GlideRecord's search operators (codecreative.io/blog/gliderecord-full-text-search-explained,
 * snprotips.com/blog/2017/6/4/powerful-text-search-in-scripted-glide-record;
 * ServiceNowDocs api-reference/rest-apis/change-management-api.md: textSearch "defaults to IR_AND_OR_QUERY").
 */
export const TEXT_QUERY_KEYWORDS: Readonly<Record<TextQueryKind, string>> = {
  TEXTQUERY: '123TEXTQUERY321=',
  TEXTINDEXGROUP: '123TEXTINDEXGROUP321=',
  IR_AND_QUERY: 'IR_AND_QUERY=',
  IR_OR_QUERY: 'IR_OR_QUERY=',
  IR_AND_OR_QUERY: 'IR_AND_OR_QUERY='
};

/**
 * The relevance a text search gives each record, a column of the results
 * only: Service Portal search widget scripts sort by it
 * (`orderByDesc("ir_query_score")`, code index find_string id 28393109693),
 * as do Table API clients (`ORDERBYDESCir_query_score`, id 65864480651).
 */
export const TEXT_SEARCH_SCORE = 'ir_query_score';

/**
 * Number of consecutive `^` at `position`, counting at most `limit`: callers
 * that only compare the run with a depth must not rescan a long run of
 * carets once per separator (that would be quadratic).
 */
export function caretRun(text: string, position: number, limit = Number.POSITIVE_INFINITY): number {
  let end = position;
  while (end - position < limit && text.charCodeAt(end) === 94 /* ^ */) {
    end++;
  }
  return end - position;
}

/**
 * How many carets of a run of `run` inside a value are an escaped caret
 * (`^^` for a literal `^`, GlideStringUtil.escapeQueryTermSeparator) rather
 * than a separator: at top level every pair; at `depth` 2 and more (JOIN
 * conditions, nested SUBQUERY) a run longer than the separator. `depth` 0
 * is a value already cut at its separator: every caret left in it is escaped.
 */
export function escapedCarets(run: number, depth: number): number {
  if (depth === 0) return run;
  if (depth === 1) return run - (run % 2);
  return run > depth ? run : 0;
}

export interface ScriptEnd {
  end: number;
  /** False when a quote or bracket is still open at `limit`. */
  closed: boolean;
  /** The script holds an escaped caret (`^^`), read past as part of it. */
  escapedCaret?: true;
}

/**
 * Where a `javascript:` value that starts at `from` ends: at the first
 * character of `stops` outside quotes and brackets, at any `^` that
 * separates terms at `depth` (even inside quotes: that keeps scanning linear
 * and reports a script broken by a caret as unclosed), or at `limit`. An
 * escaped caret (`^^` at top level, see escapedCarets) is part of the script.
 * Scripts may contain `@`, `,`, `(`, `)` and quotes (`gs.dateGenerate('2017-05-01','start')`).
 */
export function scriptEnd(text: string, from: number, limit: number, stops: string, caretDepth: number): ScriptEnd {
  let quote = '';
  let depth = 0;
  let escapedCaret = false;
  for (let i = from + SCRIPT_PREFIX.length; i < limit; i++) {
    const char = text.charAt(i);
    if (char === '^') {
      const run = caretRun(text, i);
      const escaped = escapedCarets(run, caretDepth);
      if (escaped < run) return { end: i + escaped, closed: quote === '' && depth === 0, ...(escapedCaret || escaped > 0 ? { escapedCaret: true } : {}) };
      escapedCaret = true;
      i += run - 1;
      continue;
    }
    if (quote) {
      if (char === '\\') {
        i++;
      } else if (char === quote) {
        quote = '';
      }
    } else if (char === '"' || char === "'" || char === '`') {
      quote = char;
    } else if (char === '(' || char === '[' || char === '{') {
      depth++;
    } else if ((char === ')' || char === ']' || char === '}') && depth > 0) {
      depth--;
    } else if (depth === 0 && stops.includes(char)) {
      return { end: i, closed: true, ...(escapedCaret ? { escapedCaret: true } : {}) };
    }
  }
  return { end: limit, closed: quote === '' && depth === 0, ...(escapedCaret ? { escapedCaret: true } : {}) };
}

export function isScriptAt(text: string, position: number): boolean {
  // Most values do not start with the prefix's `j`: skip the string compare for them.
  return text.charCodeAt(position) === 106 && text.startsWith(SCRIPT_PREFIX, position);
}

const SCRIPT_SPELT_OTHERWISE = /^\s*javascript:/i;

/**
 * ` javascript:…`, `JavaScript:…`: a script but for the spaces before it or
 * the case of its prefix. No doc says whether the instance runs it; either
 * way its text is no value to look up.
 */
export function looksLikeScript(text: string): boolean {
  return (text.charCodeAt(0) === 32 || text.charCodeAt(0) === 74 || text.charCodeAt(0) === 106) && SCRIPT_SPELT_OTHERWISE.test(text);
}

/** Lowercase letters, digits, `_`, `.` and `$`: what ServiceNow column names and dot-walks are made of. */
export function isNameChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || code === 46 || code === 36;
}

/** Where the run of name characters starting at `from` ends. */
export function nameEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && isNameChar(text.charCodeAt(end))) end++;
  return end;
}

/**
 * Zero-width characters that web pages carry into copied text (the
 * ServiceNow docs' own reservation API example has one after a sys_id).
 * Not U+200C/U+200D, which some scripts and emoji need.
 */
export function isInvisible(code: number): boolean {
  return code === 0x200b || code === 0x2060 || code === 0xfeff;
}

/**
 * `ORDERBYASCsys_created_on`: ASC is no ServiceNow keyword (ORDERBY sorts ascending),
 * so the field read is "ASCsys_created_on" and the instance drops the sort
 * (public code that emitted it, code index find_string id 58535953909).
 */
export function isAscendingPrefix(field: string): boolean {
  return field.length > 3 && field.startsWith('ASC') && isLowerLetter(field.charCodeAt(3));
}

export function isLowerLetter(code: number): boolean {
  return code >= 97 && code <= 122;
}

export function isUpperLetter(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** One part of a value split on `@` or `,`: its range. */
export interface Part {
  start: number;
  end: number;
}

/**
 * Splits `[start, end)` on `separator`, keeping `javascript:` parts whole
 * even when they contain the separator inside quotes or brackets.
 */
export function splitParts(text: string, start: number, end: number, separator: string): Part[] {
  const parts: Part[] = [];
  let partStart = start;
  let i = start;
  while (i <= end) {
    if (i === partStart && isScriptAt(text, i)) {
      // The value is cut at its separator already: a caret left in it is escaped.
      i = scriptEnd(text, i, end, separator, 0).end;
      continue;
    }
    if (i === end || text.charAt(i) === separator) {
      parts.push({ start: partStart, end: i });
      partStart = i + 1;
    }
    i++;
  }
  return parts;
}

/**
 * Stands for a part of a FEEL expression that is only known at runtime
 * (`="caller_id=" + id`). A private-use character: never in a real query.
 */
export const OPAQUE = '\uE000';
