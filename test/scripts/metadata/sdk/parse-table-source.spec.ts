import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../../core/errors';
import { parseTableSource, parseTableSources } from '../../../../scripts/metadata/sdk/parse-table-source';
import { sdkTableRecords, type TableRecords } from '../../../../scripts/metadata/sdk/to-records';

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
      export const a = Table({ name: 'a', schema: { x: StringColumn({ maxLength: size * 2, label: 'X' }), y: shared.y, ...makeColumns() } })
      export const b = Table({ name: 'b', extends: pick(), schema: {} })
      export const c = Table({ name: dynamicName, schema: {} })`;

    // when
    const { tables, skipped } = parseTableSource('f.now.ts', source);

    // then
    expect(tables.map((table) => [table.name, table.columns.map((column) => column.element), table.skipped])).toEqual([
      ['a', ['x'], ['f.now.ts:3: schema entry ...makeColumns() is computed; its columns are left out', 'f.now.ts:3: x.maxLength is computed; left out', 'f.now.ts:3: column y is not a column function call']],
      ['b', [], ['f.now.ts:4: table option extends is computed']]
    ]);
    expect(tables[0]!.columns[0]!.config).toEqual({ label: 'X' });
    expect(skipped).toEqual(['f.now.ts:5: Table() without a literal name']);
  });

  it('reads what the SDK reads statically: consts, spreads, shorthands, template strings, members of a Table const, import aliases', () => {
    // given: ServiceNow/sdk-examples service-catalog-sample passes `x_servicecatalog_security_incident.name` as a table
    const source = `
      import { Table as T, StringColumn as Text } from '@servicenow/sdk/core'
      import * as now from '@servicenow/sdk/core'
      const SCOPE = 'x_acme'
      const choices = { a: 'A', ...{ b: { label: 'B', sequence: 2 } } }
      const base = { created_note: Text({ label: 'Note' }) }
      const title = Text({ label: 'Title', choices })
      export const x_acme_item = T({
        name: \`\${SCOPE}_item\`,
        schema: { title, ...base, link: now.ReferenceColumn({ referenceTable: x_acme_item_other.name }) },
      })
      export const x_acme_item_other = now.Table({ name: 'x_acme_other', schema: {}, $id: Now.ID['other'] })`;

    // when
    const { tables, skipped } = parseTableSource('s.now.ts', source);

    // then
    expect(skipped).toEqual([]);
    expect(tables.map((table) => [table.name, table.skipped])).toEqual([['x_acme_item', []], ['x_acme_other', []]]);
    expect(tables[0]!.columns).toEqual([
      { element: 'title', kind: 'StringColumn', config: { label: 'Title', choices: { a: 'A', b: { label: 'B', sequence: 2 } } }, at: 's.now.ts:10' },
      { element: 'created_note', kind: 'StringColumn', config: { label: 'Note' }, at: 's.now.ts:6' },
      { element: 'link', kind: 'ReferenceColumn', config: { referenceTable: 'x_acme_other' }, at: 's.now.ts:10' }
    ]);
  });

  it('reads Record() calls that write sys_choice or sys_dictionary records and skips other Record() calls quietly', () => {
    // given
    const source = `
      Record({ $id: Now.ID['c1'], table: 'sys_choice', data: { name: 'x_t', element: 'state', value: 18, label: pick(), sequence: 100 } })
      Record({ $id: Now.ID['d1'], table: 'incident', data: { short_description: 'demo' } })`;

    // when
    const { tables, records, skipped } = parseTableSource('r.now.ts', source);

    // then
    expect(tables).toEqual([]);
    expect(records).toEqual([{ table: 'sys_choice', data: { name: 'x_t', element: 'state', value: 18, sequence: 100 }, at: 'r.now.ts:2' }]);
    expect(skipped).toEqual(['r.now.ts:2: sys_choice record field label is computed; left out']);
  });

  it('refuses a file with a syntax error, naming the file, line and column', () => {
    // given
    const source = "export const t = Table({\n  name: 'x_t',\n  schema: { a: StringColumn({ label: 'A' } }) })\n";

    // when
    const read = () => parseTableSource('src/fluent/t.now.ts', source);

    // then
    expect(read).toThrow(UserError);
    expect(read).toThrow(/^src\/fluent\/t\.now\.ts:3:44: syntax error: ',' expected\. .*fix it/);
  });

  describe('real Fluent sources (ServiceNow/sdk-examples@626cd89, copied into fluent-sources/sdk-examples)', () => {
    const examples = join(__dirname, 'fluent-sources', 'sdk-examples');
    const files = [
      'table-sample/table-extends.now.ts',
      'table-sample/table-index.now.ts',
      'table-sample/table-custom-column.now.ts',
      'table-sample/table-simple.now.ts',
      'react-ui-page-ts-sample/tables/incident.now.ts',
      'service-catalog-sample/sc-record-producer.now.ts',
      'record-sample/record-incident.now.ts',
      'dependencies-sample/sys_ui_action_role.ts'
    ];
    const read = () => parseTableSources(files.map((file) => ({ file, text: readFileSync(join(examples, file), 'utf8') })));

    it('finds each table, skips the files and calls that are no tables quietly, and reports nothing', () => {
      // when
      const { tables, records, skipped } = read();

      // then
      expect(tables.map((table) => [table.name, table.columns.length, table.skipped])).toEqual([
        ['x_tablesample_extends', 1, []],
        ['x_tablesample_index', 6, []],
        ['incident', 1, []],
        ['x_tablesample_name', 4, []],
        ['x_reactuisample_incident', 7, []],
        ['x_servicecatalog_security_incident', 2, []],
        ['sys_ui_action_role', 3, []]
      ]);
      expect(records).toEqual([]);
      expect(skipped).toEqual([]);
    });

    it('turns them into the dictionary and choice records an instance would hold', () => {
      // given
      const tables = new Map(read().tables.map((table) => [table.name, table]));
      const problems: string[] = [];
      const recordsOf = (name: string) => sdkTableRecords(tables.get(name)!, problems);
      const column = (records: TableRecords, element: string) => records.columns.find((row) => row['element'] === element);

      // when
      const extended = recordsOf('x_tablesample_extends');
      const indexed = recordsOf('x_tablesample_index');
      const react = recordsOf('x_reactuisample_incident');
      const generated = recordsOf('sys_ui_action_role');

      // then
      expect(problems).toEqual([]);
      expect(extended.table).toEqual({ name: 'x_tablesample_extends', label: '', 'super_class.name': 'task' });
      expect(column(extended, 'user_reference_column')).toMatchObject({ internal_type: 'reference', reference: 'sys_user', mandatory: 'true', column_label: 'User Reference' });
      expect(column(indexed, 'color')).toMatchObject({ internal_type: 'string', choice: '2', mandatory: 'true' });
      expect(indexed.choices.filter((choice) => choice['element'] === 'color').map((choice) => choice['value'])).toEqual(['white', 'brown', 'black']);
      expect(column(indexed, 'active')).toMatchObject({ internal_type: 'boolean', default_value: 'true' });
      expect(column(react, 'number')).toMatchObject({ read_only: 'true', max_length: '40', default_value: 'javascript:global.getNextObjNumberPadded();' });
      expect(react.choices.filter((choice) => choice['element'] === 'priority').map((choice) => `${choice['value']}=${choice['label']}@${choice['sequence']}`)).toEqual([
        '1=Critical@0',
        '2=High@1',
        '3=Moderate@2',
        '4=Low@3'
      ]);
      expect(column(generated, 'sys_id')).toMatchObject({ internal_type: 'GUID', max_length: '32' });
    });
  });
});
