/**
 * The installed command as a shell or CI runs it: bin/camunda-servicenow.js in
 * a real child process, with real signals, pipes and file-system failures.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportError } from '../../../scripts/cli/main';
import { runCli } from '../../helpers/cli';
import { captureTree } from '../../helpers/file-tree';
import { PassThrough, Readable } from 'node:stream';

const bin = join(__dirname, '../../../bin/camunda-servicenow.js');
let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'cli-process-'));
});
afterEach(async () => {
  await chmod(join(work, 'locked'), 0o755).catch(() => undefined);
  await rm(work, { recursive: true, force: true });
});

/** Starts `check-query --jsonl`, waits for the first result line, so the command is mid-run with its input still open. */
async function startBatch(): Promise<{ child: ReturnType<typeof spawn>; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> }> {
  const child = spawn(process.execPath, [bin, 'check-query', '--jsonl'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((done) => child.on('exit', (code, signal) => done({ code, signal, stderr })));
  const firstLine = new Promise<void>((done) => child.stdout!.once('data', () => done()));
  child.stdin!.write('{"table": null, "query": "active=true"}\n');
  await firstLine;
  return { child, exit };
}

describe('scripts/cli - the command as a process', () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`never exits 0 when interrupted by ${signal} mid-run: it dies of the signal (${code} in a shell)`, async () => {
      // given
      const { child, exit } = await startBatch();

      // when
      child.kill(signal);
      const result = await exit;

      // then
      expect(result.code === code || result.signal === signal).toBe(true);
      expect(result.code).not.toBe(0);
    });
  }

  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`removes the files it staged when ${signal} comes while generate writes them, and leaves the earlier templates as they were`, async () => {
      // given: an earlier run's templates, each of which the next run changes
      const out = join(work, 'templates');
      expect((await runCli(['generate', '--out', out, '--id-prefix', 'com.old'])).code).toBe(0);
      const before = await captureTree(out);
      const child = spawn(process.execPath, [bin, 'generate', '--out', out, '--id-prefix', 'com.new'], { stdio: 'ignore' });
      const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (exitCode, exitSignal) => done({ code: exitCode, signal: exitSignal })));

      // when: the signal comes once the first new template is staged
      while (!(await readdir(out)).some((name) => name.startsWith('.camunda-servicenow-'))) await new Promise((resolve) => setTimeout(resolve, 2));
      child.kill(signal);
      const result = await exit;

      // then
      expect(result.code === code || result.signal === signal).toBe(true);
      expect(await captureTree(out)).toEqual(before);
    }, 60_000);
  }

  it('ends quietly with exit 0 when the reader closes standard output (| head)', async () => {
    // given
    const { child, exit } = await startBatch();

    // when: the reader goes away, and the command has more to write
    // (the command may end before it has read all of this input: our writes to it then fail with EPIPE)
    child.stdin!.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
    child.stdout!.destroy();
    for (let index = 0; index < 2000; index++) child.stdin!.write('{"table": null, "query": "active=true^priority=1"}\n');
    child.stdin!.end();
    const result = await exit;

    // then
    expect(result).toMatchObject({ code: 0, signal: null, stderr: '' });
  });

  it('reports a full disk on standard output as a user error (exit 1), without a stack trace', async () => {
    // given
    const full = openSync('/dev/full', 'w');

    // when
    const result = spawnSync(process.execPath, [bin, 'check-query', '--json', 'active=true'], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
    closeSync(full);

    // then
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no space left on the device (ENOSPC)');
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('reports a folder the user may not write to as a user error naming the path (EACCES, exit 1)', async () => {
    // given: a read-only folder; root may write anywhere, so the command runs as an ordinary user
    await chmod(work, 0o755);
    await mkdir(join(work, 'locked'), { mode: 0o555 });
    await chmod(join(work, 'locked'), 0o555);
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

    // when
    const result = spawnSync(process.execPath, [bin, 'generate', '--out', join(work, 'locked', 'templates')], { cwd: work, encoding: 'utf8', ...asUser });

    // then
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`cannot create the folder ${join(work, 'locked', 'templates')}: permission denied (EACCES)`);
    expect(result.stderr).not.toContain('internal error');
  });

  it('reports a path through a file (ENOTDIR) as a user error naming it', async () => {
    // given
    await writeFile(join(work, 'a-file'), 'x');

    // when
    const result = await runCli(['generate', '--out', 'a-file/templates'], { cwd: work });

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(work, 'a-file', 'templates')}: a part of the path is a file, not a folder (ENOTDIR)`);
    expect(result.stderr).not.toContain('internal error');
  });

  it('treats any errno failure that names a path as a user error, and anything else as internal', () => {
    // given
    const stderr = new PassThrough();
    const io = { stdout: new PassThrough(), stderr, stdin: Readable.from([]), env: {}, cwd: work };
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write', path: '/data/out.json' });

    // then
    expect(reportError(enospc, 'camunda-servicenow generate', io)).toBe(1);
    expect(String(stderr.read())).toBe('camunda-servicenow generate: cannot write /data/out.json: no space left on the device (ENOSPC)\n  What to do: free some space, or choose a path on another disk; nothing was half-written.\n');
    expect(reportError(new TypeError('x is undefined'), 'camunda-servicenow generate', io)).toBe(2);
  });
});
