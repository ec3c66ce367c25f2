import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { runCli } from '../../helpers/cli';

describe('scripts/cli - main', () => {
  it('lists the commands with --help and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: camunda-servicenow <command>');
    expect(result.stdout).toMatch(/^ {2}metadata /m);
  });

  it('exits 1 with a one-line hint for an unknown command', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('unknown command "frobnicate"');
    expect(result.stderr).toContain('--help');
  });

  it('runs as an installed binary with the same exit codes', async () => {
    const bin = join(__dirname, '..', '..', '..', 'bin', 'camunda-servicenow.js');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, '--version']);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    await expect(promisify(execFile)(process.execPath, [bin, 'frobnicate'])).rejects.toMatchObject({ code: 1 });
  });
});
