/**
 * The lint checks that read FEEL, gathered so that they travel with the
 * FEEL grammar: they judge nothing until it is there, so the plugin ships
 * them in the same lazily fetched chunk (client/shared/feel-chunk.ts) and
 * its main script, which every Desktop tab loads, stays small. The CLI and
 * the rule tests pass them as rule options next to the parser.
 */
import { resultExpressionProperty, resultGuardProblem } from './result-guard';

export interface FeelChecks {
  resultGuardProblem: typeof resultGuardProblem;
  resultExpressionProperty: typeof resultExpressionProperty;
}

export const FEEL_CHECKS: FeelChecks = { resultGuardProblem, resultExpressionProperty };
