import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../core/errors';
import { loadSnapshot } from '../../core/metadata/load';
import { MANIFEST_FILE, type Manifest } from '../../core/metadata/manifest';
import type { Metadata } from '../../core/metadata/model';
import { writeDirectoryAtomic } from '../io/atomic-write';
import { CATALOG_FILES } from '../../core/metadata/catalog';
import { FILE_OF, snapshotFiles, type CatalogRecords, type SnapshotRecords } from '../metadata/snapshot-files';

/**
 * Checks the fetched records with the real loader, then replaces `directory`
 * in one swap: either the whole new snapshot is there or the old one is
 * untouched. Returns what the loader made of it.
 */
export async function writeSnapshot(directory: string, records: SnapshotRecords, manifest: Omit<Manifest, 'records'>, catalog?: CatalogRecords): Promise<Metadata> {
  await refuseForeignDirectory(directory);
  const { files } = snapshotFiles(records, manifest, catalog);
  let metadata: Metadata;
  try {
    metadata = loadSnapshot([...files].map(([path, text]) => ({ path: join(directory, path), text })), { origin: 'instance' });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UserError(`the fetched metadata does not load, so nothing was written: ${message}`, (error as UserError).details ?? []);
  }
  await writeDirectoryAtomic(directory, files);
  return metadata;
}

/**
 * Never replace a directory that is not an earlier fetch (the bundled
 * snapshot, a source folder...). The command also calls it before fetching,
 * so that a wrong --out is reported before minutes of requests.
 */
export async function refuseForeignDirectory(directory: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(directory);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw new UserError(`--out ${directory} is a file, not a folder`, ['Name a folder for the snapshot (it is created when missing), e.g. --out metadata/<instance>.']);
    throw error;
  }
  if (entries.length === 0) return;
  let origin: unknown;
  try {
    origin = (JSON.parse(await readFile(join(directory, MANIFEST_FILE), 'utf8')) as { origin?: unknown }).origin;
  } catch {
    origin = undefined;
  }
  if (origin !== 'instance') {
    throw new UserError(`--out ${directory} exists and is not a snapshot fetched from an instance; it would be replaced as a whole`, [
      'Choose a new folder (e.g. metadata/<instance>/), or remove that one first.'
    ]);
  }
  // A fetch is replaced as a whole, so anything added to it since would be lost.
  const owned = new Set<string>([...Object.values(FILE_OF), ...Object.values(CATALOG_FILES), MANIFEST_FILE]);
  const foreign = entries.filter((name) => !owned.has(name));
  if (foreign.length > 0) {
    throw new UserError(`--out ${directory} is an earlier fetch that now also holds ${foreign.join(', ')}; the new fetch replaces the folder as a whole`, [
      'Move those files elsewhere, or fetch into a new folder (e.g. metadata/<instance>-new/).'
    ]);
  }
}
