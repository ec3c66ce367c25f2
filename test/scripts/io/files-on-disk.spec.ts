import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FilesOnDisk } from '../../../scripts/io/files-on-disk';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'files-on-disk-'));
  await writeFile(join(work, 'a.json'), 'first');
  await writeFile(join(work, 'b.json'), 'second');
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('scripts/io - FilesOnDisk', () => {
  it('is a read-only map of the listed files, in the order listed, decoded as asked', () => {
    // given
    const files = new FilesOnDisk(work, ['b.json', 'a.json'], (bytes) => bytes.toString('utf8').toUpperCase());

    // then
    expect(files.size).toBe(2);
    expect([...files]).toEqual([['b.json', 'SECOND'], ['a.json', 'FIRST']]);
    expect([...files.keys()]).toEqual(['b.json', 'a.json']);
    expect([...files.values()]).toEqual(['SECOND', 'FIRST']);
    expect(new Map(files)).toEqual(new Map([['b.json', 'SECOND'], ['a.json', 'FIRST']]));
    expect(files.has('a.json')).toBe(true);
    expect(files.get('c.json')).toBeUndefined();
    expect(files.has('c.json')).toBe(false);
  });

  it('reads a file when it is asked for, not when listed: it keeps no content', async () => {
    // given
    const files = new FilesOnDisk(work, ['a.json'], (bytes) => bytes.toString('utf8'));

    // when
    await writeFile(join(work, 'a.json'), 'changed');

    // then
    expect(files.get('a.json')).toBe('changed');
  });
});
