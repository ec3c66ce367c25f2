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
  const tree = parseFeelExpression(expression);
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
