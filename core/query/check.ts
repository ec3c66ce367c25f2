/**
 * Checking a query: parse, validate, and explain only when the options bring
 * an explainer (core/query/explain.ts). The engine's entry (index.ts) always
 * does; the plugin's lint and panel check without one, so the explanation
 * code stays out of the script every Desktop tab loads and comes with the
 * panel chunk that shows it.
 */
import type { Diagnostic } from './diagnostics';
import { parse } from './parser';
import { validate } from './validate/validate';
import { checkFeel } from './feel';
import { checkAsSent } from './sent-text';
import { checkUrlText } from './url-query';
import { hasError } from './diagnostics';
import type { CheckOptions, CheckResult } from './check-result';

const NO_EXPLANATION = { explanation: '', items: [] as string[] };

/** Parses and, given a table and metadata, validates fields, operators and values; explains with `options.explainer`. */
export function checkQuery(text: string, options: CheckOptions = {}): CheckResult {
  if (options.spacesRemoved || text.includes('{{')) return checkAsSent(text, options, checkText);
  return checkText(text, options);
}

/** Checks the text exactly as given. */
function checkText(text: string, options: CheckOptions): CheckResult {
  const { ast, diagnostics } = parse(text);
  const checked = validate(ast, text, options);
  const all = checked.length === 0 ? diagnostics : diagnostics.length === 0 ? checked : diagnostics.concat(checked);
  if (all.length > 1 && !inOrder(all)) all.sort(byPosition);
  const { explanation, items } = options.explainer?.(ast, options) ?? NO_EXPLANATION;
  return { ast, diagnostics: all, explanation, explanationItems: items, ok: !hasError(all) };
}

/**
 * Checks a `sysparm_query` value that is a FEEL expression (`="active=true^caller_id=" + id`):
 * the string literals it concatenates are checked, every other part is an
 * opaque runtime value. Offsets refer to the FEEL text. A value that does not
 * start with `=` is checked as a plain query; a FEEL value without `options.feel`
 * is `pending`, with no findings.
 */
export function checkFeelQuery(value: string, options: CheckOptions = {}): CheckResult {
  if (!value.startsWith('=')) {
    return checkQuery(value, options);
  }
  const { feel } = options;
  if (!feel) return { ...checkQuery('', options), diagnostics: [], explanation: '', explanationItems: [], ok: true, pending: true };
  return checkFeel(value, { ...options, feel }, checkQuery);
}

/**
 * Checks the `sysparm_query` parameter of a URL (core/query/url-query.ts),
 * plain or a FEEL expression (`="https://" + host + "/api/now/table/incident?sysparm_query=active=true"`):
 * offsets refer to the URL as written. Undefined when the URL has no such
 * parameter; a FEEL URL without `options.feel` is `pending`.
 */
export function checkUrlQuery(url: string, options: CheckOptions = {}): CheckResult | undefined {
  const inUrl = (text: string, opts: CheckOptions) => checkUrlText(text, opts, checkQuery);
  if (!url.startsWith('=')) return inUrl(url, options);
  const { feel } = options;
  if (!feel) return checkFeelQuery(url, options);
  let found = false;
  const result = checkFeel(url, { ...options, feel }, (text, opts) => {
    const checked = inUrl(text, opts);
    found ||= checked !== undefined;
    return checked ?? { ...checkQuery('', opts), diagnostics: [] };
  });
  return found ? result : undefined;
}

/** Most lists come in order already (one pass over the text each): checking that is cheaper than a sort. */
function inOrder(diagnostics: Diagnostic[]): boolean {
  for (let index = 1; index < diagnostics.length; index++) if (byPosition(diagnostics[index - 1]!, diagnostics[index]!) > 0) return false;
  return true;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.start - b.start || a.end - b.end;
}
