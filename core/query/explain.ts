/**
 * The query in plain words, like ServiceNow's condition breadcrumbs:
 * `active=true^priority=1^ORpriority=2^ORDERBYDESCsys_created_on` →
 * "Active is true and (Priority is 1 - Critical or Priority is 2 - High),
 * newest Created first". Labels and choice labels come from the metadata
 * when it has the table, else field names are humanized.
 */
import type { Clause, Condition, DateOn, FieldPath, Group, Leaf, Query, Term, TextQueryKind, Value } from './ast';
import type { Field, Metadata, Table } from '../metadata/model';
import { DATE_PART_PHRASES, operatorInfo } from './operators';
import { OPAQUE, TEXT_SEARCH_SCORE } from './scan';
import { familyOf } from './validate/field-types';
import { lookupField } from './validate/fields';
import { findChoice } from './validate/typed';
import { fieldType } from '../metadata/field-types';
import { periodWords } from './date-periods';
import { dynamicOption } from './dynamic-options';

export interface ExplainOptions {
  table?: string;
  metadata?: Metadata;
}

interface Scope {
  table: Table | undefined;
  metadata: Metadata | undefined;
}

export function explain(ast: Query, options: ExplainOptions): string {
  return explainWithItems(ast, options).explanation;
}

/**
 * The sentence and the same words as a list, for a long query, from one
 * walk: one item per condition of a query without ^NQ (they all must hold),
 * then its ordering. A query with ^NQ or one condition is one item, the
 * sentence.
 */
export function explainWithItems(ast: Query, options: ExplainOptions): { explanation: string; items: string[] } {
  const scope: Scope = { metadata: options.metadata, table: options.table === undefined ? undefined : options.metadata?.tables.get(options.table) };
  if (ast.script) {
    const explanation = `The records matching the query that the script ${ast.script.script} returns`;
    return { explanation, items: [explanation] };
  }
  const ordering: string[] = [];
  const groups = appliedGroups(ast.groups);
  const group = groups.length === 1 ? groups[0]! : undefined;
  if (!group) {
    const explanation = sentence(explainQuery(ast, scope, ordering), ordering);
    return { explanation, items: [explanation] };
  }
  const clauses: string[] = [];
  const { text } = explainGroup(group, scope, ordering, clauses);
  const explanation = sentence(text, ordering);
  return { explanation, items: clauses.length < 2 ? [explanation] : ordering.length === 0 ? clauses : clauses.concat(ordering) };
}

function sentence(filter: string, ordering: string[]): string {
  const head = filter === '' ? 'All records' : filter;
  return ordering.length === 0 ? head : `${head}, ${ordering.join(', then ')}`;
}

/** The filter part; ORDERBY/GROUPBY at this level are pushed to `ordering`. */
function explainQuery(query: Query, scope: Scope, ordering?: string[]): string {
  let text = '';
  let shown = 0;
  let firstText = '';
  let firstClauses = 0;
  for (const group of appliedGroups(query.groups)) {
    const words = explainGroup(group, scope, ordering);
    if (words.text === '') continue;
    shown++;
    if (shown === 1) {
      firstText = words.text;
      firstClauses = words.clauses;
      text = firstText;
    } else {
      if (shown === 2 && firstClauses > 1) text = `(${firstText})`;
      text += words.clauses > 1 ? ` or (${words.text})` : ` or ${words.text}`;
    }
  }
  return text;
}

/** RLQUERY and SUBQUERY join the query with AND whatever separator comes before them ("^ORRLQUERY and ^NQRLQUERY end up treated the same as ^RLQUERY", jamesamcgaha/supernow posts/querying-related-tables.md). */
function isAndOnly(term: Term): boolean {
  return term.type === 'RelatedListQuery' || term.type === 'SubQuery';
}

/** The groups as ServiceNow applies them: one that ^NQ opens with RLQUERY or SUBQUERY belongs to the group before it. */
function appliedGroups(groups: Group[]): Group[] {
  let merged: Group[] | undefined;
  for (let index = 1; index < groups.length; index++) {
    const group = groups[index]!;
    if (isAndOnly(group.clauses[0]!.terms[0]!)) {
      merged ??= groups.slice(0, index);
      const previous = merged[merged.length - 1]!;
      merged[merged.length - 1] = { ...previous, end: group.end, clauses: previous.clauses.concat(group.clauses) };
    } else if (merged) {
      merged.push(group);
    }
  }
  return merged ?? groups;
}

