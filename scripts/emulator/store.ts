import { randomBytes } from 'node:crypto';
import type { TableSchema } from './schema';
import { toStoredValue, type StoredRecord } from './records';

export interface StoreOptions {
  /** The clock for sys_created_on/sys_updated_on (injectable for deterministic tests). */
  now?: () => Date;
  /** sys_id generator: 32 lowercase hex characters. */
  newSysId?: () => string;
}

/**
 * The emulator's in-memory tables. Writes follow the Table API: unknown
 * columns and sys_ columns are silently ignored, sys_id, number and the
 * sys_ audit columns are assigned, columns not given get their default or ''.
 */
export class TableStore {
  private readonly tables = new Map<string, Map<string, StoredRecord>>();
  private readonly counters = new Map<string, number>();
  private readonly now: () => Date;
  private readonly newSysId: () => string;

  constructor(readonly schemas: ReadonlyMap<string, TableSchema>, options: StoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.newSysId = options.newSysId ?? (() => randomBytes(16).toString('hex'));
  }

  schema(table: string): TableSchema | undefined {
    return this.schemas.get(table);
  }

  /** Loads records as they are (snapshot rows, seeded data), keeping their sys_ids. */
  seed(table: string, records: readonly StoredRecord[]): void {
    const rows = this.rows(table);
    for (const record of records) {
      const sysId = record.sys_id || this.newSysId();
      rows.set(sysId, { ...record, sys_id: sysId });
    }
  }

  all(table: string): StoredRecord[] {
    return [...this.rows(table).values()];
  }

  get(table: string, sysId: string): StoredRecord | undefined {
    return this.rows(table).get(sysId);
  }

  /** The first record whose `column` holds `value` (a reference keyed by name); a scan, as the emulator's tables are small. */
  find(table: string, column: string, value: string): StoredRecord | undefined {
    for (const record of this.rows(table).values()) if (record[column] === value) return record;
    return undefined;
  }

  insert(table: string, body: Record<string, unknown>, user: string): StoredRecord {
    const schema = this.requireSchema(table);
    const timestamp = glideDateTime(this.now());
    const record: StoredRecord = {};
    for (const column of schema.columns) record[column] = schema.defaults.get(column) ?? '';
    Object.assign(record, this.writableValues(schema, body));
    const sysId = this.newSysId();
    Object.assign(record, { sys_id: sysId });
    const audit: StoredRecord = { sys_created_on: timestamp, sys_updated_on: timestamp, sys_created_by: user, sys_updated_by: user, sys_mod_count: '0', sys_class_name: table };
    for (const [column, value] of Object.entries(audit)) if (schema.columns.has(column)) record[column] = value;
    if (schema.numberPrefix) record.number = this.nextNumber(table, schema.numberPrefix);
    this.rows(table).set(sysId, record);
    return record;
  }

  /** PUT and PATCH both change only the given columns (ServiceNow treats them alike). */
  update(table: string, sysId: string, body: Record<string, unknown>, user: string): StoredRecord | undefined {
    const schema = this.requireSchema(table);
    const record = this.rows(table).get(sysId);
    if (!record) return undefined;
    Object.assign(record, this.writableValues(schema, body));
    if (schema.columns.has('sys_updated_on')) record.sys_updated_on = glideDateTime(this.now());
    if (schema.columns.has('sys_updated_by')) record.sys_updated_by = user;
    if (schema.columns.has('sys_mod_count')) record.sys_mod_count = String(Number(record.sys_mod_count || 0) + 1);
    return record;
  }

  delete(table: string, sysId: string): boolean {
    return this.rows(table).delete(sysId);
  }

  private writableValues(schema: TableSchema, body: Record<string, unknown>): StoredRecord {
    const values: StoredRecord = {};
    for (const [column, value] of Object.entries(body)) {
      if (!schema.writable.has(column)) continue;
      const stored = toStoredValue(value);
      if (stored !== undefined) values[column] = stored;
    }
    return values;
  }

  private nextNumber(table: string, prefix: string): string {
    const next = (this.counters.get(table) ?? 10000) + 1;
    this.counters.set(table, next);
    return `${prefix}${String(next).padStart(7, '0')}`;
  }

  private requireSchema(table: string): TableSchema {
    const schema = this.schemas.get(table);
    if (!schema) throw new Error(`no schema for table ${table}`);
    return schema;
  }

  private rows(table: string): Map<string, StoredRecord> {
    let rows = this.tables.get(table);
    if (!rows) {
      rows = new Map();
      this.tables.set(table, rows);
    }
    return rows;
  }
}

/** ServiceNow's glide_date_time format in UTC: `2026-11-25 09:00:00`. */
export function glideDateTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}
