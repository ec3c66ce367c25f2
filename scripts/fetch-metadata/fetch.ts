import { UserError } from '../../core/errors';
import type { ServiceNowClient } from '../servicenow-http/client';
import { isServiceNowError, roleHintFor, ServiceNowError } from '../servicenow-http/errors';
import { closeMatches } from '../../core/text/close-matches';
import { CHECK_FIELDS, FIELDS, isTableName, nameInBatches, REQUIRED_FIELDS } from './queries';
import type { MetadataTableName, RawRecord, SnapshotRecords } from '../metadata/snapshot-files';
import { tidyRecords, type Omission } from './tidy';

export interface FetchProgress {
  table: MetadataTableName | 'sys_properties';
  page: number;
  records: number;
  total?: number;
}

export interface FetchOptions {
  tables: readonly string[];
  pageSize?: number;
  /** sys_choice language; `en` as in the bundled snapshot. */
  language?: string;
  onProgress?: (event: FetchProgress) => void;
}

export interface FetchedMetadata {
  records: SnapshotRecords;
  /** The requested tables: all their columns are in the records. */
  completeTables: string[];
  /** glide.buildtag (or glide.buildname) when the user may read sys_properties. */
  build?: string;
  /** Records that point nowhere, left out so that the snapshot loads. */
  omitted: Omission[];
}

/**
 * Reads the metadata of the given tables from an instance, following
 * metadata/README.md: sys_db_object walked up the super classes (one
 * request per level, batched with nameIN), then sys_dictionary,
 * sys_dictionary_override and sys_choice for the whole hierarchy, then the
 * tables that reference columns point to.
 */
export async function fetchMetadata(client: ServiceNowClient, options: FetchOptions): Promise<FetchedMetadata> {
  const requested = [...new Set(options.tables.map((table) => table.trim()).filter(Boolean))].sort();
  const invalid = requested.filter((table) => !isTableName(table));
  if (invalid.length > 0) throw new UserError(`not a table name: ${invalid.join(', ')} (table names are letters, digits and _)`);
  if (requested.length === 0) throw new UserError('no tables given: use --tables incident,u_asset_request');
  const list = (table: MetadataTableName, names: readonly string[], extra: string) => listByNames(client, table, names, extra, options);

  const tables = new Map<string, RawRecord>();
  await walkTables(requested, tables, list);
  const missing = requested.filter((table) => !tables.has(table));
  if (missing.length > 0) throw await missingTablesError(client, missing);

  refuseHiddenTables(tables, [...tables.values()].map((row) => ({ name: row['super_class.name'] ?? '', usedBy: `super class of ${row.name}` })));
  const hierarchy = [...tables.keys()];
  const columns = await list('sys_dictionary', hierarchy, '^active=true^ORDERBYname^ORDERBYelement');
  const withoutColumns = hierarchy.filter((table) => !columns.some((column) => column.name === table));
  if (withoutColumns.length > 0) {
    throw new ServiceNowError('forbidden', `sys_dictionary returned no columns for ${withoutColumns.join(', ')}`, {
      table: 'sys_dictionary',
      details: [
        'ServiceNow hides records the user may not read instead of refusing the request.',
        `Reading sys_dictionary usually needs ${roleHintFor('sys_dictionary')}; run camunda-servicenow test-connection to check.`
      ]
    });
  }
  const overrides = await list('sys_dictionary_override', hierarchy, '^ORDERBYname^ORDERBYelement');
  const language = options.language ?? 'en';
  // English too: a column without choices in the language shows its English ones (core/metadata/records.ts readChoiceRecords).
  const languages = language === 'en' ? 'language=en' : `languageIN${language},en`;
  const choiceOrder = `^${languages}^ORDERBYname^ORDERBYelement^ORDERBYsequence`;
  const choices = await list('sys_choice', hierarchy, choiceOrder);

  // A column that takes its choices from another table's column (choice_table, choice_field: cmn_location.time_zone
  // shows sys_user.time_zone's) needs that column's dictionary entry and choices; its table stays a reference target.
  const sources = choiceSources(columns, hierarchy);
  if (sources.length > 0) {
    await walkTables(sources.map(({ table }) => table), tables, list);
    // The source column may be defined on a super class of choice_table, and its choices kept on any table between.
    const needed = new Set(sources.flatMap(({ table, field }) => chainOf(table, tables).filter((name) => !hierarchy.includes(name)).map((name) => `${name}.${field}`)));
    const sourceTables = [...new Set([...needed].map((key) => key.slice(0, key.indexOf('.'))))];
    const elements = `^elementIN${[...new Set(sources.map(({ field }) => field))].sort().join(',')}`;
    const isNeeded = (row: RawRecord) => needed.has(`${row.name}.${row.element}`);
    if (sourceTables.length > 0) {
      columns.push(...(await list('sys_dictionary', sourceTables, `${elements}^active=true^ORDERBYname^ORDERBYelement`)).filter(isNeeded));
      choices.push(...(await list('sys_choice', sourceTables, `${elements}${choiceOrder}`)).filter(isNeeded));
    }
  }

  // Reference targets only need their sys_db_object record (and its super classes).
  const targets = columns.map((column) => column.reference ?? '').filter((name) => name && isTableName(name) && !tables.has(name));
  await walkTables(targets, tables, list);
  refuseHiddenTables(tables, [
    ...columns.filter((column) => column.reference && isTableName(column.reference)).map((column) => ({ name: column.reference ?? '', usedBy: `${column.name}.${column.element}` })),
    ...[...tables.values()].map((row) => ({ name: row['super_class.name'] ?? '', usedBy: `super class of ${row.name}` }))
  ]);

  const build = await readBuildTag(client);
  const { records, omitted } = tidyRecords({
    sys_db_object: sortRecords([...tables.values()], ['name']),
    sys_dictionary: sortRecords(columns, ['name', 'element']),
    sys_dictionary_override: sortRecords(overrides, ['name', 'element']),
    sys_choice: sortRecords(choices, ['name', 'element', 'language', 'sequence', 'value'])
  });
  return { records, omitted, completeTables: requested, ...(build ? { build } : {}) };
}

