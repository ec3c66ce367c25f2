/**
 * Reads the four Table API response files of a snapshot into typed records.
 * Values arrive as the Table API returns them (strings; `""` = absent); a
 * `{link, value}` object (a dump made without sysparm_exclude_reference_link)
 * is read through its `value`. Every bad record becomes a Problem.
 */
import type { ChoiceMode } from './model';
import type { Problems } from './problems';

export const SNAPSHOT_FILES = {
  tables: 'sys_db_object.json',
  columns: 'sys_dictionary.json',
  overrides: 'sys_dictionary_override.json',
  choices: 'sys_choice.json'
} as const;

export interface TableRecord {
  ref: string;
  name: string;
  label: string;
  superClass?: string;
}

export interface ColumnRecord {
  ref: string;
  table: string;
  element: string;
  label: string;
  internalType: string;
  maxLength?: number;
  mandatory: boolean;
  readOnly: boolean;
  reference?: string;
  defaultValue?: string;
  choiceMode: ChoiceMode;
  choiceTable?: string;
  choiceField?: string;
  dependentOnField?: string;
  /** The older `dependent` column, read when `dependent_on_field` is empty. */
  dependent?: string;
  calculated: boolean;
}

export interface OverrideRecord {
  ref: string;
  table: string;
  element: string;
  mandatory?: boolean;
  readOnly?: boolean;
  defaultValue?: string;
  dependent?: string;
  calculated: boolean;
}

export interface ChoiceRecord {
  ref: string;
  table: string;
  element: string;
  value: string;
  label: string;
  sequence?: number;
  inactive: boolean;
  dependentValue?: string;
}

type Raw = Record<string, unknown>;

/** Parses `{"result":[...]}`; returns the records, or undefined after reporting why not. */
export function parseResultFile(file: string, text: string, problems: Problems): Raw[] | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    problems.error(file, undefined, `not valid JSON (${(error as Error).message}); expected a Table API response {"result":[...]}`);
    return undefined;
  }
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
class RecordReader {
  constructor(
    private readonly raw: Raw,
    private readonly file: string,
    private readonly problems: Problems,
    public ref: string
  ) {}

  text(key: string): string | undefined {
    let value = this.raw[key];
    if (isObject(value) && 'value' in value) value = value['value'];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    this.problems.error(this.file, this.ref, `${key} must be a string, got ${JSON.stringify(value)}`);
    return undefined;
  }

  required(key: string): string | undefined {
    const value = this.text(key);
    if (value === undefined) this.problems.error(this.file, this.ref, `missing ${key}`);
    return value;
  }

  flag(key: string): boolean | undefined {
    const value = this.text(key);
    if (value === undefined) return undefined;
    if (value === 'true') return true;
    if (value === 'false') return false;
    this.problems.error(this.file, this.ref, `${key} must be "true" or "false", got "${value}"`);
    return undefined;
  }

  integer(key: string): number | undefined {
    const value = this.text(key);
    if (value === undefined) return undefined;
    if (/^-?\d+$/.test(value.trim())) return Number(value);
    this.problems.error(this.file, this.ref, `${key} must be a whole number, got "${value}"`);
    return undefined;
  }
}

