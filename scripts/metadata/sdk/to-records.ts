/**
 * Turns a parsed Fluent table into the Table API records an instance would
 * return for it (sys_db_object, sys_dictionary, sys_dictionary_override,
 * sys_choice), every value a string as in metadata/README.md.
 */
import { columnFunctionTypes, OVERRIDE_FUNCTION, typeFromOption } from './column-types';
import type { SdkColumn, SdkRecord, SdkTable } from './parse-table-source';

export type RawRecord = Record<string, string>;

export interface TableRecords {
  table: RawRecord;
  columns: RawRecord[];
  overrides: RawRecord[];
  choices: RawRecord[];
}

const dropdownModes: Record<string, string> = { none: '0', dropdown_with_none: '1', suggestion: '2', dropdown_without_none: '3' };

export function tableRecord(name: string, label: string | undefined, superClass: string | undefined): RawRecord {
  return { name, label: label ?? '', 'super_class.name': superClass ?? '' };
}

export function sdkTableRecords(table: SdkTable, problems: string[]): TableRecords {
  const records: TableRecords = {
    table: tableRecord(table.name, englishLabel(table.config['label']), text(table.config['extends'])),
    columns: [],
    overrides: [],
    choices: []
  };
  for (const column of table.columns) {
    if (column.kind === OVERRIDE_FUNCTION) {
      records.overrides.push(overrideRecord(table.name, column));
      continue;
    }
    const type = internalType(column);
    if (type === undefined) {
      problems.push(`${column.at}: ${table.name}.${column.element} uses ${column.kind}, whose internal type the importer does not know; add it to scripts/metadata/sdk/column-types.ts`);
      continue;
    }
    const record = columnRecord(table.name, column, type);
    records.columns.push(record);
    // The loader skips an inactive column, so its choices would name a column that does not exist.
    if (record['active'] !== 'false') records.choices.push(...choiceRecords(table.name, column));
  }
  return records;
}

function internalType(column: SdkColumn): string | undefined {
  const { config } = column;
  if (typeFromOption.has(column.kind) || typeof config['columnType'] === 'string' || typeof config['column_type'] === 'string') {
    return text(config['columnType']) ?? text(config['column_type']) ?? columnFunctionTypes[column.kind];
  }
  if (column.kind === 'StringColumn' && config['isFullUTF8'] === true) return 'string_full_utf8';
  return columnFunctionTypes[column.kind];
}

export function columnRecord(table: string, column: SdkColumn, type: string): RawRecord {
  const { config } = column;
  // Every option has a deprecated snake_case spelling the SDK still accepts (src/db/Column.ts, types/Reference.ts, types/Choice.ts).
  const dynamicOption = config['dynamicValueDefinitions'] ?? config['dynamic_value_definitions'];
  const dynamic = isRecord(dynamicOption) ? dynamicOption : {};
  const fromOtherTable = dynamic['type'] === 'choices_from_other_table';
  const calculated = dynamic['type'] === 'calculated_value' || config['formula'] !== undefined || config['functionDefinition'] !== undefined || config['function_definition'] !== undefined;
  const readOnly = config['readOnly'] === true || config['read_only'] === true || config['readOnlyOption'] !== undefined;
  const dependent = text(config['dependent']);
  // A journal_list's `dependent` lists the journals it shows; elsewhere it names the field that filters this one.
  const listsJournals = type === 'journal_list';
  return {
    name: table,
    element: column.element,
    column_label: englishLabel(config['label']) ?? '',
    internal_type: type,
    max_length: text(config['maxLength']) ?? '',
    mandatory: flag(config['mandatory']),
    read_only: flag(readOnly),
    reference: text(config['referenceTable']) ?? '',
    reference_key: text(config['referenceKey']) ?? text(config['reference_key']) ?? '',
    default_value: text(config['default']) ?? '',
    choice: typeof config['dropdown'] === 'string' ? (dropdownModes[config['dropdown']] ?? '') : '',
    choice_table: fromOtherTable ? (text(dynamic['table']) ?? '') : '',
    choice_field: fromOtherTable ? (text(dynamic['field']) ?? '') : '',
    dependent_on_field: listsJournals ? '' : (dependent ?? ''),
    dependent: listsJournals ? (dependent ?? '') : '',
    virtual: flag(calculated),
    active: flag(config['active'] !== false)
  };
}

