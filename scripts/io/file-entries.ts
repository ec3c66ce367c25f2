import type { Dirent } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Whether a listed folder entry is a file to read: a regular file, or a link
 * to one. Camunda Modeler finds templates with glob, which follows linked
 * files, so a checker that skipped them would pass a folder the Modeler
 * loads differently. Links to folders are not followed (they may loop).
 */
export async function isFileOrLinkToFile(entry: Dirent): Promise<boolean> {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  return (await stat(join(entry.parentPath, entry.name)).catch(() => undefined))?.isFile() ?? false;
}