/** The group's clauses joined with "and"; `items`, when given, gets each clause's words as well. */
function explainGroup(group: Group, scope: Scope, ordering?: string[], items?: string[]): { text: string; clauses: number } {
  let text = '';
  let clauses = 0;
  let firstAlternatives = false;
  for (const clause of group.clauses) {
    const words = explainClause(clause, scope, ordering);
    if (words.terms === 0) continue;
    clauses++;
    items?.push(words.text);
    // Alternatives get parentheses once the group has a second clause.
    if (clauses === 1) {
      text = words.text;
      firstAlternatives = words.terms > 1;
    } else {
      if (clauses === 2 && firstAlternatives) text = `(${text})`;
      text += words.terms > 1 ? ` and (${words.text})` : ` and ${words.text}`;
    }
  }
  return { text, clauses };
}

/** The alternatives of a clause (`a^ORb`) joined with "or", and how many there are, so the group can decide on parentheses. */
function explainClause(clause: Clause, scope: Scope, ordering?: string[]): { text: string; terms: number } {
  let text = '';
  let terms = 0;
  let applied = '';
  for (const term of clause.terms) {
    const words = explainTerm(term, scope, ordering);
    if (words === '') continue;
    if (terms > 0 && isAndOnly(term)) {
      applied += ` and ${words}`;
      continue;
    }
    text = terms === 0 ? words : `${text} or ${words}`;
    terms++;
  }
  // `a^ORb^ORRLQUERY…`: (a or b) and the related-list condition; counted as alternatives so the group keeps it apart.
  if (applied !== '') return { text: `${terms > 1 ? `(${text})` : text}${applied}`, terms: 2 };
  return { text, terms };
}

function explainTerm(term: Term, scope: Scope, ordering?: string[]): string {
  switch (term.type) {
    case 'Condition':
      return explainCondition(term, scope);
    case 'OrderBy': {
      if (term.field.raw === TEXT_SEARCH_SCORE) {
        ordering?.push(`${term.descending ? 'best' : 'worst'} match first`);
        return '';
      }
      const label = fieldLabel(term.field, scope);
      const date = isDateField(term.field, scope);
      ordering?.push(date ? `${term.descending ? 'newest' : 'oldest'} ${label} first` : `sorted by ${label}${term.descending ? ' descending' : ''}`);
      return '';
    }
    case 'GroupBy':
      ordering?.push(term.trend
        ? `trended by ${fieldLabel(term.field, scope)}${term.interval && term.interval.text !== '' ? ` per ${term.interval.text}` : ''}`
        : `grouped by ${fieldLabel(term.field, scope)}`);
      return '';
    case 'TextQuery':
      return term.kind === 'TEXTINDEXGROUP' ? `in the text index group ${term.value.text}` : `matching ${TEXT_SEARCHES[term.kind][0]} "${term.value.text}"${TEXT_SEARCHES[term.kind][1]}`;
    case 'RelatedListQuery': {
      const related = nested(scope, term.table.name);
      const where = term.conditions ? explainQuery(term.conditions, related) : '';
      return `with ${COUNTS[term.comparator] ?? term.comparator} ${term.count.raw} ${tableLabel(term.table.name, scope)} record${term.count.raw === '1' ? '' : 's'} (by ${term.field.name})${where ? ` where ${where}` : ''}`;
    }
    case 'SubQuery': {
      const sub = nested(scope, term.table.name);
      const where = term.conditions ? explainQuery(term.conditions, sub) : '';
      return `${nameLabel(term.field.name, scope)} is the ${nameLabel(term.joinField.name, sub)} of a ${tableLabel(term.table.name, scope)} record${where ? ` where ${where}` : ''}`;
    }
    case 'Join': {
      const joined = nested(scope, term.right.table.name);
      const where = term.conditions ? explainQuery(term.conditions, joined) : '';
      const left = nameLabel(term.left.field.name, nested(scope, term.left.table.name));
      return `joined with ${tableLabel(term.right.table.name, scope)} (${left} = ${nameLabel(term.right.field.name, joined)})${where ? ` where ${where}` : ''}`;
    }
    case 'Invalid':
      return term.raw.includes(OPAQUE) ? '(a condition computed at runtime)' : `(unreadable: ${term.raw})`;
    default:
      return '';
  }
}

