import type { MetadataTableName, RawRecord, SnapshotRecords } from '../metadata/snapshot-files';

/** A record left out of the snapshot, and why. */
export interface Omission {
  file: MetadataTableName;
  /** `table.element` and the sys_id, for finding it on the instance. */
  record: string;
  reason: string;
}

/**
 * Real instances hold records that point nowhere: choices of deleted
 * columns, overrides of columns the table defines itself or no longer
 * inherits, reference columns without a reference table. The loader
 * rightly refuses them in a snapshot, so they are left out here, each
 * reported, instead of failing the whole fetch. Records are expected
 * sorted (the first of two duplicates is kept).
 */
export function tidyRecords(records: SnapshotRecords): { records: SnapshotRecords; omitted: Omission[] } {
  const omitted: Omission[] = [];
  const omit = (file: MetadataTableName, row: RawRecord, reason: string) => {
    omitted.push({ file, record: `${row.name ?? ''}.${row.element ?? ''} (${row.sys_id ?? 'no sys_id'})`, reason });
    return false;
  };
  const superOf = new Map(records.sys_db_object.map((row) => [row.name ?? '', row['super_class.name'] ?? '']));
  const hierarchy = (table: string): string[] => {
    const chain: string[] = [];
    for (let current = table; current && superOf.has(current) && !chain.includes(current); current = superOf.get(current) ?? '') chain.push(current);
    return chain;
  };

  const seenColumns = new Set<string>();
  const sys_dictionary = records.sys_dictionary.filter((row) => {
    if (!row.element) return true; // the table's collection record
    const key = `${row.name}.${row.element}`;
    if (seenColumns.has(key)) return omit('sys_dictionary', row, 'a second dictionary entry for the same column');
    if (row.internal_type === 'reference' && !row.reference) return omit('sys_dictionary', row, 'a reference column without a reference table');
    seenColumns.add(key);
    return true;
  });
  /** Where in the hierarchy the column is defined: 0 on the table itself, -1 nowhere. */
  const definedAt = (table: string, element: string) => hierarchy(table).findIndex((name) => seenColumns.has(`${name}.${element}`));

  const seenOverrides = new Set<string>();
  const sys_dictionary_override = records.sys_dictionary_override.filter((row) => {
    const at = definedAt(row.name ?? '', row.element ?? '');
    if (at < 0) return omit('sys_dictionary_override', row, 'overrides a column that the table does not have');
    if (at === 0) return omit('sys_dictionary_override', row, 'overrides a column the table defines itself (overrides apply to inherited columns)');
    const key = `${row.name}.${row.element}`;
    if (seenOverrides.has(key)) return omit('sys_dictionary_override', row, 'a second override of the same column');
    seenOverrides.add(key);
    return true;
  });

  const sys_choice = records.sys_choice.filter((row) =>
    definedAt(row.name ?? '', row.element ?? '') >= 0 ? true : omit('sys_choice', row, 'a choice for a column that the table does not have (left from a deleted or inactive column)')
  );

  return { records: { sys_db_object: records.sys_db_object, sys_dictionary, sys_dictionary_override, sys_choice }, omitted };
}

/** One line per kind of omission: "sys_choice: 12 records (a choice for a column ...)". */
export function summariseOmissions(omitted: readonly Omission[]): string[] {
  const counts = new Map<string, number>();
  for (const { file, reason } of omitted) counts.set(`${file}\u0000${reason}`, (counts.get(`${file}\u0000${reason}`) ?? 0) + 1);
  return [...counts].map(([key, count]) => {
    const [file, reason] = key.split('\u0000');
    return `${file}: ${count} record${count === 1 ? '' : 's'} left out (${reason})`;
  });
}