/**
 * A super class or reference target that sys_db_object does not list would
 * make the snapshot unloadable: say which column or table needs it.
 */
function refuseHiddenTables(found: ReadonlyMap<string, RawRecord>, needed: readonly { name: string; usedBy: string }[]): void {
  const missing = needed.filter(({ name }) => name && !found.has(name));
  if (missing.length === 0) return;
  const names = [...new Set(missing.map(({ name }) => name))].sort();
  throw new UserError(`sys_db_object does not list ${names.join(', ')}, which the fetched tables need`, [
    ...missing.slice(0, 10).map(({ name, usedBy }) => `${name}: ${usedBy}`),
    ...(missing.length > 10 ? [`... and ${missing.length - 10} more`] : []),
    `Either the user may not read those sys_db_object records (usually needs ${roleHintFor('sys_db_object')}), or a column refers to a table that no longer exists: fix or deactivate that dictionary entry.`
  ]);
}

type Lister = (table: MetadataTableName, names: readonly string[], extra: string) => Promise<RawRecord[]>;

/** The columns outside `hierarchy` that columns take their choices from (choice_table, choice_field). */
function choiceSources(columns: readonly RawRecord[], hierarchy: readonly string[]): { table: string; field: string }[] {
  const sources = new Map<string, { table: string; field: string }>();
  for (const { choice_table: table, choice_field: field } of columns) {
    if (table && field && isTableName(table) && isTableName(field) && !hierarchy.includes(table)) sources.set(`${table}.${field}`, { table, field });
  }
  return [...sources.values()];
}

/** `table` and its super classes as far as `tables` knows them. */
function chainOf(table: string, tables: ReadonlyMap<string, RawRecord>): string[] {
  const chain: string[] = [];
  for (let current = table; current && tables.has(current) && !chain.includes(current); current = tables.get(current)?.['super_class.name'] ?? '') chain.push(current);
  return chain;
}

/** Adds the named tables and all their super classes to `found`, one request per hierarchy level. */
async function walkTables(names: readonly string[], found: Map<string, RawRecord>, list: Lister): Promise<void> {
  let pending = [...new Set(names)].filter((name) => !found.has(name));
  while (pending.length > 0) {
    const rows = await list('sys_db_object', pending, '^ORDERBYname');
    for (const row of rows) if (row.name) found.set(row.name, row);
    pending = [...new Set(rows.map((row) => row['super_class.name'] ?? ''))].filter((name) => name && !found.has(name) && isTableName(name));
  }
}

async function listByNames(client: ServiceNowClient, table: MetadataTableName, names: readonly string[], extra: string, options: FetchOptions): Promise<RawRecord[]> {
  const records: RawRecord[] = [];
  for (const batch of nameInBatches(names)) {
    const rows = await client.listAll(table, {
      query: `nameIN${batch.join(',')}${extra}`,
      fields: [...FIELDS[table], ...(CHECK_FIELDS[table] ?? [])],
      ...(options.pageSize ? { pageSize: options.pageSize } : {}),
      onPage: (event) => options.onProgress?.({ table, page: event.page, records: records.length + event.records, ...(event.total !== undefined ? { total: event.total } : {}) })
    });
    refuseHiddenFields(table, rows, REQUIRED_FIELDS[table]);
    if (table === 'sys_db_object') refuseUnnamedSuperClasses(rows);
    records.push(...rows.map((row) => normalise(row, FIELDS[table])));
  }
  return records;
}

/**
 * Refuses an answer whose records lack a required field: ServiceNow leaves
 * out a field the user may not read (a field ACL) with HTTP 200, and "" in
 * its place would change what the snapshot says.
 */
