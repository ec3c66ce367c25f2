import { UserError } from '../../core/errors';

/** What the user can do about each file-system failure; these are problems of the machine, not bugs. */
const ADVICE: Record<string, { reason: string; action: string }> = {
  EACCES: { reason: 'permission denied', action: 'make it writable/readable for you (chmod, chown), or choose another path' },
  EPERM: { reason: 'operation not permitted', action: 'check its permissions and attributes, or choose another path' },
  EROFS: { reason: 'the file system is read-only', action: 'choose a path on a writable file system' },
  ENOSPC: { reason: 'no space left on the device', action: 'free some space, or choose a path on another disk; nothing was half-written' },
  EDQUOT: { reason: 'the disk quota is exhausted', action: 'free some space, or choose a path on another disk; nothing was half-written' },
  ENOTDIR: { reason: 'a part of the path is a file, not a folder', action: 'check the path, or choose another one' },
  EISDIR: { reason: 'it is a folder, not a file', action: 'name a file' },
  ENOENT: { reason: 'no such file or folder', action: 'check the path' },
  EEXIST: { reason: 'it already exists', action: 'remove it, or choose another path' },
  ENOTEMPTY: { reason: 'the folder is not empty', action: 'remove its contents, or choose another path' },
  ENAMETOOLONG: { reason: 'the name is too long', action: 'choose a shorter path' },
  ELOOP: { reason: 'too many symbolic links', action: 'check the symbolic links on the path' },
  EMFILE: { reason: 'too many open files', action: 'raise the open-file limit (ulimit -n) and run again' },
  EBUSY: { reason: 'it is busy', action: 'close the program using it and run again' },
  EPIPE: { reason: 'the reading end was closed', action: 'keep the reading program open until the command ends' },
  EIO: { reason: 'an input/output error', action: 'check the disk' }
};

const VERBS: Record<string, string> = {
  open: 'open', read: 'read', write: 'write', mkdir: 'create the folder', rename: 'move', unlink: 'remove', rmdir: 'remove the folder',
  rm: 'remove', scandir: 'list the folder', stat: 'read', lstat: 'read', access: 'access', chmod: 'change the mode of', copyfile: 'copy'
};

/** A Node file-system error (errno code and path) as a user error naming the path and what to do; undefined for anything else. */
export function fileSystemUserError(error: unknown): UserError | undefined {
  const { code, syscall, path, dest } = (error ?? {}) as NodeJS.ErrnoException & { dest?: string };
  if (typeof code !== 'string' || !(code in ADVICE)) return undefined;
  if (path === undefined && code !== 'EPIPE' && code !== 'ENOSPC' && code !== 'EDQUOT') return undefined;
  const advice = ADVICE[code]!;
  const verb = (syscall && VERBS[syscall]) ?? 'use';
  const target = path === undefined ? 'the output' : dest === undefined ? path : `${path} to ${dest}`;
  return new UserError(`cannot ${verb} ${target}: ${advice.reason} (${code})`, [`What to do: ${advice.action}.`]);
}

/**
 * A failure while writing a temporary stand-in of `target` (a sibling, or a
 * file in a staging folder), or renaming it into place, as a failure of
 * `target`: the user knows that name, not ours, and a full disk's error
 * names no file at all. For `.catch()`.
 */
export function failedFor(target: string): (error: unknown) => never {
  return (error) => {
    if (error && typeof error === 'object' && 'code' in error) {
      const failure = error as NodeJS.ErrnoException & { dest?: string };
      failure.path = target;
      delete failure.dest;
      if (failure.syscall === 'rename') failure.syscall = 'write';
    }
    throw error;
  };
}
