/** Reads a snapshot directory (format: metadata/README.md) from disk and loads it. */
import { readTextFile } from '../io/text-file';
import { join, resolve } from 'node:path';
import { isUserError, UserError } from '../../core/errors';
import { fileSystemUserError } from '../io/file-errors';
import { packageRoot } from '../io/package-root';
import { loadSnapshot, type SnapshotFile } from '../../core/metadata/load';
import { CATALOG_FILES } from '../../core/metadata/catalog';
import { MANIFEST_FILE } from '../../core/metadata/manifest';
import type { Metadata } from '../../core/metadata/model';
import { OVERLAY_FILE } from '../../core/metadata/overlay';
import { SNAPSHOT_FILES } from '../../core/metadata/records';

/** The snapshot shipped with the package (built by `camunda-servicenow metadata import-sdk`). */
export const bundledSnapshotDir = join(packageRoot, 'metadata');

const optionalFiles: string[] = [SNAPSHOT_FILES.overrides, SNAPSHOT_FILES.choices, MANIFEST_FILE, ...Object.values(CATALOG_FILES)];

/**
 * Loads the snapshot in `directory` (default: the bundled one). The
 * overlay is the directory's own `overlay.json`, else the bundled one, so a
 * live dump still gets primary fields and the OOB mandatory flags.
 */
export async function readSnapshot(directory: string = bundledSnapshotDir): Promise<Metadata> {
  const dir = resolve(directory);
  const files: SnapshotFile[] = [];
  for (const name of [SNAPSHOT_FILES.tables, SNAPSHOT_FILES.columns, ...optionalFiles]) {
    const file = await readSnapshotFile(join(dir, name), !optionalFiles.includes(name), dir);
    if (file) files.push(file);
  }
  const overlay =
    (await readSnapshotFile(join(dir, OVERLAY_FILE), false, dir)) ??
    (await readSnapshotFile(join(bundledSnapshotDir, OVERLAY_FILE), false, dir));
  return loadSnapshot(files, {
    location: dir,
    ...(dir === bundledSnapshotDir ? { origin: 'bundled' as const } : {}),
    ...(overlay ? { overlay } : {})
  });
}

async function readSnapshotFile(path: string, required: boolean, dir: string): Promise<SnapshotFile | undefined> {
  try {
    return { path, text: await readTextFile(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === 'ENOENT' || code === 'ENOTDIR') && !required) return undefined;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new UserError(
        `No metadata snapshot at ${dir}: ${path} is missing. Pass a directory holding sys_db_object.json and sys_dictionary.json (see metadata/README.md), or fetch one with camunda-servicenow fetch-metadata.`
      );
    }
    // A file-system failure (a folder where the file belongs, EACCES) with what to do; a UTF-16 file as readTextFile named it.
    if (isUserError(error)) throw error;
    throw fileSystemUserError(error) ?? new UserError(`Cannot read ${path}: ${(error as Error).message}`);
  }
}