export function refuseHiddenFields(table: string, rows: readonly Record<string, unknown>[], required: readonly string[]): void {
  const hidden = new Map<string, { count: number; example: string }>();
  for (const row of rows) {
    for (const field of required) {
      if (field in row) continue;
      const seen = hidden.get(field);
      if (seen) seen.count++;
      else hidden.set(field, { count: 1, example: recordName(row) });
    }
  }
  if (hidden.size === 0) return;
  const fields = [...hidden.keys()];
  throw new ServiceNowError('forbidden', `${table} answered without ${fields.join(', ')}: the user may not read ${fields.length === 1 ? 'that field' : 'those fields'}`, {
    table,
    details: [
      ...[...hidden].map(([field, { count, example }]) => `${table}.${field}: missing in ${count} of ${rows.length} records (e.g. ${example})`),
      'ServiceNow leaves out a field the user may not read (a field-level ACL) instead of refusing the request; a snapshot without it would be wrong.',
      `Reading ${table} usually needs ${roleHintFor(table)}; ask an administrator to grant it, or to check the read ACLs on ${fields.map((field) => `${table}.${field.split('.')[0]}`).join(', ')}.`
    ]
  });
}

/** A table whose super class comes back as a sys_id without its name would be read as a root table, without the inherited columns. */
function refuseUnnamedSuperClasses(rows: readonly Record<string, unknown>[]): void {
  const unnamed = rows.filter((row) => cellText(row.super_class) !== '' && cellText(row['super_class.name']) === '');
  if (unnamed.length === 0) return;
  throw new ServiceNowError('forbidden', `sys_db_object names the super class of ${unnamed.map((row) => cellText(row.name)).sort().join(', ')} only by sys_id: the user may not read ${unnamed.length === 1 ? 'that super class\'s record' : 'those super classes\' records'}`, {
    table: 'sys_db_object',
    details: [
      ...unnamed.slice(0, 10).map((row) => `${cellText(row.name)}: super_class ${cellText(row.super_class)}, super_class.name empty`),
      'Without the super class the table would lose every column it inherits.',
      `Reading sys_db_object usually needs ${roleHintFor('sys_db_object')}; ask an administrator to let the integration user read every sys_db_object record.`
    ]
  });
}

function recordName(row: Record<string, unknown>): string {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const name = [text(row.name), text(row.element)].filter(Boolean).join('.');
  const id = text(row.sys_id);
  return [name, id ? `sys_id ${id}` : ''].filter(Boolean).join(', ') || 'a record without name or sys_id';
}

/** Keeps the requested columns in a fixed order, every value a string, so that output diffs well. */
export function normalise(row: Record<string, unknown>, fields: readonly string[]): RawRecord {
  const record: RawRecord = {};
  for (const field of fields) {
    record[field] = cellText(row[field]);
  }
  return record;
}

/** A Table API value as text: a reference's `{value, link}` (or `display_value` form) by its value, absent and null as "". */
function cellText(value: unknown): string {
  return typeof value === 'string' ? value : value && typeof value === 'object' && 'value' in value ? String((value as { value: unknown }).value ?? '') : value === undefined || value === null ? '' : String(value);
}

export function sortRecords(records: RawRecord[], keys: readonly string[]): RawRecord[] {
  const numeric = /^-?\d+$/;
  return [...records].sort((a, b) => {
    for (const key of [...keys, 'sys_id']) {
      const x = a[key] ?? '';
      const y = b[key] ?? '';
      if (x === y) continue;
      if (key === 'sequence' && numeric.test(x) && numeric.test(y)) return Number(x) - Number(y);
      return x < y ? -1 : 1;
    }
    return 0;
  });
}

/** "table X does not exist", with close matches among the instance's table names. */
async function missingTablesError(client: ServiceNowClient, missing: readonly string[]): Promise<UserError> {
  const prefixes = [...new Set(missing.map((name) => name.slice(0, Math.min(3, name.length))))];
  let candidates: string[] = [];
  try {
    const rows = await client.listAll('sys_db_object', {
      query: prefixes.map((prefix) => `nameSTARTSWITH${prefix}`).join('^OR'),
      fields: ['name'],
      pageSize: 2000
    });
    candidates = rows.map((row) => String(row.name ?? '')).filter(Boolean);
  } catch (error) {
    if (!isServiceNowError(error)) throw error;
  }
  const details = missing.map((name) => {
    const matches = closeMatches(name, candidates, { ignoreCase: true });
    return matches.length > 0 ? `${name}: did you mean ${matches.join(', ')}?` : `${name}: no table with a similar name`;
  });
  details.push('A table the user may not read is hidden the same way; check with camunda-servicenow test-connection.');
  const plural = missing.length > 1 ? 'tables' : 'table';
  return new UserError(`${plural} not found on the instance: ${missing.join(', ')}`, details);
}

/** The instance's build tag, when sys_properties is readable; its absence is not an error. */
async function readBuildTag(client: ServiceNowClient): Promise<string | undefined> {
  try {
    const response = await client.getTable<RawRecord[]>('sys_properties', {
      sysparm_query: 'nameINglide.buildtag,glide.buildname',
      sysparm_fields: 'name,value',
      sysparm_limit: '2'
    });
    const rows = Array.isArray(response.body.result) ? response.body.result : [];
    return rows.find((row) => row.name === 'glide.buildtag')?.value || rows.find((row) => row.name === 'glide.buildname')?.value || undefined;
  } catch (error) {
    if (isServiceNowError(error) && ['forbidden', 'not-found', 'bad-request'].includes(error.kind)) return undefined;
    throw error;
  }
}
