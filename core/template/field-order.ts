/**
 * The order of a table's primary fields in a template: the fields a record
 * needs (mandatory) first, then the form's order. A form lists Short
 * description near the end (12th of 13 on incident); a task that must set it
 * should not have to scroll past everything else to find it.
 */
import type { Field } from '../metadata/model';

export function orderPrimaryFields(fields: readonly Field[]): Field[] {
  return [...fields.filter((field) => field.mandatory), ...fields.filter((field) => !field.mandatory)];
}
