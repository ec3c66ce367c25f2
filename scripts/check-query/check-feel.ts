import { checkFeelQuery, type CheckOptions, type CheckResult } from '../../core/query/index';
import { parseFeelExpression } from '../../core/feel/parse';
import { parseFeel } from '../../core/template/check/feel';

/**
 * check-query --feel: the query engine checks the string literals of a FEEL
 * concatenation; an expression the engine cannot parse at all fails the task
 * at runtime whatever its literals say, so that is an error first. (Here and
 * not in core/query: the plugin bundle would carry the FEEL parser otherwise,
 * and the Modeler's FEEL editor already marks syntax errors.)
 */
export function checkFeelExpression(value: string, options: CheckOptions): CheckResult {
  const result = checkFeelQuery(value, { ...options, feel: parseFeelExpression });
  if (!value.startsWith('=') || result.diagnostics.some((diagnostic) => diagnostic.code === 'syntax.feel')) return result;
  const syntax = parseFeel(value.slice(1));
  if (syntax.valid) return result;
  const start = Math.min(1 + (syntax.errorAt ?? 0), value.length - 1);
  return {
    ...result,
    ok: false,
    explanation: '',
    explanationItems: [],
    diagnostics: [{ severity: 'error', code: 'syntax.feel', start, end: value.length, message: 'This FEEL expression does not parse from here on; the engine would fail the task instead of running the query.' }]
  };
}
