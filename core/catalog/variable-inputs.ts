/**
 * One typed template input per catalog variable, and the FEEL entry that
 * puts its value into an order's `variables`.
 */
import type { CatalogRowSet, CatalogVariable } from '../metadata/catalog';
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

/** The input a multi-row set's rows are mapped to: `sn_rows_<internal name>`. */
export function rowSetInput(set: CatalogRowSet): string {
  return `sn_rows_${set.name}`;
}

/** The Modeler property of a multi-row variable set: its rows as a FEEL list of contexts, or JSON text. */
export function rowSetProperty(set: CatalogRowSet): TemplateProperty {
  const columns = set.variables.map((variable) => `<code>${variable.name}</code>${variable.mandatory ? ' (mandatory)' : ''}`).join(', ');
  const example = set.variables.slice(0, 2).map((variable) => `"${variable.name}": "…"`).join(', ');
  return {
    id: `rowSet.${set.name}`,
    label: `${set.label} (rows)`,
    description: `Multi-row variable set <code>${set.name}</code>: a list of rows, each a context of ${columns || 'the set\'s variables'}, e.g. <code>=[{${example}}]</code>; values are sent as text (a Yes/No column takes "Yes" or "No"). Or the rows as JSON text. Empty: no rows.`,
    group: VARIABLES_GROUP,
    type: 'Text',
    feel: 'required',
    binding: inputBinding(rowSetInput(set))
  };
}

const ROW_KEY = '^[A-Za-z_][A-Za-z0-9_]*$';
// Characters JSON would need escaped: FEEL has no JSON writer, and replace() reads backslashes in its replacement differently in feel-scala (Java regex) and elsewhere, so such a value fails instead of being escaped.
const NEEDS_ESCAPE = '["\\\\\\u0000-\\u001F]';

/**
 * The FEEL entry `"<internal name>": <rows as JSON text>` of a multi-row set:
 * ServiceNow keeps an MRVS value as the JSON text of an array of row objects
 * (c_GlideFormAPI getValue/setValue), so a FEEL list of contexts is written
 * out as that text; JSON text is passed on as it is, an empty input sends
 * nothing. Names and values that JSON would need to escape fail the input
 * mapping (feel-scala `assert`) with the set named.
 */
export function rowSetEntry(set: CatalogRowSet): string {
  const input = rowSetInput(set);
  const fail = (value: string, cause: string) => `assert(${value}, false, ${feelString(`ServiceNow order: rows of ${set.name}: ${cause}`)})`;
  const key = `(if matches(entry.key, ${feelString(ROW_KEY)}) then entry.key else ${fail('entry.key', 'a column name must be a variable name (letters, digits and _)')})`;
  const text = `(if matches(string(entry.value), ${feelString(NEEDS_ESCAPE)}) then ${fail('entry.value', 'a value holds a double quote, a backslash or a control character; give the rows as JSON text instead')} else string(entry.value))`;
  const quote = feelString('"');
  const row = `(if row instance of context then "{" + string join(for entry in get entries(row)[item.value != null] return ${quote} + ${key} + ${feelString('":"')} + ${text} + ${quote}, ",") + "}" else ${fail('row', 'each row must be a context of column values')})`;
  const value = `if ${input} = null or ${input} = "" then null else if ${input} instance of string then ${input} else if ${input} instance of list then "[" + string join(for row in ${input} return ${row}, ",") + "]" else ${fail(input, 'give a list of rows (contexts) or JSON text')}`;
  return `${feelString(set.name)}: ${value}`;
}
