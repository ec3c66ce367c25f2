/**
 * The shape of a FEEL syntax tree and of the parser that makes one, as
 * types only: the readers in core/ take the parser as an argument, so the
 * plugin can fetch the grammar (lezer-feel, core/feel/parse.ts) as a chunk
 * of its own while the CLI passes it in directly.
 */
import type { parser } from 'lezer-feel';

export type FeelTree = ReturnType<typeof parser.parse>;
export type FeelNode = FeelTree['topNode'];

/** The syntax tree of a FEEL expression (without its leading `=`); never throws, errors are error nodes. */
export type FeelParser = (expression: string) => FeelTree;

/** Comments are nodes of the tree too; callers reading operands skip them. */
export function isComment(node: FeelNode): boolean {
  return node.name === 'BlockComment' || node.name === 'LineComment';
}
