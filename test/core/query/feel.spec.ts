/**
 * Queries built in FEEL: the literals are checked, runtime parts are opaque,
 * and offsets point into the FEEL text. feelin evaluates the same expressions
 * to show the checked literals are exactly the ones FEEL concatenates.
 */
import { evaluate } from 'feelin';
import { describe, expect, it } from 'vitest';
import { checkFeelQuery, checkQuery, printQuery } from '../../../core/query/index';
import { OPAQUE } from '../../../core/query/scan';
import { metadata } from './metadata';
import { parseFeelExpression } from '../../../core/feel/parse';

const options = { table: 'incident', metadata: metadata(), feel: parseFeelExpression };

describe('core/query - FEEL queries', () => {
  it('checks ="active=true^caller_id=" + callerSysId with the runtime part opaque', () => {
    // when
    const result = checkFeelQuery('="active=true^caller_id=" + callerSysId', options);

    // then
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.explanation).toBe('Active is true and Caller is (runtime value)');
  });

  it('reports problems in the literals with offsets into the FEEL text', () => {
    // given
    const value = '="active=yes^state=9^caller=" + x + "^priority=" + p';

    // when
    const result = checkFeelQuery(value, options);

    // then
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, value.slice(diagnostic.start, diagnostic.end), diagnostic.suggestion])).toEqual([
      ['value.boolean', 'yes', 'true'],
      ['value.choice', '9', undefined],
      ['field.unknown', 'caller', 'caller_id']
    ]);
    expect(result.ok).toBe(false);
  });

  it('maps escapes: a range after \\" points at the right characters and the fix is re-escaped', () => {
    // given
    const value = '="short_description=say \\"hi\\"^activ=true"';

    // when
    const result = checkFeelQuery(value, options);

    // then
    const unknown = result.diagnostics.find((diagnostic) => diagnostic.code === 'field.unknown')!;
    expect(value.slice(unknown.start, unknown.end)).toBe('activ');
    expect(unknown.suggestion).toBe('active');
  });

  it('maps the tree offsets into the FEEL text too', () => {
    // given
    const value = '="priority=" + p + "^active=true"';

    // when
    const { ast } = checkFeelQuery(value, options);

    // then
    const terms = ast.groups[0]!.clauses.map((clause) => clause.terms[0]!);
    expect(terms.map((term) => value.slice(term.start, term.end))).toEqual(['priority=" + p', 'active=true']);
  });

  it('re-escapes suggestions for the FEEL string they go into', () => {
    // given: the list fix contains quotes, which must be written \\" inside a FEEL string
    const value = '="short_descriptionIN\\"a\\", b"';

    // when
    const result = checkFeelQuery(value, { feel: parseFeelExpression });

    // then
    expect(result.diagnostics).toMatchObject([{ code: 'value.list', suggestion: '\\"a\\",b' }]);
    const fix = result.diagnostics[0]!;
    const fixed = value.slice(0, fix.start) + fix.suggestion! + value.slice(fix.end);
    expect(evaluate(fixed.slice(1), {}).value).toBe('short_descriptionIN"a",b');
  });

  it.each([
    ['="active=true^caller_id=" + callerSysId', { callerSysId: '681ccaf9c0a8016400b98a06818d57c7' }],
    ['="priority=" + string(p) + "^ORDERBYDESCsys_created_on"', { p: 2 }],
    ['="short_descriptionLIKE\\"quoted\\"\\\\path^active=true"', {}]
  ])('checks exactly the text FEEL builds from %s', (value, context) => {
    // given
    const built = evaluate(value.slice(1), context).value as string;

    // when
    const result = checkFeelQuery(value, options);
    const runtime = Object.values(context).map(String);

    // then: the checked text (printed from the tree) with each opaque part replaced by its runtime value is FEEL's result
    const checked = printQuery(result.ast).split(OPAQUE);
    expect(checked.map((chunk, index) => chunk + (runtime[index] ?? '')).join('')).toBe(built);
  });

  it.each([
    // feel-scala (FeelParser.scala, translateEscapes) decodes \\ \n \r \t \b \f \' \" only; feelin also decodes \u, the engine keeps it as written.
    ['="a=1" + "^b=\\u0041"', 'a=1^b=\\u0041'],
    ['="short_descriptionLIKE\\q"', 'short_descriptionLIKE\\q'],
    ['="short_descriptionLIKEa\\tb"', 'short_descriptionLIKEa\tb']
  ])('decodes the string literals of %s as feel-scala does', (value, checked) => {
    expect(printQuery(checkFeelQuery(value, options).ast)).toBe(checked);
  });

  it('reads the + chain with the FEEL grammar: a + inside brackets, an if or a comment is no separator', () => {
    // given
    const value = '="active=true" /* + "x" */ + (if p then "^priority=1" else "") + "^state=1"';

    // when
    const result = checkFeelQuery(value, options);

    // then: two literals around one opaque part
    expect(printQuery(result.ast)).toBe(`active=true${OPAQUE}^state=1`);
    expect(result.diagnostics).toEqual([]);
  });

  it('treats a whole condition computed at runtime as opaque', () => {
    // when
    const result = checkFeelQuery('=extraCondition + "^state=1"', options);

    // then
    expect(result.diagnostics).toMatchObject([{ severity: 'info', code: 'field.dynamic', start: 1, end: 15 }]);
    expect(result.ok).toBe(true);
  });

  it('reports an unclosed FEEL string', () => {
    expect(checkFeelQuery('="state=1', options).diagnostics).toMatchObject([{ severity: 'error', code: 'syntax.feel', start: 1, end: 9 }]);
  });

  it('does not check a FEEL expression without string literals', () => {
    // when
    const result = checkFeelQuery('=queryFromInput', options);

    // then
    expect(result).toMatchObject({ ok: true, explanation: '(computed at runtime)', diagnostics: [{ code: 'field.dynamic', start: 0, end: 15 }] });
  });

  it('leaves a FEEL value pending, with no findings, until it is given the FEEL parser', () => {
    // given: the plugin fetches the parser as a chunk of its own
    const { feel, ...withoutParser } = options;

    // when
    const pending = checkFeelQuery('="caler_id=" + id', withoutParser);

    // then
    expect(pending).toMatchObject({ pending: true, ok: true, diagnostics: [], explanation: '' });
    expect(checkFeelQuery('="caler_id=" + id', { ...withoutParser, feel }).diagnostics.map((each) => each.code)).toContain('field.unknown');
    expect(checkFeelQuery('caler_id=1', withoutParser).pending).toBeUndefined();
  });

  it('checks a value without = as a plain query', () => {
    expect(checkFeelQuery('state=9', options).diagnostics).toEqual(checkQuery('state=9', options).diagnostics);
  });
});

