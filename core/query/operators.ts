/**
 * Every encoded-query operator: its spellings, the value micro-syntax it
 * takes and how the explanation words it. Sources: ServiceNow docs
 * r_OpAvailableFiltersQueries (operators by field type, aliases `*` `!*` `%`),
 * the SDK encoded-query guide (`NOTLIKE`), the MobileGlideRecord API docs (`ISEMPTYSTRING`, `IN_FIELD`), servicenow.itsm (`RELATIVEGE/LE/EE`,
 * `EMPTY` vs `ISEMPTY`), GlideQuery.parse (`CONTAINS`, `DOES NOT CONTAIN`),
 * the GlideGeoPoint developer guide (`DISTANCE_SPHERE_WITHIN`), ServiceNow's
 * condition builder script condition_global_variables14.js (`MATCH_PAT`, `MATCH_RGX`).
 */
import type { OperatorName } from './ast';

/** Which micro-syntax the value of a condition follows. */
export type ValueSyntax =
  | 'none' // ISEMPTY, ANYTHING...
  | 'scalar' // =, LIKE, DYNAMIC...
  | 'list' // IN, NOT IN: a,b,c
  | 'range' // BETWEEN: a@b
  | 'dateOn' // ON, NOTON: label@start@end
  | 'datePart' // DATEPART: label@expression
  | 'relative' // RELATIVEGT: @unit@ago|ahead@n
  | 'fieldComparison' // SAMEAS, GT_FIELD: field[@unit]
  | 'fieldDistance'; // MORETHAN, LESSTHAN: field@unit@before|after@n

export interface OperatorInfo {
  name: OperatorName;
  value: ValueSyntax;
  /** How the explanation words it ("is", "contains", "is one of"). */
  phrase: string;
  /** Wording on date fields, when it differs ("before", "after"). */
  datePhrase?: string;
  /** Only meaningful in conditions evaluated on record changes (not in a Table API query). */
  conditionOnly?: boolean;
  /** An empty value makes the condition match every record or none. */
  needsValue: boolean;
}

const info = (name: OperatorName, value: ValueSyntax, phrase: string, extra: Partial<OperatorInfo> = {}): OperatorInfo => ({
  name,
  value,
  phrase,
  needsValue: value !== 'none' && value !== 'scalar',
  ...extra
});

export const OPERATORS: readonly OperatorInfo[] = [
  info('=', 'scalar', 'is'),
  info('!=', 'scalar', 'is not'),
  info('<', 'scalar', 'is less than', { datePhrase: 'before', needsValue: true }),
  info('<=', 'scalar', 'is at most', { datePhrase: 'at or before', needsValue: true }),
  info('>', 'scalar', 'is greater than', { datePhrase: 'after', needsValue: true }),
  info('>=', 'scalar', 'is at least', { datePhrase: 'at or after', needsValue: true }),
  info('LIKE', 'scalar', 'contains', { needsValue: true }),
  info('NOT LIKE', 'scalar', 'does not contain', { needsValue: true }),
  info('STARTSWITH', 'scalar', 'starts with', { needsValue: true }),
  info('ENDSWITH', 'scalar', 'ends with', { needsValue: true }),
  info('ISEMPTY', 'none', 'is empty'),
  info('ISNOTEMPTY', 'none', 'is not empty'),
  info('ANYTHING', 'none', 'is anything'),
  info('EMPTYSTRING', 'none', 'is empty string'),
  info('IN', 'list', 'is one of'),
  info('NOT IN', 'list', 'is not one of'),
  info('BETWEEN', 'range', 'is between'),
  info('SAMEAS', 'fieldComparison', 'is the same as'),
  info('NSAMEAS', 'fieldComparison', 'is different from'),
  info('GT_FIELD', 'fieldComparison', 'is greater than'),
  info('LT_FIELD', 'fieldComparison', 'is less than'),
  info('GT_OR_EQUALS_FIELD', 'fieldComparison', 'is greater than or equal to'),
  info('LT_OR_EQUALS_FIELD', 'fieldComparison', 'is less than or equal to'),
  // `assigned_toIN_FIELDwatch_list`: the value is among the other field's values (ServiceNowDocs MobileGlideRecordScopedAPI.md).
  info('IN_FIELD', 'fieldComparison', 'is one of the values of'),
  info('ON', 'dateOn', 'on'),
  info('NOTON', 'dateOn', 'not on'),
  info('DATEPART', 'datePart', 'trend on'),
  info('RELATIVEGT', 'relative', 'is after'),
  info('RELATIVELT', 'relative', 'is before'),
  info('RELATIVEGE', 'relative', 'is at or after'),
  info('RELATIVELE', 'relative', 'is at or before'),
  info('RELATIVEEE', 'relative', 'is on'),
  info('MORETHAN', 'fieldDistance', 'is more than'),
  info('LESSTHAN', 'fieldDistance', 'is less than'),
  info('DYNAMIC', 'scalar', 'is (dynamic)', { needsValue: true }),
  info('IN_HIERARCHY', 'scalar', 'is in the hierarchy of', { needsValue: true }),
  // `<hierarchy>%40<dynamic filter option>`: the hierarchy starting at, say, Me (r_OpAvailableFiltersQueries, reference fields).
  info('IN_HIERARCHY_DYNAMIC', 'scalar', 'is in the hierarchy (dynamic) of', { needsValue: true }),
  info('INSTANCEOF', 'scalar', 'is a', { needsValue: true }),
  info('VALCHANGES', 'none', 'changes', { conditionOnly: true }),
  info('CHANGESFROM', 'scalar', 'changes from', { conditionOnly: true }),
  info('CHANGESTO', 'scalar', 'changes to', { conditionOnly: true }),
  // ServiceNow's condition builder script (condition_global_variables14.js) offers these on strings and lists them with
  // VALCHANGES, CHANGESFROM and CHANGESTO as the operators it evaluates itself (`extopers`), not the database.
  info('MATCH_PAT', 'scalar', 'matches the pattern', { conditionOnly: true, needsValue: true }),
  info('MATCH_RGX', 'scalar', 'matches the regular expression', { conditionOnly: true, needsValue: true }),
  info('DOESNOTHAVE', 'scalar', 'does not have', { needsValue: true }),
  info('EXCLUDING', 'scalar', 'excludes', { needsValue: true }),
  // `geopointDISTANCE_SPHERE_WITHINlongitude,latitude<radius`, the radius in meters (ServiceNowDocs api-reference/developer-guides/geopoint-dev-guide.md).
  info('DISTANCE_SPHERE_WITHIN', 'scalar', 'is within', { needsValue: true })
];

