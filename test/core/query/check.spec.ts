import { describe, expect, it } from 'vitest';
import { checkFeelQuery, checkQuery } from '../../../core/query/check';
import { explainWithItems } from '../../../core/query/explain';
import * as engine from '../../../core/query/index';
import { parseFeelExpression } from '../../../core/feel/parse';
import { metadata } from './metadata';

const options = { table: 'incident', metadata: metadata() };

describe('core/query - check', () => {
  it('finds what the engine finds but explains only with an explainer, which the engine always brings', () => {
    const query = 'active=true^priorityIN1,2^ORDERBYDESCopened_at';
    const bare = checkQuery(query, options);
    const full = engine.checkQuery(query, options);
    expect(bare.diagnostics).toEqual(full.diagnostics);
    expect(bare.ok).toBe(full.ok);
    expect(bare).toMatchObject({ explanation: '', explanationItems: [] });
    expect(full.explanation).not.toBe('');
    expect(checkQuery(query, { ...options, explainer: explainWithItems })).toEqual(full);
  });

  it('passes the explainer on to the string literals of a FEEL query', () => {
    const value = '="active=true^caller_id=" + callerId';
    const explained = checkFeelQuery(value, { ...options, feel: parseFeelExpression, explainer: explainWithItems });
    expect(explained).toEqual(engine.checkFeelQuery(value, { ...options, feel: parseFeelExpression }));
    expect(checkFeelQuery(value, { ...options, feel: parseFeelExpression }).diagnostics).toEqual(explained.diagnostics);
  });
});
