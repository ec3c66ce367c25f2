import type { Field, Table } from '../metadata/model';
import { findField } from '../metadata/model';
import { isOfferedForWriting } from './field-kinds';
import { fieldInput, type FieldInput, type Gate, type Placement } from './field-inputs';
import { orderPrimaryFields, updatePrimaryFields } from './field-order';
import { inputBinding, whenOperation, WRITE_OPERATIONS, type Operation } from './operations';
import type { TemplateProperty } from './types';

export const MORE_FIELDS_TOGGLE_ID = 'moreFieldsShown';
export const MORE_FIELDS_TOGGLE_VARIABLE = 'sn_moreFieldsShown';
export const MORE_FIELDS_SHOWN = 'shown';
/** What gates the collapsed group's inputs: they render (and are mapped) only while the toggle, shown on the write operations, is on. */
export const MORE_FIELDS_GATE: Gate = { condition: { property: MORE_FIELDS_TOGGLE_ID, equals: MORE_FIELDS_SHOWN }, operations: WRITE_OPERATIONS };

/**
 * The toggle heading the collapsed group. The panel renders the entries of
 * collapsed groups too, so the rest of a large table (62 inputs for incident)
 * made selecting a task several times slower; gated, they render on request.
 * Bound to an input so the choice is saved with the diagram: a task with
 * values in those fields shows them when reopened.
 */
export function moreFieldsToggle(count: { create: number; update: number }): TemplateProperty {
  const same = count.create === count.update;
  return {
    id: MORE_FIELDS_TOGGLE_ID,
    label: same ? `Show the other ${count.create} fields` : 'Show the other fields',
    description: `An input for each remaining writable field${same ? '' : ` (${count.create} on Create, ${count.update} on Update)`}. Hide clears the values typed in them: they are no longer sent (Undo brings them back).`,
    group: 'moreFields',
    type: 'Dropdown',
    value: 'hidden',
    // The Hide entry says what choosing it does before it is chosen.
    choices: [{ name: 'Hide (clears their values)', value: 'hidden' }, { name: same ? `Show ${count.create} more fields` : 'Show them', value: MORE_FIELDS_SHOWN }],
    binding: inputBinding(MORE_FIELDS_TOGGLE_VARIABLE),
    condition: whenOperation(...MORE_FIELDS_GATE.operations)
  };
}

export const OPERATION_INPUT_VARIABLE = 'sn_operation';

/**
 * The operation as an input for the body's FEEL (the menu is a task header,
 * which FEEL cannot read): one Hidden input per write operation, so the body
 * reads Update's own columns on Update without naming an unmapped variable
 * on Create.
 */
export function operationInputs(): TemplateProperty[] {
  return WRITE_OPERATIONS.map((operation) => ({
    id: `operationInput.${operation}`,
    type: 'Hidden',
    value: operation,
    binding: inputBinding(OPERATION_INPUT_VARIABLE),
    condition: whenOperation(operation)
  }));
}

export interface TableFieldInputs {
  /** One per writable column, for the request body, by when their inputs are mapped: always, on Update or with the toggle on, only with the toggle on. */
  inputs: { open: FieldInput[]; openOnUpdate: FieldInput[]; gated: FieldInput[] };
  /** The open group's properties in panel order: Update's set (its Update inputs), then Create's primary fields. */
  open: TemplateProperty[];
  /** The collapsed group's properties, behind the toggle. */
  collapsed: TemplateProperty[];
  /** How many columns the collapsed group holds on Create and on Update. */
  collapsedCount: { create: number; update: number };
}

/**
 * The writable columns of a table as inputs, placed by operation
 * (field-order.ts): on Create the primary fields (mandatory ones, then form
 * order), on Update its own set first and then Create's primary fields; the
 * rest by label in the collapsed group, gated by its toggle. A column both
 * sets hold gets one input per operation, each at its place in that order.
 */
export function tableFieldInputs(table: Table): TableFieldInputs {
  const writable = table.fields.filter(isOfferedForWriting);
  const primary = orderPrimaryFields(table.primaryFields
    .map((element) => findField(table, element))
    .filter((field): field is Field => field !== undefined && isOfferedForWriting(field)));
  const update = updatePrimaryFields(writable);
  const primarySet = new Set(primary.map((field) => field.element));
  const updateSet = new Set(update.map((field) => field.element));
  const rest = writable
    .filter((field) => !primarySet.has(field.element))
    .sort((a, b) => compare(a.label, b.label) || compare(a.element, b.element));
  const notes = derivedFieldNotes(table);
  const input = (field: Field, placements: Placement[]) => fieldInput(field, { placements, notes: notes.get(field.element) ?? [] });
  const open = (...operations: Operation[]): Placement => ({ operations, group: 'fields' });
  const gated = (...operations: Operation[]): Placement => ({ operations, group: 'moreFields', gate: MORE_FIELDS_GATE });
  // Update's own columns: [Create's placement, Update's].
  const updateInputs = new Map(update.map((field) => [field.element, input(field, [primarySet.has(field.element) ? open('create') : gated('create'), open('update')])]));
  const primaryInputs = primary.filter((field) => !updateSet.has(field.element)).map((field) => input(field, [open('create', 'update')]));
  const restInputs = rest.filter((field) => !updateSet.has(field.element)).map((field) => input(field, [gated('create', 'update')]));
  const updateOf = (field: Field) => updateInputs.get(field.element);
  return {
    inputs: {
      open: [...primaryInputs, ...update.filter((field) => primarySet.has(field.element)).map((field) => updateOf(field)!)],
      openOnUpdate: update.filter((field) => !primarySet.has(field.element)).map((field) => updateOf(field)!),
      gated: restInputs
    },
    open: [
      ...[...updateInputs.values()].flatMap((each) => each.placed[1]!),
      ...primary.flatMap((field) => updateOf(field)?.placed[0] ?? primaryInputs.find((each) => each.element === field.element)!.properties)
    ],
    collapsed: [
      ...rest.flatMap((field) => updateOf(field)?.placed[0] ?? restInputs.find((each) => each.element === field.element)!.properties)
    ],
    collapsedCount: { create: rest.length, update: rest.filter((field) => !updateSet.has(field.element)).length }
  };
}

/**
 * For each writable column named in a read-only column's reason (incident
 * `priority`: "derived from impact and urgency"), one short sentence naming
 * the other sources: "Together with Urgency it sets Priority, which cannot be
 * written." (the reason itself is in the metadata, not repeated per field).
 */
function derivedFieldNotes(table: Table): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  for (const derived of table.fields) {
    if (derived.writable || !derived.notWritableReason) continue;
    // Column names are words of the reason: one pass over its words, not one regex per column.
    const sources = [...new Set(derived.notWritableReason.split(/[^A-Za-z0-9_]+/))]
      .map((element) => findField(table, element))
      .filter((source): source is Field => source !== undefined && source !== derived && isOfferedForWriting(source));
    for (const source of sources) {
      const others = sources.filter((other) => other !== source).map((other) => other.label);
      const note = `${others.length ? `Together with ${others.join(' and ')} it sets` : 'It sets'} ${derived.label}, which cannot be written.`;
      notes.set(source.element, [...(notes.get(source.element) ?? []), note]);
    }
  }
  return notes;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
