import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { refuseUnwritable } from './owned-files';
import { removeStaleTemporaries, temporaryName } from './temporary-names';

/**
 * Writes one file so that readers see either the old or the new content,
 * never half of it: write a temporary sibling, then rename over the target.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await removeStaleTemporaries(dirname(path));
  const temporary = join(dirname(path), temporaryName('tmp'));
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Replaces a whole directory with the given files (relative path → content),
 * or leaves the old directory untouched when anything fails. The new tree is
 * built in a temporary sibling and swapped in with two renames. Only for
 * folders the command owns as a whole (an earlier fetch, a release folder).
 */
export async function writeDirectoryAtomic(
  directory: string,
  files: ReadonlyMap<string, string | Uint8Array>,
  hooks: { beforeSwap?: () => Promise<void> | void } = {}
): Promise<void> {
  const parent = dirname(directory);
  await mkdir(parent, { recursive: true });
  await removeStaleTemporaries(parent, basename(directory));
  // The swap needs to write the parent, and to empty the old folder afterwards.
  for (const folder of [parent, ...((await stat(directory).catch(() => undefined))?.isDirectory() ? [directory] : [])]) {
    await refuseUnwritable(folder);
  }
  // A plain mkdir (not mkdtemp, which makes 0700) so that the folder swapped in has the umask's mode.
  const staging = join(parent, temporaryName('new'));
  await mkdir(staging);
  try {
    for (const [relative, content] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (relative.startsWith('/') || relative.split(/[\\/]/).includes('..')) {
        throw new Error(`refusing to write outside ${directory}: ${relative}`);
      }
      const target = join(staging, relative);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
    }
    await hooks.beforeSwap?.();
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const retired = join(parent, temporaryName('old'));
  let hadOld = true;
  try {
    await rename(directory, retired);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    hadOld = false;
  }
  try {
    await rename(staging, directory);
  } catch (error) {
    if (hadOld) await rename(retired, directory);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  if (hadOld) await rm(retired, { recursive: true, force: true });
}
