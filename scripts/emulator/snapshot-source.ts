import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../core/errors';
import { loadSnapshot } from '../../core/metadata/load';
import { CATALOG_TABLES, FILE_OF, snapshotFiles, type CatalogRecords } from '../metadata/snapshot-files';
import { bundledSnapshotDir, readSnapshot } from '../metadata/read-snapshot';
import { toStoredRecord, type SnapshotRecords } from './records';
import type { EmulatorSnapshot } from './server';


/**
 * Reads a snapshot directory for the emulator: the raw records it serves
 * from the metadata tables, and the resolved tables (the real loader) that
 * become its data tables, so both match what the templates were built from.
 */
export async function loadEmulatorSnapshot(directory: string = bundledSnapshotDir): Promise<EmulatorSnapshot> {
  const metadata = await readSnapshot(directory);
  const records = {} as SnapshotRecords;
  for (const [table, file] of Object.entries(FILE_OF) as [keyof SnapshotRecords, string][]) {
    records[table] = await readRecords(join(directory, file));
  }
  // The catalog records are served as tables too, so fetch-metadata --catalog-items can read them back.
  const catalog = {} as CatalogRecords;
  for (const table of CATALOG_TABLES) catalog[table] = await readRecords(join(directory, `${table}.json`));
  return { records, metadata, ...(catalog.sc_cat_item.length > 0 ? { catalog } : {}) };
}

async function readRecords(path: string): Promise<Record<string, string>[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const body = JSON.parse(text) as { result?: unknown };
  if (!Array.isArray(body.result)) throw new UserError(`${path}: expected a Table API response {"result":[...]}`);
  return (body.result as Record<string, unknown>[]).map(toStoredRecord);
}

/** An in-memory snapshot (e.g. a synthetic one) loaded through the real loader, as a directory would be. */
export function emulatorSnapshotFromRecords(records: SnapshotRecords, completeTables: readonly string[]): EmulatorSnapshot {
  const files = [...snapshotFiles(records, { format: 1, origin: 'synthetic', source: 'emulator', tables: [...completeTables] }).files].map(([path, text]) => ({ path, text }));
  return { records, metadata: loadSnapshot(files, { origin: 'synthetic', source: 'emulator' }) };
}
