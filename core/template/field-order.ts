/**
 * Which columns a task shows first, and in which order, by operation.
 *
 * Create: the fields a record needs (mandatory) first, then the form's
 * order. A form lists Short description near the end (12th of 13 on
 * incident); a task that must set it should not scroll past the rest.
 *
 * Update: what a task changes on an existing record, by a metadata rule
 * rather than a list per table: the journal inputs (internal type
 * `journal_input`: Work notes, Additional comments), then the lifecycle
 * columns the task hierarchy names by ServiceNow's conventions (`state`,
 * `*_reason` such as hold_reason, `close_*` and `resolution_*` such as
 * close_code and close_notes), then assignment (`assignment_group`,
 * `assigned_to`). These are what Update and Resolve tasks set; on the form
 * they sit in other sections or the activity stream.
 */
import type { Field } from '../metadata/model';

export function orderPrimaryFields(fields: readonly Field[]): Field[] {
  return [...fields.filter((field) => field.mandatory), ...fields.filter((field) => !field.mandatory)];
}

const UPDATE_RANKS: ((field: Field) => boolean)[] = [
  (field) => field.internalType === 'journal_input',
  (field) => field.element === 'state',
  (field) => /_reason$/.test(field.element),
  (field) => /^(close|resolution)_/.test(field.element),
  (field) => /^assign(ment_group|ed_to)$/.test(field.element)
];

/** The columns an Update shows first (rule above), in rank order, then by label. */
export function updatePrimaryFields(fields: readonly Field[]): Field[] {
  const rank = (field: Field) => UPDATE_RANKS.findIndex((matches) => matches(field));
  return fields
    .filter((field) => rank(field) >= 0)
    .sort((a, b) => rank(a) - rank(b) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}
