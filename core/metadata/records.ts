/**
 * Reads the four Table API response files of a snapshot into typed records.
 * Values arrive as the Table API returns them (strings; `""` = absent); a
 * `{link, value}` object (a dump made without sysparm_exclude_reference_link)
 * or `{display_value, value, link}` (sysparm_display_value=all) is read
 * through its `value`. Every bad record becomes a Problem.
 */
import type { ChoiceMode, Field } from './model';
import type { Problems } from './problems';

export const SNAPSHOT_FILES = {
  tables: 'sys_db_object.json',
  columns: 'sys_dictionary.json',
  overrides: 'sys_dictionary_override.json',
  choices: 'sys_choice.json'
} as const;

/** Where a record came from, to name it in messages (built only when needed). */
export interface RecordOrigin {
  /** Position in its file (0-based). */
  index: number;
  sysId?: string;
}

export interface TableRecord extends RecordOrigin {
  name: string;
  label: string;
  superClass?: string;
}

/** A `sys_dictionary` row: the columns a resolved Field carries (documented there), as stored, plus what resolving reads. */
export interface ColumnRecord extends RecordOrigin, Pick<Field, 'element' | 'label' | 'internalType' | 'maxLength' | 'mandatory' | 'readOnly' | 'reference' | 'referenceKey' | 'defaultValue' | 'choiceMode' | 'dependentOnField'> {
  table: string;
  choiceTable?: string;
  choiceField?: string;
  /** The older `dependent` column, read when `dependent_on_field` is empty. */
  dependent?: string;
  calculated: boolean;
}

export interface OverrideRecord extends RecordOrigin {
  table: string;
  element: string;
  mandatory?: boolean;
  readOnly?: boolean;
  defaultValue?: string;
  dependent?: string;
  calculated: boolean;
}

export interface ChoiceRecord extends RecordOrigin {
  table: string;
  element: string;
  value: string;
  label: string;
  sequence?: number;
  inactive: boolean;
  dependentValue?: string;
}

export type Raw = Record<string, unknown>;

/** Parses `{"result":[...]}`; returns the records, or undefined after reporting why not. */
export function parseResultFile(file: string, text: string, problems: Problems): Raw[] | undefined {
  const body = problems.parseJson(file, text, 'a Table API response {"result":[...]}');
  if (body === undefined) return undefined;
  const result = isObject(body) ? body['result'] : undefined;
  if (!Array.isArray(result)) {
    problems.error(file, undefined, 'expected a Table API response {"result":[...]} (the body of GET /api/now/table/<table>)');
    return undefined;
  }
  const records: Raw[] = [];
  result.forEach((record, index) => {
    if (isObject(record)) records.push(record);
    else problems.error(file, `record ${index + 1}`, 'is not a JSON object');
  });
  return records;
}

/** Reads one record's values, reporting type problems against the record. */
export class RecordReader {
  raw: Raw = {};
  index = 0;

  constructor(
    private readonly file: string,
    private readonly problems: Problems,
    private readonly nameKeys: readonly string[]
  ) {}

  /** Points the reader at the next record; one reader serves a whole file. */
  at(raw: Raw, index: number): this {
    this.raw = raw;
    this.index = index;
    return this;
  }

  get ref(): string {
    return recordRef(this.raw, this.index, this.nameKeys);
  }

  /*
   * Each method gets the value as well as its key: the caller reads
   * `raw['element']` at a fixed key, which V8 compiles to one property load,
   * where `this.raw[key]` with a changing key stays a slow generic lookup.
   * The key is only for messages.
   */
  text(key: string, value: unknown): string | undefined {
    // The Table API's own shape first: a plain string.
    if (typeof value === 'string') return value === '' ? undefined : value;
    return this.notAString(key, value);
  }

  private notAString(key: string, raw: unknown): string | undefined {
    // sysparm_display_value=true sends a reference as {display_value, link}: a label, not the stored value.
    if (isObject(raw) && !('value' in raw) && 'display_value' in raw) {
      this.problems.error(this.file, this.ref, `${key} holds only a display value (${JSON.stringify(raw['display_value'])}), not the stored value: ${DISPLAY_VALUE_DUMP}`);
      return undefined;
    }
    const value = isObject(raw) && 'value' in raw ? raw['value'] : raw;
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    this.problems.error(this.file, this.ref, `${key} must be a string, got ${JSON.stringify(value)}`);
    return undefined;
  }

  required(key: string, raw: unknown): string | undefined {
    const value = this.text(key, raw);
    if (value === undefined) this.problems.error(this.file, this.ref, `missing ${key}`);
    return value;
  }

  flag(key: string, raw: unknown): boolean | undefined {
    const value = this.text(key, raw);
    if (value === undefined) return undefined;
    if (value === 'true') return true;
    if (value === 'false') return false;
    this.problems.error(this.file, this.ref, `${key} must be "true" or "false", got "${value}"`);
    return undefined;
  }

