/**
 * FEEL expressions read with lezer-feel, the grammar the Modeler's FEEL
 * editor (@bpmn-io/lezer-feel) and feelin use, configured as feelin's
 * `parseExpression` does, without pulling feelin's interpreter into the
 * plugin bundle. Where the engine reads the text differently (feel-scala),
 * the caller says so; the grammar only gives the tree.
 */
import { parser, trackVariables } from 'lezer-feel';

const expressionParser = parser.configure({ top: 'Expression', contextTracker: trackVariables({}) });

export type FeelTree = ReturnType<typeof expressionParser.parse>;
export type FeelNode = FeelTree['topNode'];

/** The syntax tree of a FEEL expression (without its leading `=`); never throws, errors are error nodes. */
export function parseFeelExpression(expression: string): FeelTree {
  return expressionParser.parse(expression);
}

/** Comments are nodes of the tree too; callers reading operands skip them. */
export function isComment(node: FeelNode): boolean {
  return node.name === 'BlockComment' || node.name === 'LineComment';
}
