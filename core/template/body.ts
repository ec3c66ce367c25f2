import { inputBinding, whenOperation, WRITE_OPERATIONS } from './operations';
import { optionalPattern } from './patterns';
import type { TemplateProperty } from './types';

export const ADDITIONAL_FIELDS_VARIABLE = 'sn_additionalFields';

/**
 * FEEL that keeps only the entries whose value is set (not null, not an
 * empty string), so an Update that sets one field sends exactly that field
 * and blanks nothing. Empty strings count as unset because a cleared input
 * may be persisted as `source=""`, which the engine reads as "". The type
 * check comes first: FEEL compares a number with "" to null, not false.
 */
export function withoutUnset(contextExpression: string): string {
  return `context(get entries(${contextExpression})${SET_ENTRIES})`;
}

const SET_ENTRIES = '[item.value != null and not(item.value instance of string and item.value = "")]';

/**
 * A FEEL string literal that feel-scala reads back as `text`. Its parser
 * decodes `\n \r \t \b \f \' \" \\` one regex after another, each skipping
 * an escape preceded by a backslash (FeelParser.scala `translateEscapes`), so
 * a backslash next to another escape would not decode as written: every
 * backslash becomes a literal of its own, joined with `+`.
 */
export function feelString(text: string): string {
  const quote = (part: string) => `"${part.replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
  return text.includes('\\') ? `(${text.split('\\').map(quote).join(' + "\\\\" + ')})` : quote(text);
}

/**
 * The "additional fields" FEEL context, for custom (`u_*`) columns and
 * anything the template lacks. FEEL is optional rather than required so the
 * empty input is a plain text area (typing `=` turns it into the FEEL
 * editor): a FEEL editor mounts CodeMirror, whose measuring pass delays the
 * whole panel by a frame on every selection. The pattern turns
 * away plain text, which could not be a context.
 */
export function additionalFieldsProperty(group: string): TemplateProperty {
  return {
    id: 'additionalFields',
    label: 'Additional fields',
    description: 'A FEEL context merged into the request body, e.g. <code>={"u_cost_center": costCenter}</code>. Fields set above take precedence. Sent as given: use it to clear a field, e.g. <code>={"assigned_to": ""}</code>.',
    group,
    type: 'Text',
    feel: 'optional',
    binding: inputBinding(ADDITIONAL_FIELDS_VARIABLE),
    constraints: { pattern: optionalPattern('', 'must be a FEEL context: start with =, e.g. ={"u_cost_center": costCenter}') },
    condition: whenOperation(...WRITE_OPERATIONS)
  };
}

export interface BodyGate {
  /** The toggle's input variable and the value that shows the gated inputs. */
  variable: string;
  shown: string;
  /** Column name → FEEL value of the inputs mapped only while the toggle is on. */
  entries: [string, string][];
  /** Entries open on Update but behind the toggle on Create, and the input that says the operation is Update. */
  update?: { variable: string; entries: [string, string][] };
}

/**
 * The Hidden `body` for Create and Update: the additional fields, then
 * every set field (`entries`: column name → FEEL value), unset ones dropped.
 * Gated entries are read only while their toggle is on: otherwise their
 * inputs are not mapped and reading them would name missing variables.
 * Fields are a `{key, value}` list for `context()`, not a context literal:
 * a column named like a FEEL keyword (`if`, `then`) as a literal's key
 * becomes a name for the later entries, and feelin then misreads an `if`
 * after it.
 */
export function bodyProperty(entries: [string, string][], gate?: BodyGate): TemplateProperty {
  const list = (items: [string, string][]) => `[${items.map(([name, value]) => `{key: ${feelString(name)}, value: ${value}}`).join(', ')}]`;
  const shown = gate ? `${gate.variable} = ${feelString(gate.shown)}` : '';
  const parts = [
    list(entries),
    ...(gate?.update && gate.update.entries.length > 0 ? [`if ${shown} or ${gate.update.variable} = "update" then ${list(gate.update.entries)} else []`] : []),
    ...(gate && gate.entries.length > 0 ? [`if ${shown} then ${list(gate.entries)} else []`] : [])
  ];
  const fields = parts.length > 1 ? `concatenate(${parts.join(', ')})` : list(entries);
  const additional = requireContext(ADDITIONAL_FIELDS_VARIABLE, 'Additional fields must be a FEEL context such as {"u_cost_center": costCenter}', true);
  return {
    id: 'body',
    type: 'Hidden',
    value: `=context merge(${additional}, context((${fields})${SET_ENTRIES}))`,
    binding: inputBinding('body'),
    condition: whenOperation(...WRITE_OPERATIONS)
  };
}

/**
 * `variable` if it is a context (unset counts as `{}` when `optional`),
 * otherwise a failed input mapping: feel-scala's `assert` (1.18+,
 * BooleanBuiltinFunctions.scala) fails the evaluation, so Zeebe raises an
 * incident with `cause` instead of the connector sending an empty body.
 */
export function requireContext(variable: string, cause: string, optional = false): string {
  const unset = optional ? ` else if ${variable} = null or ${variable} = "" then {}` : '';
  return `(if ${variable} instance of context then ${variable}${unset} else assert(${variable}, false, ${feelString(cause)}))`;
}
