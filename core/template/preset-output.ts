import { deferUnexpectedAnswer, type GuardedAnswer } from './answer-guard';
import type { AnswerRule } from './error-handling';
import { headerBinding } from './operations';
import type { Condition, TemplateProperty } from './types';

/**
 * One preset expression, active under `condition` (e.g. an operation) when
 * given, for answers of `rule`: it sets no variable for an answer the error
 * expression must see (error-handling.ts `deferUnexpectedAnswer`).
 */
export interface ResultPreset {
  id: string;
  expression: string;
  rule: AnswerRule;
  condition?: Condition;
}

/**
 * The output group of a single-purpose template: the result variable, and
 * a result mapping that defaults (as the empty value, matched with isEmpty,
 * so applying takes no extra pass) to the preset expressions.
 */
export function presetOutputProperties(presetName: string, presets: ResultPreset[], example: string): TemplateProperty[] {
  return [
    resultVariableProperty(),
    resultMappingProperty(presetName),
    ...presets.map((preset): TemplateProperty => {
      const mapped: Condition = { property: 'resultMapping', isEmpty: true };
      return { id: `resultExpression.${preset.id}`, type: 'Hidden', value: deferUnexpectedAnswer(preset.expression, preset.rule), binding: headerBinding('resultExpression'), condition: preset.condition ? { allMatch: [mapped, preset.condition] } : mapped };
    }),
    customResultExpressionProperty(['body', 'headers', 'status', 'document'], example, { property: 'resultMapping', equals: 'custom' }, exampleCheck(presets, example))
  ];
}

/** The answer check the example is shown in: the preset's, or with presets of several rules the one the example maps like. */
function exampleCheck(presets: ResultPreset[], example: string): ExampleCheck | undefined {
  const preset = presets.find((candidate) => candidate.expression === example) ?? presets[0];
  if (!preset) return undefined;
  const rules = new Set(presets.map((candidate) => JSON.stringify({ statuses: candidate.rule.statuses, needsResult: candidate.rule.needsResult, header: candidate.rule.header, resultKey: candidate.rule.resultKey })));
  return { rule: preset.rule, scope: rules.size > 1 ? ` for ${preset.id[0]?.toUpperCase()}${preset.id.slice(1)}; the other operations check their own statuses` : '' };
}

/**
 * The result mapping choice: the preset, a custom expression, or none. The
 * preset is the empty value, matched with isEmpty, so applying the template
 * with defaults takes no extra pass.
 */
export function resultMappingProperty(presetName: string, condition?: Condition): TemplateProperty {
  return {
    id: 'resultMapping',
    label: 'Result mapping',
    // The preset's variables in the description: as a choice name they were cut off in the panel's dropdown.
    description: `Preset: ${presetName}.`,
    group: 'output',
    type: 'Dropdown',
    value: '',
    choices: [
      { name: 'Preset variables', value: '' },
      { name: 'Custom result expression', value: 'custom' },
      { name: 'None', value: 'none' }
    ],
    binding: headerBinding('serviceNowResultMapping'),
    ...(condition ? { condition } : {})
  };
}

/** The answer check a custom expression's example is written in, and which operations it is for (empty: all). */
export interface ExampleCheck {
  rule: GuardedAnswer;
  scope: string;
}

/**
 * The result expression the modeler writes when the mapping is custom; `response` names what it may read.
 * Its example keeps the preset's answer check: once a result expression sets a variable, the error
 * expression gets those variables instead of the response (error-handling.ts), so an unchecked mapping
 * lets a login redirect complete the task with empty variables, and Web Modeler has no lint to say so.
 */
export function customResultExpressionProperty(response: string[], example: string, condition: Condition, check?: ExampleCheck): TemplateProperty {
  const shown = check ? `Keep the answer check, or an unexpected answer such as a login redirect completes the task with empty variables, e.g. <code>${deferUnexpectedAnswer(example, check.rule)}</code>${check.scope}.` : `E.g. <code>${example}</code>.`;
  return {
    id: 'resultExpression',
    label: 'Result expression',
    description: `Maps the response (${response.map((key) => `<code>${key}</code>`).join(', ')}) to process variables. ${shown}`,
    group: 'output',
    type: 'Text',
    feel: 'required',
    binding: headerBinding('resultExpression'),
    constraints: { notEmpty: true },
    condition
  };
}

/** The connector's result variable: the whole response in one process variable. */
export function resultVariableProperty(): TemplateProperty {
  return {
    id: 'resultVariable',
    label: 'Result variable',
    description: 'Stores the whole response (status, headers, body, document) in this process variable.',
    group: 'output',
    type: 'String',
    binding: headerBinding('resultVariable')
  };
}

/** `body.result` when the body is the REST API's `{"result": {...}}`, else an empty context. */
export const RESULT_CONTEXT = 'if body instance of context and get value(body, "result") instance of context then get value(body, "result") else {}';
