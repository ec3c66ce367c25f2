import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../scripts/cli/commands';
import { stageInstall, type StagedInstall } from '../../../scripts/package/stage-install';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };

let installed: StagedInstall;
const cli = (args: string[]) => run(process.execPath, [installed.bin, ...args], { cwd: tmpdir(), encoding: 'utf8' });

beforeAll(async () => {
  installed = await stageInstall(ROOT);
}, 300_000);

afterAll(async () => {
  await installed?.remove();
});

describe('scripts/package - the installed package runs the compiled CLI without dev dependencies', () => {
  it('is installed without tsx and typescript, which are dev dependencies', () => {
    // given
    const resolveFromPackage = createRequire(join(installed.packageDir, 'package.json'));

    // then
    expect(Object.keys(pkg.dependencies)).not.toEqual(expect.arrayContaining(['tsx']));
    expect(Object.keys(pkg.dependencies)).not.toEqual(expect.arrayContaining(['typescript']));
    expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(['tsx', 'typescript']));
    expect(() => resolveFromPackage.resolve('tsx/package.json')).toThrow();
    expect(() => resolveFromPackage.resolve('typescript')).toThrow();
    expect(existsSync(join(installed.packageDir, 'lib', 'scripts', 'cli', 'run.js'))).toBe(true);
    expect(existsSync(join(ROOT, 'lib'))).toBe(false);
  });

  it('prints its version with nothing on stderr', async () => {
    // when
    const result = await cli(['--version']);

    // then
    expect(result.stdout).toBe(`${pkg.version}\n`);
    expect(result.stderr).toBe('');
  });

  it.each(Object.keys(commands))('loads the %s command', async (name) => {
    // when
    const result = await cli([name, '--help']);

    // then
    expect(result.stdout).toContain(`camunda-servicenow ${name}`);
    expect(result.stderr).toBe('');
  });

  it('generates a template from the bundled snapshot and validates it', async () => {
    // given
    const out = await mkdtemp(join(tmpdir(), 'installed-generate-'));
    try {
      // when
      await cli(['generate', '--tables', 'incident', '--out', out]);
      // Two threads: the compiled worker, not the sources through tsx.
      const threaded = await cli(['generate', '--tables', 'incident,problem', '--jobs', '2', '--out', out]);
      const validated = await cli(['validate', out]);

      // then
      expect(threaded.stdout).toMatch(/^new {7}servicenow-problem\.json/m);
      expect(validated.stdout).toMatch(/file\(s\) checked: 0 error\(s\), 0 warning\(s\)/);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