/** Which of the search terms a record must contain, by text search (ast.ts TextQuery): the words before and after the terms. */
const TEXT_SEARCHES: Record<Exclude<TextQueryKind, 'TEXTINDEXGROUP'>, [string, string]> = {
  TEXTQUERY: ['the keywords', ''],
  IR_AND_QUERY: ['all the keywords', ''],
  IR_OR_QUERY: ['any of the keywords', ''],
  IR_AND_OR_QUERY: ['all the keywords', ' (else any of them)']
};

const COUNTS: Record<string, string> = { '>=': 'at least', '>': 'more than', '=': 'exactly', '<=': 'at most', '<': 'fewer than', '!=': 'other than' };

/**
 * Tag conditions `sys_tags.<tag>=<tag>`, `DOESNOTHAVE`, `EXCLUDING`, worded as
 * the docs' example outputs (r_OpAvailableFiltersQueries, "Operators available for tags").
 */
const TAG_PHRASES: Partial<Record<string, string>> = {
  '=': 'has the tag', DOESNOTHAVE: 'has a tag other than', EXCLUDING: 'does not have the tag'
};

const MISSING_FIELD = '(missing field)';

/** The comparator closing `gs.datePart('dayofweek','monday','GE')`. */
const DATE_PART_COMPARATOR = /^gs\.datePart\(.*,\s*'(GE|LE|GT|LT|EE)'\s*\)$/;

function explainTag(condition: Condition): string | undefined {
  const { field, operator, value } = condition;
  const phrase = operator.name === null ? undefined : TAG_PHRASES[operator.name];
  if (field.segments.length !== 2 || field.segments[0]!.name !== 'sys_tags' || !phrase || value?.type !== 'Scalar') return undefined;
  return `${phrase} ${opaque(value.text)}`;
}

function explainCondition(condition: Condition, scope: Scope): string {
  const tag = explainTag(condition);
  if (tag) return tag;
  const { field, label: named } = describeField(condition.field, scope);
  const label = condition.field.raw === '' ? MISSING_FIELD : named;
  const { operator, value } = condition;
  if (operator.name === null) return `${label} ${operator.raw} ${value ? valueText(value, field, scope) : ''}`.trim();
  const info = operatorInfo(operator.name);
  // The type family only matters for operators worded differently on dates.
  const phrase = info.datePhrase && field && familyOf(field) === 'date' ? info.datePhrase : info.phrase;
  if (!value || info.value === 'none') return `${label} ${phrase}`;
  if ((operator.name === '=' || operator.name === '!=') && value.type === 'Scalar' && (value.text === '' || value.text === 'NULL')) {
    return `${label} ${operator.name === '=' ? 'is empty' : 'is not empty'}`;
  }
  // `<hierarchy>%40<start>`: a hierarchy definition and the record (or, for _DYNAMIC, the dynamic option) it starts at (r_OpAvailableFiltersQueries, reference fields).
  if ((operator.name === 'IN_HIERARCHY' || operator.name === 'IN_HIERARCHY_DYNAMIC') && value.type === 'Scalar' && /^[^%]+%40[^%]+$/.test(value.text)) {
    const [hierarchy, start] = value.text.split('%40') as [string, string];
    const from = operator.name === 'IN_HIERARCHY_DYNAMIC' ? `the dynamic option ${dynamicName(start)}` : opaque(start);
    return `${label} is in the hierarchy ${opaque(hierarchy)} starting at ${from}`;
  }
  if (operator.name === 'DATEPART' && value.type === 'DatePart' && value.expression.type === 'Script') {
    const comparator = DATE_PART_COMPARATOR.exec(value.expression.script)?.[1];
    if (comparator) return `${label} ${DATE_PART_PHRASES[comparator]} ${opaque(value.label.text)}`;
  }
  if (operator.name === 'DYNAMIC' && value.type === 'Scalar') {
    return `${label} ${phrase} ${value.text.split(',').map(dynamicName).join(', ')}`;
  }
  // `longitude,latitude<radius`, the radius in meters (ServiceNowDocs geopoint-dev-guide.md).
  if (operator.name === 'DISTANCE_SPHERE_WITHIN' && value.type === 'Scalar' && value.text.includes('<')) {
    const at = value.text.lastIndexOf('<');
    return `${label} is within ${opaque(value.text.slice(at + 1))} meters of ${opaque(value.text.slice(0, at))}`;
  }
  // INSTANCEOF takes the class and every class extending it (ServiceNowDocs c_UseTheINSTANCEOFOperator.md).
  if (operator.name === 'INSTANCEOF' && value.type === 'Scalar' && !value.text.includes(OPAQUE)) {
    const named = tableLabel(value.text, scope);
    return `${label} is ${named === value.text ? named : `${named} (${value.text})`} or a class extending it`;
  }
  // Choice labels only where the value is compared whole (`priority=1`, not `priorityLIKE1`).
  const choices = operator.name === '=' || operator.name === '!=' || info.value === 'list' ? field : undefined;
  const duration = field && fieldType(field.internalType).input === 'duration' ? field : undefined;
  return `${label} ${phrase} ${valueText(value, choices ?? duration, scope)}`;
}