/**
 * DATEPART's comparison is the last argument of its `gs.datePart(part, value, comparator)`
 * script; the condition builder words each (r_OpAvailableFiltersQueries, date-time fields).
 */
export const DATE_PART_PHRASES: Readonly<Record<string, string>> = {
  GE: 'trend on or after', LE: 'trend on or before', GT: 'trend after', LT: 'trend before', EE: 'trend on'
};

const byName = new Map<OperatorName, OperatorInfo>(OPERATORS.map((operator) => [operator.name, operator]));

/** The operator asked for last: each condition asks for its own several times over (parser, shape, types, explanation). */
let last: OperatorInfo = OPERATORS[0]!;

export function operatorInfo(name: OperatorName): OperatorInfo {
  if (last.name === name) return last;
  // Every OperatorName is in OPERATORS (checked by a test).
  const found = byName.get(name) as OperatorInfo;
  if (found) last = found;
  return found;
}

/** How a spelling relates to its operator. */
export type SpellingKind = 'canonical' | 'variant' | 'alias';

export interface Spelling {
  raw: string;
  name: OperatorName;
  kind: SpellingKind;
}

const variants: Array<[string, OperatorName, SpellingKind]> = [
  ['NOTLIKE', 'NOT LIKE', 'variant'],
  ['EMPTY', 'ISEMPTY', 'variant'],
  ['NOTEMPTY', 'ISNOTEMPTY', 'variant'],
  // ServiceNowDocs MobileGlideRecordScopedAPI.md (addEncodedQuery operators); read as ISEMPTY plus "STRING" it would mean "is empty".
  ['ISEMPTYSTRING', 'EMPTYSTRING', 'variant'],
  ['NOTIN', 'NOT IN', 'variant'],
  ['CONTAINS', 'LIKE', 'variant'],
  ['DOES NOT CONTAIN', 'NOT LIKE', 'variant'],
  ['*', 'LIKE', 'alias'],
  ['!*', 'NOT LIKE', 'alias'],
  ['%', 'ENDSWITH', 'alias']
];

export const SPELLINGS: readonly Spelling[] = [
  ...OPERATORS.map((operator): Spelling => ({ raw: operator.name, name: operator.name, kind: 'canonical' })),
  ...variants.map(([raw, name, kind]): Spelling => ({ raw, name, kind }))
];

/** Spellings by first character, longest first, so that `<=` wins over `<` and `ISNOTEMPTY` over `IN`. */
const byFirstChar = new Map<string, Spelling[]>();
for (const spelling of SPELLINGS) {
  const first = spelling.raw.charAt(0);
  const list = byFirstChar.get(first) ?? [];
  list.push(spelling);
  byFirstChar.set(first, list);
}
/** The same lists by character code for ASCII, where every spelling starts: the parser asks at every condition. */
const byFirstCode: (Spelling[] | undefined)[] = new Array<Spelling[] | undefined>(128);
for (const [first, list] of byFirstChar) {
  list.sort((a, b) => b.raw.length - a.raw.length);
  if (first.charCodeAt(0) < 128) byFirstCode[first.charCodeAt(0)] = list;
}

/** The longest operator spelling at `position`, if any. Constant time (bounded by the table). */
export function matchOperator(text: string, position: number): Spelling | undefined {
  const code = text.charCodeAt(position);
  const candidates = code < 128 ? byFirstCode[code] : byFirstChar.get(text.charAt(position));
  if (!candidates) {
    return undefined;
  }
  for (const spelling of candidates) if (text.startsWith(spelling.raw, position)) return spelling;
  return undefined;
}

/** Keyword spellings (letters), the candidates for a did-you-mean on an unknown operator. */
export const KEYWORD_SPELLINGS: readonly Spelling[] = SPELLINGS.filter((spelling) => /^[A-Z]/.test(spelling.raw));