  integer(key: string, raw: unknown): number | undefined {
    const value = this.text(key, raw);
    if (value === undefined) return undefined;
    if (isDigits(value) || /^-?\d+$/.test(value.trim())) return Number(value);
    const cause = DISPLAY_NUMBER.test(value) ? `, a display value: ${DISPLAY_VALUE_DUMP}` : '';
    this.problems.error(this.file, this.ref, `${key} must be a whole number, got "${value}"${cause}`);
    return undefined;
  }
}

/** Why a record holds a label where its stored value belongs, and the fix. */
const DISPLAY_VALUE_DUMP = 'the dump was made with sysparm_display_value=true; read it again with sysparm_display_value=false (the default) or all';

/**
 * A number column's display value: a label of sys_dictionary.choice
 * ("Dropdown with -- None --", "Dropdown without -- None -- (must specify a
 * default value)"; ServiceNowDocs t_ViewChoiceListDefinitions.md). With
 * sysparm_exclude_reference_link=true too, such a dump has plain strings only.
 */
const DISPLAY_NUMBER = /-- None --/;

/** Digits only, with an optional minus: checked character by character, as most values are; anything else goes to the regex. */
function isDigits(value: string): boolean {
  const start = value.charCodeAt(0) === 45 ? 1 : 0;
  if (start === value.length) return false;
  for (let index = start; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

const tableNames = ['name'];
const columnNames = ['name', 'element'];
const choiceNames = ['name', 'element', 'value'];

export const tableRef = (record: TableRecord) => describeRecord(record.index, [record.name], record.sysId);
export const columnRef = (record: ColumnRecord | OverrideRecord) => describeRecord(record.index, [record.table, record.element], record.sysId);
export const choiceRef = (record: ChoiceRecord) => describeRecord(record.index, [record.table, record.element, record.value], record.sysId);

function recordRef(raw: Raw, index: number, nameKeys: readonly string[]): string {
  return describeRecord(index, nameKeys.map((key) => plain(raw[key])), plain(raw['sys_id']));
}

/** `record 3 (incident.caller_id, sys_id 9f…)`: position, name and sys_id, whichever are known. */
function describeRecord(index: number, names: string[], sysId: string | undefined): string {
  const name = names.filter((value) => value !== '').join('.');
  const parts = [name, sysId ? `sys_id ${sysId}` : ''].filter(Boolean);
  return `record ${index + 1}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

function plain(value: unknown): string {
  if (isObject(value) && 'value' in value) return plain(value['value']);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}


export function readTableRecords(raws: Raw[], problems: Problems): TableRecord[] {
  const file = SNAPSHOT_FILES.tables;
  const tables: TableRecord[] = [];
  const reader = new RecordReader(file, problems, tableNames);
  for (let index = 0; index < raws.length; index++) {
    const raw = raws[index]!;
    const read = reader.at(raw, index);
    const name = read.required('name', raw['name']);
    if (name === undefined) continue;
    const superClass = read.text('super_class.name', raw['super_class.name']);
    // `super_class` alone is the super class's sys_id: a root table and a missing dot-walk would look alike.
    if (superClass === undefined && read.text('super_class', raw['super_class']) !== undefined) {
      problems.error(file, read.ref, 'has super_class (a sys_id) but no super_class.name; fetch with sysparm_fields=...,super_class.name');
    }
    tables.push({ index, sysId: read.text('sys_id', raw['sys_id']), name, label: read.text('label', raw['label']) ?? name, superClass });
  }
  return tables;
}

export function readColumnRecords(raws: Raw[], problems: Problems): ColumnRecord[] {
  const file = SNAPSHOT_FILES.columns;
  const columns: ColumnRecord[] = [];
  const reader = new RecordReader(file, problems, columnNames);
  for (let index = 0; index < raws.length; index++) {
    const raw = raws[index]!;
    const read = reader.at(raw, index);
    if (read.flag('active', raw['active']) === false) continue;
    // Both are references keyed by name; a dot-walked `.name` column is read first when a dump has it.
    const internalType = read.text('internal_type.name', raw['internal_type.name']) ?? read.text('internal_type', raw['internal_type']);
    const element = read.text('element', raw['element']);
    // Every table has one `collection` record describing the table itself.
    if (element === undefined && internalType === 'collection') continue;
    const table = read.required('name', raw['name']);
    if (element === undefined) problems.error(file, read.ref, 'missing element (the column name)');
    if (internalType === undefined) problems.error(file, read.ref, 'missing internal_type');
    const choiceMode = read.integer('choice', raw['choice']) ?? 0;
    if (choiceMode < 0 || choiceMode > 3) problems.error(file, read.ref, `choice must be 0, 1, 2 or 3, got ${choiceMode}`);
    const column: ColumnRecord = {
      index,
      sysId: read.text('sys_id', raw['sys_id']),
      table: table ?? '',
      element: element ?? '',
      label: read.text('column_label', raw['column_label']) ?? element ?? '',
      internalType: internalType ?? '',
      maxLength: read.integer('max_length', raw['max_length']),
      mandatory: read.flag('mandatory', raw['mandatory']) ?? false,
      readOnly: read.flag('read_only', raw['read_only']) ?? false,
      reference: read.text('reference.name', raw['reference.name']) ?? read.text('reference', raw['reference']),
      referenceKey: read.text('reference_key', raw['reference_key']),
      defaultValue: read.text('default_value', raw['default_value']),
      choiceMode: choiceMode as ChoiceMode,
      choiceTable: read.text('choice_table', raw['choice_table']),
      choiceField: read.text('choice_field', raw['choice_field']),
      dependentOnField: read.text('dependent_on_field', raw['dependent_on_field']),
      dependent: read.text('dependent', raw['dependent']),
      calculated: read.flag('virtual', raw['virtual']) ?? false
    };
    if (table !== undefined && element !== undefined && internalType !== undefined) columns.push(column);
  }
  return columns;
}

export function readOverrideRecords(raws: Raw[], problems: Problems): OverrideRecord[] {
  const file = SNAPSHOT_FILES.overrides;
  const overrides: OverrideRecord[] = [];
  const reader = new RecordReader(file, problems, columnNames);
  for (let index = 0; index < raws.length; index++) {
    const raw = raws[index]!;
    const read = reader.at(raw, index);
    const table = read.required('name', raw['name']);
    const element = read.required('element', raw['element']);
    const override: OverrideRecord = {
      index,
      sysId: read.text('sys_id', raw['sys_id']),
      table: table ?? '',
      element: element ?? '',
      mandatory: read.flag('mandatory_override', raw['mandatory_override']) === true ? (read.flag('mandatory', raw['mandatory']) ?? false) : undefined,
      readOnly: read.flag('read_only_override', raw['read_only_override']) === true ? (read.flag('read_only', raw['read_only']) ?? false) : undefined,
      defaultValue: read.flag('default_value_override', raw['default_value_override']) === true ? (read.text('default_value', raw['default_value']) ?? '') : undefined,
      dependent: read.flag('dependent_override', raw['dependent_override']) === true ? (read.text('dependent', raw['dependent']) ?? '') : undefined,
      calculated: read.flag('calculation_override', raw['calculation_override']) === true
    };
    if (table !== undefined && element !== undefined) overrides.push(override);
  }
  return overrides;
}

/**
 * The choices in the snapshot's language (manifest `language`, default en);
 * a record without a language counts as that language. A dump of all
 * languages thus keeps one label per value. A column with no choice in
 * another snapshot language keeps its English ones: the platform shows a
 * user the choices in their language where a column has any, else the
 * English ones, never a mix (ServiceNow Community, developer-forum, "How can
 * i show choices in english even if my instance is in another language").
 */
export function readChoiceRecords(raws: Raw[], problems: Problems, snapshotLanguage = 'en'): ChoiceRecord[] {
  const file = SNAPSHOT_FILES.choices;
  const choices: ChoiceRecord[] = [];
  const reader = new RecordReader(file, problems, choiceNames);
  const translated = snapshotLanguage === BASE_LANGUAGE ? undefined : translatedColumns(raws, snapshotLanguage);
  for (let index = 0; index < raws.length; index++) {
    const raw = raws[index]!;
    const read = reader.at(raw, index);
    const language = read.text('language', raw['language']);
    if (language !== undefined && language !== snapshotLanguage) {
      if (!translated || language !== BASE_LANGUAGE || translated.has(choiceColumnKey(raw))) continue;
    }
    const table = read.required('name', raw['name']);
    const element = read.required('element', raw['element']);
    const value = read.required('value', raw['value']);
    const choice: ChoiceRecord = {
      index,
      sysId: read.text('sys_id', raw['sys_id']),
      table: table ?? '',
      element: element ?? '',
      value: value ?? '',
      label: read.text('label', raw['label']) ?? value ?? '',
      sequence: read.integer('sequence', raw['sequence']),
      inactive: read.flag('inactive', raw['inactive']) ?? false,
      dependentValue: read.text('dependent_value', raw['dependent_value'])
    };
    // NULL_OVERRIDE relabels "-- None --" (t_ViewChoiceListDefinitions.md, "Change the None display value"): no value to send.
    if (value === NULL_OVERRIDE) continue;
    if (table !== undefined && element !== undefined && value !== undefined) choices.push(choice);
  }
  return choices;
}

/** The value of a choice record that only relabels a column's "-- None --" option. */
const NULL_OVERRIDE = 'NULL_OVERRIDE';

/** The language every instance has its choices in, and falls back to. */
const BASE_LANGUAGE = 'en';

function choiceColumnKey(raw: Raw): string {
  return `${plain(raw['name'])}\u0000${plain(raw['element'])}`;
}

/** The columns (table and element) that have a choice in `language` (a record without a language counts). */
function translatedColumns(raws: Raw[], language: string): Set<string> {
  const columns = new Set<string>();
  for (const raw of raws) {
    const own = plain(raw['language']);
    if (own === '' || own === language) columns.add(choiceColumnKey(raw));
  }
  return columns;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
