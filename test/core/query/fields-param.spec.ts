import { describe, expect, it } from 'vitest';
import { applySuggestion } from '../../../core/query';
import { checkFieldsParam } from '../../../core/query/fields-param';
import { metadata } from './metadata';

const options = { table: 'incident', metadata: metadata() };

describe('core/query - sysparm_fields check', () => {
  it('accepts columns, system columns and dot-walks through references, blanks around names included', () => {
    expect(checkFieldsParam('sys_id, number,short_description,caller_id.name,caller_id.department.name', options)).toEqual([]);
  });

  it('names a misspelt column with a did-you-mean whose fix replaces exactly that name', () => {
    // given
    const value = 'number,short_descripton,state';

    // when
    const [diagnostic, ...rest] = checkFieldsParam(value, options);

    // then
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({ severity: 'error', code: 'field.unknown', suggestion: 'short_description' });
    expect(diagnostic!.message).toBe('short_descripton is not a field of incident, so ServiceNow leaves it out of the response without a word; did you mean short_description?');
    expect(applySuggestion(value, diagnostic!)).toBe('number,short_description,state');
  });

  it('checks the column a dot-walk reaches, and a walk through a column that is no reference', () => {
    // when
    const [walked] = checkFieldsParam('caller_id.nmae', options);
    const [notReference] = checkFieldsParam('number.name', options);

    // then
    expect(walked).toMatchObject({ code: 'field.unknown', suggestion: 'name', start: 10, end: 14 });
    expect(walked!.message).toContain('nmae is not a field of sys_user (reached through caller_id), so ServiceNow leaves it out');
    expect(notReference).toMatchObject({ severity: 'error', code: 'field.not-reference' });
    expect(notReference!.message).toContain('ServiceNow returns nothing for this column');
  });

  it('checks a FEEL string literal at its offsets, and leaves computed values and unknown tables alone', () => {
    // given
    const value = '="number,short_descripton"';

    // when
    const [diagnostic] = checkFieldsParam(value, options);

    // then
    expect(applySuggestion(value, diagnostic!)).toBe('="number,short_description"');
    expect(checkFieldsParam('=fields', options)).toEqual([]);
    expect(checkFieldsParam('="a," + more', options)).toEqual([]);
    expect(checkFieldsParam('nonsense', { table: 'u_unknown', metadata: metadata() })).toEqual([]);
  });

  it('leaves a column the connector runtime fills from a {{secrets.NAME}} placeholder alone, and checks the others', () => {
    // given
    const value = 'number,{{secrets.SN_EXTRA_FIELDS}},short_descripton';

    // when
    const diagnostics = checkFieldsParam(value, options);

    // then
    expect(diagnostics.map((diagnostic) => value.slice(diagnostic.start, diagnostic.end))).toEqual(['short_descripton']);
  });
});
