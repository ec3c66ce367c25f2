import { headerBinding } from './operations';
import type { Condition, TemplateProperty } from './types';

/** One preset expression, active under `condition` (e.g. an operation) when given. */
export interface ResultPreset {
  id: string;
  expression: string;
  condition?: Condition;
}

/**
 * The output group of a single-purpose template: the result variable, and
 * a result mapping that defaults (as the empty value, matched with isEmpty,
 * so applying takes no extra pass) to the preset expressions.
 */
export function presetOutputProperties(presetName: string, presets: string | ResultPreset[], example: string): TemplateProperty[] {
  const list = typeof presets === 'string' ? [{ id: 'preset', expression: presets }] : presets;
  return [
    resultVariableProperty(),
    {
      id: 'resultMapping',
      label: 'Result mapping',
      group: 'output',
      type: 'Dropdown',
      value: '',
      choices: [
        { name: presetName, value: '' },
        { name: 'Custom result expression', value: 'custom' },
        { name: 'None', value: 'none' }
      ],
      binding: headerBinding('serviceNowResultMapping')
    },
    ...list.map((preset): TemplateProperty => {
      const mapped: Condition = { property: 'resultMapping', isEmpty: true };
      return { id: `resultExpression.${preset.id}`, type: 'Hidden', value: preset.expression, binding: headerBinding('resultExpression'), condition: preset.condition ? { allMatch: [mapped, preset.condition] } : mapped };
    }),
    {
      id: 'resultExpression',
      label: 'Result expression',
      description: `Maps the response (<code>body</code>, <code>headers</code>, <code>status</code>, <code>document</code>) to process variables, e.g. <code>${example}</code>.`,
      group: 'output',
      type: 'Text',
      feel: 'required',
      binding: headerBinding('resultExpression'),
      constraints: { notEmpty: true },
      condition: { property: 'resultMapping', equals: 'custom' }
    }
  ];
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
