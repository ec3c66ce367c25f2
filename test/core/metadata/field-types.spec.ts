import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMaxLength, fieldType, fieldTypeNames, INPUT_FORMATS, isKnownInternalType, knownFieldType, OPERATOR_SCOPES, operatorLimit, SYS_ID } from '../../../core/metadata/field-types';
import { OPERATORS } from '../../../core/query/operators';
import { isSysId } from '../../../core/query/validate/literals';
import { fieldKind } from '../../../core/template/field-kinds';
import { familyOf } from '../../../core/query/validate/field-types';
import { columnFunctionTypes } from '../../../scripts/metadata/sdk/column-types';
import type { Field } from '../../../core/metadata/model';
import { checkQuery } from '../../../core/query/index';
import { field, metadata, table } from '../query/metadata';

const column = (internalType: string, extra: Partial<Field> = {}): Field => ({
  element: 'u_value', label: 'Value', internalType, mandatory: false, readOnly: false, choices: [], choiceMode: 0, definedOn: 'u_table', writable: true, ...extra
});

/** Every internal_type of the bundled snapshot, read from its sys_dictionary records. */
function bundledTypes(): string[] {
  const { result } = JSON.parse(readFileSync(join(__dirname, '../../../metadata/sys_dictionary.json'), 'utf8')) as { result: Array<{ internal_type: string }> };
  return [...new Set(result.map((record) => record.internal_type))];
}

describe('core/metadata - field types', () => {
  it('has a row for every type of the bundled snapshot and every type the SDK importer produces', () => {
    const types = [...bundledTypes(), ...Object.values(columnFunctionTypes)];
    expect(types.length).toBeGreaterThan(50);
    expect(types.filter((type) => !isKnownInternalType(type))).toEqual([]);
  });

  it('names the SDK column function of each type at most once, and every function the importer knew', () => {
    expect(Object.keys(columnFunctionTypes)).toHaveLength(46);
    expect(columnFunctionTypes).toMatchObject({ IntegerColumn: 'integer', BasicImageColumn: 'image', DocumentIdColumn: 'document_id', GuidColumn: 'GUID', ListColumn: 'glide_list' });
  });

  it('names only real operators in its operator scopes', () => {
    const names = new Set<string>(OPERATORS.map((operator) => operator.name));
    expect(OPERATOR_SCOPES.flatMap((scope) => scope.operators).filter((operator) => !names.has(operator))).toEqual([]);
  });

  it.each(['int', 'long', 'longint', 'integer', 'auto_increment', 'order_index'])('reads %s as a whole number in queries and in templates', (type) => {
    expect(familyOf(column(type))).toBe('number');
    expect(fieldKind(column(type))).toBe('integer');
  });

  it.each(['decimal', 'float', 'numeric', 'percent_complete'])('reads %s as a decimal number in queries and in templates', (type) => {
    expect(familyOf(column(type))).toBe('number');
    expect(fieldKind(column(type))).toBe('decimal');
  });

  it('reads glide_utc_time as a date-time in queries and in templates', () => {
    expect(familyOf(column('glide_utc_time'))).toBe('date');
    expect(fieldKind(column('glide_utc_time'))).toBe('datetime');
  });

  it('reads document_id as a sys_id in queries and in templates, with or without a reference table', () => {
    expect(fieldType('document_id').sysId).toBe(true);
    expect(fieldKind(column('document_id'))).toBe('reference');
    expect(fieldKind(column('document_id', { reference: 'incident' }))).toBe('reference');
    expect(INPUT_FORMATS.reference.placeholder?.({ dependentOnField: 'origin_table' })).toBe('sys_id of a record in the table origin_table names');
  });

  it('has one sys_id pattern, lower case, for queries and templates', () => {
    expect(INPUT_FORMATS.reference.pattern).toBe(SYS_ID);
    expect(isSysId('62826bf03710200044e0bfc8bcbe5df1')).toBe(true);
    expect(new RegExp(`^${SYS_ID}$`).test('62826BF03710200044E0BFC8BCBE5DF1')).toBe(false);
    expect(isSysId('62826BF03710200044E0BFC8BCBE5DF1')).toBe(false);
  });

  it('gives the default max lengths of the SDK, 40 for any other type', () => {
    expect([defaultMaxLength('reference'), defaultMaxLength('table_name'), defaultMaxLength('glide_duration'), defaultMaxLength('conditions'), defaultMaxLength('script'), defaultMaxLength('html'), defaultMaxLength('integer'), defaultMaxLength('u_unknown')])
      .toEqual([32, 80, 20, 4000, 8000, 65536, 40, 40]);
  });

  it('limits operators by family and type, never for unknown types', () => {
    expect(operatorLimit('ON', 'string', 'string')).toBe('date-only');
    expect(operatorLimit('ON', 'date', 'glide_date_time')).toBeUndefined();
    expect(operatorLimit('INSTANCEOF', 'string', 'string')).toBe('class-only');
    expect(operatorLimit('INSTANCEOF', 'string', 'sys_class_name')).toBeUndefined();
    expect(operatorLimit('LIKE', 'boolean', 'boolean')).toBe('not-boolean');
    expect(operatorLimit('GT_FIELD', 'string', 'string')).toBe('numbers-or-dates');
    expect(operatorLimit('GT_FIELD', 'number', 'percent_complete')).toBeUndefined();
    expect(operatorLimit('DISTANCE_SPHERE_WITHIN', 'string', 'string')).toBe('geo-only');
    expect(operatorLimit('DISTANCE_SPHERE_WITHIN', 'other', 'geo_point')).toBeUndefined();
    expect(operatorLimit('ON', 'other', 'u_new_type')).toBeUndefined();
    expect(knownFieldType('u_new_type')).toBeUndefined();
    expect(fieldTypeNames()).toContain('glide_utc_time');
  });

  it('checks the values of the types it reclassified in queries', () => {
    // given: a table with one column of each
    const tracked = table('u_tracked', 'Tracked', [
      field('u_done', 'Done', 'percent_complete'), field('u_big', 'Big', 'long'), field('u_seen', 'Seen', 'glide_utc_time'), field('u_origin', 'Origin', 'document_id')
    ]);
    const check = (query: string) => checkQuery(query, { table: 'u_tracked', metadata: metadata('instance', [tracked]) }).diagnostics.map((each) => each.code);

    // then
    expect(check('u_done=half^u_big>lots^u_seen<yesterday^u_origin=INC0010001')).toEqual(['value.number', 'value.number', 'value.date', 'value.sys-id']);
    expect(check('u_done>=50.5^u_big>9000000000^u_seen<2024-01-05 10:00:00^u_origin=62826bf03710200044e0bfc8bcbe5df1^u_seenONToday@javascript:gs.daysAgoStart(0)@javascript:gs.daysAgoEnd(0)')).toEqual([]);
  });
});
