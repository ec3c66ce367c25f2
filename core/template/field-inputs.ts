import type { Field } from '../metadata/model';
import { fieldKind, offeredChoices, type FieldKind } from './field-kinds';
import { feelString } from './body';
import { allOf, inputBinding, whenOperation, type Operation } from './operations';
import { INPUT_DISPLAY_VALUE_ID } from './query-params';
import { article, INPUT_FORMATS } from '../metadata/field-types';
import { holdsBareSecret, optionalPattern, safeTextPattern } from './patterns';
import type { Choice, Condition, Constraints, Pattern, TemplateProperty } from './types';

/** The dropdown entry that reveals a free-text input for any other value or a FEEL expression. */
const OTHER_CHOICE = '__other__';

/** One writable column as template properties plus its entry in the request body. */
export interface FieldInput {
  /** The column name, the key in the request body. */
  element: string;
  properties: TemplateProperty[];
  /** The same properties by placement (a mandatory column's Create placement split off Update's counts as two). */
  placed: TemplateProperty[][];
  /** FEEL expression of the value sent for this column (null when unset). */
  bodyValue: string;
}

/**
 * A condition besides the operation (the collapsed group's toggle), and the
 * operations its property is shown on: elsewhere that property is inactive,
 * the Modeler removes its input, and the condition cannot hold.
 */
export interface Gate {
  condition: Condition;
  operations: readonly Operation[];
}

/** Where a column's input sits for some operations: its group, and a gate. */
export interface Placement {
  operations: Operation[];
  group: string;
  gate?: Gate;
}

export interface FieldInputOptions {
  /**
   * One entry per distinct place: a column shown first on Update but in the
   * collapsed group on Create gets two, one input each, bound to the same
   * variable (their conditions never hold together).
   */
  placements: Placement[];
  /** Extra sentences (e.g. that the field sets a derived one). */
  notes: string[];
}

/**
 * A FEEL-safe variable name for a column, prefixed so it never shadows a
 * process variable. Characters FEEL names cannot hold are spelled out
 * (`-` → `_x2d_`), so two columns never share a variable.
 */
export function fieldVariable(field: Field, prefix = 'sn_f_'): string {
  return prefix + field.element.replace(/[^A-Za-z0-9_]/g, (character) => `_x${character.codePointAt(0)?.toString(16)}_`);
}

/**
 * The input(s) of one writable column, one per placement. Mandatory columns
 * are required on Create only, so they get a placement of their own for
 * Update. The first placement's input is `field.<element>`, the Update one
 * `field.<element>.update`; a choice column's free-text companion appends
 * `.other`.
 */
export function fieldInput(field: Field, options: FieldInputOptions): FieldInput {
  const kind = fieldKind(field);
  const variable = fieldVariable(field);
  const description = describe(field, kind, options.notes);
  const placeholder = placeholderFor(field, kind);
  const placements = field.mandatory ? splitCreate(options.placements) : options.placements;
  const other = fieldVariable(field, 'sn_o_');
  const placed = placements.map((placement, index): TemplateProperty[] => {
    const id = index === 0 ? `field.${field.element}` : `field.${field.element}.update`;
    const required = field.mandatory && placement.operations.includes('create');
    const input: TemplateProperty = {
      id,
      label: field.label,
      ...(description ? { description } : {}),
      ...(placeholder ? { placeholder } : {}),
      group: placement.group,
      binding: inputBinding(variable),
      ...typedShape(field, kind)
    };
    if (required) input.constraints = { ...input.constraints, notEmpty: true };
    input.condition = conditionOf(placement);
    if (DISPLAY_VALUE_KINDS.has(kind)) return byInputMode(input, field, kind);
    if (kind !== 'choice') return [input];
    return [input, {
      id: `${id}.other`,
      label: `${field.label}: other value`,
      description: 'Any value the choice list lacks, or a FEEL expression.',
      group: placement.group,
      type: 'String',
      feel: 'optional',
      binding: inputBinding(other),
      condition: conditionOf(placement, { property: id, equals: otherChoiceValue(field) }),
      constraints: { notEmpty: true, pattern: safeTextPattern() }
    }];
  });
  const bodyValue = kind === 'choice' ? `(if ${variable} = "${otherChoiceValue(field)}" then ${other} else ${variable})` : variable;
  return { element: field.element, properties: placed.flat(), placed, bodyValue };
}

