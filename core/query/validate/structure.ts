/**
 * Checks that need no metadata: operator spellings, condition-only
 * operators, missing or unexpected values, the micro-syntax parts
 * (units, directions, counts), list hygiene and style.
 */
import type { Condition, Leaf, List, Scalar, Value } from '../ast';
import type { Diagnostic } from '../diagnostics';
import { matchOperator, operatorInfo, SPELLINGS } from '../operators';
import { OPAQUE } from '../scan';
import { DATE_UNITS, dateGenerateValue, DISTANCE_DIRECTIONS, isNumber, isSysId, quotedDateGenerate, RELATIVE_DIRECTIONS, repairUnit } from './literals';

const spellingKinds = new Map(SPELLINGS.map((spelling) => [spelling.raw, spelling.kind]));

/**
 * `longitude,latitude<radius` of DISTANCE_SPHERE_WITHIN: decimal constants, `<` the
 * required delimiter (ServiceNowDocs geopoint-dev-guide.md); a geopoint may be
 * written in parentheses and with a space after the comma.
 */
const GEO_RADIUS = /^\(?-?\d{1,3}(?:\.\d{1,15})?, ?-?\d{1,3}(?:\.\d{1,15})?\)?<\d{1,15}(?:\.\d{1,15})?$/;

export function checkConditionShape(condition: Condition, out: Diagnostic[]): void {
  const { operator, field } = condition;
  const trimmed = field.raw.trim();
  if (trimmed !== field.raw && trimmed !== '') {
    out.push({ severity: 'warning', code: 'style.whitespace', start: field.start, end: field.end, suggestion: trimmed,
      message: `The field "${field.raw}" has spaces around it; ServiceNow does not trim them, so the field is not found.` });
  }
  if (operator.name === null) return;
  const kind = spellingKinds.get(operator.raw);
  if (kind === 'variant') {
    out.push({ severity: 'warning', code: 'operator.variant', start: operator.start, end: operator.end, suggestion: operator.name,
      message: `${operator.raw} is a spelling ServiceNow's own sources disagree about; write ${operator.name}.` });
  } else if (kind === 'alias' && !urlEncodedPercent(condition)) {
    out.push({ severity: 'info', code: 'style.operator-alias', start: operator.start, end: operator.end, suggestion: operator.name,
      message: `${operator.raw} is a short alias of ${operator.name}; ${operator.name} says what it does.` });
  }
  const info = operatorInfo(operator.name);
  if (info.conditionOnly) {
    // CHANGESTO x asks for records that now hold x: `=` is the query for that.
    out.push({ severity: 'error', code: 'operator.condition-only', start: operator.start, end: operator.end,
      ...(operator.name === 'CHANGESTO' ? { suggestion: '=' } : {}),
      message: operator.name === 'MATCH_PAT' || operator.name === 'MATCH_RGX'
        ? `${operator.name} is one of the operators ServiceNow's condition builder evaluates itself, with VALCHANGES (business rules, notifications), not the database: a Table API query cannot use it. To search text, use LIKE or STARTSWITH.`
        : `${operator.name} only means something in conditions evaluated when a record changes (business rules, notifications); a Table API query cannot use it${operator.name === 'CHANGESTO' ? '. To find records that hold the value now, use =' : ''}.` });
  }
  const { value } = condition;
  if (info.value === 'none') {
    if (value && value.end > value.start) {
      out.push({ severity: 'warning', code: 'value.unexpected', start: value.start, end: value.end, suggestion: '',
        message: `${operator.name} takes no value; "${condition.value && 'raw' in value ? value.raw : ''}" after it is ignored or breaks the condition.` });
    }
    return;
  }
  if (!value || isEmpty(value)) {
    if (info.needsValue) {
      out.push({ severity: 'error', code: 'value.missing', start: operator.start, end: condition.end, message: missingMessage(operator.name) });
    } else if (operator.name === '=') {
      out.push({ severity: 'info', code: 'style.empty-equals', start: operator.start, end: condition.end, suggestion: 'ISEMPTY',
        message: `${field.raw}= matches records where ${field.raw} is empty; ISEMPTY says so more clearly.` });
    }
    return;
  }
  checkValueShape(condition, value, out);
}

/** `active%3Dtrue`: the `%` is a URL-encoded "=" (reported as such), not the ENDSWITH alias. */
function urlEncodedPercent(condition: Condition): boolean {
  const value = condition.value;
  return condition.operator.raw === '%' && value !== undefined && (value.type === 'Scalar' || value.type === 'Script') && /^[0-9A-Fa-f]{2}/.test(value.raw);
}

