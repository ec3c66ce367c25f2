import type { TableSchema } from './schema';
import type { StoredRecord } from './records';
import type { TableStore } from './store';

export type DisplayValueMode = 'false' | 'true' | 'all';

export interface RenderOptions {
  /** `sysparm_fields`: the columns to return (dot-walks allowed); all columns when absent. */
  fields?: readonly string[];
  displayValue: DisplayValueMode;
  excludeReferenceLink: boolean;
  /** The instance URL for reference links: `<base>/api/now/table/<table>/<sys_id>`. */
  baseUrl: string;
}

/** Where dot-walks and display values find referenced records and their tables. */
export interface Resolver {
  record(table: string, sysId: string): StoredRecord | undefined;
  /** The first record whose `column` holds `value`: a reference keyed by another column than sys_id (reference_key). */
  find(table: string, column: string, value: string): StoredRecord | undefined;
  schema(table: string): TableSchema | undefined;
}

/** The resolver over the emulator's own tables. */
export function storeResolver(store: TableStore): Resolver {
  return { record: (table, sysId) => store.get(table, sysId), find: (table, column, value) => store.find(table, column, value), schema: (table) => store.schema(table) };
}

/** The record a reference column's value points at, by sys_id or by the column's reference_key. */
function referencedRecord(schema: TableSchema, column: string, target: string, value: string, resolver: Resolver): StoredRecord | undefined {
  const key = schema.referenceKeys?.get(column);
  return key ? resolver.find(target, key, value) : resolver.record(target, value);
}

/**
 * Shapes a stored record as the Table API returns it: string values,
 * references as `{link, value}` (unless excluded), choice and reference
 * display values with `sysparm_display_value`. Unknown `sysparm_fields`
 * are left out silently, as ServiceNow does.
 */
export function renderRecord(record: StoredRecord, schema: TableSchema, resolver: Resolver, options: RenderOptions): Record<string, unknown> {
  const columns = options.fields ?? [...schema.columns].sort();
  const out: Record<string, unknown> = {};
  for (const column of columns) {
    const resolved = resolvePath(record, schema, column, resolver);
    if (!resolved) continue;
    out[column] = renderValue(resolved, resolver, options);
  }
  return out;
}

interface ResolvedValue {
  value: string;
  column: string;
  schema: TableSchema;
}

/** Follows a dotted path through references; a literal dotted key stored in the record wins (snapshot rows carry them). */
export function resolvePath(record: StoredRecord, schema: TableSchema, path: string, resolver: Resolver): ResolvedValue | undefined {
  if (path in record) return { value: record[path] ?? '', column: path, schema };
  const [head, ...rest] = path.split('.');
  if (head === undefined || !schema.columns.has(head)) return undefined;
  const value = record[head] ?? '';
  if (rest.length === 0) return { value, column: head, schema };
  const target = schema.references.get(head);
  if (!target) return undefined;
  const referenced = value ? referencedRecord(schema, head, target, value, resolver) : undefined;
  const targetSchema = resolver.schema(target);
  if (!referenced || !targetSchema) return targetSchema ? { value: '', column: rest.join('.'), schema: targetSchema } : undefined;
  return resolvePath(referenced, targetSchema, rest.join('.'), resolver);
}

function renderValue(resolved: ResolvedValue, resolver: Resolver, options: RenderOptions): unknown {
  const { value, column, schema } = resolved;
  const target = schema.references.get(column);
  const link = target && value && !options.excludeReferenceLink ? `${options.baseUrl}/api/now/table/${target}/${value}` : undefined;
  if (options.displayValue === 'false') return link ? { link, value } : value;
  const display = displayOf(value, column, schema, resolver);
  if (options.displayValue === 'true') return link ? { display_value: display, link } : display;
  return link ? { display_value: display, value, link } : { display_value: display, value };
}

function displayOf(value: string, column: string, schema: TableSchema, resolver: Resolver): string {
  const label = schema.choiceLabels.get(column)?.get(value);
  if (label !== undefined) return label;
  const target = schema.references.get(column);
  if (target && value) {
    const referenced = referencedRecord(schema, column, target, value, resolver);
    if (!referenced) return '';
    return referenced.number || referenced.name || referenced.user_name || referenced.short_description || value;
  }
  return value;
}