function valueText(value: Value, field: Field | undefined, scope: Scope): string {
  switch (value.type) {
    case 'Scalar':
    case 'Script':
      return leafText(value, field);
    case 'List':
      // One script returns the whole list: "one of the results of …", not "one of the result of …".
      if (value.items.length === 1 && value.items[0]!.type === 'Script') return scriptWords(value.items[0]!, true) ?? `the results of ${value.items[0]!.script}`;
      return value.items.map((item) => leafText(item, field)).join(', ');
    case 'Range':
      return `${leafText(value.from, field)} and ${leafText(value.to, field)}`;
    case 'DateOn':
      return opaque(value.label.text) + dateOnRange(value);
    case 'DatePart':
      return opaque(value.label.text);
    case 'Relative': {
      // A negative count turns the direction round (`@hour@ago@-24` is 24 hours from now).
      const negative = value.amount.text.startsWith('-');
      const ahead = (value.direction.text === 'ahead') !== negative;
      return `${count(negative ? value.amount.text.slice(1) : value.amount.text, value.unit.text)} ${ahead ? 'from now' : 'ago'}`;
    }
    case 'FieldComparison':
      return `${fieldLabel(value.field, scope)}${value.unit ? ` (same ${value.unit.text})` : ''}`;
    case 'FieldDistance':
      return `${count(value.amount.text, value.unit.text)} ${value.direction.text} ${fieldLabel(value.field, scope)}`;
  }
}

/**
 * The label of `ON<label>@<start>@<end>` is only what the condition builder
 * shows; the start and end scripts decide the range. When they are
 * `gs.beginningOf<Period>()` and `gs.endOf<Period>()` of another period than
 * the label says (`This week@…beginningOfThisWeek()@…endOfNextWeek()`), the
 * range is spelled out.
 */
function dateOnRange(value: DateOn): string {
  const start = periodOf(value.from, 'beginningOf');
  const end = periodOf(value.to, 'endOf');
  if (start === undefined || end === undefined) return '';
  if (start === end && start === value.label.text.trim().toLowerCase()) return '';
  return ` (from the beginning of ${thePeriod(start)} to the end of ${thePeriod(end)})`;
}

/** A period in a sentence: `last 7 days` is "the last 7 days"; `last week` stays as it is. */
function thePeriod(words: string): string {
  return /^(last|next) \d/.test(words) ? `the ${words}` : words;
}

/** Compiled once: a query explanation is on the hot path of every check. */
const PERIOD_SCRIPTS = {
  beginningOf: /^gs\.beginningOf([A-Z][A-Za-z0-9]*)\(\)$/,
  endOf: /^gs\.endOf([A-Z][A-Za-z0-9]*)\(\)$/
};

