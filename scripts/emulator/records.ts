import type { RawRecord } from '../metadata/snapshot-files';

export { METADATA_TABLES, type SnapshotRecords } from '../metadata/snapshot-files';

/** A record as the emulator stores it: every value a string, as the Table API stores it. */
export type StoredRecord = RawRecord;

/** Turns a JSON value from a request body (or a snapshot) into the string ServiceNow would store. */
export function toStoredValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && 'value' in value) return toStoredValue((value as { value: unknown }).value);
  return undefined;
}

/** Normalises a snapshot record (values may be `{link,value}` objects) to stored strings. */
export function toStoredRecord(raw: Record<string, unknown>): StoredRecord {
  const record: StoredRecord = {};
  for (const [key, value] of Object.entries(raw)) {
    const stored = toStoredValue(value);
    if (stored !== undefined) record[key] = stored;
  }
  return record;
}
