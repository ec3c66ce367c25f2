/** Applying suggested fixes: what the plugin's fix buttons and a "fix all" do. */
import type { Diagnostic } from './diagnostics';

/** The text with one diagnostic's suggestion applied (unchanged when it has none). */
export function applySuggestion(text: string, diagnostic: Diagnostic): string {
  if (diagnostic.suggestion === undefined) return text;
  return text.slice(0, diagnostic.start) + diagnostic.suggestion + text.slice(diagnostic.end);
}

/**
 * The text with every suggestion applied, from the end so earlier offsets
 * stay valid; a suggestion overlapping one already applied is skipped (run
 * the check again to get it with fresh offsets).
 */
export function applySuggestions(text: string, diagnostics: readonly Diagnostic[]): string {
  const fixes = diagnostics.filter((diagnostic) => diagnostic.suggestion !== undefined).sort((a, b) => b.start - a.start || b.end - a.end);
  const parts: string[] = [];
  let cursor = text.length;
  for (const fix of fixes) {
    if (fix.end > cursor) continue;
    parts.push(text.slice(fix.end, cursor), fix.suggestion!);
    cursor = fix.start;
  }
  parts.push(text.slice(0, cursor));
  return parts.reverse().join('');
}
