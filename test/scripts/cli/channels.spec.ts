/** The contract every command keeps: results on stdout, progress, warnings and errors on stderr; with --json, errors are JSON too. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';

describe('scripts/cli - output channels and JSON errors', () => {
  it.each([
    [['generate', '--out', '', '--json'], '--out is empty'],
    [['generate', '--tables', 'no_such_table', '--json'], 'cannot generate a template for 1 table name(s)'],
    [['check-query', '--json'], 'give the query to check'],
    [['check-query', '--jsonl', 'x'], '--jsonl reads the queries'],
    [['lint', 'missing.bpmn', '--json'], 'missing.bpmn: no such file or folder'],
    [['validate', 'missing.json', '--json'], 'missing.json: no such file or directory'],
    [['metadata', 'show', 'no_such_table', '--json'], 'no_such_table'],
    [['generate', '--no-such-option', '--json'], "Unknown option '--no-such-option'"]
  ])('%j prints its error as one JSON object on stderr, nothing on stdout, exit 1', async (argv, message) => {
    // when
    const result = await runCli(argv);

    // then
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const { error } = JSON.parse(result.stderr) as { error: { kind: string; message: string; details: string[] } };
    expect(error.kind).toBe('user');
    expect(`${error.message} ${error.details.join(' ')}`).toContain(message);
  });

  it('puts generate\'s results on stdout and its warnings on stderr', async () => {
    // given
    const work = await mkdtemp(join(tmpdir(), 'channels-'));
    try {
      // given: a template of someone else's named like ours, which a default run leaves alone with a warning
      await mkdir(join(work, 'templates'));
      await writeFile(join(work, 'templates', 'servicenow-acme-notes.json'), '{"name": "Acme notes", "id": "com.acme.notes", "version": 3, "appliesTo": ["bpmn:Task"], "properties": []}\n');

      // when
      const result = await runCli(['generate', '--metadata', join(__dirname, '../generate/command/snapshot'), '--out', 'templates'], { cwd: work });

      // then
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^new {7}servicenow-/m);
      expect(result.stdout).not.toContain('warning');
      expect(result.stderr).toMatch(/^warning: left servicenow-acme-notes\.json as it is/m);
      expect(result.stderr.split('\n').filter(Boolean).every((line) => line.startsWith('warning: '))).toBe(true);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
