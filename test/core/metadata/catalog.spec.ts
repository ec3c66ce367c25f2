import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../../core/metadata/load';
import { UserError } from '../../../core/errors';

const ITEM = '0123456789abcdef0123456789abcdef';
const SET = 'fedcba9876543210fedcba9876543210';
const tables = { path: 'sys_db_object.json', text: JSON.stringify({ result: [{ name: 'sc_request' }] }) };
const columns = { path: 'sys_dictionary.json', text: JSON.stringify({ result: [{ name: 'sc_request', element: 'number', internal_type: 'string' }] }) };
const file = (name: string, rows: Record<string, string>[]) => ({ path: `${name}.json`, text: JSON.stringify({ result: rows }) });
const variable = (sysId: string, name: string, type: string, extra: Record<string, string> = {}) => ({ sys_id: sysId, name, question_text: name.toUpperCase(), type, order: '100', cat_item: ITEM, ...extra });

function load(files: { path: string; text: string }[]) {
  return loadSnapshot([tables, columns, ...files], { source: 'test' });
}

function problems(files: { path: string; text: string }[]): string[] {
  try {
    load(files);
  } catch (error) {
    if (error instanceof UserError) return error.details ?? [];
    throw error;
  }
  return [];
}

describe('core/metadata - catalog files', () => {
  it('resolves an item with its own variables and those of its variable set, in form order, choices sorted, layout types left out', () => {
    // when
    const metadata = load([
      file('sc_cat_item', [{ sys_id: ITEM, name: 'Laptop', active: 'true' }]),
      file('item_option_new', [
        variable('a'.repeat(32), 'model', '5', { mandatory: 'true', order: '200' }),
        variable('b'.repeat(32), 'heading', '11', { order: '100' }),
        variable('c'.repeat(32), 'for_user', '31', { order: '300' }),
        variable('d'.repeat(32), 'contact', '6', { cat_item: '', variable_set: SET, order: '10' }),
        variable('e'.repeat(32), 'gone', '6', { active: 'false' })
      ]),
      file('question_choice', [
        { question: 'a'.repeat(32), value: 'pro', text: 'Pro', order: '2' },
        { question: 'a'.repeat(32), value: 'basic', text: 'Basic', order: '1' },
        { question: 'a'.repeat(32), value: 'old', text: 'Old', order: '0', inactive: 'true' }
      ]),
      file('io_set_item', [{ sc_cat_item: ITEM, variable_set: SET, order: '500' }])
    ]);

    // then
    const [item] = metadata.catalogItems ?? [];
    expect(item?.variables.map((entry) => [entry.name, entry.kind, entry.mandatory])).toEqual([['model', 'choice', true], ['for_user', 'reference', false], ['contact', 'text', false]]);
    expect(item?.variables[0]?.choices).toEqual([{ value: 'basic', label: 'Basic' }, { value: 'pro', label: 'Pro' }]);
    expect(item?.variables[1]?.reference).toBe('sys_user');
    expect(item?.variables[2]?.variableSet).toBe(SET);
    expect(metadata.warnings).toEqual([]);
  });

  it('names every broken catalog record and loads nothing', () => {
    // when
    const found = problems([
      file('sc_cat_item', [{ sys_id: 'not-a-sys-id', name: 'Broken' }, { sys_id: ITEM, name: 'Laptop' }]),
      file('item_option_new', [
        variable('a'.repeat(32), 'model', 'select'),
        variable('b'.repeat(32), 'orphan', '6', { cat_item: '' }),
        variable('c'.repeat(32), 'twice', '6'),
        variable('d'.repeat(32), 'twice', '2')
      ])
    ]);

    // then
    expect(found).toEqual([
      'sc_cat_item.json record 1 (Broken, sys_id not-a-sys-id): sys_id must be 32 hexadecimal characters, got "not-a-sys-id": it becomes the order URL',
      'item_option_new.json record 1 (model, sys_id aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa): type must be a numeric variable type code (6 Single Line Text, 8 Reference, ...), got "select"',
      'item_option_new.json record 2 (orphan, sys_id bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb): has neither cat_item nor variable_set: it belongs to no item',
      'item_option_new.json record (twice, sys_id dddddddddddddddddddddddddddddddd): item "Laptop" has a second variable named twice (also sys_id cccccccccccccccccccccccccccccccc): an order\'s variables are keyed by name'
    ]);
  });

  it('refuses catalog records without the items file, and warns about an unknown type code, read as text', () => {
    // when
    const orphaned = problems([file('item_option_new', [variable('a'.repeat(32), 'model', '6')])]);
    const metadata = load([file('sc_cat_item', [{ sys_id: ITEM, name: 'Laptop' }]), file('item_option_new', [variable('a'.repeat(32), 'model', '99')])]);

    // then
    expect(orphaned).toEqual(['item_option_new.json: needs sc_cat_item.json: catalog records belong to the items they describe']);
    expect(metadata.catalogItems?.[0]?.variables[0]?.kind).toBe('text');
    expect(metadata.warnings.map((warning) => warning.message)).toEqual(['unknown variable type 99: read as text']);
  });

  describe('multi-row variable sets (item_option_new_set.json, type one_to_many)', () => {
    const ROWS = '9'.repeat(32);
    const files = (sets: Record<string, string>[], extra: Record<string, string>[] = []) => [
      file('sc_cat_item', [{ sys_id: ITEM, name: 'Onboarding', active: 'true' }]),
      file('item_option_new', [
        variable('a'.repeat(32), 'start_date', '9', { order: '100' }),
        variable('b'.repeat(32), 'employee_name', '6', { cat_item: '', variable_set: ROWS, order: '10', mandatory: 'true' }),
        variable('c'.repeat(32), 'laptop', '1', { cat_item: '', variable_set: ROWS, order: '20' }),
        variable('d'.repeat(32), 'contact', '6', { cat_item: '', variable_set: SET, order: '10' }),
        ...extra
      ]),
      file('io_set_item', [{ sc_cat_item: ITEM, variable_set: SET, order: '200' }, { sc_cat_item: ITEM, variable_set: ROWS, order: '300' }]),
      file('item_option_new_set', sets)
    ];

    it('groups a multi-row set\'s variables as the columns of its rows, keyed by its internal name; a single-row set adds its variables to the item\'s own', () => {
      // when
      const metadata = load(files([
        { sys_id: ROWS, internal_name: 'new_hires', title: 'New hires', type: 'one_to_many' },
        { sys_id: SET, internal_name: 'contact_info', title: 'Contact', type: 'one_to_one' }
      ]));

      // then
      const [item] = metadata.catalogItems ?? [];
      expect(item?.variables.map((entry) => entry.name)).toEqual(['start_date', 'contact']);
      expect(item?.rowSets).toEqual([{ sysId: ROWS, name: 'new_hires', label: 'New hires', order: 300, variables: [expect.objectContaining({ name: 'employee_name', kind: 'text', mandatory: true }), expect.objectContaining({ name: 'laptop', kind: 'yesNo' })] }]);
    });

    it('without the set records every set is read as single-row, as before', () => {
      const [item] = load(files([])).catalogItems ?? [];
      expect(item?.variables.map((entry) => entry.name)).toEqual(['start_date', 'contact', 'employee_name', 'laptop']);
      expect(item?.rowSets).toEqual([]);
    });

    it('names a set whose internal name is no variable name or is taken by a variable of the item', () => {
      expect(problems(files([{ sys_id: ROWS, internal_name: 'new hires', type: 'one_to_many' }]))).toEqual([
        'item_option_new_set.json record 1 (new hires, sys_id 99999999999999999999999999999999): internal_name "new hires" is not a variable name (letters, digits and _): it is the key of the set\'s rows in an order'
      ]);
      expect(problems(files([{ sys_id: ROWS, internal_name: 'start_date', type: 'one_to_many' }]))).toEqual([
        'item_option_new_set.json record (start_date, sys_id 99999999999999999999999999999999): item "Onboarding" has a variable or another variable set named start_date (sys_id aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa): an order\'s variables are keyed by name, and ServiceNow refuses a variable named like a set\'s internal name'
      ]);
    });
  });

  it('skips record producers, order guides and content items with a warning naming what orders them: order_now does not', () => {
    // when
    const metadata = load([
      file('sc_cat_item', [
        { sys_id: ITEM, name: 'Laptop', sys_class_name: 'sc_cat_item' },
        { sys_id: '1'.repeat(32), name: 'Create Incident', sys_class_name: 'sc_cat_item_producer' },
        { sys_id: '2'.repeat(32), name: 'New Employee Hire', sys_class_name: 'sc_cat_item_guide' },
        { sys_id: '3'.repeat(32), name: 'VPN guide', sys_class_name: 'sc_cat_item_content' }
      ])
    ]);

    // then
    expect(metadata.catalogItems?.map((item) => item.name)).toEqual(['Laptop']);
    expect(metadata.warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(/^"Create Incident" is a record producer: ServiceNow takes it through submit_producer/),
      expect.stringMatching(/^"New Employee Hire" is an order guide: .*submit_guide or checkout_guide/),
      expect.stringMatching(/^"VPN guide" is a content item .* cannot be ordered; skipped$/)
    ]);
  });
});
