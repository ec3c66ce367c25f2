/** Builds in-memory snapshot files (Table API response bodies) for loader tests. */
import type { SnapshotFile } from '../../../core/metadata/load';

export type Rec = Record<string, string>;

export interface SnapshotParts {
  tables?: Rec[];
  columns?: Rec[];
  overrides?: Rec[];
  choices?: Rec[];
  manifest?: unknown;
}

const body = (records: Rec[]) => JSON.stringify({ result: records });

export function snapshotFiles(parts: SnapshotParts): SnapshotFile[] {
  const files: SnapshotFile[] = [
    { path: 'snap/sys_db_object.json', text: body(parts.tables ?? []) },
    { path: 'snap/sys_dictionary.json', text: body(parts.columns ?? []) },
    { path: 'snap/sys_dictionary_override.json', text: body(parts.overrides ?? []) },
    { path: 'snap/sys_choice.json', text: body(parts.choices ?? []) }
  ];
  if (parts.manifest !== undefined) files.push({ path: 'snap/manifest.json', text: JSON.stringify(parts.manifest) });
  return files;
}

export const table = (name: string, superClass = '', label = ''): Rec => ({ name, label, 'super_class.name': superClass });

export const column = (name: string, element: string, internal_type: string, extra: Rec = {}): Rec => ({
  name,
  element,
  internal_type,
  column_label: extra['column_label'] ?? element,
  ...extra
});

export const choice = (name: string, element: string, value: string, label: string, extra: Rec = {}): Rec => ({ name, element, value, label, ...extra });

/** A small task → incident hierarchy with references to sys_user and sys_user_group. */
export function taskAndIncident(): Required<Omit<SnapshotParts, 'manifest'>> {
  return {
    tables: [table('task', '', 'Task'), table('incident', 'task', 'Incident'), table('sys_user', '', 'User'), table('sys_user_group', '', 'Group')],
    columns: [
      column('task', 'assignment_group', 'reference', { reference: 'sys_user_group' }),
      column('task', 'short_description', 'string', { max_length: '160' }),
      column('task', 'state', 'integer', { default_value: '1' }),
      column('task', 'priority', 'integer'),
      column('task', 'number', 'string', { read_only: 'true' }),
      column('task', 'sys_created_on', 'glide_date_time'),
      column('incident', 'caller_id', 'reference', { reference: 'sys_user', column_label: 'Caller' }),
      column('incident', 'category', 'string', { choice: '1' }),
      column('incident', 'subcategory', 'string', { dependent_on_field: 'category', choice: '1' })
    ],
    overrides: [],
    choices: []
  };
}
