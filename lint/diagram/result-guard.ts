/**
 * Whether a ServiceNow task's custom result expression lets an unexpected
 * answer (a redirect to a login page, an HTML page, an answer without
 * `result`) complete the task. The connector hands the error expression the
 * output variables instead of the response once the result variable or
 * expression set any (core/template/error-handling.ts explains the runtime),
 * so our preset error expressions find the answer only in the result
 * variable's copy of it or when the result expression set nothing for it:
 * what `deferUnexpectedAnswer` writes. Only tasks whose error expression is
 * one of our presets are judged: with a custom one, or none (Camunda's
 * official templates), no guard decides whether a redirect is an incident.
 */
import type { FeelParser } from '../../core/feel/tree';
import { deferUnexpectedAnswer, guardsFor, readDeferredAnswer, type GuardedAnswer } from '../../core/template/answer-guard';
import { presetErrorRule, type AnswerRule } from '../../core/template/error-handling';
import type { ElementTemplate, TemplateProperty } from '../../core/template/types';
import { contextKeys } from './result-expression';
import { isResultExpression, RESULT_EXPRESSION } from './stored-variable';
import { activeProperties } from './template-values';
import { getHeaderValue, type ModdleElement } from './zeebe';

const ERROR_EXPRESSION = 'errorExpression';
const RESULT_VARIABLE = 'resultVariable';

export interface ResultGuardProblem {
  code: 'result.unguarded' | 'result.guard-mismatch' | 'result.overwrites-result-variable';
  /** What the expression does wrong, said of it (the callers name it first: "Result expression: ..."). */
  message: string;
  /** The guarded expression to write instead. */
  suggestion: string;
}

/** The answer rule of the task's preset error expression (applied and unchanged), or undefined when it has none of ours. */
export function taskAnswerRule(template: ElementTemplate, bo: ModdleElement, active?: TemplateProperty[]): AnswerRule | undefined {
  const expression = getHeaderValue(bo, ERROR_EXPRESSION);
  if (!expression || !holdsPresetErrorExpression(template, expression)) return undefined;
  return (active ?? activeProperties(template, bo)).some((property) => isErrorPreset(property, expression)) ? presetErrorRule(expression) : undefined;
}

const isErrorPreset = (property: TemplateProperty, expression: string) => property.type === 'Hidden' && isHeader(property, ERROR_EXPRESSION) && property.value === expression;

/** A text compare before any condition is evaluated: a task with a custom or no error expression costs nothing more. */
function holdsPresetErrorExpression(template: ElementTemplate, expression: string | undefined): expression is string {
  return expression !== undefined && template.properties.some((property) => isErrorPreset(property, expression));
}

export function resultGuardProblem(template: ElementTemplate, bo: ModdleElement, feel: FeelParser): ResultGuardProblem | undefined {
  const expression = getHeaderValue(bo, RESULT_EXPRESSION)?.trim();
  if (!expression || setsNothing(expression) || !holdsPresetErrorExpression(template, getHeaderValue(bo, ERROR_EXPRESSION))) return undefined;
  const active = activeProperties(template, bo);
  // The preset mapping, applied and unchanged, carries its check already.
  if (active.some((property) => property.type === 'Hidden' && isResultExpression(property) && property.value === getHeaderValue(bo, RESULT_EXPRESSION))) return undefined;
  const rule = taskAnswerRule(template, bo, active);
  if (!rule) return undefined;
  const expected = answerText(rule);
  const resultVariable = getHeaderValue(bo, RESULT_VARIABLE)?.trim();
  const deferred = readDeferredAnswer(expression, feel);
  if (deferred) {
    const { guard } = deferred;
    if (guardsFor(guard, rule)) return undefined;
    const sameHeader = (guard.header ?? '').toLowerCase() === (rule.header ?? '').toLowerCase();
    const missesGood = rule.statuses.some((status) => !guard.statuses.includes(status)) || (guard.needsResult && !rule.needsResult) || (guard.header !== undefined && !sameHeader) || (guard.resultKey !== undefined && guard.resultKey !== rule.resultKey);
    // With a result variable the error expression still finds the response in it.
    const letsThrough = !resultVariable && (guard.statuses.some((status) => !rule.statuses.includes(status)) || (!guard.needsResult && rule.needsResult) || (rule.header !== undefined && !sameHeader) || (rule.resultKey !== undefined && guard.resultKey !== rule.resultKey));
    if (!missesGood && !letsThrough) return undefined;
    const consequences = [
      ...(missesGood ? ['a good answer maps nothing and the task completes without its outputs'] : []),
      ...(letsThrough ? ['an unexpected answer completes the task instead of raising an incident'] : [])
    ];
    return {
      code: 'result.guard-mismatch',
      message: `checks for ${answerText(guard)}, but this operation answers ${expected}: ${consequences.join(', and ')} (did the operation change?). Check for ${expected} instead.`,
      suggestion: deferUnexpectedAnswer(deferred.mapping, rule)
    };
  }
  const suggestion = deferUnexpectedAnswer(expression, rule);
  if (resultVariable) {
    // The result variable's copy of the response is what the error expression checks, unless the expression sets that same variable.
    if (!contextKeys(expression, feel)?.includes(resultVariable)) return undefined;
    return {
      code: 'result.overwrites-result-variable',
      message: `sets ${resultVariable}, the result variable, without the answer check (${expected}), replacing the response the error expression checks, so a redirect to a login page, an HTML page or an answer without a result can complete the task with null outputs instead of raising an incident. Put the mapping inside that check (the output helper and the fix write it), or give the result variable another name.`,
      suggestion
    };
  }
  return {
    code: 'result.unguarded',
    message: `sets its variables without the answer check (${expected}); once it sets any, the error expression gets them instead of the response (no result variable is set), so a redirect to a login page, an HTML page or an answer without a result can complete the task with null outputs instead of raising an incident. Put the mapping inside that check (the output helper and the fix write it), or set a result variable.`,
    suggestion
  };
}

function answerText(rule: GuardedAnswer): string {
  return `HTTP ${rule.statuses.join(' or ')}${rule.needsResult ? ' with a result' : ''}${rule.resultKey ? ` holding ${rule.resultKey}` : ''}${rule.header ? ` with a ${rule.header} header` : ''}`;
}

/** The non-Hidden property the task's result expression is edited in (our custom mode, or a plain Text field). */
export function resultExpressionProperty(template: ElementTemplate, bo: ModdleElement): TemplateProperty | undefined {
  return activeProperties(template, bo).find((property) => property.type !== 'Hidden' && isResultExpression(property));
}

/** `={}` and `=null` set no variable: nothing to guard. */
function setsNothing(expression: string): boolean {
  return /^=?\s*(\{\s*\}|null)?\s*$/.test(expression);
}

function isHeader(property: TemplateProperty, key: string): boolean {
  const binding = property.binding as { type: string; key?: string };
  return binding.type === 'zeebe:taskHeader' && binding.key === key;
}
