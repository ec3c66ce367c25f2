import type { SnapshotRecords, StoredRecord } from './records';

export interface SyntheticOptions {
  /** Custom tables extending `task`, e.g. `['u_asset_request']`; or a count for `u_table_01`... */
  tables: readonly string[] | number;
  /** Dictionary rows per custom table (the collection row not counted). */
  columnsPerTable?: number;
}

/**
 * A synthetic instance: `task` and `sys_user` like the out-of-box ones (a
 * small subset of their columns) plus custom tables extending task, with
 * string, integer-choice, boolean and reference columns. Used to serve
 * fetch-metadata something of a chosen size (the bench: 50 tables, 4,000
 * dictionary rows) with deterministic sys_ids.
 */
export function syntheticSnapshot(options: SyntheticOptions): SnapshotRecords {
  const names = typeof options.tables === 'number'
    ? Array.from({ length: options.tables }, (_, index) => `u_table_${String(index + 1).padStart(2, '0')}`)
    : [...options.tables];
  const perTable = options.columnsPerTable ?? 12;
  let counter = 0;
  const sysId = () => (++counter).toString(16).padStart(32, '0');
  const records: SnapshotRecords = { sys_db_object: [], sys_dictionary: [], sys_dictionary_override: [], sys_choice: [] };

  const table = (name: string, label: string, superClass: string) =>
    records.sys_db_object.push({ sys_id: sysId(), name, label, 'super_class.name': superClass, is_extendable: superClass ? 'false' : 'true' });
  const column = (name: string, element: string, label: string, type: string, extra: StoredRecord = {}) =>
    records.sys_dictionary.push({
      sys_id: sysId(), name, element, column_label: label, internal_type: type, max_length: type === 'reference' ? '32' : type === 'string' ? '160' : '40',
      mandatory: 'false', read_only: 'false', reference: '', default_value: '', choice: '0', choice_table: '', choice_field: '', dependent_on_field: '', virtual: 'false', active: 'true',
      ...extra
    });
  const choice = (name: string, element: string, value: string, label: string, sequence: number) =>
    records.sys_choice.push({ sys_id: sysId(), name, element, value, label, sequence: String(sequence), inactive: 'false', language: 'en', dependent_value: '' });

  table('task', 'Task', '');
  column('task', '', 'Task', 'collection');
  column('task', 'number', 'Number', 'string', { max_length: '40', read_only: 'true' });
  column('task', 'short_description', 'Short description', 'string', { mandatory: 'true' });
  column('task', 'description', 'Description', 'string', { max_length: '4000' });
  column('task', 'state', 'State', 'integer', { choice: '3', default_value: '1' });
  column('task', 'active', 'Active', 'boolean', { default_value: 'true' });
  column('task', 'assigned_to', 'Assigned to', 'reference', { reference: 'sys_user' });
  for (const [element, label] of [['sys_id', 'Sys ID'], ['sys_created_on', 'Created'], ['sys_updated_on', 'Updated'], ['sys_created_by', 'Created by'], ['sys_updated_by', 'Updated by'], ['sys_mod_count', 'Updates'], ['sys_class_name', 'Task type']] as const) {
    column('task', element, label, element === 'sys_id' ? 'GUID' : element.endsWith('_on') ? 'glide_date_time' : element === 'sys_mod_count' ? 'integer' : element === 'sys_class_name' ? 'sys_class_name' : 'string', { read_only: 'true' });
  }
  for (const [value, label, sequence] of [['1', 'New', 1], ['2', 'In Progress', 2], ['3', 'Closed', 3]] as const) choice('task', 'state', value, label, sequence);

  table('sys_user', 'User', '');
  column('sys_user', '', 'User', 'collection');
  column('sys_user', 'user_name', 'User ID', 'string');
  column('sys_user', 'name', 'Name', 'string');
  column('sys_user', 'sys_id', 'Sys ID', 'GUID', { read_only: 'true' });

  for (const name of names) {
    table(name, titleCase(name), 'task');
    column(name, '', titleCase(name), 'collection');
    for (let index = 1; index <= perTable; index++) {
      const element = `u_field_${String(index).padStart(3, '0')}`;
      const kind = index % 4;
      if (kind === 0) {
        column(name, element, `Field ${index}`, 'integer', { choice: '1' });
        choice(name, element, '1', 'One', 1);
        choice(name, element, '2', 'Two', 2);
      } else if (kind === 1) column(name, element, `Field ${index}`, 'string');
      else if (kind === 2) column(name, element, `Field ${index}`, 'boolean');
      else column(name, element, `Field ${index}`, 'reference', { reference: 'sys_user' });
    }
    records.sys_dictionary_override.push({
      sys_id: sysId(), name, element: 'state', mandatory_override: 'true', mandatory: 'true', read_only_override: 'false', read_only: 'false',
      default_value_override: 'false', default_value: '', dependent_override: 'false', dependent: '', calculation_override: 'false'
    });
  }
  return records;
}

function titleCase(name: string): string {
  return name.replace(/^u_/, '').split('_').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}
