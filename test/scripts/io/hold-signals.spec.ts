import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const loader = pathToFileURL(join(require.resolve('tsx/package.json'), '..', 'dist', 'loader.mjs')).href;
const script = join(__dirname, 'hold-signals', 'commit-interrupted.ts');

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'hold-signals-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function runInterrupted(...args: string[]): Promise<{ exit: { code: number | null; signal: NodeJS.Signals | null }; stdout: string }> {
  const child = spawn(process.execPath, ['--import', loader, script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  return { exit, stdout };
}

describe('scripts/io - hold-signals', () => {
  it('a SIGTERM in the middle of a commit leaves the whole new set, and the process still dies of it', async () => {
    // given: ten files, all to be replaced in one commit
    const names = Array.from({ length: 10 }, (_, index) => `file-${index}.json`);
    for (const name of names) await writeFile(join(work, name), 'old\n');

    // when: the signal comes after the first of the ten renames
    const { exit, stdout } = await runInterrupted('files', work, String(names.length));

    // then
    expect(exit).toEqual({ code: null, signal: 'SIGTERM' });
    expect(stdout).toBe('');
    const contents = await Promise.all(names.map((name) => readFile(join(work, name), 'utf8')));
    expect(new Set(contents)).toEqual(new Set(['new\n']));
    expect((await readdir(work)).sort()).toEqual([...names].sort());
  });

  it('a SIGTERM between the two renames of a folder swap leaves the new folder in place, not none', async () => {
    // given: an earlier snapshot folder
    const folder = join(work, 'snap');
    await mkdir(folder);
    await writeFile(join(folder, 'a.json'), 'old\n');

    // when: the signal comes after the old folder was moved aside, before the new one is moved in
    const { exit, stdout } = await runInterrupted('folder', folder);

    // then
    expect(exit).toEqual({ code: null, signal: 'SIGTERM' });
    expect(stdout).toBe('');
    expect(await readFile(join(folder, 'a.json'), 'utf8')).toBe('new\n');
  });
});
