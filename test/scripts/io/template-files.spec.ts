import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectTemplateFiles } from '../../../scripts/io/template-files';

describe('scripts/io - template-files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'template-files-'));
    await mkdir(join(dir, 'templates', 'versioned'), { recursive: true });
    await mkdir(join(dir, 'empty'));
    for (const file of ['templates/b.json', 'templates/a.json', 'templates/notes.md', 'templates/versioned/a-1.json']) await writeFile(join(dir, file), '{}');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('takes every .json file below a folder, sorted, for validate and lint', async () => {
    // when
    const files = await collectTemplateFiles(['templates'], dir, { depth: 'all' });

    // then
    expect(files.map((file) => file.display)).toEqual(['templates/a.json', 'templates/b.json', 'templates/versioned/a-1.json']);
    expect(files[0]?.path).toBe(join(dir, 'templates', 'a.json'));
  });

  it('takes only the files directly in a folder for publish, so released copies in versioned/ stay home', async () => {
    // when
    const files = await collectTemplateFiles(['templates'], dir, { depth: 'top' });

    // then
    expect(files.map((file) => file.display)).toEqual(['templates/a.json', 'templates/b.json']);
  });

  it('lists a file named twice (itself and through its folder) once', async () => {
    // when
    const files = await collectTemplateFiles(['templates/a.json', 'templates'], dir, { depth: 'top' });

    // then
    expect(files.map((file) => file.display)).toEqual(['templates/a.json', 'templates/b.json']);
  });

  it('refuses a missing operand, and an empty folder when asked to', async () => {
    await expect(collectTemplateFiles(['nope'], dir, { depth: 'all' })).rejects.toThrow('nope: no such file or directory');
    await expect(collectTemplateFiles(['empty'], dir, { depth: 'all' })).resolves.toEqual([]);
    await expect(collectTemplateFiles(['empty'], dir, { depth: 'top', refuseEmptyFolder: true })).rejects.toThrow('empty: the folder holds no .json template files');
  });
});
