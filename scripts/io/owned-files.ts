/**
 * Writing into a folder that also holds other people's files: a command
 * creates, replaces and removes only the files it owns and leaves every other
 * entry (files, binaries, symlinks, empty folders, modes) exactly as it was.
 * New content is staged in temporary siblings first, so a failure while
 * writing changes nothing; then each file is renamed into place.
 */
import { access, chmod, constants, copyFile, link, lstat, mkdir, readdir, readFile, readlink, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, posix, resolve } from 'node:path';
import { UserError } from '../../core/errors';
import { failedFor } from './file-errors';
import { removedOnSignal, withSignalsHeld } from './hold-signals';
import { isTemporaryName, removeStaleTemporaries, temporaryName } from './temporary-names';

/** Which relative (`/`-separated) paths a command owns, and the folders they live in (`''` is the top). */
export interface Ownership {
  folders: readonly string[];
  owns(relativePath: string): boolean;
}

/**
 * The output folder as a user named it: refuses an empty name, a path that is
 * not a folder, and a project root (a folder holding .git or package.json),
 * where files of ours do not belong.
 */
export async function checkOutputFolder(option: string, value: string, cwd: string): Promise<string> {
  if (value.trim() === '') throw new UserError(`${option} is empty; name the output folder, e.g. ${option} templates`);
  const directory = resolve(cwd, value);
  const info = await stat(directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (info && !info.isDirectory()) throw new UserError(`${option} ${value} is a file, not a folder`, [`Name a folder (it is created when missing), e.g. ${option} templates.`]);
  // Missing, yet there: a link whose folder was moved or deleted. Writing would go through it (or fail as "permission denied").
  if (!info && (await lstat(directory).catch(() => undefined))?.isSymbolicLink()) throw linkToMissingFolder(`${option} ${value}`, resolve(dirname(directory), await readlink(directory)));
  for (const marker of ['.git', 'package.json']) {
    if (await lstat(join(directory, marker)).then(() => true, () => false)) {
      throw new UserError(`${option} ${value} is the root of a project (it holds ${marker}); this command writes into a folder of its own`, [
        `Name a sub-folder instead, e.g. ${option} ${posix.join(value === '.' ? '' : value, 'templates') || 'templates'}.`
      ]);
    }
  }
  return directory;
}

/** The error for an output folder that is a link to a folder that does not exist. */
export function linkToMissingFolder(what: string, target?: string): UserError {
  return new UserError(`${what} is a link to a folder that does not exist${target === undefined ? '' : ` (${target})`}`, ['Create the folder it points to, remove the link, or choose another output folder.']);
}

/** The owned regular files under `directory` (relative path → bytes); empty when it does not exist. */
export async function readOwnedFiles(directory: string, ownership: Ownership): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const relative of await listOwnedFiles(directory, ownership)) files.set(relative, await readFile(join(directory, relative)));
  return files;
}

/** The relative paths of the owned regular files under `directory`, folder by folder, each sorted; none when it does not exist. */
export async function listOwnedFiles(directory: string, ownership: Ownership): Promise<string[]> {
  const paths: string[] = [];
  for (const folder of ownership.folders) {
    // A link or file where an owned folder belongs is not ours to follow; replaceOwnedFiles refuses to write through it.
    if (folder !== '' && !(await lstat(join(directory, folder)).catch(() => undefined))?.isDirectory()) continue;
    const entries = await readdir(join(directory, folder), { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || (folder !== '' && error.code === 'ENOTDIR')) return [];
      throw error;
    });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isFile() && !isTemporaryName(entry.name) && ownership.owns(relative)) paths.push(relative);
    }
  }
  return paths;
}

export interface OwnedChanges {
  written: string[];
  removed: string[];
}

/**
 * Makes the owned files of `directory` exactly `files`: writes what is new or
 * different, removes owned files (as read in `existing`) that are not in
 * `files`. A replaced file keeps its mode; new files and folders get the
 * umask's. Refuses, before changing anything, an owned name that is not a
 * regular file and a folder the user may not write to.
 */
