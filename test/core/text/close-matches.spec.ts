import { describe, expect, it } from 'vitest';
import { allowedEdits, closeMatches, closestMatch, editDistance } from '../../../core/text/close-matches';

describe('core/text - close matches', () => {
  it.each([
    ['STARTSWITH', 'STARTSWITH', 0],
    ['STARTSWTIH', 'STARTSWITH', 1],
    ['caller', 'caller_id', 3],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3]
  ])('editDistance(%j, %j) is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });

  it('stops early once the distance must exceed the bound', () => {
    expect(editDistance('short', 'a much longer candidate', 2)).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2);
  });

  it.each([
    [0, 1], [1, 1], [4, 1], [5, 2], [8, 2], [9, 3], [12, 3], [40, 3]
  ])('allows %i characters %i edit(s)', (length, edits) => {
    expect(allowedEdits(length)).toBe(edits);
  });

  it('picks the closest candidate within the allowed edits, the first on ties', () => {
    expect(closestMatch('categroy', ['category', 'subcategory', 'cmdb_ci'])).toBe('category');
    expect(closestMatch('abc', ['abd', 'abe'])).toBe('abd');
    expect(closestMatch('zzzz', ['category'])).toBeUndefined();
    // Three characters allow one edit, so two are too many.
    expect(closestMatch('abc', ['axy'])).toBeUndefined();
  });

  it('compares case-insensitively when asked, and returns the candidate as written', () => {
    expect(closestMatch('SYS_ID', ['sys_id', 'sys_class_name'])).toBeUndefined();
    expect(closestMatch('SYS_ID', ['sys_id', 'sys_class_name'], { ignoreCase: true })).toBe('sys_id');
    expect(closestMatch('Short_Descriptoin', ['number', 'short_description'], { ignoreCase: true })).toBe('short_description');
    expect(closeMatches('INCIDNET', ['incident', 'problem'], { ignoreCase: true })).toEqual(['incident']);
    expect(closeMatches('INCIDNET', ['incident', 'problem'])).toEqual([]);
  });

  it('ranks candidates by edit distance, keeps only the best and drops far ones', () => {
    expect(closeMatches('incidnet', ['incident', 'incident_task', 'problem', 'incidents'], { ignoreCase: true })).toEqual(['incident']);
    expect(closeMatches('incident_tsk', ['incident_task', 'incident', 'problem_task'], { ignoreCase: true })).toEqual(['incident_task']);
    expect(closeMatches('zzz', ['incident'], { ignoreCase: true })).toEqual([]);
    expect(closeMatches('u_lonaer', ['u_loaner', 'u_loan', 'u_asset_request'])).toEqual(['u_loaner']);
  });

  it('keeps equally close candidates in name order, up to the limit', () => {
    expect(closeMatches('abcd', ['abce', 'abcf', 'abcg', 'abch'])).toEqual(['abce', 'abcf', 'abcg']);
    expect(closeMatches('abcd', ['abch', 'abce'], { limit: 1 })).toEqual(['abce']);
  });

  it('offers names that contain the word, or that it contains, only when asked', () => {
    expect(closeMatches('incidents', ['incident', 'incident_task'], { containing: true })).toEqual(['incident']);
    expect(closeMatches('cmdb_ci_serv', ['cmdb_ci_service', 'cmdb_ci'], { containing: true })).toEqual(['cmdb_ci_service']);
    expect(closeMatches('cmdb_ci_serv', ['cmdb_ci'])).toEqual([]);
  });
});
