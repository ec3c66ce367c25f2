import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OwnedFilesWriter, type Ownership } from '../../../scripts/io/owned-files';

const OWNERSHIP: Ownership = { folders: ['', 'versioned'], owns: (path) => path.endsWith('.json') };

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'owned-files-writer-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('scripts/io - OwnedFilesWriter', () => {
  it('puts every file back when a rename of the commit fails half-way: replaced ones return, created ones go, none is removed', async () => {
    // given: the run replaces a.json, creates new.json, removes old.json and creates versioned/a-1.json
    await writeFile(join(work, 'a.json'), 'a v1\n');
    await writeFile(join(work, 'old.json'), 'old\n');
    const existing = new Map(['a.json', 'old.json'].map((name) => [name, Buffer.from('')]));
    const writer = await OwnedFilesWriter.open(work, OWNERSHIP, existing);
    await writer.stage('a.json', 'a v2\n');
    await writer.stage('new.json', 'new\n');
    await writer.stage('versioned/a-1.json', 'a v1\n');
    // ... and the last rename fails after the first ones are done (as an immutable file or a full directory makes it fail)
    for (const name of await readdir(join(work, 'versioned'))) await rm(join(work, 'versioned', name));

    // when
    const committing = writer.commit(new Set(['a.json', 'new.json', 'versioned/a-1.json']));

    // then
    await expect(committing).rejects.toMatchObject({ code: 'ENOENT', path: join(work, 'versioned', 'a-1.json') });
    await writer.abort();
    expect(await readFile(join(work, 'a.json'), 'utf8')).toBe('a v1\n');
    expect(await readFile(join(work, 'old.json'), 'utf8')).toBe('old\n');
    expect((await readdir(work)).sort()).toEqual(['a.json', 'old.json']);
  });
  it('refuses to commit over files that another run wrote into the folder meanwhile, leaving that run\'s set whole', async () => {
    // given: two runs into one folder (two terminals, two CI jobs); both read a.json v1 when they started
    await writeFile(join(work, 'a.json'), 'a v1\n');
    const existing = () => new Map([['a.json', Buffer.from('a v1\n')]]);
    const slow = await OwnedFilesWriter.open(work, OWNERSHIP, existing());
    await slow.stage('a.json', 'a v2 (slow)\n');
    await slow.stage('versioned/a-1.json', 'a v1\n');
    const fast = await OwnedFilesWriter.open(work, OWNERSHIP, existing());
    await fast.stage('a.json', 'a v2 (fast)\n');
    await fast.stage('b.json', 'b v1\n');
    await fast.commit(new Set(['a.json', 'b.json']));

    // when: the slow run would now replace what the fast one released, as if it had never been there
    const committing = slow.commit(new Set(['a.json', 'versioned/a-1.json']));

    // then
    await expect(committing).rejects.toThrow(`${work} changed while this command was writing it (a.json, b.json)`);
    await slow.abort();
    expect(await readFile(join(work, 'a.json'), 'utf8')).toBe('a v2 (fast)\n');
    expect(await readFile(join(work, 'b.json'), 'utf8')).toBe('b v1\n');
    expect((await readdir(work)).sort()).toEqual(['a.json', 'b.json']);
  });
});
