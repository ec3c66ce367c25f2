/**
 * A deterministic synthetic snapshot (metadata/README.md format) of any
 * size, for benchmarks: chains of five tables (a root and four levels of
 * children), columns spread evenly, every fifth column a reference to a
 * root table, every seventh an integer with three choices, one dictionary
 * override per child table. Same arguments, same bytes.
 */
import type { SnapshotFile } from '../core/metadata/load';

export interface SyntheticSize {
  tables: number;
  /** sys_dictionary rows in total. */
  rows: number;
}

const CHAIN = 5;
const types = ['string', 'integer', 'boolean', 'glide_date_time', 'reference', 'string', 'integer'] as const;

export function syntheticSnapshotFiles({ tables, rows }: SyntheticSize): SnapshotFile[] {
  const name = (index: number) => `u_table_${String(index).padStart(5, '0')}`;
  const root = (index: number) => index - (index % CHAIN);
  const tableRecords = [];
  const columns = [];
  const overrides = [];
  const choices = [];
  for (let index = 0; index < tables; index++) {
    const isRoot = index % CHAIN === 0;
    tableRecords.push({ sys_id: `t${index}`, name: name(index), label: `Table ${index}`, 'super_class.name': isRoot ? '' : name(index - 1) });
    const own = Math.floor(rows / tables) + (index < rows % tables ? 1 : 0);
    for (let column = 0; column < own; column++) {
      const type = types[column % types.length]!;
      const element = `u_field_${column}`;
      columns.push({
        sys_id: `c${index}_${column}`,
        name: name(index),
        element: `${element}_${index % CHAIN}`,
        column_label: `Field ${column}`,
        internal_type: type,
        max_length: type === 'string' ? '255' : '',
        mandatory: column % 11 === 0 ? 'true' : 'false',
        read_only: column % 13 === 0 ? 'true' : 'false',
        reference: type === 'reference' ? name(root(index)) : '',
        default_value: '',
        choice: column % 7 === 6 ? '1' : '0',
        active: 'true'
      });
      if (column % 7 === 6) {
        for (let value = 1; value <= 3; value++) {
          choices.push({ sys_id: `h${index}_${column}_${value}`, name: name(index), element: `${element}_${index % CHAIN}`, value: String(value), label: `Choice ${value}`, sequence: String(value), inactive: 'false', language: 'en', dependent_value: '' });
        }
      }
    }
    if (!isRoot && own > 0) {
      overrides.push({ sys_id: `o${index}`, name: name(index), element: `u_field_0_${(index - 1) % CHAIN}`, mandatory_override: 'true', mandatory: 'false' });
    }
  }
  const body = (records: object[]) => JSON.stringify({ result: records });
  return [
    { path: 'synthetic/sys_db_object.json', text: body(tableRecords) },
    { path: 'synthetic/sys_dictionary.json', text: body(columns) },
    { path: 'synthetic/sys_dictionary_override.json', text: body(overrides) },
    { path: 'synthetic/sys_choice.json', text: body(choices) }
  ];
}