function checkValueShape(condition: Condition, value: Value, out: Diagnostic[]): void {
  switch (value.type) {
    case 'Scalar':
      checkScalarText(value, out);
      // DYNAMIC takes a dynamic filter option's sys_id, several for list fields (`DYNAMICa,b`).
      if (condition.operator.name === 'DYNAMIC' && !value.raw.includes(OPAQUE) && !value.raw.split(',').every(isSysId)) {
        out.push({ severity: 'error', code: 'value.sys-id', start: value.start, end: value.end,
          message: `DYNAMIC needs the sys_id of a dynamic filter option (sys_filter_option_dynamic), 32 hexadecimal characters; "${value.raw}" is not one.` });
      }
      if (condition.operator.name === 'DISTANCE_SPHERE_WITHIN' && !value.raw.includes(OPAQUE) && !GEO_RADIUS.test(value.raw)) {
        out.push({ severity: 'error', code: 'value.malformed', start: value.start, end: value.end,
          message: `DISTANCE_SPHERE_WITHIN needs longitude,latitude<radius in meters, e.g. -0.189937,51.473584<1000000 (the < is required and the only delimiter allowed); "${value.raw}" is not that.` });
      }
      return;
    case 'List':
      checkList(value, out);
      return;
    case 'Script':
      checkScript(value, out);
      return;
    case 'Range':
      checkScript(value.from, out);
      checkScript(value.to, out);
      checkRangeOrder(value.from, value.to, value.start, value.end, out);
      return;
    case 'DateOn':
      checkScript(value.from, out);
      checkScript(value.to, out);
      return;
    case 'DatePart':
      if (value.expression.type !== 'Script') {
        out.push({ severity: 'error', code: 'value.malformed', start: value.expression.start, end: value.expression.end,
          message: "DATEPART needs a javascript:gs.datePart(...) expression after the @, e.g. Monday@javascript:gs.datePart('dayofweek','monday','EE')." });
      }
      return;
    case 'Relative':
      checkUnit(value.unit, out);
      checkWord(value.direction, RELATIVE_DIRECTIONS, out);
      if (isNegativeCount(value.amount)) {
        checkNegativeRelative(value.direction, value.amount, out);
      } else {
        checkCount(value.amount, out);
      }
      return;
    case 'FieldDistance':
      checkUnit(value.unit, out);
      checkWord(value.direction, DISTANCE_DIRECTIONS, out);
      checkCount(value.amount, out);
      return;
    case 'FieldComparison':
      if (value.unit) checkUnit(value.unit, out);
      return;
    default:
      return;
  }
}

/** `ORDERBYDESCopened_at` at the end of a value: a sort directive glued on without its `^`. */
const GLUED_ORDER = /^ORDERBY(?:DESC)?[a-z_][a-z0-9_.]{0,79}$/;

function checkScalarText(value: Scalar, out: Diagnostic[]): void {
  const order = value.raw.lastIndexOf('ORDERBY');
  if (order > 0 && GLUED_ORDER.test(value.raw.slice(order))) {
    const at = value.start + order;
    out.push({ severity: 'warning', code: 'syntax.missing-separator', start: at, end: at, suggestion: '^',
      message: `${value.raw.slice(order)} is glued to the value without a ^ before it: the records are not sorted, and the value compared ends with "${value.raw.slice(order)}".` });
  }
  const ampersand = ampersandJoin(value.raw);
  if (ampersand >= 0) {
    out.push({ severity: 'warning', code: 'syntax.ampersand', start: value.start + ampersand, end: value.start + ampersand + 1, suggestion: '^',
      message: 'Conditions are joined with ^, not &: here & is part of the value, so the next "condition" is never applied.' });
  }
  const trimmed = value.raw.trim();
  // trim() also drops U+FEFF, which has its own finding (syntax.invisible-character).
  if (trimmed !== value.raw && trimmed !== '' && value.raw.replaceAll('\ufeff', '') !== trimmed) {
    out.push({ severity: 'info', code: 'style.whitespace', start: value.start, end: value.end, suggestion: trimmed,
      message: `The value "${value.raw}" has spaces around it; ServiceNow compares them literally.` });
  }
}

/** Position of an `&` that is followed by something that reads like a condition (`&priority=1`). */
function ampersandJoin(raw: string): number {
  let index = raw.indexOf('&');
  while (index >= 0) {
    let end = index + 1;
    while (end < raw.length && /[a-z0-9_.]/.test(raw.charAt(end))) end++;
    if (end > index + 1 && matchOperator(raw, end) && !raw.startsWith('sysparm_', index + 1)) return index;
    index = raw.indexOf('&', index + 1);
  }
  return -1;
}

function checkList(list: List, out: Diagnostic[]): void {
  if (list.items.length === 1 && list.items[0]!.type === 'Script') return;
  const raws = list.items.map((item) => item.raw);
  const cleaned = raws.map((raw) => raw.trim()).filter((raw) => raw !== '');
  if (cleaned.length !== raws.length || cleaned.some((raw, index) => raw !== raws[index])) {
    out.push({ severity: 'warning', code: 'value.list', start: list.start, end: list.end, suggestion: cleaned.join(','),
      message: 'Write the list without empty items and without spaces around the commas: ServiceNow compares each item literally.' });
  }
}

