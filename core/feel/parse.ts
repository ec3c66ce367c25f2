/**
 * FEEL expressions read with lezer-feel, the grammar the Modeler's FEEL
 * editor (@bpmn-io/lezer-feel) and feelin use, configured as feelin's
 * `parseExpression` does, without pulling feelin's interpreter into the
 * plugin bundle. Where the engine reads the text differently (feel-scala),
 * the caller says so; the grammar only gives the tree.
 */
import { parser, trackVariables } from 'lezer-feel';
import type { FeelParser } from './tree';

// Built-ins whose names hold a keyword must be known to be read as one name; the wait templates' record query uses
// `get or else` (feel-scala BooleanBuiltinFunctions), which the Modeler's FEEL editor knows from @camunda/feel-builtins.
const expressionParser = parser.configure({ top: 'Expression', contextTracker: trackVariables({ 'get or else': null }) });

export const parseFeelExpression: FeelParser = (expression) => expressionParser.parse(expression);
