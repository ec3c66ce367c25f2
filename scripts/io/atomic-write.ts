import { mkdir, rename, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/**
 * Writes one file so that readers see either the old or the new content,
 * never half of it: write a temporary sibling, then rename over the target.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Replaces a whole directory with the given files (relative path → content),
 * or leaves the old directory untouched when anything fails. The new tree is
 * built in a temporary sibling and swapped in with two renames.
 */
export async function writeDirectoryAtomic(
  directory: string,
  files: ReadonlyMap<string, string | Uint8Array>,
  hooks: { beforeSwap?: () => Promise<void> | void } = {}
): Promise<void> {
  const parent = dirname(directory);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(join(parent, `.${basename(directory)}.new-`));
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
  const retired = `${staging.replace(/\.new-([^/\\]+)$/, '.old-$1')}`;
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
