import { lstat, mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { UserError } from '../../core/errors';
import { failedFor } from './file-errors';
import { removedOnSignal, withSignalsHeld } from './hold-signals';
import { linkToMissingFolder, refuseUnwritable, replaceOwnedFiles } from './owned-files';
import { removeStaleTemporaries, temporaryName } from './temporary-names';

/**
 * Writes one file so that readers see either the old or the new content,
 * never half of it. It is the owned-files writer with this one file as all it
 * owns, so a single file gets the same guarantees as a folder of templates: a
 * replaced file keeps its mode, a link or folder in its place and a folder the
 * user may not write to are refused before anything changes, and the parent
 * folders it had to create are removed again when writing fails.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const directory = dirname(path);
  const name = basename(path);
  const existing = await readFile(path).then(
    (bytes) => new Map([[name, bytes]]),
    () => new Map<string, Buffer>()
  );
  // Only the bytes of a regular file count as the old content; the writer refuses anything else.
  if (existing.size > 0 && !(await lstat(path)).isFile()) existing.clear();
  await replaceOwnedFiles(directory, { folders: [''], owns: (relative) => relative === name }, existing, new Map([[name, content]]));
}

/**
 * Replaces a whole directory with the given files (relative path → content),
 * or leaves the old directory untouched when anything fails. The new tree is
 * built in a temporary sibling and swapped in with two renames. Only for
 * folders the command owns as a whole (an earlier fetch, a release folder).
 * A link to a folder stays a link: the folder it points to is replaced.
 */
export async function writeDirectoryAtomic(
  requested: string,
  files: ReadonlyMap<string, string | Uint8Array>,
  hooks: { beforeSwap?: () => Promise<void> | void } = {}
): Promise<void> {
  const directory = await throughLink(requested);
  const parent = dirname(directory);
  await mkdir(parent, { recursive: true });
  await removeStaleTemporaries(parent, basename(directory));
  const old = await stat(directory).catch(() => undefined);
  // The swap would move a file in the folder's place aside and delete it.
  if (old && !old.isDirectory()) throw new UserError(`${requested} is a file, not a folder; nothing was changed`, ['Remove or rename it, or choose another output folder.']);
  // The swap needs to write the parent, and to empty the old folder afterwards.
  for (const folder of [parent, ...(old ? [directory] : [])]) {
    await refuseUnwritable(folder);
  }
  // A plain mkdir (not mkdtemp, which makes 0700) so that the folder swapped in has the umask's mode.
  const staging = join(parent, temporaryName('new'));
  const retired = join(parent, temporaryName('old'));
  // Until the swap and the removal of the old tree are done, a signal removes both temporaries (whichever exists).
  const forget = [removedOnSignal(staging), removedOnSignal(retired)];
  try {
    await mkdir(staging);
    await stageAndSwap({ requested, directory, staging, retired }, files, hooks);
  } finally {
    for (const done of forget) done();
  }
}

async function stageAndSwap(
  paths: { requested: string; directory: string; staging: string; retired: string },
  files: ReadonlyMap<string, string | Uint8Array>,
  hooks: { beforeSwap?: () => Promise<void> | void }
): Promise<void> {
  const { requested, directory, staging, retired } = paths;
  try {
    for (const [relative, content] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (relative.startsWith('/') || relative.split(/[\\/]/).includes('..')) {
        throw new Error(`refusing to write outside ${directory}: ${relative}`);
      }
      const target = join(staging, relative);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content).catch(failedFor(join(directory, relative)));
    }
    await hooks.beforeSwap?.();
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  // Between the two renames no folder is at `directory`; a signal there must wait for the second.
  const hadOld = await withSignalsHeld(async () => {
    let moved = true;
    try {
      await rename(directory, retired);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        await rm(staging, { recursive: true, force: true });
        throw error;
      }
      moved = false;
    }
    try {
      await rename(staging, directory);
    } catch (error) {
      if (moved) await rename(retired, directory);
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    return moved;
  });
  if (hadOld) {
    // The swap is done; what remains is removing the old tree, which a protected file in it (chattr +i) can stop half-way.
    await rm(retired, { recursive: true, force: true }).catch(() => {
      throw new UserError(`${requested} holds the new content, but its earlier content, moved aside to ${retired}, could not be removed`, [
        'Remove that folder yourself (check its files with lsattr and chattr -i, or their permissions).'
      ]);
    });
  }
}

/** The folder a link points to (the swap would otherwise replace the link itself with a folder), or the path itself. */
async function throughLink(path: string): Promise<string> {
  if (!(await lstat(path).catch(() => undefined))?.isSymbolicLink()) return path;
  return realpath(path).catch(() => {
    throw linkToMissingFolder(path);
  });
}
