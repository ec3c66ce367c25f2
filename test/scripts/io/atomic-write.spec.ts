import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeDirectoryAtomic } from '../../../scripts/io/atomic-write';

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
});
