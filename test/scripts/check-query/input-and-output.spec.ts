import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';

const snapshot = join(__dirname, 'command', 'snapshot');

/** The display column where the caret run starts, and the text it underlines, measured as a terminal shows them. */
function underlined(queryLine: string, caretLine: string): string {
  const start = caretLine.indexOf('^');
  const width = /\^+/.exec(caretLine)![0].length;
  let column = 0;
  let out = '';
  for (const { segment: char } of new Intl.Segmenter().segment(queryLine)) {
    const w = stringWidth(char);
    if (column >= start && column < start + width) out += char;
    column += w;
  }
  return out;
}

describe('scripts/check-query - long queries, input from files and stdin, --jsonl consistency', () => {
  it('prints output that grows with the findings, not with the square of the query (a 120 KB query)', async () => {
    // given: 6,000 findings in one query
    const query = Array.from({ length: 6000 }, (_, index) => `stateNOTIN6,${index}`).join('^');

    // when
    const result = await runCli(['check-query', '--', query]);

    // then
    expect(query.length).toBeGreaterThan(100_000);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const findings = result.stdout.slice(0, result.stdout.indexOf('\nExplanation'));
    expect(findings.split('\n').filter((line) => line.includes('fix: write "NOT IN"'))).toHaveLength(6000);
    expect(findings.length).toBeLessThan(6000 * 600);
    expect(result.stdout).toContain('  fix: write "NOT IN" → …');
  });

  it('aligns the carets under tabs, line breaks, CJK and emoji as a terminal displays them', async () => {
    for (const prefix of ['short_description=\t', 'short_description=a\nb', 'short_description=日本語', 'short_description=🎉👍🏽']) {
      // when
      const result = await runCli(['check-query', '--', `${prefix}^stateNOTIN6,7`]);

      // then
      const lines = result.stdout.split('\n');
      expect(lines[1]).not.toMatch(/[\t\n]/);
      expect(underlined(lines[1]!.slice(2), lines[2]!.slice(2))).toBe('NOTIN');
    }
  });

  it('reads the query from a file or from standard input with -', async () => {
    // given: a query too long for a command line
    const work = await mkdtemp(join(tmpdir(), 'check-query-'));
    const query = `short_description=${'x'.repeat(5_000_000)}^stateNOTIN6,7`;
    await writeFile(join(work, 'query.txt'), `${query}\n`);
    try {
      // when
      const fromFile = await runCli(['check-query', '--json', '--file', 'query.txt'], { cwd: work });
      const fromStdin = await runCli(['check-query', '--json', '-'], { stdin: `${query}\n` });
      const fromStdinFile = await runCli(['check-query', '--json', '--file', '-'], { stdin: query });

      // then
      expect(query.length).toBeGreaterThan(5_000_000);
      for (const result of [fromFile, fromStdin, fromStdinFile]) {
        expect(result.code).toBe(0);
        expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, diagnostics: [{ code: 'operator.variant', start: query.length - 8, end: query.length - 3 }] });
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  it('gives an unknown table the same answer in --jsonl as on the command line', async () => {
    // when
    const single = await runCli(['check-query', '--table', 'u_nothing', '--metadata', snapshot, 'active=true']);
    const batch = await runCli(['check-query', '--jsonl', '--metadata', snapshot], { stdin: '{"table":"u_nothing","query":"active=true"}\n' });

    // then
    expect(single.code).toBe(1);
    expect(batch.code).toBe(1);
    const message = /table "u_nothing" is not in the metadata \(.+\)/.exec(single.stderr)![0];
    expect(JSON.parse(batch.stdout)).toMatchObject({ ok: false, error: `line 1: ${message}` });
  });

  it('applies --feel to every --jsonl line unless the line says "feel": false', async () => {
    // given
    const stdin = ['{"table":null,"query":"=\\"active=true^caller_id=\\" + id"}', '{"table":null,"query":"=x","feel":false}', '{"table":null,"query":"a=1","feel":"yes"}'].join('\n');

    // when
    const result = await runCli(['check-query', '--jsonl', '--feel'], { stdin });

    // then
    const [feel, plain, bad] = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(feel).toEqual({ ok: true, diagnostics: [], explanation: 'Active is true and Caller id is (runtime value)' });
    expect(plain).not.toMatchObject({ explanation: '(computed at runtime)' });
    expect(bad).toMatchObject({ ok: false, error: 'line 3: "feel" must be true or false' });
  });

  it('rejects FEEL that does not parse with --feel', async () => {
    // when
    const result = await runCli(['check-query', '--feel', '--json', '="active=true^" +']);

    // then
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, diagnostics: [{ severity: 'error', code: 'syntax.feel' }] });
  });

  it('reads a query file saved with a byte order mark and a Windows line break as the query alone', async () => {
    // given: what Notepad (before Windows 10 1903) saves as "UTF-8"
    const work = await mkdtemp(join(tmpdir(), 'check-query-bom-'));
    await writeFile(join(work, 'query.txt'), '\ufeffactive=true^priority=1\r\n');

    // when
    const fromFile = await runCli(['check-query', '--table', 'incident', '--json', '--file', 'query.txt'], { cwd: work });
    const fromStdin = await runCli(['check-query', '--table', 'incident', '--json', '-'], { stdin: '\ufeffactive=true^priority=1\r\n' });
    const batch = await runCli(['check-query', '--jsonl'], { stdin: '\ufeff{"table": "incident", "query": "active=true"}\r\n' });
    await rm(work, { recursive: true, force: true });

    // then
    expect(JSON.parse(fromFile.stdout)).toMatchObject({ ok: true, diagnostics: [] });
    expect(JSON.parse(fromStdin.stdout)).toMatchObject({ ok: true, diagnostics: [] });
    expect(JSON.parse(batch.stdout)).toMatchObject({ ok: true, diagnostics: [] });
    expect([fromFile.code, fromStdin.code, batch.code]).toEqual([0, 0, 0]);
  });

  it('names a query saved as UTF-16 instead of reading its bytes as field names', async () => {
    // given: what Windows PowerShell 5.1 writes with `"active=true" > query.txt` or Out-File: UTF-16LE with a byte
    // order mark (Microsoft, about_Character_Encoding: "Out-File and the redirection operators > and >> create UTF-16LE")
    const work = await mkdtemp(join(tmpdir(), 'check-query-utf16-'));
    const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    await writeFile(join(work, 'query.txt'), utf16('active=true\r\n'));

    // when
    const fromFile = await runCli(['check-query', '--table', 'incident', '--file', 'query.txt'], { cwd: work });
    const batch = await runCli(['check-query', '--jsonl'], { stdin: utf16('{"table": "incident", "query": "active=true"}\r\n') });
    await rm(work, { recursive: true, force: true });

    // then
    expect(fromFile.code).toBe(1);
    expect(fromFile.stderr).toContain(`${join(work, 'query.txt')} is saved as UTF-16, not UTF-8`);
    expect(fromFile.stdout).not.toContain('is not a field');
    expect(batch.code).toBe(1);
    expect(batch.stderr).toContain('standard input is UTF-16, not UTF-8');
    expect(batch.stdout).toBe('');
  });

  it('names a folder given as --file as a user error, not a crash', async () => {
    // given
    const work = await mkdtemp(join(tmpdir(), 'check-query-folder-'));

    // when
    const result = await runCli(['check-query', '--file', '.'], { cwd: work });
    await rm(work, { recursive: true, force: true });

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cannot read ${work}: it is a folder, not a file (EISDIR)`);
    expect(result.stderr).not.toContain('internal error');
  });
});
