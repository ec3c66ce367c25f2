import type { Field, Table } from '../metadata/model';
import { findField } from '../metadata/model';
import { isOfferedForWriting } from './field-kinds';
import { fieldInput, type FieldInput } from './field-inputs';

/** The writable columns of a table as inputs: primary fields first (form order), then the rest by label. */
export function tableFieldInputs(table: Table): FieldInput[] {
  const writable = table.fields.filter(isOfferedForWriting);
  const primary = table.primaryFields
    .map((element) => findField(table, element))
    .filter((field): field is Field => field !== undefined && isOfferedForWriting(field));
  const primarySet = new Set(primary.map((field) => field.element));
  const rest = writable
    .filter((field) => !primarySet.has(field.element))
    .sort((a, b) => compare(a.label, b.label) || compare(a.element, b.element));
  const notes = derivedFieldNotes(table);
  return [
    ...primary.map((field) => fieldInput(field, { group: 'fields', notes: notes.get(field.element) ?? [] })),
    ...rest.map((field) => fieldInput(field, { group: 'moreFields', notes: notes.get(field.element) ?? [] }))
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
