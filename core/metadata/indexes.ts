/**
 * Indexes of a snapshot's records by table and element, each record checked
 * as it is indexed: unknown tables, missing reference targets, duplicates,
 * overrides and choices for columns the table does not have.
 */
import { isKnownInternalType, isWellFormedInternalType } from './field-types';
import type { Problems } from './problems';
import { choiceRef, columnRef, SNAPSHOT_FILES, tableRef, type ChoiceRecord, type ColumnRecord, type OverrideRecord, type TableRecord } from './records';

export type ByTable<T> = Map<string, Map<string, T>>;

export function indexTables(records: TableRecord[], problems: Problems): Map<string, TableRecord> {
  const tables = new Map<string, TableRecord>();
  for (const record of records) {
    const first = tables.get(record.name);
    if (first) problems.error(SNAPSHOT_FILES.tables, tableRef(record), `duplicate table "${record.name}" (also ${tableRef(first)})`);
    else tables.set(record.name, record);
  }
  return tables;
}

export function indexColumns(records: ColumnRecord[], tables: ReadonlyMap<string, TableRecord>, problems: Problems): ByTable<ColumnRecord> {
  const file = SNAPSHOT_FILES.columns;
  const columns: ByTable<ColumnRecord> = new Map();
  // A table's columns come in a run (files are ordered by table): look the table up once per run.
  let runTable: string | undefined;
  let runKnown = false;
  let own: Map<string, ColumnRecord> | undefined;
  for (const column of records) {
    if (column.table !== runTable) {
      runTable = column.table;
      runKnown = tables.has(runTable);
      own = columns.get(runTable);
    }
    if (!runKnown) {
      problems.error(file, columnRef(column), `table "${column.table}" is not in the snapshot; add its sys_db_object record`);
      continue;
    }
    // A known type is well formed: the pattern is checked only for the others.
    if (!isKnownInternalType(column.internalType)) {
      if (!isWellFormedInternalType(column.internalType)) {
        problems.error(file, columnRef(column), `internal_type "${column.internalType}" is not a type name (expected e.g. string, reference, integer)`);
        continue;
      }
      problems.warn(file, columnRef(column), `unknown internal_type "${column.internalType}", kept as it is`);
    }
    if (column.internalType === 'reference' && column.reference === undefined) {
      problems.error(file, columnRef(column), 'reference column without a reference table; set its reference');
    } else if (column.reference !== undefined && !tables.has(column.reference)) {
      problems.error(file, columnRef(column), `reference table "${column.reference}" is not in the snapshot; add its sys_db_object record`);
    }
    if (!own) columns.set(column.table, (own = new Map()));
    const first = own.get(column.element);
    if (first) problems.error(file, columnRef(column), `duplicate column ${column.table}.${column.element} (also ${columnRef(first)})`);
    else own.set(column.element, column);
  }
  return columns;
}

/** The manifest's tables and their super classes; without a manifest, every table that has columns in its hierarchy. */
export function completeTables(
  listed: string[] | undefined,
  tables: ReadonlyMap<string, TableRecord>,
  hierarchies: ReadonlyMap<string, string[]>,
  columns: ByTable<ColumnRecord>
): Set<string> {
  const complete = new Set<string>();
  if (listed) {
    for (const name of listed) for (const table of hierarchies.get(name) ?? []) complete.add(table);
    return complete;
  }
  for (const name of tables.keys()) {
    if (hierarchies.get(name)?.some((table) => columns.has(table))) complete.add(name);
  }
  return complete;
}

/** Where a column is defined, looking up from `table` (index into its hierarchy), or -1. */
function definingIndex(hierarchy: string[], columns: ByTable<ColumnRecord>, element: string): number {
  return hierarchy.findIndex((table) => columns.get(table)?.has(element));
}

export function indexOverrides(
  records: OverrideRecord[],
  tables: ReadonlyMap<string, TableRecord>,
  hierarchies: ReadonlyMap<string, string[]>,
  columns: ByTable<ColumnRecord>,
  problems: Problems
): ByTable<OverrideRecord> {
  const file = SNAPSHOT_FILES.overrides;
  const overrides: ByTable<OverrideRecord> = new Map();
  for (const override of records) {
    if (!tables.has(override.table)) {
      problems.error(file, columnRef(override), `table "${override.table}" is not in the snapshot; add its sys_db_object record`);
      continue;
    }
    const hierarchy = hierarchies.get(override.table);
    if (!hierarchy) continue;
    const defined = definingIndex(hierarchy, columns, override.element);
    if (defined === 0) {
      problems.error(file, columnRef(override), `overrides ${override.table}.${override.element}, which is defined on ${override.table} itself; overrides apply to inherited columns only`);
      continue;
    }
    if (defined < 0) {
      problems.error(file, columnRef(override), `column "${override.element}" does not exist on ${override.table} or its super classes (${hierarchy.slice(1).join(', ') || 'none'})`);
      continue;
    }
    let own = overrides.get(override.table);
    if (!own) overrides.set(override.table, (own = new Map()));
    const first = own.get(override.element);
    if (first) problems.error(file, columnRef(override), `duplicate override of ${override.table}.${override.element} (also ${columnRef(first)})`);
    else own.set(override.element, override);
  }
  return overrides;
}

export function indexChoices(
  records: ChoiceRecord[],
  tables: ReadonlyMap<string, TableRecord>,
  hierarchies: ReadonlyMap<string, string[]>,
  columns: ByTable<ColumnRecord>,
  problems: Problems
): ByTable<ChoiceRecord[]> {
  const file = SNAPSHOT_FILES.choices;
  const choices: ByTable<ChoiceRecord[]> = new Map();
  const keys = new Map<ChoiceRecord[], Set<string>>();
  for (const choice of records) {
    if (!tables.has(choice.table)) {
      problems.error(file, choiceRef(choice), `table "${choice.table}" is not in the snapshot; add its sys_db_object record or drop the choice`);
      continue;
    }
    const hierarchy = hierarchies.get(choice.table);
    if (!hierarchy) continue;
    if (definingIndex(hierarchy, columns, choice.element) < 0) {
      problems.error(file, choiceRef(choice), `choice for field ${choice.table}.${choice.element}, which does not exist on ${choice.table} or its super classes`);
      continue;
    }
    let own = choices.get(choice.table);
    if (!own) choices.set(choice.table, (own = new Map()));
    const list = own.get(choice.element);
    if (!list) {
      own.set(choice.element, [choice]);
      continue;
    }
    if (hasChoice(list, choice, keys)) {
      problems.warn(file, choiceRef(choice), `duplicate choice "${choice.value}" for ${choice.table}.${choice.element}; the first one is kept`);
      continue;
    }
    list.push(choice);
  }
  return choices;
}

/** Lists longer than this get a set of their keys; shorter ones are scanned, which allocates nothing. */
const SCANNED_CHOICES = 16;

/** Whether `list` (one table's choices of one element) already has the choice's value for the same dependent value. */
function hasChoice(list: ChoiceRecord[], choice: ChoiceRecord, keys: Map<ChoiceRecord[], Set<string>>): boolean {
  if (list.length < SCANNED_CHOICES) return list.some((known) => known.value === choice.value && known.dependentValue === choice.dependentValue);
  const key = (record: ChoiceRecord) => (record.dependentValue === undefined ? record.value : `${record.value}\u0000${record.dependentValue}`);
  let listed = keys.get(list);
  if (!listed) keys.set(list, (listed = new Set(list.map(key))));
  if (listed.has(key(choice))) return true;
  listed.add(key(choice));
  return false;
}
