import { element, javaHashCode, stableSysId } from './xml';

/** A record the update set installs: its table, a unique name for it and its fields (stored values). */
export interface ArtifactRecord {
  table: 'sys_script' | 'sys_script_include' | 'sys_properties';
  /** What the update list shows in "Type". */
  type: string;
  /** What the update list shows in "Target name". */
  targetName: string;
  /** The table a Business Rule runs on (the update's `table` column). */
  onTable?: string;
  fields: Record<string, string>;
  /** Attributes of single fields, e.g. `filter_condition table="incident"`. */
  fieldAttributes?: Record<string, Record<string, string>>;
}

export interface UpdateSet {
  name: string;
  description: string;
  /** `YYYY-MM-DD HH:mm:ss` (UTC), the export's timestamps. */
  timestamp: string;
  records: ArtifactRecord[];
}

const AUTHOR = 'camunda-servicenow';
const GLOBAL = { display_value: 'Global' };

/**
 * The update set as ServiceNow exports it ("Export to XML" of a retrieved
 * update set): an `unload` holding one `sys_remote_update_set` and one
 * `sys_update_xml` per record, whose `payload` is the escaped
 * `record_update` document of that record. Structure as in the public
 * export lerwine/SetupAndConfig xml/sys_remote_update_set_Data_Lookup.xml.
 */
export function updateSetXml(set: UpdateSet): string {
  const setId = stableSysId(`update-set:${set.name}`);
  // ServiceNow writes a record's fields in alphabetical order.
  const fields: [string, string, Record<string, string>?][] = [
    ['application', 'global', GLOBAL], ['application_name', 'Global'], ['application_scope', 'global'], ['application_version', ''],
    ['collisions', ''], ['commit_date', ''], ['deleted', ''], ['description', set.description], ['inserted', ''], ['name', set.name],
    ['origin_sys_id', ''], ['parent', '', { display_value: '' }], ['release_date', ''], ['remote_base_update_set', '', { display_value: '' }],
    ['remote_parent_id', ''], ['remote_sys_id', setId], ['state', 'loaded'], ['summary', ''], ['sys_class_name', 'sys_remote_update_set'],
    ...audit(set.timestamp), ['sys_id', setId], ['update_set', '', { display_value: '' }], ['update_source', '', { display_value: '' }], ['updated', '']
  ];
  const header = ['<sys_remote_update_set action="INSERT_OR_UPDATE">', ...sorted(fields), '</sys_remote_update_set>'];
  const updates = set.records.map((record) => updateXml(record, set, setId));
  return `<?xml version="1.0" encoding="UTF-8"?><unload unload_date="${set.timestamp}">\n${[header.join('\n'), ...updates].join('\n')}\n</unload>\n`;
}

function audit(timestamp: string): [string, string][] {
  return [['sys_created_by', AUTHOR], ['sys_created_on', timestamp], ['sys_mod_count', '0'], ['sys_updated_by', AUTHOR], ['sys_updated_on', timestamp]];
}

function sorted(fields: [string, string, Record<string, string>?][]): string[] {
  return [...fields].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, text, attributes]) => element(name, text, attributes ?? {}));
}

/** The record's own `record_update` document, what ServiceNow stores in `payload`. */
export function recordPayload(record: ArtifactRecord, timestamp: string): string {
  const sysId = recordSysId(record);
  const fields: Record<string, string> = {
    ...record.fields,
    sys_package: 'global',
    sys_scope: 'global',
    sys_class_name: record.table,
    sys_created_by: AUTHOR,
    sys_created_on: timestamp,
    sys_id: sysId,
    sys_mod_count: '0',
    sys_update_name: updateName(record),
    sys_updated_by: AUTHOR,
    sys_updated_on: timestamp
  };
  const attributes: Record<string, Record<string, string>> = { ...record.fieldAttributes, sys_package: { display_value: 'Global', source: 'global' }, sys_scope: GLOBAL };
  const body = sorted(Object.entries(fields).map(([name, text]) => [name, text, attributes[name]])).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><record_update table="${record.table}"><${record.table} action="INSERT_OR_UPDATE">${body}</${record.table}></record_update>`;
}

export function recordSysId(record: ArtifactRecord): string {
  return stableSysId(`${record.table}:${record.targetName}`);
}

function updateName(record: ArtifactRecord): string {
  return `${record.table}_${recordSysId(record)}`;
}

function updateXml(record: ArtifactRecord, set: UpdateSet, setId: string): string {
  const payload = recordPayload(record, set.timestamp);
  const hash = String(javaHashCode(payload));
  const guid = stableSysId(`update:${updateName(record)}:${hash}`);
  return [
    '<sys_update_xml action="INSERT_OR_UPDATE">',
    element('action', 'INSERT_OR_UPDATE'),
    element('application', 'global', GLOBAL),
    element('category', 'customer'),
    element('comments', ''),
    element('name', updateName(record)),
    element('payload', payload),
    element('payload_hash', hash),
    element('remote_update_set', setId, { display_value: set.name }),
    element('replace_on_upgrade', 'false'),
    element('sys_created_by', AUTHOR),
    element('sys_created_on', set.timestamp),
    element('sys_id', stableSysId(`update-xml:${updateName(record)}`)),
    element('sys_mod_count', '0'),
    element('sys_updated_by', AUTHOR),
    element('sys_updated_on', set.timestamp),
    element('table', record.onTable ?? ''),
    element('target_name', record.targetName),
    element('type', record.type),
    element('update_domain', 'global'),
    element('update_guid', guid),
    element('update_guid_history', `${guid}:${hash}`),
    element('update_set', '', { display_value: '' }),
    element('view', ''),
    '</sys_update_xml>'
  ].join('\n');
}
