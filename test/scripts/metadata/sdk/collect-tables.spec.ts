import { describe, expect, it } from 'vitest';
import { collectTables } from '../../../../scripts/metadata/sdk/collect-tables';
import { parseTableSource } from '../../../../scripts/metadata/sdk/parse-table-source';

describe('scripts/metadata/sdk - collectTables', () => {
  it('adds the columns of an augmenting Table() (or a name-only one, as sdk-examples table-custom-column.now.ts writes) to the table', () => {
    // given
    const full = parseTableSource('incident.now.ts', "Table({ name: 'incident', extends: 'task', label: 'Incident', schema: { caller_id: ReferenceColumn({ referenceTable: 'sys_user' }) } })");
    const augments = parseTableSource('extra.now.ts', "Table({ augments: 'incident', schema: { x_a: StringColumn({}) } })");
    const legacy = parseTableSource('custom.now.ts', "Table({ name: 'incident' as any, schema: { x_b: StringColumn({}) } })");

    // when
    const { tables, problems, skipped } = collectTables([augments, legacy, full]);

    // then
    expect(problems).toEqual([]);
    expect(skipped).toEqual([]);
    const incident = tables.get('incident')!;
    expect(incident).toMatchObject({ augments: false, config: { extends: 'task', label: 'Incident' } });
    expect(incident.columns.map((column) => column.element).sort()).toEqual(['caller_id', 'x_a', 'x_b']);
  });

  it('leaves out, and says so, columns added to a table no source defines: written alone it would become a root table', () => {
    // when
    const { tables, skipped } = collectTables([parseTableSource('extra.now.ts', "Table({ augments: 'incident', schema: { x_a: StringColumn({}) } })")]);

    // then
    expect(tables.size).toBe(0);
    expect(skipped).toEqual(['extra.now.ts:1: Table() adds 1 columns to incident, which no source here defines; left out']);
  });

  it('refuses a column defined twice and a table whose label or super class disagree, naming both places', () => {
    // given
    const first = parseTableSource('a.now.ts', "Table({ name: 'x_t', label: 'T', extends: 'task', schema: { a: StringColumn({}) } })");
    const second = parseTableSource('b.now.ts', "\nTable({ name: 'x_t', label: 'Other', schema: { a: IntegerColumn({}) } })");

    // when
    const { problems } = collectTables([first, second]);

    // then
    expect(problems).toEqual([
      'b.now.ts:2: table x_t has label "Other" here but "T" at a.now.ts:1; give it in one place',
      'b.now.ts:2: column x_t.a is defined again (first at a.now.ts:1); keep one definition'
    ]);
  });
});
