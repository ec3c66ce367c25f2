/**
 * Resolves field paths (`caller_id.department.name`) against table
 * metadata: follows reference fields into referenced tables present in the
 * metadata, suggests fields for unknown names (by label and edit distance).
 */
import type { FieldPath, Name } from '../ast';
import type { Diagnostic, Severity } from '../diagnostics';
import { findField, type Field, type Metadata, type Table } from '../../metadata/model';
import { OPAQUE } from '../scan';
import { closestMatch } from '../../text/close-matches';
import { fieldPath } from '../values';

export interface Resolution {
  /** The last segment's field. */
  field: Field;
  /** The table holding `field` (the queried one, or the last table walked into). */
  table: Table;
}

/** System columns every table has; used when a snapshot leaves them out. */
const SYSTEM_FIELDS: Array<[string, string, string]> = [
  ['sys_id', 'Sys ID', 'GUID'],
  ['sys_created_on', 'Created', 'glide_date_time'],
  ['sys_created_by', 'Created by', 'string'],
  ['sys_updated_on', 'Updated', 'glide_date_time'],
  ['sys_updated_by', 'Updated by', 'string'],
  ['sys_mod_count', 'Updates', 'integer'],
  ['sys_class_name', 'Class', 'sys_class_name'],
  ['sys_domain', 'Domain', 'domain_id'],
  ['sys_domain_path', 'Domain Path', 'domain_path']
];

const systemFields = new Map<string, Field>(SYSTEM_FIELDS.map(([element, label, internalType]) => [element, {
  element, label, internalType, mandatory: false, readOnly: true, choices: [], choiceMode: 0, definedOn: '', writable: false
}]));

/** Per table, its fields over the system columns: one lookup per name (validation and explanation ask for every segment). */
const fieldIndexes = new WeakMap<Table, Map<string, Field>>();

/**
 * The index asked for last: a check asks for one table's fields many times in
 * a row, and the WeakMap lookup cost more than the field's own. Holds that one
 * table until another is asked for.
 */
let lastTable: Table | undefined;
let lastIndex: Map<string, Field> | undefined;

/** A field of `table`, falling back to the system columns every table has. */
export function lookupField(table: Table, element: string): Field | undefined {
  if (table === lastTable) return lastIndex!.get(element);
  let index = fieldIndexes.get(table);
  if (!index) {
    index = new Map(systemFields);
    for (const field of table.fields) index.set(field.element, findField(table, field.element)!);
    fieldIndexes.set(table, index);
  }
  lastTable = table;
  lastIndex = index;
  return index.get(element);
}

/** The field the path names and its table, when every segment resolves; why not goes into `diagnostics`. */
export function resolvePath(path: FieldPath, root: Table, metadata: Metadata, diagnostics: Diagnostic[]): Resolution | undefined {
  if (path.raw.includes(OPAQUE)) {
    diagnostics.push({ severity: 'info', code: 'field.dynamic', start: path.start, end: path.end, message: 'This field name is computed at runtime, so it cannot be checked.' });
    return undefined;
  }
  let table = root;
  const { segments } = path;
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    if (index === 0 && (segment.name === 'sys_tags' || (segment.name === 'variables' && segments.length > 1))) {
      return undefined; // tags and catalog variables are addressed by sys_id, not by column
    }
    // `ref_incident.caller_id` on task: a downcast to the child table.
    if (segment.name.startsWith('ref_') && index < segments.length - 1) {
      const downcast = segment.name.slice(4);
      const target = metadata.tables.get(downcast);
      if (!target) {
        diagnostics.push(unverifiable({ start: segment.start, end: path.end }, downcast, segments.slice(index + 1)));
        return undefined;
      }
      // Only a table of the same class hierarchy can be read in place of this one (ref_incident on task, not ref_sys_user).
      if (!target.hierarchy.includes(table.name) && !table.hierarchy.includes(target.name)) {
        diagnostics.push({ severity: 'error', code: 'field.unknown', start: segment.start, end: segment.end,
          message: `${segment.name} reads the ${table.name} record as ${downcast}, which does not extend ${table.name}: no record is both, so ServiceNow would silently drop this condition.` });
        return undefined;
      }
      table = target;
      continue;
    }
    const field = lookupField(table, segment.name);
    if (!field) {
      diagnostics.push(unknownField(segment, path, table, metadata));
      return undefined;
    }
    if (index === segments.length - 1) {
      return { field, table };
    }
    if (!field.reference || field.internalType === 'glide_list') {
      const next = segments[index + 1]!;
      diagnostics.push({
        severity: 'error', code: 'field.not-reference', start: next.start, end: path.end,
        message: `${segment.name} is not a reference field (it is ${article(field.internalType)}), so ".${path.raw.slice(next.start - path.start)}" cannot be followed and ServiceNow would drop this condition.`
      });
      return undefined;
    }
    const target = metadata.tables.get(field.reference);
    if (!target) {
      diagnostics.push(unverifiable({ start: segments[index + 1]!.start, end: path.end }, field.reference, segments.slice(index + 1)));
      return undefined;
    }
    table = target;
  }
  return undefined;
}

