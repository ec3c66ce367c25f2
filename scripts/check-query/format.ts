/** Human output of check-query: the query, a caret line under each finding, the fix, the explanation. */
import type { CheckResult, Diagnostic } from '../../core/query/index';

export function formatResult(query: string, result: CheckResult, context: string): string {
  const lines: string[] = [context, `  ${query}`];
  for (const diagnostic of result.diagnostics) {
    lines.push(...formatDiagnostic(query, diagnostic));
  }
  if (result.diagnostics.length === 0) lines.push('  no findings');
  if (query.startsWith('=') && !context.includes('FEEL')) lines.push('  (the query starts with "=": if it is a FEEL expression, check it with --feel)');
  lines.push('', `Explanation: ${result.explanation}`, summary(result.diagnostics));
  return `${lines.join('\n')}\n`;
}

function formatDiagnostic(query: string, diagnostic: Diagnostic): string[] {
  const width = Math.max(1, diagnostic.end - diagnostic.start);
  const pad = ' '.repeat(2 + diagnostic.start);
  const lines = [`${pad}${'^'.repeat(width)} ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`];
  if (diagnostic.suggestion !== undefined) {
    const fixed = query.slice(0, diagnostic.start) + diagnostic.suggestion + query.slice(diagnostic.end);
    lines.push(`${pad}fix: ${diagnostic.suggestion === '' ? 'remove it' : `write "${diagnostic.suggestion}"`} → ${fixed}`);
  }
  return lines;
}

function summary(diagnostics: Diagnostic[]): string {
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'note')}`;
}

/** The JSON shape of one result (also one --jsonl output line). */
export function resultJson(result: CheckResult): { ok: boolean; diagnostics: Diagnostic[]; explanation: string } {
  return {
    ok: result.ok,
    diagnostics: result.diagnostics.map((diagnostic) => ({
      severity: diagnostic.severity, code: diagnostic.code, message: diagnostic.message, start: diagnostic.start, end: diagnostic.end,
      ...(diagnostic.suggestion !== undefined ? { suggestion: diagnostic.suggestion } : {})
    })),
    explanation: result.explanation
  };
}
