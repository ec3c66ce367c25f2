import { describe, expect, it } from 'vitest';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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

  it.each([
    ['generate', '--out', 'a', '--out', 'b'],
    ['servicenow-artifacts', '--rule', 'incident:insert', '--out', 'a.xml', '--out=b.xml'],
    ['check-query', '--table', 'incident', '--table', 'problem', 'active=true'],
    ['fetch-metadata', '--instance', 'https://admin:Dup-Pa55@acme.service-now.com', '--instance', 'https://acme.service-now.com', '--tables', 'incident'],
    ['lint', '--metadata', 'a', '--metadata', 'b', 'x.bpmn'],
    ['metadata', 'show', 'incident', '--metadata', 'a', '--metadata', 'b']
  ])('refuses an option that takes one value given twice, instead of using the last: %s', async (...argv) => {
    // given
    const cwd = await mkdtemp(join(tmpdir(), 'cli-main-'));
    const option = argv.find((arg, index) => arg.startsWith('--') && argv.slice(index + 1).some((later) => later.split('=')[0] === arg.split('=')[0]));

    // when
    const result = await runCli(argv, { cwd });

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${option} is given more than once; give it once`);
    expect(result.stderr).not.toContain('Dup-Pa55');
    expect(await readdir(cwd)).toEqual([]);
  });

  it.each([
    ['fetch-metadata', 'https://admin:Pos-Pa55@acme.service-now.com', '--tables', 'incident'],
    ['test-connection', '--json', 'https://admin:Pos-Pa55@acme.service-now.com'],
    ['lint', 'https://admin:Pos-Pa55@acme.service-now.com/diagram.bpmn'],
    ['test-connection', 'https://admin:Pos@Pa55@acme.service-now.com']
  ])('does not echo the password of a URL given where the command expects none: %s', async (...argv) => {
    // given: the instance typed as an argument instead of --instance (or as a file)
    const cwd = await mkdtemp(join(tmpdir(), 'cli-main-'));

    // when
    const result = await runCli(argv, { cwd });

    // then: the user still sees which argument was wrong, without its password
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('acme.service-now.com');
    expect(result.stderr).not.toMatch(/Pos|Pa55/);
    expect(result.stdout).not.toMatch(/Pos|Pa55/);
  });

  it('takes a repeated flag, which changes nothing', async () => {
    // when
    const result = await runCli(['check-query', '--json', '--json', 'active=true']);

    // then
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true });
  });

  it('runs as an installed binary with the same exit codes', async () => {
    const bin = join(__dirname, '..', '..', '..', 'bin', 'camunda-servicenow.js');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, '--version']);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    await expect(promisify(execFile)(process.execPath, [bin, 'frobnicate'])).rejects.toMatchObject({ code: 1 });
  });
});
