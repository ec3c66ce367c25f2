import { describe, expect, it } from 'vitest';
import { applySuggestion } from '../../../core/query';
import { checkPayload } from '../../../core/template/payload-check';
import { metadata } from '../query/metadata';
import { parseFeelExpression } from '../../../core/feel/parse';

const options = { table: 'incident', metadata: metadata(), feel: parseFeelExpression };

describe('core/template - payload check', () => {
  it('warns about unknown keys with a did-you-mean and about a value no choice has, as the official templates write payloads', () => {
    // given
    const value = '={\n  // Example payload fields\n  "caller": "6816f79cc0a8016401c5a33be04be441",\n  "short_descripton": "Printer jam",\n  "impact": 9\n}';

    // when
    const diagnostics = checkPayload(value, options);

    // then
    expect(diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.code, diagnostic.suggestion])).toEqual([
      ['warning', 'field.unknown', 'caller_id'],
      ['warning', 'field.unknown', 'short_description'],
      ['warning', 'value.choice', undefined]
    ]);
    expect(diagnostics[0]!.message).toBe('caller is not a field of incident, so ServiceNow ignores it without a word; did you mean caller_id?');
    expect(diagnostics[2]!.message).toMatch(/^9 is not an impact of incident; impacts are 1 /);
    expect(applySuggestion(value, diagnostics[1]!)).toContain('"short_description": "Printer jam"');
  });

  it('suggests the value for a choice label, and accepts known keys, unquoted keys, computed values and custom columns', () => {
    // given
    const value = '={"impact": "1 - High", urgency: 2, "short_description": summary, "u_cost_center": "X", "active": true}';

    // when
    const diagnostics = checkPayload(value, options);

    // then
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'value.choice', suggestion: '1' });
    expect(applySuggestion(value, diagnostics[0]!)).toContain('"impact": "1"');
  });

  it('judges nothing that is not a FEEL context of a known table', () => {
    expect(checkPayload('=payload', options)).toEqual([]);
    expect(checkPayload('{"caller": 1}', options)).toEqual([]);
    expect(checkPayload('={"caller": 1}', { table: 'u_unknown', metadata: metadata(), feel: parseFeelExpression })).toEqual([]);
  });
});
