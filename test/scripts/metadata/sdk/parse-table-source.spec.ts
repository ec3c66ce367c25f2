import { describe, expect, it } from 'vitest';
import { parseTableSource } from '../../../../scripts/metadata/sdk/parse-table-source';

describe('scripts/metadata/sdk - parseTableSource', () => {
  it('evaluates literal configurations: strings, numbers, negatives, booleans, arrays, nested objects, `as const`', () => {
    // given
    const source = `
      import { Table, IntegerColumn } from '../../db'
      export const t = Table({
        name: 'u_t',
        label: \`Template label\`,
        schema: {
          score: IntegerColumn({
            maxLength: 12,
            default: -5,
            mandatory: true,
            choices: { '-5': { label: 'Pending', sequence: -1 }, 'open': 'Open' },
            label: [{ label: 'Score', language: 'en' }],
          } as const),
          'quoted_name': IntegerColumn(),
        },
      })`;

    // when
    const { tables, skipped } = parseTableSource('u_t.now.ts', source);

    // then
    expect(skipped).toEqual([]);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ name: 'u_t', config: { name: 'u_t', label: 'Template label' }, at: 'u_t.now.ts:3' });
    expect(tables[0]!.columns).toEqual([
      {
        element: 'score',
        kind: 'IntegerColumn',
        config: { maxLength: 12, default: -5, mandatory: true, choices: { '-5': { label: 'Pending', sequence: -1 }, open: 'Open' }, label: [{ label: 'Score', language: 'en' }] },
        at: 'u_t.now.ts:7'
      },
      { element: 'quoted_name', kind: 'IntegerColumn', config: {}, at: 'u_t.now.ts:14' }
    ]);
  });

  it('reads every Table() of a file and reports what it cannot evaluate, never running it', () => {
    // given
    const source = `
      const size = 40
      export const a = Table({ name: 'a', schema: { x: StringColumn({ maxLength: size, label: 'X' }), y: shared.y } })
      export const b = Table({ name: 'b', extends: pick(), schema: {} })
      export const c = Table({ name: dynamicName, schema: {} })`;

    // when
    const { tables, skipped } = parseTableSource('f.now.ts', source);

    // then
    expect(tables.map((table) => [table.name, table.columns.map((column) => column.element), table.skipped])).toEqual([
      ['a', ['x'], ['f.now.ts:3: x.maxLength is computed; left out', 'f.now.ts:3: column y is not a column function call']],
      ['b', [], ['f.now.ts:4: table option extends is computed']]
    ]);
    expect(tables[0]!.columns[0]!.config).toEqual({ label: 'X' });
    expect(skipped).toEqual(['f.now.ts:5: Table() without a literal name']);
  });
});