/** `javascript:gs.beginningOfLast90Days()` → `last 90 days`. */
function periodOf(leaf: Leaf, prefix: keyof typeof PERIOD_SCRIPTS): string | undefined {
  if (leaf.type !== 'Script') return undefined;
  const match = PERIOD_SCRIPTS[prefix].exec(leaf.script.trim());
  return match ? periodWords(match[1]!) : undefined;
}

/** `gs.daysAgo(7)`, `gs.daysAgoStart(30)`, `gs.daysAgoEnd(0)` (ServiceNowDocs c_GlideSystemAPI.md). */
const DAYS_AGO = /^gs\.daysAgo(Start|End)?\((\d+)\)$/;

/**
 * What the GlideSystem scripts written for "me" give (ServiceNowDocs c_GlideSystemAPI.md: getUserID, getMyGroups),
 * as one value and as a list: `assignment_group=javascript:getMyGroups()` matches any of the groups.
 */
const USER_SCRIPTS: Record<string, [value: string, list: string]> = {
  'gs.getUserID()': ['the current user', 'the current user'],
  'gs.getUser().getMyGroups()': ["one of the current user's groups", "the current user's groups"],
  'getMyGroups()': ["one of the current user's groups", "the current user's groups"]
};

/** What a well-known GlideSystem script gives, in words (`the beginning of last week`, `the current user`), else undefined. */
function scriptWords(leaf: Leaf, asList = false): string | undefined {
  if (leaf.type === 'Script') {
    const script = leaf.script.trim();
    const user = USER_SCRIPTS[script.endsWith(';') ? script.slice(0, -1) : script];
    if (user) return user[asList ? 1 : 0];
  }
  return dateScriptWords(leaf);
}

/** The date-time a GlideSystem date script gives, in words (`the beginning of last week`), else undefined. */
function dateScriptWords(leaf: Leaf): string | undefined {
  const start = periodOf(leaf, 'beginningOf');
  if (start !== undefined) return `the beginning of ${thePeriod(start)}`;
  const end = periodOf(leaf, 'endOf');
  if (end !== undefined) return `the end of ${thePeriod(end)}`;
  if (leaf.type !== 'Script') return undefined;
  const days = DAYS_AGO.exec(leaf.script.trim());
  if (!days) return undefined;
  const ago = days[2] === '0' ? 'today' : days[2] === '1' ? 'yesterday' : `the day ${days[2]} days ago`;
  return days[1] === 'Start' ? `the beginning of ${ago}` : days[1] === 'End' ? `the end of ${ago}` : days[2] === '0' ? 'now' : `${count(days[2]!, 'day')} ago`;
}

function leafText(leaf: Leaf, field: Field | undefined): string {
  if (leaf.type === 'Script') return scriptWords(leaf) ?? `the result of ${leaf.script}`;
  if (leaf.text === '' || leaf.text === 'NULL') return 'empty';
  if (field && fieldType(field.internalType).input === 'duration') {
    const length = durationText(leaf.text);
    if (length) return length;
  }
  const choice = field ? findChoice(field, leaf.text) : undefined;
  return opaque(choice ? choice.label : leaf.text);
}

/**
 * A duration as the Table API writes it, a date-time counted from 1970-01-01
 * 00:00:00 (ServiceNowDocs c_TableAPI.md: `"calendar_duration": "1970-01-01 00:02:17"`),
 * in words: `1970-01-08 00:00:00` is 7 days.
 */
