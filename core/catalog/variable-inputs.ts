/**
 * One typed template input per catalog variable, and the FEEL entry that
 * puts its value into an order's `variables`.
 */
import type { CatalogVariable } from '../metadata/catalog';
import { feelString } from '../template/body';
import { inputBinding } from '../template/operations';
import { DATE, DATE_TIME, INTEGER, safeTextPattern, SYS_ID } from '../template/patterns';
import type { Pattern, TemplateProperty } from '../template/types';

export const VARIABLES_GROUP = 'variables';

/** The input a variable's value is mapped to: `sn_v_<name>`. */
export function variableInput(variable: CatalogVariable): string {
  return `sn_v_${variable.name}`;
}

interface Typing {
  core?: string;
  message?: string;
  hint: string;
}

function typing(variable: CatalogVariable): Typing {
  const table = variable.reference ? `a <code>${variable.reference}</code> record` : 'the referenced record';
  switch (variable.kind) {
    case 'reference':
      return { core: SYS_ID, message: 'must be a sys_id: 32 hexadecimal characters (or a FEEL expression starting with =).', hint: `The sys_id of ${table}.` };
    case 'list':
      return { core: `${SYS_ID}(,${SYS_ID})*`, message: 'must be sys_ids separated by commas (or a FEEL expression).', hint: `Comma-separated sys_ids of ${variable.reference ? `<code>${variable.reference}</code>` : 'the list table\'s'} records.` };
    case 'date':
      return { core: DATE, message: 'must be a date as yyyy-MM-dd (or a FEEL expression).', hint: 'A date as <code>yyyy-MM-dd</code> (the instance\'s internal format).' };
    case 'dateTime':
      return { core: DATE_TIME, message: 'must be a date and time as yyyy-MM-dd HH:mm:ss (or a FEEL expression).', hint: 'Date and time as <code>yyyy-MM-dd HH:mm:ss</code> in the user\'s time zone.' };
    case 'number':
      return { core: INTEGER, message: 'must be a whole number (or a FEEL expression).', hint: 'A whole number.' };
    case 'email':
      return { core: '[^@\\s]+@[^@\\s]+', message: 'must be an email address (or a FEEL expression).', hint: 'An email address.' };
    default:
      return { hint: '' };
  }
}

/** The Modeler property of one variable. */
export function variableProperty(variable: CatalogVariable): TemplateProperty {
  const base = {
    id: `variable.${variable.name}`,
    label: variable.label || variable.name,
    group: VARIABLES_GROUP,
    binding: inputBinding(variableInput(variable))
  };
  const required = variable.mandatory ? ' Mandatory on the catalog form: the order needs it.' : '';
  if (variable.kind === 'yesNo' || variable.kind === 'checkbox') {
    const on = variable.kind === 'yesNo' ? variable.defaultValue?.toLowerCase() === 'yes' : variable.defaultValue === 'true';
    return { ...base, description: `<code>${variable.name}</code>, sent as ${variable.kind === 'yesNo' ? '"Yes" or "No"' : '"true" or "false"'}.`, type: 'Boolean', feel: 'static', value: on };
  }
  if (variable.kind === 'choice' && variable.choices.length > 0) {
    const values = variable.choices.map((choice) => choice.value);
    const preset = variable.defaultValue !== undefined && values.includes(variable.defaultValue) ? variable.defaultValue : '';
    return {
      ...base,
      description: `<code>${variable.name}</code>.${required}`,
      type: 'Dropdown',
      value: preset,
      choices: [{ name: variable.mandatory ? '-- Select --' : '-- None --', value: '' }, ...variable.choices.map((choice) => ({ name: choice.label, value: choice.value }))],
      ...(variable.mandatory ? { constraints: { notEmpty: true } } : {})
    };
  }
  const { core, message, hint } = typing(variable);
  // Static text must also survive Zeebe's escapes and the runtime's secrets (safeTextPattern); an optional input may stay empty.
  const pattern: Pattern = core && message ? safeTextPattern(variable.mandatory ? core : `(?:${core})?|undefined`, message) : safeTextPattern();
  const constraints = { ...(variable.mandatory ? { notEmpty: true } : {}), pattern };
  return {
    ...base,
    description: [`<code>${variable.name}</code>.`, hint, required.trim()].filter(Boolean).join(' '),
    type: variable.kind === 'text' && variable.typeCode === '2' ? 'Text' : 'String',
    feel: 'optional',
    ...(variable.defaultValue !== undefined && !variable.defaultValue.startsWith('javascript:') ? { value: variable.defaultValue } : {}),
    constraints
  };
}

/** The FEEL entry `"name": value` of one variable in the order body. */
export function variableEntry(variable: CatalogVariable): string {
  const input = variableInput(variable);
  const value =
    variable.kind === 'yesNo' ? `if ${input} = true then "Yes" else "No"`
      : variable.kind === 'checkbox' ? `if ${input} = true then "true" else "false"`
        : `if ${input} = null then null else string(${input})`;
  return `${feelString(variable.name)}: ${value}`;
}
