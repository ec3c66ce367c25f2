import { describe, expect, it } from 'vitest';
import { isBoolean, isDate, isNumber, isSysId, repairBoolean, repairDate, repairNumber, repairSysId, repairUnit } from '../../../../core/query/validate/literals';

describe('core/query/validate - literals', () => {
  it.each([
    ['2024-02-29', true], ['2023-02-29', false], ['2024-12-31 23:59:59', true], ['2024-12-31 24:00:00', false],
    ['2024-13-01', false], ['2024-1-5', false], ['2024-01-05T10:00:00Z', false], ['javascript:gs.now()', false], ['', false]
  ])('isDate(%j) is %s', (value, expected) => {
    expect(isDate(value)).toBe(expected);
  });

  it.each([
    ['2024-01-05T10:00:00Z', '2024-01-05 10:00:00'],
    ['2024-01-05T10:00:00.123Z', '2024-01-05 10:00:00'],
    ['2024/1/5', '2024-01-05'],
    [' 2024-1-5 9:05 ', '2024-01-05 09:05:00'],
    ['2024-02-30', undefined],
    ['2024-01-05T10:00:00+02:00', undefined],
    ['yesterday', undefined]
  ])('repairDate(%j) is %j', (value, expected) => {
    expect(repairDate(value)).toBe(expected);
  });

  it.each([['1', true], ['-2.5', true], ['1e3', false], ['1,000', false], ['', false]])('isNumber(%j) is %s', (value, expected) => {
    expect(isNumber(value)).toBe(expected);
  });

  it.each([['1 000', '1000'], [' 12 ', '12'], ["1'000", '1000'], ['12', undefined], ['twelve', undefined]])('repairNumber(%j) is %j', (value, expected) => {
    expect(repairNumber(value)).toBe(expected);
  });

  it.each([['true', true], ['0', true], ['TRUE', false], ['yes', false]])('isBoolean(%j) is %s', (value, expected) => {
    expect(isBoolean(value)).toBe(expected);
  });

  it.each([['Yes', 'true'], ['off', 'false'], [' TRUE ', 'true'], ['maybe', undefined]])('repairBoolean(%j) is %j', (value, expected) => {
    expect(repairBoolean(value)).toBe(expected);
  });

  it.each([['hours', 'hour'], ['Day', 'day'], ['dayofweeks', 'dayofweek'], ['fortnight', undefined]])('repairUnit(%j) is %j', (value, expected) => {
    expect(repairUnit(value)).toBe(expected);
  });

  it('repairs an upper-case sys_id to the lower case ServiceNow writes, and nothing else', () => {
    expect(repairSysId('62826BF03710200044E0BFC8BCBE5DF1')).toBe('62826bf03710200044e0bfc8bcbe5df1');
    expect(repairSysId('62826bf03710200044e0bfc8bcbe5df1')).toBeUndefined();
    expect(repairSysId('INC0010001')).toBeUndefined();
  });

  it.each([['62826bf03710200044e0bfc8bcbe5df1', true], ['62826BF03710200044E0BFC8BCBE5DF1', false], ['62826bf0371020004', false], ['g2826bf03710200044e0bfc8bcbe5df1', false]])('isSysId(%j) is %s', (value, expected) => {
    expect(isSysId(value)).toBe(expected);
  });
});