function overrideRecord(table: string, column: SdkColumn): RawRecord {
  const { config } = column;
  const pair = (key: string, value: string | undefined) => ({ [`${key}_override`]: flag(value !== undefined), [key]: value ?? '' });
  return {
    name: table,
    element: column.element,
    base_table: text(config['baseTable']) ?? '',
    ...pair('mandatory', config['mandatory'] === undefined ? undefined : flag(config['mandatory'])),
    ...pair('read_only', config['readOnlyOption'] === undefined ? undefined : 'true'),
    ...pair('default_value', text(config['default'])),
    ...pair('dependent', text(config['dependent'])),
    calculation_override: flag(config['calculation'] !== undefined)
  };
}

/** `choices: { value: 'Label' | {label, sequence, ...} | [{...}] }`; only English (or unmarked) entries. */
function choiceRecords(table: string, column: SdkColumn): RawRecord[] {
  const choices = column.config['choices'];
  if (!isRecord(choices)) return [];
  const records: RawRecord[] = [];
  for (const [value, definition] of Object.entries(choices)) {
    // The '' entry is the dropdown's "-- None --" line, which `choice` (dropdown_with_none) already says; sys_choice has no such record.
    if (value === '') continue;
    const entries = Array.isArray(definition) ? definition : [definition];
    for (const entry of entries) {
      const config = typeof entry === 'string' ? { label: entry } : isRecord(entry) ? entry : {};
      const language = text(config['language']) ?? 'en';
      if (language !== 'en') continue;
      records.push(choiceRecord(table, column.element, {
        value,
        label: text(config['label']),
        sequence: text(config['sequence']),
        inactive: config['inactive'] === true,
        dependentValue: text(config['dependentValue']) ?? text(config['dependent_value'])
      }));
    }
  }
  return records;
}

export function choiceRecord(
  table: string,
  element: string,
  choice: { value: string; label?: string; sequence?: string; inactive?: boolean; dependentValue?: string }
): RawRecord {
  return {
    name: table,
    element,
    value: choice.value,
    label: choice.label ?? choice.value,
    sequence: choice.sequence ?? '',
    inactive: flag(choice.inactive === true),
    language: 'en',
    dependent_value: choice.dependentValue ?? ''
  };
}

/**
 * A `Record({ table: 'sys_dictionary' | 'sys_choice', data })` as the Table API
 * record it writes: the data's fields are the record's columns already, only
 * their values become strings. Undefined (with a problem) when a key is missing.
 */
export function recordOfSdkRecord(record: SdkRecord, problems: string[]): { table: SdkRecord['table']; record: RawRecord } | undefined {
  const data = Object.fromEntries(Object.entries(record.data).flatMap(([key, value]) => {
    const string = text(value);
    return string === undefined ? [] : [[key, string]];
  }));
  const required = record.table === 'sys_choice' ? ['name', 'element', 'value'] : ['name', 'element', 'internal_type'];
  const missing = required.filter((key) => !data[key]);
  if (missing.length) {
    problems.push(`${record.at}: Record() of ${record.table} without ${missing.join(', ')}; give ${missing.length > 1 ? 'them' : 'it'} as literal strings`);
    return undefined;
  }
  if (record.table === 'sys_choice') {
    const language = data['language'] ?? 'en';
    if (language !== 'en') return undefined;
    return {
      table: record.table,
      record: choiceRecord(data['name']!, data['element']!, {
        value: data['value']!,
        label: data['label'],
        sequence: data['sequence'],
        inactive: data['inactive'] === 'true',
        dependentValue: data['dependent_value']
      })
    };
  }
  const blank = columnRecord(data['name']!, { element: data['element']!, kind: 'Record', config: {}, at: record.at }, data['internal_type']!);
  const known = Object.fromEntries(Object.keys(blank).flatMap((key) => (data[key] === undefined ? [] : [[key, data[key]]])));
  return { table: record.table, record: { ...blank, ...known } };
}

/** A Fluent label: a string, or documentation entries per language. */
export function englishLabel(label: unknown): string | undefined {
  if (typeof label === 'string') return label;
  if (!Array.isArray(label)) return undefined;
  const entries = label.filter(isRecord);
  const english = entries.find((entry) => (entry['language'] ?? 'en') === 'en') ?? entries[0];
  return english ? text(english['label']) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function flag(value: unknown): string {
  return value === true || value === 'true' ? 'true' : 'false';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
