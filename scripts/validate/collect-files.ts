import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '../../core/errors';

/** The `.json` files named or found (recursively, sorted) under the given paths. */
export async function collectTemplateFiles(paths: string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new UserError(`${path}: no such file or directory`);
    if (info.isDirectory()) files.push(...(await jsonFilesUnder(absolute)).map((file) => join(path, file)));
    else files.push(path);
  }
  return files;
}

async function jsonFilesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath.slice(directory.length + 1), entry.name))
    .sort();
}
