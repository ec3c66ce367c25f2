/**
 * Value formats the Table API expects in queries, with a repaired form
 * where one is obvious. Anchored regexes with bounded quantifiers: no
 * backtracking blow-up on long input.
 */

import { SYS_ID as SYS_ID_BODY } from '../../metadata/field-types';

export const SYS_ID = new RegExp(`^${SYS_ID_BODY}$`);

export function isSysId(value: string): boolean {
  return SYS_ID.test(value);
}

/** A sys_id written in upper case, in the case ServiceNow writes it. */
export function repairSysId(value: string): string | undefined {
  const lower = value.toLowerCase();
  return lower !== value && isSysId(lower) ? lower : undefined;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

export function isNumber(value: string): boolean {
  return NUMBER.test(value);
}

/** `1 000`, ` 12 ` → `1000`, `12`; undefined when that is not a number either. */
export function repairNumber(value: string): string | undefined {
  const repaired = value.replace(/[\s_']/g, '');
  return repaired !== value && NUMBER.test(repaired) ? repaired : undefined;
}

const BOOLEANS = new Set(['true', 'false', '1', '0']);
const TRUTHY = new Set(['true', 'yes', 'y', 'on']);
const FALSY = new Set(['false', 'no', 'n', 'off']);

export function isBoolean(value: string): boolean {
  return BOOLEANS.has(value);
}

export function repairBoolean(value: string): string | undefined {
  const lower = value.trim().toLowerCase();
  if (TRUTHY.has(lower)) return 'true';
  if (FALSY.has(lower)) return 'false';
  return undefined;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/;
const LOOSE_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d{1,9})?(Z)?)?$/;

/** `yyyy-MM-dd` or `yyyy-MM-dd HH:mm:ss` (GMT), with real months, days and times. */
export function isDate(value: string): boolean {
  const match = DATE.exec(value);
  return match !== null && validParts(match);
}

/** ISO `2024-01-05T10:00:00Z`, `2024/1/5` → the Table API form. */
export function repairDate(value: string): string | undefined {
  const match = LOOSE_DATE.exec(value.trim());
  if (!match || !validParts(match)) return undefined;
  const [, year, month, day, hour, minute, second] = match;
  const date = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  return hour === undefined ? date : `${date} ${hour.padStart(2, '0')}:${minute}:${second ?? '00'}`;
}

function validParts(match: RegExpExecArray): boolean {
  const [, year, month, day, hour, minute, second] = match.map((part) => (part === undefined ? undefined : Number(part)));
  if (year === undefined || month === undefined || day === undefined || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return false;
  return hour === undefined || (hour < 24 && (minute ?? 0) < 60 && (second ?? 0) < 60);
}

/**
 * `gs.dateGenerate('2024-01-31','end')`: GlideSystem's date and time for a day,
 * its range `start`, `end` or `hh:mm:ss` (ServiceNowDocs c_GlideSystemAPI.md,
 * dateGenerate(String date, String range)). The script is the part after `javascript:`.
 */
const DATE_GENERATE = /^\s*gs\.dateGenerate\(\s*(['"])(\d{4}-\d{2}-\d{2})\1\s*,\s*(['"])(start|end|\d{2}:\d{2}:\d{2})\3\s*\)\s*;?\s*$/;

/** The `yyyy-MM-dd HH:mm:ss` a dateGenerate script gives, when its arguments are literal. */
export function dateGenerateValue(script: string): string | undefined {
  const match = DATE_GENERATE.exec(script);
  if (!match || !isDate(match[2]!)) return undefined;
  const range = match[4]!;
  return `${match[2]} ${range === 'start' ? '00:00:00' : range === 'end' ? '23:59:59' : range}`;
}

/** An argument of dateGenerate, quoted or bare (`2023-08-01`, `start`). */
const DATE_GENERATE_LOOSE = /^(\s*gs\.dateGenerate\(\s*)([^,()]*?)(\s*,\s*)([^,()]*?)(\s*\)\s*;?\s*)$/;
const QUOTED = /^(['"]).*\1$/;

/**
 * `gs.dateGenerate(2023-08-01,start)`, as a tool that strips quotes leaves it
 * (found so in public code): the script computes 2023-8-1 and looks up a
 * variable `start`, so it gives no date. The script with its arguments
 * quoted, or undefined when they are.
 */
export function quotedDateGenerate(script: string): string | undefined {
  if (!script.includes('dateGenerate')) return undefined;
  const match = DATE_GENERATE_LOOSE.exec(script);
  if (!match) return undefined;
  const [, open, date, comma, range, close] = match as unknown as [string, string, string, string, string, string];
  const dateQuoted = QUOTED.test(date);
  const rangeQuoted = QUOTED.test(range);
  // Only a bare date or range word is a lost quote; anything else may be an expression.
  if ((dateQuoted && rangeQuoted) || (!dateQuoted && !BARE_DATE.test(date)) || (!rangeQuoted && !BARE_RANGE.test(range))) return undefined;
  return `${open}'${dateQuoted ? date.slice(1, -1) : date}'${comma}'${rangeQuoted ? range.slice(1, -1) : range}'${close}`;
}

const BARE_DATE = /^\d{4}-\d{1,2}-\d{1,2}$/;
const BARE_RANGE = /^(?:start|end|\d{1,2}:\d{2}:\d{2})$/;

/** Units of relative date operators; the condition builder writes days as `dayofweek` (`@dayofweek@ago@7`). */
export const DATE_UNITS = ['second', 'minute', 'hour', 'day', 'dayofweek', 'week', 'month', 'quarter', 'year'];

/** Directions of RELATIVExx (`@hour@ago@1`) and of MORETHAN/LESSTHAN (`activity_due@day@before@1`). */
export const RELATIVE_DIRECTIONS = ['ago', 'ahead'];
export const DISTANCE_DIRECTIONS = ['before', 'after'];

/** `hours` → `hour`, `Day` → `day`. */
export function repairUnit(value: string): string | undefined {
  const lower = value.trim().toLowerCase();
  const singular = lower.endsWith('s') ? lower.slice(0, -1) : lower;
  return DATE_UNITS.includes(singular) ? singular : undefined;
}