export async function replaceOwnedFiles(
  directory: string,
  ownership: Ownership,
  existing: ReadonlyMap<string, Uint8Array>,
  files: ReadonlyMap<string, string | Uint8Array>
): Promise<OwnedChanges> {
  const writer = await OwnedFilesWriter.open(directory, ownership, existing);
  try {
    for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) await writer.stage(path, content);
    return await writer.commit(new Set(files.keys()));
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/**
 * The same contract for content that arrives one file at a time (a run of
 * thousands of templates holds none of them in memory): each file is staged
 * in a temporary sibling as it comes, and nothing visible changes until
 * `commit` renames them all into place; `abort` removes what was staged.
 */
export class OwnedFilesWriter {
  private readonly staged: [string, string][] = [];
  /** For the staged files and the folders this writer created: forget them once they are in place or removed. */
  private readonly forget: (() => void)[] = [];
  private readonly created: string[] = [];
  private readonly written: string[] = [];
  /** Folders checked so far: writable (true) or created by this writer (false). */
  private readonly folders = new Map<string, boolean>();

  private constructor(
    private readonly directory: string,
    private readonly ownership: Ownership,
    private readonly existing: ReadonlyMap<string, Uint8Array>,
    /** Each owned file as it was when the run began (inode, size, time): `existing` may be read lazily. */
    private readonly seen: ReadonlyMap<string, string>
  ) {}

  static async open(directory: string, ownership: Ownership, existing: ReadonlyMap<string, Uint8Array>): Promise<OwnedFilesWriter> {
    await removeStaleTemporaries(dirname(directory), basename(directory));
    for (const folder of ownership.folders) await removeStaleTemporaries(join(directory, folder));
    const seen = new Map<string, string>();
    for (const path of await listOwnedFiles(directory, ownership)) seen.set(path, await fingerprint(join(directory, path)));
    return new OwnedFilesWriter(directory, ownership, existing, seen);
  }

  /** Stages `path` with `content`, unless the file already holds exactly these bytes. */
  async stage(path: string, content: string | Uint8Array): Promise<void> {
    if (sameBytes(this.existing.get(path), content)) return;
    this.refuseUnowned(path);
    const target = join(this.directory, path);
    await this.prepareFolder(dirname(target));
    const info = await lstat(target).catch(() => undefined);
    if (info && !info.isFile()) throw new UserError(`${target} is not a regular file, and this command would replace it`, ['Remove or rename it, or choose another output folder.']);
    const temporary = join(dirname(target), temporaryName('tmp'));
    this.staged.push([temporary, target]);
    this.forget.push(removedOnSignal(temporary));
    this.written.push(path);
    await writeFile(temporary, content, { flag: 'wx' }).catch(failedFor(target));
    if (info) await chmod(temporary, info.mode & 0o7777);
  }

  /**
   * Renames the staged files into place and removes the owned files (as read
   * in `existing`) not in `keep`. All or nothing: a rename or removal can
   * still fail half-way (an immutable file, a full directory), so every file
   * it replaces or removes is first kept as a backup (a hard link, else a
   * copy) and put back when a later step fails, and what it created goes again.
   */
  async commit(keep: ReadonlySet<string>): Promise<OwnedChanges> {
    return withSignalsHeld(() => this.commitHeld(keep));
  }

  private async commitHeld(keep: ReadonlySet<string>): Promise<OwnedChanges> {
    await this.refuseChangedMeanwhile();
    const removed = [...this.existing.keys()].filter((path) => !keep.has(path)).sort();
    for (const path of removed) {
      this.refuseUnowned(path);
      await this.prepareFolder(join(this.directory, posix.dirname(path)));
    }
    const steps = [
      ...this.staged.map(([temporary, target]) => ({ target, apply: () => rename(temporary, target) })),
      ...removed.map((path) => join(this.directory, path)).map((target) => ({ target, apply: () => unlink(target) }))
    ];
    const backups = new Map<string, string>();
    const done: string[] = [];
    try {
      for (const { target } of steps) {
        if (!(await lstat(target).catch(() => undefined))) continue;
        const backup = join(dirname(target), temporaryName('old'));
        await link(target, backup).catch(() => copyFile(target, backup, constants.COPYFILE_EXCL));
        backups.set(target, backup);
      }
      for (const { target, apply } of steps) {
        await apply().catch(failedFor(target));
        done.push(target);
      }
    } catch (error) {
      await restore(done, backups);
      throw error;
    } finally {
      await Promise.all([...backups.values()].map((backup) => rm(backup, { force: true })));
    }
    // In place, and the new folders hold them: a signal held until now must not remove them. (After a failure, abort does.)
    for (const forget of this.forget.splice(0)) forget();
    return { written: [...this.written].sort(), removed };
  }

  /** Removes what was staged and the folders this writer created. */
  async abort(): Promise<void> {
    await Promise.all(this.staged.map(([temporary]) => rm(temporary, { force: true })));
    for (const folder of [...this.created].reverse()) await rm(folder, { recursive: true, force: true });
    for (const forget of this.forget.splice(0)) forget();
  }

  /**
   * Another run into the same folder (a second terminal, a parallel CI job)
   * that committed while this one staged: committing now would replace what
   * it released as if it had never been there, and two commits would mix
   * the sets. A run that finds its folder changed commits nothing.
   */
  private async refuseChangedMeanwhile(): Promise<void> {
    const now = await listOwnedFiles(this.directory, this.ownership);
    const changed = new Set(now.filter((path) => !this.seen.has(path)));
    for (const [path, before] of this.seen) if ((await fingerprint(join(this.directory, path)).catch(() => undefined)) !== before) changed.add(path);
    if (changed.size === 0) return;
    const names = [...changed].sort();
    throw new UserError(`${this.directory} changed while this command was writing it (${names.slice(0, 5).join(', ')}${names.length > 5 ? `, and ${names.length - 5} more` : ''}); nothing was changed`, [
      'Another run writing the same folder at the same time? Let it finish, then run this command again.'
    ]);
  }

  private refuseUnowned(path: string): void {
    if (!this.ownership.owns(path) || path.split('/').includes('..') || path.startsWith('/')) throw new Error(`refusing to write ${path}: not a file this command owns`);
  }

  /** Checks a folder once: it must be a writable folder (not a link or a file), or is created. */
  private async prepareFolder(folder: string): Promise<void> {
    if (this.folders.has(folder)) return;
    const info = await lstat(folder).catch(() => undefined);
    if (info && !info.isDirectory() && folder !== this.directory) throw new UserError(`${folder} is not a folder (a link or a file), and this command keeps files there`, ['Remove or rename it, or choose another output folder.']);
    if (info) await refuseUnwritable(folder);
    else {
      const first = await mkdir(folder, { recursive: true });
      if (first !== undefined) {
        this.created.push(first);
        this.forget.push(removedOnSignal(first));
      }
    }
    this.folders.set(folder, info !== undefined);
  }
}

async function fingerprint(path: string): Promise<string> {
  const info = await lstat(path, { bigint: true });
  return `${info.ino}:${info.size}:${info.mtimeNs}`;
}

/** A user error, before anything changes, when the user may not create or remove entries in `folder`. */
export async function refuseUnwritable(folder: string): Promise<void> {
  try {
    await access(folder, constants.W_OK | constants.X_OK);
    // root passes access() everywhere; a folder without its owner's write bit was still made read-only on purpose.
    if (process.getuid?.() === 0 && ((await stat(folder)).mode & 0o200) === 0) throw new Error('read-only');
  } catch {
    throw new UserError(`cannot write to ${folder}: permission denied; nothing was changed`, ['Make the folder writable for you (chmod u+w), or choose another output folder.']);
  }
}

/** Undoes the steps of a failed commit, newest first: a replaced or removed file gets its backup back, a new one goes. */
async function restore(done: readonly string[], backups: ReadonlyMap<string, string>): Promise<void> {
  for (const target of [...done].reverse()) {
    const backup = backups.get(target);
    await (backup ? rename(backup, target) : rm(target, { force: true })).catch(() => undefined);
  }
}

function sameBytes(old: Uint8Array | undefined, next: string | Uint8Array): boolean {
  if (old === undefined) return false;
  return (typeof next === 'string' ? Buffer.from(next, 'utf8') : Buffer.from(next.buffer, next.byteOffset, next.byteLength)).equals(old);
}
