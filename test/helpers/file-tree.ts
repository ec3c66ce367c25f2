import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';

/** One entry of a folder as the file system has it: kind, mode, and bytes or link target. */
export type TreeEntry =
  | { kind: 'file'; mode: number; bytes: string }
  | { kind: 'dir'; mode: number }
  | { kind: 'symlink'; target: string };

/**
 * Everything under `root` (relative path → entry), symlinks not followed, so
 * that two captures are equal exactly when nothing changed byte for byte.
 */
export async function captureTree(root: string): Promise<Map<string, TreeEntry>> {
  const tree = new Map<string, TreeEntry>();
  const walk = async (relative: string): Promise<void> => {
    for (const name of (await readdir(join(root, relative))).sort()) {
      const path = relative === '' ? name : `${relative}/${name}`;
      const full = join(root, path);
      const info = await lstat(full);
      if (info.isSymbolicLink()) tree.set(path, { kind: 'symlink', target: await readlink(full) });
      else if (info.isDirectory()) {
        tree.set(path, { kind: 'dir', mode: info.mode & 0o7777 });
        await walk(path);
      } else tree.set(path, { kind: 'file', mode: info.mode & 0o7777, bytes: (await readFile(full)).toString('base64') });
    }
  };
  await walk('');
  return tree;
}

/** The tree without the entries `owned` claims. */
export function withoutOwned(tree: ReadonlyMap<string, TreeEntry>, owned: (path: string) => boolean): Map<string, TreeEntry> {
  return new Map([...tree].filter(([path]) => !owned(path)));
}
