import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeDirectoryAtomic, writeFileAtomic } from '../../../scripts/io/atomic-write';
import { fileSystemUserError } from '../../../scripts/io/file-errors';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'atomic-write-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('scripts/io - atomic-write', () => {
  it('refuses a file where the folder it replaces belongs, instead of moving it aside and deleting it', async () => {
    // given: a file where the release writes its marketplace/ folder
    await writeFile(join(work, 'marketplace'), 'mine\n');

    // when
    const writing = writeDirectoryAtomic(join(work, 'marketplace'), new Map([['README.md', 'new\n']]));

    // then
    await expect(writing).rejects.toThrow(`${join(work, 'marketplace')} is a file, not a folder; nothing was changed`);
    expect(await readFile(join(work, 'marketplace'), 'utf8')).toBe('mine\n');
    expect(await readdir(work)).toEqual(['marketplace']);
  });

  // A full disk for real: a 16 kB tmpfs, which needs root (as in the development container); skipped elsewhere.
  const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
  it.runIf(canMount)('names the file it was writing when the disk is full, and leaves nothing behind', async () => {
    // given
    const disk = join(work, 'disk');
    await mkdir(disk);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', disk]).status !== 0) return;
    const big = 'x'.repeat(64 * 1024);
    try {
      // when
      const single = await writeFileAtomic(join(disk, 'set.xml'), big).then(() => undefined, (error: unknown) => error);
      const folder = await writeDirectoryAtomic(join(disk, 'snap'), new Map([['sys_dictionary.json', big]])).then(() => undefined, (error: unknown) => error);

      // then
      expect(fileSystemUserError(single)?.message).toBe(`cannot write ${join(disk, 'set.xml')}: no space left on the device (ENOSPC)`);
      expect(fileSystemUserError(folder)?.message).toBe(`cannot write ${join(disk, 'snap', 'sys_dictionary.json')}: no space left on the device (ENOSPC)`);
      expect(await readdir(disk)).toEqual([]);
    } finally {
      spawnSync('umount', [disk]);
    }
  });

  // A protected file for real: chattr +i needs root and a file system that keeps the attribute; skipped elsewhere.
  const canProtect = process.getuid?.() === 0 && spawnSync('chattr', ['-V']).status !== null;
  it.runIf(canProtect)('says the new folder is in place when a protected file keeps the old one from going, and a later run is not stopped by it', async () => {
    // given: an earlier folder with a protected file
    const folder = join(work, 'snap');
    await writeDirectoryAtomic(folder, new Map([['a.json', 'old\n']]));
    if (spawnSync('chattr', ['+i', join(folder, 'a.json')]).status !== 0) return;
    let aside: string | undefined;
    try {
      // when
      const first = await writeDirectoryAtomic(folder, new Map([['a.json', 'new\n']])).then(() => undefined, (error: unknown) => error as Error);
      aside = (await readdir(work)).find((name) => name.startsWith('.camunda-servicenow-'));
      const second = await writeDirectoryAtomic(folder, new Map([['a.json', 'newer\n']])).then(() => undefined, (error: unknown) => error as Error);

      // then
      expect(first?.message).toBe(`${folder} holds the new content, but its earlier content, moved aside to ${join(work, aside!)}, could not be removed`);
      expect(second).toBeUndefined();
      expect(await readFile(join(folder, 'a.json'), 'utf8')).toBe('newer\n');
    } finally {
      if (aside) spawnSync('chattr', ['-i', join(work, aside, 'a.json')]);
    }
  });
});