/** Kinds whose input reads differently when the task sends display values (sysparm_input_display_value). */
const DISPLAY_VALUE_KINDS = new Set<FieldKind>(['reference', 'list']);

/**
 * A reference (or list) column as two inputs on one variable, one per state
 * of "Values sent" (stored or display values): with display values ServiceNow looks the referenced record
 * up by its display value (a user's name), so the sys_id pattern would refuse
 * exactly what the box invites. Conditions, not the plugin, switch them, so
 * Web Modeler (no plugin) shows the right check too.
 */
function byInputMode(property: TemplateProperty, field: Field, kind: FieldKind): TemplateProperty[] {
  const stored = { ...property, condition: allOf(...flatConditions(property.condition), { property: INPUT_DISPLAY_VALUE_ID, oneOf: ['false', ''] }) };
  const placeholder = displayValuePlaceholder(field, kind);
  const display: TemplateProperty = {
    ...property,
    id: `${property.id}.display`,
    ...(placeholder ? { placeholder } : {}),
    constraints: { ...(property.constraints?.notEmpty ? { notEmpty: true } : {}), pattern: safeTextPattern() },
    condition: allOf(...flatConditions(property.condition), { property: INPUT_DISPLAY_VALUE_ID, equals: 'true' })
  };
  return [stored, display];
}

function flatConditions(condition: Condition | undefined): Condition[] {
  if (!condition) return [];
  return 'allMatch' in condition ? condition.allMatch : [condition];
}

function displayValuePlaceholder(field: Field, kind: FieldKind): string | undefined {
  if (!field.reference) return undefined;
  return kind === 'list'
    ? `Display values of ${field.reference} records (e.g. names), comma-separated`
    : `Display value of ${article(field.reference)} ${field.reference} record, e.g. its name`;
}

/** Create's placement on its own (its input is required), the other operations in a second one at the same place. */
function splitCreate(placements: Placement[]): Placement[] {
  return placements.flatMap((placement) => {
    const rest = placement.operations.filter((operation) => operation !== 'create');
    if (rest.length === placement.operations.length || rest.length === 0) return [placement];
    return [{ ...placement, operations: ['create'] }, { ...placement, operations: rest }];
  });
}

/**
 * The operations, the gate, then `extra`. A gate covering only operations of
 * the placement implies them, so they are left out: every condition costs
 * the Modeler work on each change while a template applies.
 */
function conditionOf(placement: Placement, ...extra: Condition[]): Condition {
  const { gate } = placement;
  const implied = gate !== undefined && gate.operations.every((operation) => placement.operations.includes(operation));
  const parts = [...(implied ? [] : [whenOperation(...placement.operations)]), ...(gate ? [gate.condition] : []), ...extra];
  return parts.length === 1 ? parts[0]! : allOf(...parts);
}

/** What a patterned input says when its value does not match (the pattern itself is the field-type table's). */
const PATTERN_MESSAGES: Partial<Record<FieldKind, string>> = {
  reference: 'must be a sys_id (32 hex characters) or a FEEL expression',
  integer: 'must be a whole number, or a FEEL expression',
  decimal: 'must be a number such as 12.5, or a FEEL expression',
  datetime: 'must be yyyy-MM-dd HH:mm:ss, or a FEEL expression',
  duration: 'must be yyyy-MM-dd HH:mm:ss, or a FEEL expression',
  date: 'must be yyyy-MM-dd, or a FEEL expression',
  time: 'must be HH:mm:ss, or a FEEL expression',
  secret: 'must be a {{secrets.NAME}} placeholder or a FEEL expression, never the password itself'
};

/** Type, choices, FEEL support and constraints by kind of column. */
function typedShape(field: Field, kind: FieldKind): Pick<TemplateProperty, 'type' | 'feel' | 'choices' | 'constraints' | 'value'> {
  switch (kind) {
    case 'choice':
      return { type: 'Dropdown', value: '', choices: choiceList(field) };
    case 'boolean':
      return { type: 'Dropdown', value: '', choices: [{ name: '(not set)', value: '' }, { name: 'true', value: 'true' }, { name: 'false', value: 'false' }] };
    case 'longText':
      return { type: 'Text', feel: 'optional', constraints: freeText(field) };
    default: {
      const pattern = INPUT_FORMATS[kind].pattern;
      if (pattern !== undefined) return textInput(optionalPattern(pattern, PATTERN_MESSAGES[kind] ?? 'has an unexpected form, or write a FEEL expression'));
      return { type: 'String', feel: 'optional', constraints: freeText(field) };
    }
  }
}

