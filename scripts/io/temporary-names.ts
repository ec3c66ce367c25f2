import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Temporary files and folders of this tool carry the writer's process id, so
 * that a later run can tell the debris of an interrupted run (process gone)
 * from the work of one still running, and remove only the former.
 */
const PREFIX = '.camunda-servicenow-';
const OURS = /^\.camunda-servicenow-(\d+)-[0-9a-f]{8}\.(tmp|new|old)$/;
/** What the earlier directory swap left behind: `.<name>.new-XXXXXX` / `.<name>.old-XXXXXX` (mkdtemp). */
const LEGACY = /^\.(.+)\.(new|old)-[A-Za-z0-9]{6}$/;

export type TemporaryKind = 'tmp' | 'new' | 'old';

export function temporaryName(kind: TemporaryKind): string {
  return `${PREFIX}${process.pid}-${randomBytes(4).toString('hex')}.${kind}`;
}

/** Whether `name` is one of this tool's temporary names (of any run): never a file a command owns. */
export function isTemporaryName(name: string): boolean {
  return OURS.test(name);
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes, from `directory`, what interrupted runs left there: our temporary
 * names whose process is gone, and the legacy swap folders of `siblingOf`.
 * A directory that does not exist or cannot be read has nothing to clean.
 */
export async function removeStaleTemporaries(directory: string, siblingOf?: string): Promise<string[]> {
  const entries = await readdir(directory).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of entries) {
    const ours = OURS.exec(name);
    const legacy = LEGACY.exec(name);
    const stale = ours ? !processAlive(Number(ours[1])) : legacy !== null && legacy[1] === siblingOf;
    if (!stale) continue;
    // Debris that cannot be removed (a protected file in it) is no reason to fail this run; it stays for the user.
    if (await rm(join(directory, name), { recursive: true, force: true }).then(() => true, () => false)) removed.push(name);
  }
  return removed;
}
