import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';

const snapshot = join(__dirname, 'command', 'snapshot');

describe('scripts/check-query - command', () => {
  it('prints a caret under each finding, the fix, the explanation, and exits 1 on an error', async () => {
    // when
    const result = await runCli(['check-query', '--table', 'x_acme_ticket', '--metadata', snapshot, 'state=30^u_legacy=1']);

    // then
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[1]).toBe('  state=30^u_legacy=1');
    expect(lines[2]).toBe('        ^^ error value.choice: 30 is not a state of x_acme_ticket; states are 10 Open, 20 Done.');
    expect(lines[3]).toBe('           ^^^^^^^^ error field.unknown: u_legacy is not a field of x_acme_ticket, so ServiceNow would silently drop this condition and return more records; did you mean u_legacy_code?');
    expect(lines[4]).toBe('           fix: write "u_legacy_code" → state=30^u_legacy_code=1');
    expect(result.stdout).toContain('\nExplanation: State is 30 and U legacy is 1\n2 errors, 0 warnings, 0 info\n');
    expect(result.stderr).toBe('');
  });

  it('exits 0 for a query without errors, warnings included', async () => {
    // when
    const result = await runCli(['check-query', '--table', 'x_acme_ticket', '--metadata', snapshot, '^state=10^ORDERBYnumber']);

    // then
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('warning syntax.empty-term');
    expect(result.stdout).toContain('Explanation: State is Open, sorted by Number');
  });

  it('checks the syntax only without --table', async () => {
    // when
    const result = await runCli(['check-query', 'stateNOTIN6,7']);

    // then
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('check-query: syntax only');
    expect(result.stdout).toContain('^^^^^ warning operator.variant');
  });

  it('checks against the bundled snapshot by default', async () => {
    // when
    const result = await runCli(['check-query', '--table', 'incident', '--json', 'state=9']);

    // then
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      diagnostics: [{ severity: 'error', code: 'value.choice', start: 6, end: 7,
        message: '9 is not a state of incident; states are 1 New, 2 In Progress, 3 On Hold, 6 Resolved, 7 Closed, 8 Canceled.' }],
      explanation: 'State is 9'
    });
  });

  it('checks a FEEL query with --feel, offsets into the FEEL text', async () => {
    // when
    const result = await runCli(['check-query', '--feel', '--json', '--table', 'x_acme_ticket', '--metadata', snapshot, '="state=" + s + "^numbr=1"']);

    // then
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, diagnostics: [{ code: 'field.unknown', start: 18, end: 23, suggestion: 'number' }] });
  });

  it('answers one JSON line per --jsonl input line, in order, table null meaning syntax only', async () => {
    // given
    const stdin = [
      JSON.stringify({ table: 'x_acme_ticket', query: 'state=30' }),
      JSON.stringify({ table: null, query: 'state=30' }),
      '',
      'not json',
      JSON.stringify({ table: 'x_acme_ticket', query: 'state=10^ORDERBYnumber' })
    ].join('\n');

    // when
    const result = await runCli(['check-query', '--jsonl', '--metadata', snapshot], { stdin });

    // then
    const lines = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ ok: false, diagnostics: [{ severity: 'error', code: 'value.choice', start: 6, end: 8 }], explanation: 'State is 30' });
    expect(lines[1]).toEqual({ ok: true, diagnostics: [], explanation: 'State is 30' });
    expect(lines[2]).toMatchObject({ ok: false, diagnostics: [], error: expect.stringContaining('line 3 is blank') });
    expect(lines[3]).toMatchObject({ ok: false, diagnostics: [], error: expect.stringContaining('line 4 is not JSON') });
    expect(lines[4]).toEqual({ ok: true, diagnostics: [], explanation: 'State is Open, sorted by Number' });
    expect(result.code).toBe(1);
  });

  it('checks a --jsonl line marked "feel": true as a FEEL expression', async () => {
    // when
    const result = await runCli(['check-query', '--jsonl'], { stdin: `${JSON.stringify({ table: null, query: '="active=true^caller_id=" + id', feel: true })}\n` });

    // then
    expect(JSON.parse(result.stdout)).toEqual({ ok: true, diagnostics: [], explanation: 'Active is true and Caller id is (runtime value)' });
  });

  it('exits 0 in --jsonl mode when every line is fine', async () => {
    const result = await runCli(['check-query', '--jsonl'], { stdin: '{"table":null,"query":"active=true"}\n' });
    expect(result).toEqual({ code: 0, stdout: '{"ok":true,"diagnostics":[],"explanation":"Active is true"}\n', stderr: '' });
  });

  it.each([
    [['check-query'], 'give the query to check'],
    [['check-query', 'stateNOT', 'IN6,7'], 'check-query takes one query, got 2 arguments; quote it: "stateNOT IN6,7"'],
    [['check-query', '--table', 'nope', 'a=1'], 'table "nope" is not in the metadata'],
    [['check-query', '--metadata', snapshot, 'a=1'], '--metadata needs --table'],
    [['check-query', '--jsonl', 'a=1'], '--jsonl reads the queries and tables from standard input'],
    [['check-query', '--table', 'x', '--metadata', join(snapshot, 'missing'), 'a=1'], 'No metadata snapshot at']
  ])('reports bad usage %j with exit 1', async (argv, message) => {
    // when
    const result = await runCli(argv);

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
  });
});
