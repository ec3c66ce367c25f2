import { describe, expect, it } from 'vitest';
import { isTableName, nameInBatches } from '../../../scripts/fetch-metadata/queries';

describe('scripts/fetch-metadata - queries', () => {
  it('puts all tables into one nameIN batch while the list stays short', () => {
    // given
    const names = Array.from({ length: 50 }, (_, index) => `u_table_${index}`);

    // when
    const batches = nameInBatches([...names, 'u_table_1']);

    // then
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(50);
  });

  it('splits a very long list so that no query exceeds a proxy URL limit, losing no name', () => {
    // given
    const names = Array.from({ length: 400 }, (_, index) => `x_acme_procurement_request_line_${String(index).padStart(3, '0')}`);

    // when
    const batches = nameInBatches(names);

    // then
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.every((batch) => batch.join(',').length <= 1800)).toBe(true);
    expect(batches.flat().sort()).toEqual([...names].sort());
  });

  it.each([['incident', true], ['x_acme_app_request', true], ['incident^ORactive=true', false], ['', false], ['a b', false]])('reads %j as a table name: %s', (name, expected) => {
    expect(isTableName(name)).toBe(expected);
  });
});
