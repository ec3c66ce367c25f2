import { inputBinding, whenOperation, WRITE_OPERATIONS } from './operations';
import type { TemplateProperty } from './types';

export const ADDITIONAL_FIELDS_VARIABLE = 'sn_additionalFields';

/**
 * FEEL that keeps only the entries whose value is set, so an Update that
 * sets one field sends exactly that field and blanks nothing.
 */
export function withoutNulls(contextExpression: string): string {
  return `context(get entries(${contextExpression})[item.value != null])`;
}

/** A FEEL string literal. */
export function feelString(text: string): string {
  return JSON.stringify(text);
}

/** The "additional fields" FEEL context, for custom (`u_*`) columns and anything the template lacks. */
export function additionalFieldsProperty(group: string): TemplateProperty {
  return {
    id: 'additionalFields',
    label: 'Additional fields',
    description: 'A FEEL context merged into the request body, e.g. <code>={"u_cost_center": costCenter}</code>. Fields set above take precedence; null values are sent as null.',
    group,
    type: 'Text',
    feel: 'required',
    binding: inputBinding(ADDITIONAL_FIELDS_VARIABLE),
    condition: whenOperation(...WRITE_OPERATIONS)
  };
}

/**
 * The Hidden `body` for Create and Update: the additional fields, then
 * every set field (`entries`: column name → FEEL value), nulls dropped.
 */
export function bodyProperty(entries: [string, string][]): TemplateProperty {
  const fields = `{${entries.map(([name, value]) => `${feelString(name)}: ${value}`).join(', ')}}`;
  const additional = `(if ${ADDITIONAL_FIELDS_VARIABLE} = null then {} else ${ADDITIONAL_FIELDS_VARIABLE})`;
  return {
    id: 'body',
    type: 'Hidden',
    value: `=context merge(${additional}, ${withoutNulls(fields)})`,
    binding: inputBinding('body'),
    condition: whenOperation(...WRITE_OPERATIONS)
  };
}
