/**
 * One resolved field from its dictionary column and what applies to it on a
 * given table: overrides (nearest first), choices, overlay facts.
 */
import { defaultMaxLength } from './field-types';
import type { Choice, Field } from './model';
import type { OverlayField } from './overlay';
import type { ChoiceRecord, ColumnRecord, OverrideRecord } from './records';

/** Everything besides the column that decides a resolved field. */
export interface FieldInputs {
  overrides: OverrideRecord[];
  choices: ChoiceRecord[] | undefined;
  mandatory: OverlayField['mandatory'];
  notWritable: OverlayField['notWritable'];
  dependentExists: boolean;
}

export const noOverrides: OverrideRecord[] = [];

/** Whether `known` was resolved from exactly these inputs (given one by one, so that a lookup allocates nothing). */
export function sameInputs(
  known: FieldInputs,
  overrides: OverrideRecord[],
  choices: FieldInputs['choices'],
  mandatory: FieldInputs['mandatory'],
  notWritable: FieldInputs['notWritable'],
  dependentExists: boolean
): boolean {
  if (known.choices !== choices || known.mandatory !== mandatory || known.notWritable !== notWritable || known.dependentExists !== dependentExists) return false;
  if (known.overrides.length !== overrides.length) return false;
  for (let index = 0; index < overrides.length; index++) if (known.overrides[index] !== overrides[index]) return false;
  return true;
}

/** The field a column's choices depend on: the nearest override's, else the dictionary's. */
export function dependentOf(column: ColumnRecord, overrides: OverrideRecord[]): string | undefined {
  const override = overrides.find((candidate) => candidate.dependent !== undefined);
  if (override) return override.dependent || undefined;
  return column.dependentOnField ?? singleColumnName(column.dependent);
}

export function buildField(column: ColumnRecord, inputs: Pick<FieldInputs, 'overrides' | 'mandatory' | 'notWritable'>, dependent: string | undefined, choices: Choice[]): Field {
  let mandatory = column.mandatory;
  let readOnly = column.readOnly;
  let defaultValue = column.defaultValue;
  let calculated = column.calculated;
  // The nearest override (the child's own first) wins, attribute by attribute: apply the farthest first.
  for (let index = inputs.overrides.length - 1; index >= 0; index--) {
    const override = inputs.overrides[index]!;
    if (override.mandatory !== undefined) mandatory = override.mandatory;
    if (override.readOnly !== undefined) readOnly = override.readOnly;
    if (override.defaultValue !== undefined) defaultValue = override.defaultValue || undefined;
    calculated ||= override.calculated;
  }
  if (inputs.mandatory) mandatory = inputs.mandatory.value;
  const field: Field = {
    element: column.element,
    label: column.label,
    internalType: column.internalType,
    maxLength: column.maxLength ?? defaultMaxLength(column.internalType),
    mandatory,
    readOnly,
    choices,
    choiceMode: column.choiceMode,
    definedOn: column.table,
    writable: true
  };
  if (column.reference !== undefined) field.reference = column.reference;
  if (column.referenceKey !== undefined) field.referenceKey = column.referenceKey;
  if (defaultValue !== undefined) field.defaultValue = defaultValue;
  if (dependent !== undefined) field.dependentOnField = dependent;
  const reason = notWritableReason(column.element, column.internalType, readOnly, calculated, defaultValue, inputs.notWritable?.reason);
  if (reason !== undefined) {
    field.writable = false;
    field.notWritableReason = reason;
  }
  return field;
}

/**
 * Why the platform, not the caller, sets a column, from dictionary
 * attributes only (no list of column names): the sys_ prefix, read_only,
 * calculated, the record number's auto-numbering default, the journal list.
 */
function notWritableReason(element: string, type: string, readOnly: boolean, calculated: boolean, defaultValue: string | undefined, overlayReason: string | undefined): string | undefined {
  if (element.startsWith('sys_')) return 'system field (sys_): set by the platform';
  if (readOnly) return 'read-only in the dictionary';
  if (calculated) return 'calculated: the platform computes its value';
  if (defaultValue !== undefined && AUTO_NUMBER_DEFAULT.test(defaultValue)) return 'numbered by the platform on insert (auto-numbering default getNextObjNumberPadded())';
  if (type === 'journal_list') return 'display-only list of journal entries: write the journal fields it shows instead';
  return overlayReason;
}

/** The dictionary default of auto-numbered columns (number): ServiceNow assigns the next number of the table's sys_number counter. */
const AUTO_NUMBER_DEFAULT = /^javascript:\s*getNextObjNumberPadded\(\s*\)\s*;?\s*$/;

export function toChoice(record: ChoiceRecord): Choice {
  const choice: Choice = { value: record.value, label: record.label, inactive: record.inactive };
  if (record.dependentValue !== undefined) choice.dependentValue = record.dependentValue;
  if (record.sequence !== undefined) choice.sequence = record.sequence;
  return choice;
}

export function compareChoices(a: Choice, b: Choice): number {
  const bySequence = (a.sequence ?? Number.MAX_SAFE_INTEGER) - (b.sequence ?? Number.MAX_SAFE_INTEGER);
  return bySequence || compareText(a.dependentValue ?? '', b.dependentValue ?? '') || compareText(a.value, b.value);
}

/** Code-point order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The old `dependent` column may hold a list (journal_list's `comments,work_notes`): only a single name is a dependency. */
function singleColumnName(value: string | undefined): string | undefined {
  return value !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) ? value : undefined;
}