/** `javascript:gs.dateGenerate(2023-08-01,start)`: quotes lost on the way, so the script gives no date. */
function checkScript(leaf: Leaf, out: Diagnostic[]): void {
  if (leaf.type !== 'Script') return;
  const quoted = quotedDateGenerate(leaf.script);
  if (quoted === undefined) return;
  out.push({ severity: 'error', code: 'value.malformed', start: leaf.start, end: leaf.end, suggestion: `javascript:${quoted}`,
    message: `gs.dateGenerate takes its date and range as quoted strings: written bare, a date is read as a subtraction (2023-08-01 is 2014) and start or end as a variable name, so ${leaf.script.trim()} gives no date. Write ${quoted.trim()}.` });
}

function checkRangeOrder(from: Leaf, to: Leaf, start: number, end: number, out: Diagnostic[]): void {
  let above: boolean;
  let range = `${from.raw}@${to.raw}`;
  if (from.type === 'Script' && to.type === 'Script') {
    // Two literal gs.dateGenerate(...) bounds give the dates they name.
    const first = dateGenerateValue(from.script);
    const last = dateGenerateValue(to.script);
    above = first !== undefined && last !== undefined && first > last;
    range = `${first} to ${last}`;
  } else if (from.type === 'Scalar' && to.type === 'Scalar') {
    const numeric = isNumber(from.raw) && isNumber(to.raw);
    above = numeric ? Number(from.raw) > Number(to.raw) : from.raw.length === to.raw.length && /^\d{4}-/.test(from.raw) && from.raw > to.raw;
  } else {
    return;
  }
  if (above) {
    out.push({ severity: 'warning', code: 'value.range-order', start, end, suggestion: `${to.raw}@${from.raw}`,
      message: `The range ${range} starts above its end, so it matches nothing; swap the bounds.` });
  }
}

function checkUnit(unit: Scalar, out: Diagnostic[]): void {
  if (DATE_UNITS.includes(unit.raw) || unit.raw.includes(OPAQUE)) return;
  const repaired = repairUnit(unit.raw);
  out.push({ severity: 'error', code: 'value.malformed', start: unit.start, end: unit.end, ...(repaired ? { suggestion: repaired } : {}),
    message: `"${unit.raw}" is not a date unit; use one of ${DATE_UNITS.join(', ')}.` });
}

function checkWord(word: Scalar, allowed: string[], out: Diagnostic[]): void {
  if (allowed.includes(word.raw) || word.raw.includes(OPAQUE)) return;
  const lower = word.raw.trim().toLowerCase();
  out.push({ severity: 'error', code: 'value.malformed', start: word.start, end: word.end, ...(allowed.includes(lower) ? { suggestion: lower } : {}),
    message: `"${word.raw}" must be ${allowed.join(' or ')}.` });
}

function checkCount(count: Scalar, out: Diagnostic[]): void {
  if (/^\d{1,9}$/.test(count.raw) || count.raw.includes(OPAQUE)) return;
  out.push({ severity: 'error', code: 'value.malformed', start: count.start, end: count.end,
    message: `"${count.raw}" must be a whole number (how many units).` });
}

function isNegativeCount(count: Scalar): boolean {
  return count.raw.charCodeAt(0) === 45 /* - */ && /^-\d{1,9}$/.test(count.raw);
}

/**
 * `@hour@ago@-24`: a negative count turns the direction round ("Returns the
 * timestamp of 24 hours from now", a public Grafana ServiceNow data source's
 * query help); ServiceNow's own docs only show positive counts, and the other
 * direction says the same without a sign.
 */
function checkNegativeRelative(direction: Scalar, count: Scalar, out: Diagnostic[]): void {
  const opposite = direction.raw === 'ago' ? 'ahead' : direction.raw === 'ahead' ? 'ago' : undefined;
  if (!opposite) return;
  const amount = count.raw.slice(1);
  out.push({ severity: 'info', code: 'style.negative-count', start: direction.start, end: count.end, suggestion: `${opposite}@${amount}`,
    message: `${direction.raw}@${count.raw} counts the other way, ${opposite} ${amount}; ServiceNow's documentation only shows positive counts, so write ${opposite}@${amount}.` });
}

function isEmpty(value: Value): boolean {
  if (value.type === 'Scalar' || value.type === 'Script') return value.raw === '';
  if (value.type === 'List') return value.items.every((item) => item.raw === '');
  return value.start === value.end;
}

function missingMessage(operator: string): string {
  if (operator === 'LIKE' || operator === 'STARTSWITH' || operator === 'ENDSWITH') {
    return `${operator} with an empty value matches every record: add the text to look for.`;
  }
  if (operator === 'NOT LIKE') return 'NOT LIKE with an empty value matches no record: add the text to exclude.';
  return `${operator} needs a value after it.`;
}
