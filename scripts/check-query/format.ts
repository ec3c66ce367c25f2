/** Human output of check-query: the query, a caret line under each finding, the fix, the explanation. */
import stringWidth from 'string-width';
import type { CheckResult, Diagnostic } from '../../core/query/index';

/** Wider queries are not printed whole: each finding shows its surroundings, so output grows with the findings, not with their product. */
const MAX_WHOLE_WIDTH = 160;
/** Characters of context on each side of a finding in a long query. */
const CONTEXT = 40;

export function formatResult(query: string, result: CheckResult, context: string): string {
  const shown = visible(query);
  const whole = stringWidth(shown) <= MAX_WHOLE_WIDTH;
  const lines: string[] = [context, whole ? `  ${shown}` : `  (a query of ${query.length} characters: each finding shows its surroundings)`];
  for (const diagnostic of result.diagnostics) {
    lines.push(...(whole ? formatDiagnostic(query, diagnostic) : formatExcerpt(query, diagnostic)));
  }
  if (result.diagnostics.length === 0) lines.push('  no findings');
  if (query.startsWith('=') && !context.includes('FEEL')) lines.push('  (the query starts with "=": if it is a FEEL expression, check it with --feel)');
  lines.push('', `Explanation: ${visible(result.explanation)}`, summary(result.diagnostics));
  return `${lines.join('\n')}\n`;
}

/**
 * The query as one printable line: tabs, line breaks and other control
 * characters become a visible mark of one column, one code unit each, so
 * offsets stay the same and carets can be placed by display width.
 */
function visible(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return text.replace(/[\u0000-\u001f\u007f]/g, (char) => (char === '\t' ? '→' : char === '\n' ? '↵' : char === '\r' ? '␍' : '·'));
}

/** The caret line: indented by the display width before the finding (CJK and emoji take two columns). */
function carets(shown: string, start: number, end: number, indent: string): string {
  const width = Math.max(1, stringWidth(shown.slice(start, end)));
  return `${indent}${' '.repeat(stringWidth(shown.slice(0, start)))}${'^'.repeat(width)}`;
}

function formatDiagnostic(query: string, diagnostic: Diagnostic): string[] {
  const shown = visible(query);
  const pad = ' '.repeat(2 + stringWidth(shown.slice(0, diagnostic.start)));
  const lines = [`${carets(shown, diagnostic.start, diagnostic.end, '  ')} ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`];
  if (diagnostic.suggestion !== undefined) {
    const fixed = query.slice(0, diagnostic.start) + diagnostic.suggestion + query.slice(diagnostic.end);
    lines.push(`${pad}fix: ${fixText(diagnostic)} → ${visible(fixed)}`);
  }
  return lines;
}

/** A finding in a long query: its surroundings, the caret under it, and the fix in the same surroundings. */
function formatExcerpt(query: string, diagnostic: Diagnostic): string[] {
  const from = boundary(query, Math.max(0, diagnostic.start - CONTEXT));
  const to = boundary(query, Math.min(query.length, diagnostic.end + CONTEXT));
  const before = from > 0 ? '…' : '';
  const after = to < query.length ? '…' : '';
  const excerpt = `${before}${visible(query.slice(from, to))}${after}`;
  const offset = before.length - from;
  const lines = [
    `  at ${diagnostic.start}-${diagnostic.end}: ${excerpt}`,
    `${carets(excerpt, diagnostic.start + offset, diagnostic.end + offset, `  at ${diagnostic.start}-${diagnostic.end}: `.replace(/./g, ' '))} ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`
  ];
  if (diagnostic.suggestion !== undefined) {
    const fixed = `${before}${visible(query.slice(from, diagnostic.start) + diagnostic.suggestion + query.slice(diagnostic.end, to))}${after}`;
    lines.push(`  fix: ${fixText(diagnostic)} → ${fixed}`);
  }
  return lines;
}

function fixText(diagnostic: Diagnostic): string {
  return diagnostic.suggestion === '' ? 'remove it' : `write "${diagnostic.suggestion}"`;
}

/** Never cut a surrogate pair in two. */
function boundary(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return index > 0 && index < text.length && code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
}

function summary(diagnostics: Diagnostic[]): string {
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info`;
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