function durationText(text: string): string | undefined {
  const match = /^1970-01-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [days, hours, minutes, seconds] = [Number(match[1]) - 1, Number(match[2]), Number(match[3]), Number(match[4])];
  if (days < 0 || hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const parts = ([[days, 'day'], [hours, 'hour'], [minutes, 'minute'], [seconds, 'second']] as const)
    .filter(([amount]) => amount > 0).map(([amount, unit]) => count(String(amount), unit));
  return parts.length ? parts.join(' ') : 'no time';
}

/** A well-known dynamic filter option by its label (`Me`), any other by its sys_id. */
function dynamicName(sysId: string): string {
  return dynamicOption(sysId)?.label ?? opaque(sysId);
}

function opaque(text: string): string {
  return text.includes(OPAQUE) ? text.split(OPAQUE).join('(runtime value)') : text;
}

function count(amount: string, unit: string): string {
  const word = unit === 'dayofweek' ? 'day' : unit;
  return `${amount} ${word}${amount === '1' ? '' : 's'}`;
}

function resolveField(path: FieldPath, scope: Scope): Field | undefined {
  let table = scope.table;
  let field: Field | undefined;
  for (let index = 0; index < path.segments.length; index++) {
    const segment = path.segments[index]!;
    if (!table) return undefined;
    if (segment.name.startsWith('ref_') && index < path.segments.length - 1) {
      table = scope.metadata?.tables.get(segment.name.slice(4));
      continue;
    }
    field = lookupField(table, segment.name);
    if (!field) return undefined;
    table = field.reference ? scope.metadata?.tables.get(field.reference) : undefined;
  }
  return field;
}

/** Labels along the path (`Caller.Department`), humanized names where the metadata has none. */
function fieldLabel(path: FieldPath, scope: Scope): string {
  return path.raw === '' ? MISSING_FIELD : describeField(path, scope).label;
}

/** The path's field (undefined once a segment is unknown) and its label, walking the path once. */
function describeField(path: FieldPath, scope: Scope): { field: Field | undefined; label: string } {
  let table = scope.table;
  let label = '';
  let field: Field | undefined;
  let known = true;
  for (let index = 0; index < path.segments.length; index++) {
    const name = path.segments[index]!.name;
    // `task.ref_incident.caller_id`: the task read as an incident (validate/fields.ts resolvePath).
    if (name.startsWith('ref_') && index < path.segments.length - 1) {
      const downcast = name.slice(4);
      label = index === 0 ? tableLabel(downcast, scope) : `${label} (as ${tableLabel(downcast, scope)})`;
      table = scope.metadata?.tables.get(downcast);
      continue;
    }
    field = table ? lookupField(table, name) : undefined;
    known &&= field !== undefined;
    const part = field ? field.label : humanize(name, scope);
    label = index === 0 ? part : `${label}.${part}`;
    table = field?.reference ? scope.metadata?.tables.get(field.reference) : undefined;
  }
  return { field: known ? field : undefined, label: path.raw.includes(OPAQUE) ? opaque(label) : label };
}

/** A field named in a block header (no dot-walk): its label, else the name humanized. */
function nameLabel(name: string, scope: Scope): string {
  return (scope.table ? lookupField(scope.table, name)?.label : undefined) ?? humanize(name, scope);
}

function isDateField(path: FieldPath, scope: Scope): boolean {
  const field = resolveField(path, scope);
  if (field) return familyOf(field) === 'date';
  const last = path.segments[path.segments.length - 1]?.name ?? '';
  return /(_on|_at|_date|^date|_due)$/.test(last);
}

function humanize(name: string, scope: Scope): string {
  const system = scope.table ? undefined : lookupField(EMPTY_TABLE, name);
  if (system) return system.label;
  let words = humanized.get(name);
  if (words === undefined) {
    words = capitalize(name.replaceAll('_', ' ').trim());
    if (humanized.size >= 1000) humanized.clear();
    humanized.set(name, words);
  }
  return words;
}

/** Names the metadata does not know, in words, bounded: a query of another table has several, worded on every check. */
const humanized = new Map<string, string>();

function capitalize(words: string): string {
  const first = words.charCodeAt(0);
  if (first >= 97 && first <= 122) return String.fromCharCode(first - 32) + words.slice(1);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const EMPTY_TABLE: Table = { name: '', label: '', hierarchy: [], abstract: false, fields: [], primaryFields: [] };

function nested(scope: Scope, table: string): Scope {
  return { metadata: scope.metadata, table: scope.metadata?.tables.get(table) };
}

function tableLabel(name: string, scope: Scope): string {
  return scope.metadata?.tables.get(name)?.label ?? scope.metadata?.referenceTargets?.get(name)?.label ?? name;
}
