import { feelCommentEnd } from '../../feel/comments';
import { parseFeelExpression } from '../../feel/parse';

export interface FeelSyntax {
  /** Whether the expression parses without error nodes. */
  valid: boolean;
  /** Offset of the first error, for the message. */
  errorAt?: number;
  /** Variable names the expression reads (not context keys or function names it defines). */
  variables: string[];
}

/**
 * Templates of one generator share most expressions (request, result and
 * error handling differ only in a few names), and a run checks thousands of
 * templates: each distinct text is parsed once. Bounded, so a long-lived
 * process does not keep every expression it ever saw.
 */
const parsed = new Map<string, FeelSyntax>();
const MAX_CACHED = 5000;

/** Parses a FEEL expression (without the leading `=`) with the same grammar the Modeler and feelin use. */
export function parseFeel(expression: string): FeelSyntax {
  const known = parsed.get(expression);
  if (known) return known;
  const syntax = parseUncached(expression);
  if (parsed.size >= MAX_CACHED) parsed.clear();
  parsed.set(expression, syntax);
  return syntax;
}

function parseUncached(expression: string): FeelSyntax {
  const tree = parseFeelExpression(withoutLineBreaksInStrings(expression));
  let errorAt: number | undefined;
  const variables = new Set<string>();
  tree.iterate({
    enter(node) {
      if (node.type.isError && errorAt === undefined) errorAt = node.from;
      if (node.name === 'VariableName') variables.add(expression.slice(node.from, node.to));
    }
  });
  return { valid: errorAt === undefined, ...(errorAt === undefined ? {} : { errorAt }), variables: [...variables] };
}

/**
 * feel-scala takes any character up to the closing quote into a string
 * literal (FeelParser `stringWithQuotes`), line breaks too, as in multi-line
 * prompts; lezer-feel ends the literal at a line break. A space of the same
 * length in their place keeps every offset. Comments (fastparse
 * JavaWhitespace) and backtick names are skipped, so a quote there opens nothing.
 */
function withoutLineBreaksInStrings(expression: string): string {
  // Most expressions are one line: nothing to replace, and no scan on the hot path of every check.
  if (!/[\r\n]/.test(expression)) return expression;
  const special = /\/\/|\/\*|[`"]/g;
  let result = '';
  let i = 0;
  while (i < expression.length) {
    special.lastIndex = i;
    const found = special.exec(expression);
    if (!found) {
      result += expression.slice(i);
      break;
    }
    const at = found.index;
    result += expression.slice(i, at);
    if (found[0] === '"') {
      let end = at + 1;
      while (end < expression.length && expression[end] !== '"') end += expression[end] === '\\' ? 2 : 1;
      result += expression.slice(at, Math.min(end + 1, expression.length)).replace(/[\r\n]/g, ' ');
      i = end + 1;
      continue;
    }
    const end = found[0] === '`' ? endOf(expression, '`', at + 1, 1) : feelCommentEnd(expression, at);
    result += expression.slice(at, end);
    i = end;
  }
  return result;
}

/** The offset just past `marker` searched from `from` (plus `length`), or the end of the text. */
function endOf(text: string, marker: string, from: number, length: number): number {
  const at = text.indexOf(marker, from);
  return at === -1 ? text.length : at + length;
}