function recordRef(raw: Raw, index: number, nameKeys: string[]): string {
  const names = nameKeys.map((key) => plain(raw[key])).filter((value) => value !== '');
  const id = plain(raw['sys_id']);
  const parts = [names.join('.'), id ? `sys_id ${id}` : ''].filter(Boolean);
  return `record ${index + 1}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

function plain(value: unknown): string {
  if (isObject(value) && 'value' in value) return plain(value['value']);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function reader(raw: Raw, index: number, file: string, problems: Problems, nameKeys: string[]): RecordReader {
  return new RecordReader(raw, file, problems, recordRef(raw, index, nameKeys));
}

export function readTableRecords(raws: Raw[], problems: Problems): TableRecord[] {
  const file = SNAPSHOT_FILES.tables;
  const tables: TableRecord[] = [];
  raws.forEach((raw, index) => {
    const read = reader(raw, index, file, problems, ['name']);
    const name = read.required('name');
    if (name === undefined) return;
    tables.push({ ref: read.ref, name, label: read.text('label') ?? name, superClass: read.text('super_class.name') });
  });
  return tables;
}

export function readColumnRecords(raws: Raw[], problems: Problems): ColumnRecord[] {
  const file = SNAPSHOT_FILES.columns;
  const columns: ColumnRecord[] = [];
  raws.forEach((raw, index) => {
    const read = reader(raw, index, file, problems, ['name', 'element']);
    if (read.flag('active') === false) return;
    const internalType = read.text('internal_type');
    const element = read.text('element');
    // Every table has one `collection` record describing the table itself.
    if (element === undefined && internalType === 'collection') return;
    const table = read.required('name');
    if (element === undefined) problems.error(file, read.ref, 'missing element (the column name)');
    if (internalType === undefined) problems.error(file, read.ref, 'missing internal_type');
    const choiceMode = read.integer('choice') ?? 0;
    if (choiceMode < 0 || choiceMode > 3) problems.error(file, read.ref, `choice must be 0, 1, 2 or 3, got ${choiceMode}`);
    const column: ColumnRecord = {
      ref: read.ref,
      table: table ?? '',
      element: element ?? '',
      label: read.text('column_label') ?? element ?? '',
      internalType: internalType ?? '',
      maxLength: read.integer('max_length'),
      mandatory: read.flag('mandatory') ?? false,
      readOnly: read.flag('read_only') ?? false,
      reference: read.text('reference'),
      defaultValue: read.text('default_value'),
      choiceMode: choiceMode as ChoiceMode,
      choiceTable: read.text('choice_table'),
      choiceField: read.text('choice_field'),
      dependentOnField: read.text('dependent_on_field'),
      dependent: read.text('dependent'),
      calculated: read.flag('virtual') ?? false
    };
    if (table !== undefined && element !== undefined && internalType !== undefined) columns.push(column);
  });
  return columns;
}

export function readOverrideRecords(raws: Raw[], problems: Problems): OverrideRecord[] {
  const file = SNAPSHOT_FILES.overrides;
  const overrides: OverrideRecord[] = [];
  raws.forEach((raw, index) => {
    const read = reader(raw, index, file, problems, ['name', 'element']);
    const table = read.required('name');
    const element = read.required('element');
    const overridden = (key: string) => read.flag(`${key}_override`) === true;
    const override: OverrideRecord = {
      ref: read.ref,
      table: table ?? '',
      element: element ?? '',
      mandatory: overridden('mandatory') ? (read.flag('mandatory') ?? false) : undefined,
      readOnly: overridden('read_only') ? (read.flag('read_only') ?? false) : undefined,
      defaultValue: overridden('default_value') ? (read.text('default_value') ?? '') : undefined,
      dependent: overridden('dependent') ? (read.text('dependent') ?? '') : undefined,
      calculated: overridden('calculation')
    };
    if (table !== undefined && element !== undefined) overrides.push(override);
  });
  return overrides;
}

export function readChoiceRecords(raws: Raw[], problems: Problems): ChoiceRecord[] {
  const file = SNAPSHOT_FILES.choices;
  const choices: ChoiceRecord[] = [];
  raws.forEach((raw, index) => {
    const read = reader(raw, index, file, problems, ['name', 'element', 'value']);
    const language = read.text('language');
    if (language !== undefined && language !== 'en') return;
    const table = read.required('name');
    const element = read.required('element');
    const value = read.required('value');
    const choice: ChoiceRecord = {
      ref: read.ref,
      table: table ?? '',
      element: element ?? '',
      value: value ?? '',
      label: read.text('label') ?? value ?? '',
      sequence: read.integer('sequence'),
      inactive: read.flag('inactive') ?? false,
      dependentValue: read.text('dependent_value')
    };
    if (table !== undefined && element !== undefined && value !== undefined) choices.push(choice);
  });
  return choices;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
