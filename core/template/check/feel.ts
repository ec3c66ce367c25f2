import { parseExpression } from 'feelin';

export interface FeelSyntax {
  /** Whether the expression parses without error nodes. */
  valid: boolean;
  /** Offset of the first error, for the message. */
  errorAt?: number;
  /** Variable names the expression reads (not context keys or function names it defines). */
  variables: string[];
}

/** Parses a FEEL expression (without the leading `=`) with the same grammar the Modeler and feelin use. */
export function parseFeel(expression: string): FeelSyntax {
  const tree = parseExpression(expression, {}, undefined);
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
