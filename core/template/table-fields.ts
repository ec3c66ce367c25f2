import type { Field, Table } from '../metadata/model';
import { findField } from '../metadata/model';
import { isOfferedForWriting } from './field-kinds';
import { fieldInput, type FieldInput } from './field-inputs';
import { orderPrimaryFields } from './field-order';
import { inputBinding, whenOperation, WRITE_OPERATIONS } from './operations';
import type { Condition, TemplateProperty } from './types';

export const MORE_FIELDS_TOGGLE_ID = 'moreFieldsShown';
export const MORE_FIELDS_TOGGLE_VARIABLE = 'sn_moreFieldsShown';
export const MORE_FIELDS_SHOWN = 'shown';
/** What gates the collapsed group's inputs: they render (and are mapped) only while the toggle is on. */
export const MORE_FIELDS_GATE: Condition = { property: MORE_FIELDS_TOGGLE_ID, equals: MORE_FIELDS_SHOWN };

/**
 * The toggle heading the collapsed group. The panel renders the entries of
 * collapsed groups too, so the rest of a large table (62 inputs for incident)
 * made selecting a task several times slower; gated, they render on request.
 * Bound to an input so the choice is saved with the diagram: a task with
 * values in those fields shows them when reopened.
 */
export function moreFieldsToggle(count: number): TemplateProperty {
  return {
    id: MORE_FIELDS_TOGGLE_ID,
    label: `Show the other ${count} fields`,
    description: 'Shows an input for each of the remaining writable fields. Switching back to Hide removes those fields\' values from the task (they are no longer sent).',
    group: 'moreFields',
    type: 'Dropdown',
    value: 'hidden',
    choices: [{ name: 'Hide', value: 'hidden' }, { name: `Show ${count} more fields`, value: MORE_FIELDS_SHOWN }],
    binding: inputBinding(MORE_FIELDS_TOGGLE_VARIABLE),
    condition: whenOperation(...WRITE_OPERATIONS)
  };
}

/**
 * The writable columns of a table as inputs: primary fields first (mandatory
 * ones, then form order; field-order.ts), then the rest by label, gated by
 * the collapsed group's toggle.
 */
export function tableFieldInputs(table: Table): FieldInput[] {
  const writable = table.fields.filter(isOfferedForWriting);
  const primary = orderPrimaryFields(table.primaryFields
    .map((element) => findField(table, element))
    .filter((field): field is Field => field !== undefined && isOfferedForWriting(field)));
  const primarySet = new Set(primary.map((field) => field.element));
  const rest = writable
    .filter((field) => !primarySet.has(field.element))
    .sort((a, b) => compare(a.label, b.label) || compare(a.element, b.element));
  const notes = derivedFieldNotes(table);
  return [
    ...primary.map((field) => fieldInput(field, { group: 'fields', notes: notes.get(field.element) ?? [] })),
    ...rest.map((field) => fieldInput(field, { group: 'moreFields', notes: notes.get(field.element) ?? [], gate: MORE_FIELDS_GATE }))
  ];
}

/**
 * For each writable column named in a read-only column's reason (incident
 * `priority`: "derived from impact and urgency"), a sentence saying so.
 */
function derivedFieldNotes(table: Table): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  for (const derived of table.fields) {
    if (derived.writable || !derived.notWritableReason) continue;
    // Column names are words of the reason: one pass over its words, not one regex per column.
    const named = new Set(derived.notWritableReason.split(/[^A-Za-z0-9_]+/));
    for (const element of named) {
      const source = findField(table, element);
      if (!source || source === derived || !isOfferedForWriting(source)) continue;
      const note = `Sets ${derived.label} (${derived.element}), which cannot be written: ${derived.notWritableReason}.`;
      notes.set(source.element, [...(notes.get(source.element) ?? []), note.replace(/\.\.$/, '.')]);
    }
  }
  return notes;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
