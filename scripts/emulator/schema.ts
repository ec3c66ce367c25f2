import type { Metadata, Table } from '../../core/metadata/model';
import { METADATA_TABLES, type SnapshotRecords } from './records';

/** What the emulator knows about one table's columns. */
export interface TableSchema {
  name: string;
  /** Known column names; writes to other names are ignored, as ServiceNow does. */
  columns: ReadonlySet<string>;
  /** Column → referenced table, for dot-walking and reference links. */
  references: ReadonlyMap<string, string>;
  /** Column → the referenced table's column it stores instead of the sys_id (its reference_key, e.g. name). */
  referenceKeys?: ReadonlyMap<string, string>;
  /** Column → stored value → label, for sysparm_display_value. */
  choiceLabels: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Column → default value applied on insert (literal defaults only). */
  defaults: ReadonlyMap<string, string>;
  /** Columns that a client may set (not sys_, not read-only in the dictionary). */
  writable: ReadonlySet<string>;
  /** Prefix for the `number` column (INC, CHG...) when the table has one. */
  numberPrefix?: string;
}

/** Out-of-box number prefixes (sys_number); other tables get one derived from their name. */
const NUMBER_PREFIXES: Record<string, string> = {
  incident: 'INC', problem: 'PRB', change_request: 'CHG', change_task: 'CTASK', sc_request: 'REQ',
  sc_req_item: 'RITM', sc_task: 'SCTASK', incident_task: 'TASK', problem_task: 'PTASK', task: 'TASK'
};

/**
 * The metadata tables' own references, so that they are dot-walked and linked
 * as on an instance: `super_class` holds a sys_id, sys_dictionary's
 * `internal_type` and `reference` a name (reference_key name in
 * @servicenow/sdk-core sys_dictionary.now.ts, as the bundled snapshot has them).
 */
const METADATA_REFERENCES: Record<string, Record<string, { table: string; key?: string }>> = {
  sys_db_object: { super_class: { table: 'sys_db_object' } },
  sys_dictionary: { internal_type: { table: 'sys_glide_object', key: 'name' }, reference: { table: 'sys_db_object', key: 'name' } }
};

export function schemaFromTable(table: Table): TableSchema {
  const columns = new Set<string>(['sys_id']);
  const references = new Map<string, string>();
  const referenceKeys = new Map<string, string>();
  const choiceLabels = new Map<string, Map<string, string>>();
  const defaults = new Map<string, string>();
  const writable = new Set<string>();
  for (const field of table.fields) {
    columns.add(field.element);
    if (field.reference) references.set(field.element, field.reference);
    if (field.reference && field.referenceKey && field.referenceKey !== 'sys_id') referenceKeys.set(field.element, field.referenceKey);
    if (field.choices.length > 0) choiceLabels.set(field.element, new Map(field.choices.map((choice) => [choice.value, choice.label])));
    if (field.defaultValue && !field.defaultValue.startsWith('javascript:')) defaults.set(field.element, field.defaultValue);
    // The Table API accepts derived fields such as priority (a business rule recomputes them); it refuses sys_ fields.
    if (!field.element.startsWith('sys_') && !field.readOnly) writable.add(field.element);
  }
  const numberPrefix = columns.has('number') ? (NUMBER_PREFIXES[table.name] ?? derivedPrefix(table.name)) : undefined;
  return { name: table.name, columns, references, referenceKeys, choiceLabels, defaults, writable, ...(numberPrefix ? { numberPrefix } : {}) };
}

/** Metadata tables have no dictionary of their own in a snapshot: their columns are the keys their records carry. */
export function schemaFromRecords(name: string, records: readonly Record<string, string>[]): TableSchema {
  const columns = new Set<string>(['sys_id']);
  for (const record of records) for (const key of Object.keys(record)) if (!key.includes('.')) columns.add(key);
  const own = Object.entries(METADATA_REFERENCES[name] ?? {});
  const references = new Map(own.map(([column, { table }]) => [column, table]));
  const referenceKeys = new Map(own.flatMap(([column, { key }]) => (key ? [[column, key] as const] : [])));
  for (const column of references.keys()) columns.add(column);
  const writable = new Set([...columns].filter((column) => !column.startsWith('sys_')));
  return { name, columns, references, referenceKeys, choiceLabels: new Map(), defaults: new Map(), writable };
}

/** Every table the emulator serves: the snapshot's complete tables and its four metadata tables. */
export function buildSchemas(records: SnapshotRecords, metadata: Metadata | undefined): Map<string, TableSchema> {
  const schemas = new Map<string, TableSchema>();
  for (const table of metadata?.tables.values() ?? []) schemas.set(table.name, schemaFromTable(table));
  for (const name of METADATA_TABLES) schemas.set(name, schemaFromRecords(name, records[name]));
  return schemas;
}

function derivedPrefix(table: string): string {
  const letters = table.replace(/^(u|x_[a-z0-9]+)_/, '').replace(/[^a-z]/gi, '');
  return (letters.slice(0, 4) || 'REC').toUpperCase();
}
