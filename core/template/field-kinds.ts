import { fieldType, type InputKind } from '../metadata/field-types';
import type { Field } from '../metadata/model';

/** How a ServiceNow column is offered as a template input: a dropdown for its choices, else its type's input kind. */
export type FieldKind = 'choice' | InputKind;

/** Longer than this, a string column gets a multi-line input. */
const LONG_TEXT_LENGTH = 255;

/** The choices a dropdown offers: active ones with a non-blank value. */
export function offeredChoices(field: Field) {
  return field.choices.filter((choice) => !choice.inactive && choice.value.trim() !== '');
}

export function fieldKind(field: Field): FieldKind {
  if (field.choiceMode !== 0 && offeredChoices(field).length > 0) return 'choice';
  const { input } = fieldType(field.internalType);
  if (input === 'text' && (field.maxLength ?? 0) > LONG_TEXT_LENGTH) return 'longText';
  return input;
}

/**
 * Whether the template offers the column for writing: the loader's verdict,
 * and never a `sys_` column (the Table API ignores them).
 */
export function isOfferedForWriting(field: Field): boolean {
  return field.writable && !field.element.startsWith('sys_');
}
