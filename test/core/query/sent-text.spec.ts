/**
 * Queries checked as the Table API receives them: secret placeholders are
 * runtime values, and with `spacesRemoved` (Camunda's official templates)
 * every space is dropped; offsets always refer to the text as written.
 */
import { describe, expect, it } from 'vitest';
import { checkFeelQuery, checkQuery, type Condition } from '../../../core/query/index';
import { parseFeelExpression } from '../../../core/feel/parse';
import { metadata } from './metadata';

const options = { table: 'incident', metadata: metadata('instance') };
const codes = (text: string, extra = {}) => checkQuery(text, { ...options, ...extra }).diagnostics.map((diagnostic) => [diagnostic.code, text.slice(diagnostic.start, diagnostic.end)]);

describe('core/query - queries as sent', () => {
  it('reads a secret placeholder as a runtime value, whatever the field expects', () => {
    expect(codes('state={{secrets.defaultState}}^caller_id={{ secrets.caller }}^opened_at>{{secrets.since}}')).toEqual([]);
    expect(codes('state={{secrets.defaultState}}^caler_id=abc')).toEqual([['field.unknown', 'caler_id']]);
  });

  it('still checks what is not a placeholder', () => {
    expect(codes('state={{secret.defaultState}}')).toEqual([['value.choice', '{{secret.defaultState}}']]);
  });

  it('checks a query sent without its spaces as sent, with offsets into the text as written', () => {
    // given
    const text = 'active = true ^ caler_id = abc';

    // when
    const result = checkQuery(text, { ...options, spacesRemoved: true });

    // then
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, text.slice(diagnostic.start, diagnostic.end), diagnostic.suggestion])).toEqual([['field.unknown', 'caler_id', 'caller_id']]);
    const condition = result.ast.groups[0]!.clauses[0]!.terms[0] as Condition;
    expect(text.slice(condition.start, condition.end)).toBe('active = true');
    expect(codes(text)).toContainEqual(['style.whitespace', 'active ']);
  });

  it('reports a space inside a value only when spaces are removed', () => {
    expect(codes('short_description=no vpn^state=1', { spacesRemoved: true })).toEqual([['value.spaces-removed', 'no vpn']]);
    expect(codes('short_description=no vpn^state=1')).toEqual([]);
  });

  it('maps a FEEL-built query sent without its spaces back to the FEEL text', () => {
    // given
    const value = '="caller_id=" + id + " ^ prioirty = 1"';

    // when
    const { diagnostics } = checkFeelQuery(value, { ...options, feel: parseFeelExpression, spacesRemoved: true });

    // then
    expect(diagnostics.map((diagnostic) => [diagnostic.code, value.slice(diagnostic.start, diagnostic.end)])).toEqual([['field.unknown', 'prioirty']]);
  });

  it('keeps every diagnostic and tree range inside the text as written, for any text', () => {
    // given: a seeded generator over the characters that matter here (spaces, separators, placeholders)
    const parts = [' ', '  ', '^', '=', 'state', 'caler_id', 'no vpn', '{{secrets.a}}', '{{ secrets.b }}', '{{', '}}', 'IN', ',', 'ORDERBY', '^NQ', '"'];
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);

    for (let round = 0; round < 2000; round++) {
      const text = Array.from({ length: next() % 12 }, () => parts[next() % parts.length]).join('');

      // when
      const result = checkQuery(text, { ...options, spacesRemoved: round % 2 === 0 });

      // then
      const spans: { start: number; end: number }[] = [...result.diagnostics];
      JSON.stringify(result.ast, (key, value: unknown) => {
        if (value && typeof value === 'object' && 'start' in value && 'end' in value) spans.push(value as { start: number; end: number });
        return value;
      });
      for (const span of spans) expect(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${JSON.stringify(text)} ${JSON.stringify(span)}`).toBe(true);
    }
  });
});