function textInput(pattern: Pattern): Pick<TemplateProperty, 'type' | 'feel' | 'constraints'> {
  return { type: 'String', feel: 'optional', constraints: { pattern } };
}

/** Free text: the column's length limit, and only text the runtime passes on unchanged (patterns.ts SAFE_TEXT). */
function freeText(field: Field): Constraints {
  return { ...(field.maxLength && field.maxLength > 0 ? { maxLength: field.maxLength } : {}), pattern: safeTextPattern() };
}

/**
 * Not set, the active choices by label (sending the value), then "other".
 * A value appears once: dependent lists repeat values under several parents
 * (the first label wins). A blank value is left out: "(not set)" stands for
 * it, and the Modeler counts blanks as empty.
 */
function choiceList(field: Field): Choice[] {
  const seen = new Set<string>();
  // A value holding secrets.<name> cannot be sent: the connector would replace it.
  const choices = offeredChoices(field).filter((choice) => !holdsBareSecret(choice.value) && !seen.has(choice.value) && seen.add(choice.value));
  const labelCounts = new Map<string, number>();
  for (const choice of choices) labelCounts.set(choice.label, (labelCounts.get(choice.label) ?? 0) + 1);
  return [
    { name: '(not set)', value: '' },
    ...choices.map((choice) => ({
      name: (labelCounts.get(choice.label) ?? 0) > 1 || !choice.label ? `${choice.label || choice.value} (${choice.value})` : choice.label,
      value: choiceInputValue(choice.value)
    })),
    { name: 'Other value or FEEL expression…', value: otherChoiceValue(field) }
  ];
}

/**
 * What a dropdown stores for a choice value: the value itself, unless the
 * engine would read it as FEEL (it starts with `=`) or decode it (it holds a
 * backslash); then a FEEL string literal of it, so ServiceNow still
 * receives the value as it is.
 */
export function choiceInputValue(value: string): string {
  return value.trim().startsWith('=') || value.includes('\\') ? `=${feelString(value)}` : value;
}

/** The "other" entry's value, never equal to a real choice value. */
function otherChoiceValue(field: Field): string {
  let value = OTHER_CHOICE;
  while (field.choices.some((choice) => choice.value === value)) value = `_${value}_`;
  return value;
}

/**
 * What to type, shown in the empty input: the referenced table, the format
 * (the field-type table's placeholder of the column's input kind).
 * A placeholder where a description would do: the Modeler sanitizes every
 * description through DOMParser on each render of the panel, and a form of
 * a dozen inputs with descriptions renders measurably slower.
 */
function placeholderFor(field: Field, kind: FieldKind): string | undefined {
  return kind === 'choice' ? undefined : INPUT_FORMATS[kind].placeholder?.(field);
}

/** Notes the label and placeholder cannot carry; most fields have none. */
const KIND_NOTES: Partial<Record<FieldKind, string>> = {
  duration: 'A duration, written as the time after 1970-01-01 00:00:00: 1970-01-02 04:00:00 is 1 day 4 hours.',
  secret: 'A password: give a {{secrets.NAME}} placeholder (the connector runtime fills it in) or a FEEL expression, never the password itself, which would be stored in the diagram. ServiceNow stores it encrypted.'
};

/**
 * A description only where it says something the label, the placeholder and
 * the validation do not (mandatory fields show their "must not be empty"
 * error on Create by themselves).
 */
function describe(field: Field, kind: FieldKind, notes: string[]): string | undefined {
  const parts: string[] = [];
  const note = KIND_NOTES[kind];
  if (note) parts.push(note);
  if (kind === 'choice' && field.dependentOnField) parts.push(`Choices depend on ${field.dependentOnField}.`);
  parts.push(...notes);
  return parts.length > 0 ? parts.join(' ') : undefined;
}
