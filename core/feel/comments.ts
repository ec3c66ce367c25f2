/**
 * Where the FEEL comment starting at `at` ends, or `at` when none starts
 * there: `// …` runs to the end of its line (the line break not included),
 * `/* … *\/` to its closing mark, an unclosed one to the end of the text
 * (feel-scala's parser skips both as whitespace, fastparse JavaWhitespace).
 */
export function feelCommentEnd(text: string, at: number): number {
  if (text.startsWith('//', at)) {
    const end = text.indexOf('\n', at + 2);
    return end === -1 ? text.length : end;
  }
  if (text.startsWith('/*', at)) {
    const end = text.indexOf('*/', at + 2);
    return end === -1 ? text.length : end + 2;
  }
  return at;
}