function unverifiable(range: { start: number; end: number }, table: string, rest: Name[]): Diagnostic {
  return {
    severity: 'info', code: 'field.unverifiable', start: range.start, end: range.end,
    message: `${table} is not in the metadata, so ${rest.map((segment) => segment.name).join('.')} cannot be checked.`
  };
}

function unknownField(segment: Name, path: FieldPath, table: Table, metadata: Metadata): Diagnostic {
  const suggestion = commaForDot(segment, path, table, metadata) ?? suggestField(segment.name, table);
  // u_ (customer), x_ (scoped app) and sn_ (store app) columns exist only where those are installed.
  const custom = /^(u_|x_|sn_)/.test(segment.name);
  const lenient = metadata.origin === 'template' || (custom && (metadata.origin === 'bundled' || metadata.origin === 'sdk'));
  const severity: Severity = lenient ? 'warning' : 'error';
  const where = segment.start === path.start ? table.name : `${table.name} (reached through ${path.raw.slice(0, segment.start - path.start - 1)})`;
  const message = lenient && custom
    ? `${segment.name} is not in the ${metadata.origin} metadata of ${table.name}: custom fields exist only on your instance, so this name cannot be checked here. Compare it with the table's column names on your instance.`
    : `${segment.name} is not a field of ${where}, so ServiceNow would silently drop this condition and return more records${suggestion ? `; did you mean ${suggestion}?` : '.'}`;
  const diagnostic: Diagnostic = { severity, code: 'field.unknown', start: segment.start, end: segment.end, message };
  if (suggestion) diagnostic.suggestion = suggestion;
  return diagnostic;
}

/**
 * `cmdb_ci,sys_class_name`: a comma typed for the dot of a dot-walk (a public
 * Grafana ServiceNow dashboard has one). The segment with dots, when it and
 * the rest of the path resolve from `table`.
 */
function commaForDot(segment: Name, path: FieldPath, table: Table, metadata: Metadata): string | undefined {
  if (!segment.name.includes(',')) return undefined;
  const dotted = segment.name.replaceAll(',', '.');
  const candidate = dotted + path.raw.slice(segment.end - path.start);
  return resolvePath(fieldPath(candidate, 0, candidate.length), table, metadata, []) ? dotted : undefined;
}

/** Suggestions per table and written name: live validation re-checks the same query on every keystroke. */
const suggestions = new WeakMap<Table, Map<string, string | undefined>>();

/** By label (`Short description`), by a name with spaces, by prefix (`caller` → `caller_id`), then by edit distance. */
export function suggestField(written: string, table: Table): string | undefined {
  let cache = suggestions.get(table);
  if (!cache) suggestions.set(table, (cache = new Map()));
  if (cache.has(written)) return cache.get(written);
  const suggestion = computeSuggestion(written, table);
  if (cache.size >= 1000) cache.clear();
  cache.set(written, suggestion);
  return suggestion;
}

function computeSuggestion(written: string, table: Table): string | undefined {
  const normalized = written.trim().toLowerCase().replace(/\s+/g, ' ');
  if (normalized === '') return undefined;
  const byLabel = table.fields.find((field) => field.label.toLowerCase() === normalized);
  if (byLabel) return byLabel.element;
  const asName = normalized.replace(/ /g, '_');
  if (lookupField(table, asName)) return asName;
  const prefixed = table.fields
    .filter((field) => field.element.startsWith(`${asName}_`))
    .sort((a, b) => a.element.length - b.element.length)[0];
  if (prefixed) return prefixed.element;
  return closestMatch(asName, table.fields.map((field) => field.element));
}

function article(type: string): string {
  return /^[aeiou]/i.test(type) ? `an ${type}` : `a ${type}`;
}
