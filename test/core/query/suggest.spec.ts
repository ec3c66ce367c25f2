import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../../core/query/suggest';

describe('core/query - suggest', () => {
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

  it('picks the closest candidate within the bound, the first on ties', () => {
    expect(closest('categroy', ['category', 'subcategory', 'cmdb_ci'], 2)).toBe('category');
    expect(closest('abc', ['abd', 'abe'], 1)).toBe('abd');
    expect(closest('zzzz', ['category'], 2)).toBeUndefined();
  });
});
