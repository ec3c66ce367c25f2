/**
 * Autocomplete for encoded queries: what may come at the caret, from the
 * parser's own reading of the text before it (no second grammar). The term
 * the caret ends is the one being typed: an `Invalid` term of name
 * characters is a field path without its operator yet, a `Condition` is at
 * its operator or its value, an `Empty` term starts a new condition.
 */
import type { Condition, FieldPath, Query, Term } from './ast';
import type { CheckOptions } from './index';
import type { Field, Table } from '../metadata/model';
import { OPERATORS, type OperatorInfo } from './operators';
import { parse } from './parser';
import { isNameChar, OPAQUE } from './scan';
import { familyOf, operatorMismatch, type TypeFamily } from './validate/field-types';
import { lookupField } from './validate/fields';
import { isClassField } from './validate/class-names';
import { DATE_UNITS, DISTANCE_DIRECTIONS, RELATIVE_DIRECTIONS } from './validate/literals';
import { fieldPath } from './values';
import { completeFeel } from './feel';
import { DATE_PERIODS, dateOnValue } from './date-periods';
import { DYNAMIC_OPTIONS } from './dynamic-options';
import { optionFits } from './validate/dynamic';

export type CompletionKind = 'field' | 'operator' | 'value' | 'separator' | 'keyword';

export interface Completion {
  kind: CompletionKind;
  /** What the list shows: a field name, an operator, a choice value. */
  label: string;
  /** The text that replaces `[start, end)`. */
  insert: string;
  /** A short explanation: the field's label and type, the operator in words, the choice's label. */
  detail: string;
  start: number;
  end: number;
}

export interface CompleteOptions extends CheckOptions {
  /** Offer the operators that only work in conditions on record changes (VALCHANGES, CHANGESTO...). */
  conditions?: boolean;
  /** At most this many suggestions (default 300). */
  limit?: number;
}

// A table of the SDK has up to a few hundred fields; the list scrolls.
const DEFAULT_LIMIT = 300;

const SEPARATORS: ReadonlyArray<[string, string]> = [
  ['^', 'and: add a condition every record must match'],
  ['^OR', 'or: the record may match this condition instead'],
  ['^NQ', 'new query: records matching either part'],
  ['^ORDERBY', 'then sort ascending by a field'],
  ['^ORDERBYDESC', 'then sort descending by a field']
];

const ORDER_KEYWORDS: ReadonlyArray<[string, string]> = [
  ['ORDERBY', 'sort ascending by a field'],
  ['ORDERBYDESC', 'sort descending by a field']
];

/**
 * The fixed words of the `@`-separated parts, by part index: `@hour@ago@1`
 * (RELATIVExx), `activity_due@day` (SAMEAS on dates), `activity_due@day@before@1`
 * (MORETHAN, LESSTHAN). Part 0 is the leading empty part or the other field.
 */
const MICRO_SYNTAX_WORDS: Partial<Record<string, ReadonlyArray<readonly string[]>>> = {
  relative: [[], DATE_UNITS, RELATIVE_DIRECTIONS],
  fieldComparison: [[], DATE_UNITS],
  fieldDistance: [[], DATE_UNITS, DISTANCE_DIRECTIONS]
};

const BOOLEAN_VALUES: ReadonlyArray<[string, string]> = [['true', 'true'], ['false', 'false']];

/**
 * Suggestions for the caret at `offset` in `query`, each with the range it
 * replaces. Never throws; ranges lie inside `[0, query.length]`. Without a
 * table or metadata only the separators and keywords are offered.
 */
export function complete(query: string, offset: number, options: CompleteOptions = {}): Completion[] {
  const caret = Math.max(0, Math.min(Math.trunc(Number.isFinite(offset) ? offset : query.length), query.length));
  const context = new Context(query, caret, options);
  const { ast } = parse(query.slice(0, caret));
  // Inside a query that is one script, the caret is in JavaScript: no field or operator fits there.
  if (ast.script) return [];
  const root = options.table ? context.table(options.table) : undefined;
  const found = termAtEnd(ast, caret, root, context);
  const list = found ? context.forTerm(found.term, found.table) : context.startOfTerm(root, true);
  return list.slice(0, options.limit ?? DEFAULT_LIMIT);
}

/** The innermost term ending at the caret, with the table its fields belong to. */
function termAtEnd(query: Query, caret: number, table: Table | undefined, context: Context): { term: Term; table: Table | undefined } | undefined {
  const group = query.groups[query.groups.length - 1];
  const clause = group?.clauses[group.clauses.length - 1];
  const term = clause?.terms[clause.terms.length - 1];
  if (!term || term.end !== caret) return undefined;
  if ((term.type === 'RelatedListQuery' || term.type === 'SubQuery') && term.conditions && !term.terminated) {
    return termAtEnd(term.conditions, caret, context.table(term.table.name), context);
  }
  if (term.type === 'Join' && term.conditions) return termAtEnd(term.conditions, caret, context.table(term.right.table.name), context);
  return { term, table };
}

class Context {
  constructor(private readonly text: string, private readonly caret: number, private readonly options: CompleteOptions) {}

  table(name: string): Table | undefined {
    return this.options.metadata?.tables.get(name);
  }

  forTerm(term: Term, table: Table | undefined): Completion[] {
    switch (term.type) {
      case 'Empty':
        return this.startOfTerm(table, true);
      case 'Invalid':
        return this.invalid(term.start, table);
      case 'OrderBy':
        // `ORDERBYD` is read as ORDERBY on a field "D": the user is typing ORDERBYDESC.
        if (!term.descending && term.field.raw !== '' && 'DESC'.startsWith(term.field.raw)) return this.keywords(term.start, this.text.slice(term.start, this.caret));
        return this.directiveField(term.field, table);
      case 'GroupBy':
        return this.directiveField(term.field, table);
      case 'Condition':
        return this.condition(term, table);
      default:
        return this.separators();
    }
  }

  /** The field of ORDERBY or GROUPBY; once it names one, what may follow. */
  private directiveField(path: FieldPath, table: Table | undefined): Completion[] {
    const fields = this.fieldNames(path, table, false);
    return this.resolve(path, table) ? fields.concat(this.separators()) : fields;
  }

  /** A new term: every field, and the ordering keywords. */
  startOfTerm(table: Table | undefined, keywords: boolean): Completion[] {
    const path = fieldPath(this.text, this.caret, this.caret);
    const fields = this.fieldNames(path, table, false);
    return keywords ? fields.concat(this.keywords(this.caret, '')) : fields;
  }

  /** Text without an operator yet: a field path being typed, or an uppercase keyword. */
  private invalid(start: number, table: Table | undefined): Completion[] {
    const written = this.text.slice(start, this.caret);
    if (written.includes(OPAQUE)) return [];
    if (/^[A-Z]+$/.test(written)) return this.keywords(start, written);
    // Names, dot-walks, or a label with spaces (the parser reads `Short descriptionLIKEx` too).
    if (!/^[\w .$]*$/.test(written)) return [];
    return this.fieldNames(fieldPath(this.text, start, this.caret), table, true);
  }

  private condition(condition: Condition, table: Table | undefined): Completion[] {
    const resolved = this.resolveWithTable(condition.field, table);
    const field = resolved?.field;
    const { operator } = condition;
    if (operator.name === null) return this.operators(field, operator.start, this.text.slice(operator.start, this.caret));
    const value = condition.value;
    const valueStart = value ? value.start : operator.end;
    const info = OPERATORS.find((each) => each.name === operator.name);
    const written = this.text.slice(valueStart, this.caret);
    const longer = this.longerOperators(field, operator.start, operator.raw, written);
    if (!info || info.value === 'none') return longer.length ? longer : this.separators();
    if (!field) return longer.length || written === '' ? longer : this.separators();
    if (info.value === 'list') {
      const itemStart = valueStart + written.lastIndexOf(',') + 1;
      const taken = new Set(written.split(','));
      return this.values(field, itemStart, this.text.slice(itemStart, this.caret), taken, resolved?.owner).concat(longer);
    }
    // SAMEAS, GT_FIELD, MORETHAN...: the value starts with the other field, a path from the same table (`sla_dueSAMEASactivity_due@day`).
    if ((info.value === 'fieldComparison' || info.value === 'fieldDistance') && /^[\w.]*$/.test(written)) {
      return this.fieldNames(fieldPath(this.text, valueStart, this.caret), table, false).concat(longer);
    }
    if (info.value === 'dateOn' && !written.includes('@')) return this.datePeriods(valueStart, written);
    const part = written.split('@').length - 1;
    const words = MICRO_SYNTAX_WORDS[info.value]?.[part];
    if (words?.length) return this.words(words, written.slice(written.lastIndexOf('@') + 1), part === 1 ? 'date unit' : 'direction');
    if (info.value !== 'scalar') return longer;
    const values = operator.name === 'DYNAMIC' ? this.dynamicOptions(field, valueStart, written) : this.values(field, valueStart, written, new Set(), resolved?.owner);
    if (values.length === 0 && written !== '' && longer.length) return longer;
    const exact = values.some((each) => each.insert === written);
    return (exact ? values.concat(this.separators()) : values.length || written === '' ? values : this.separators()).concat(longer);
  }

  /**
   * The parser takes the longest operator the text spells so far, so a longer
   * one being typed reads as a shorter one plus a value: `INS` is IN with the
   * value "S", `EMPTYS` is EMPTY followed by "S". Operators that continue what
   * is written, when the value so far could still be part of an operator name.
   */
  private longerOperators(field: Field | undefined, start: number, raw: string, written: string): Completion[] {
    if (!/^[A-Z_ ]*$/.test(written)) return [];
    return this.operators(field, start, raw + written).filter((each) => each.insert !== raw + written);
  }

  /** The field the path names, when every segment resolves. */
  private resolve(path: FieldPath, table: Table | undefined): Field | undefined {
    return this.resolveWithTable(path, table)?.field;
  }

  /** The field the path names and the table that holds it. */
  private resolveWithTable(path: FieldPath, table: Table | undefined): { field: Field; owner: Table } | undefined {
    let current = table;
    let found: { field: Field; owner: Table } | undefined;
    for (const segment of path.segments) {
      if (!current) return undefined;
      const field = lookupField(current, segment.name);
      if (!field) return undefined;
      found = { field, owner: current };
      current = field.reference && field.internalType !== 'glide_list' ? this.table(field.reference) : undefined;
    }
    return found;
  }

  /** The classes a record of `owner` can have (sys_class_name, INSTANCEOF): the table and the tables extending it. */
  private classes(owner: Table): Array<[string, string]> {
    const tables = [...(this.options.metadata?.tables.values() ?? [])].filter((each) => each.hierarchy.includes(owner.name));
    return tables.sort((a, b) => a.hierarchy.length - b.hierarchy.length || a.name.localeCompare(b.name)).map((each) => [each.name, each.label]);
  }

  /**
   * Fields for the last segment of `path`, in the table the earlier segments
   * walk to. A segment that already names a field also gets its operators
   * (first), as the next thing to type.
   */
  private fieldNames(path: FieldPath, root: Table | undefined, operatorsAfter: boolean): Completion[] {
    const segments = path.segments;
    const last = segments[segments.length - 1]!;
    let table = root;
    for (const segment of segments.slice(0, -1)) {
      const field = table ? lookupField(table, segment.name) : undefined;
      table = field?.reference && field.internalType !== 'glide_list' ? this.table(field.reference) : undefined;
    }
    if (!table) return [];
    const written = last.name;
    const end = this.wordEnd(last.start + written.length);
    const matches = rankFields(table, written).map((field): Completion => ({
      kind: 'field', label: field.element, insert: field.element, detail: fieldDetail(field), start: last.start, end
    }));
    const exact = written === '' ? undefined : lookupField(table, written);
    if (!operatorsAfter || !exact) return matches;
    return this.operators(exact, this.caret, '').concat(matches.filter((each) => each.insert !== written));
  }

  /** Operators valid for the field's type (all of them without a known field), matching what is written. */
  private operators(field: Field | undefined, start: number, written: string): Completion[] {
    const family: TypeFamily = field ? familyOf(field) : 'other';
    return OPERATORS
      .filter((operator) => (this.options.conditions || !operator.conditionOnly) && (!field || operatorMismatch(operator.name, field, family) === undefined))
      .filter((operator) => operator.name.startsWith(written))
      .map((operator): Completion => ({ kind: 'operator', label: operator.name, insert: operator.name, detail: phrase(operator, family), start, end: this.caret }));
  }

  /** Choice values (with their labels) or true/false, matching the value or the label. */
  private values(field: Field, start: number, written: string, taken: Set<string>, owner?: Table): Completion[] {
    const end = this.valueEnd(this.caret);
    const family = familyOf(field);
    const options: Array<[string, string]> = family === 'boolean'
      ? [...BOOLEAN_VALUES]
      : owner && isClassField(field.internalType) ? this.classes(owner)
      : [...field.choices].filter((choice) => !choice.inactive).sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0)).map((choice) => [choice.value, choice.label]);
    const lower = written.toLowerCase();
    return options
      .filter(([value, label]) => (!taken.has(value) || value === written) && (value.toLowerCase().startsWith(lower) || startsAWord(label.toLowerCase(), lower)))
      .map(([value, label]): Completion => ({ kind: 'value', label: value, insert: value, detail: label, start, end }));
  }

  /** The well-known dynamic filter options whose records the reference field holds (Me, One of My Groups...), by label or sys_id. */
  private dynamicOptions(field: Field, start: number, written: string): Completion[] {
    const { metadata } = this.options;
    const target = field.reference;
    if (!metadata || target === undefined) return [];
    const lower = written.toLowerCase();
    const end = this.valueEnd(this.caret);
    return [...DYNAMIC_OPTIONS].filter(([sysId, option]) => optionFits(option, target, metadata) && (sysId.startsWith(lower) || startsAWord(option.label.toLowerCase(), lower)))
      .map(([sysId, option]): Completion => ({ kind: 'value', label: option.label, insert: sysId, detail: `dynamic filter option ${option.label} (${sysId})`, start, end }));
  }

  /** Whole `ON` values for the documented periods whose label starts with what is written (`Today@javascript:gs.beginningOfToday()@…`). */
  private datePeriods(start: number, written: string): Completion[] {
    const lower = written.toLowerCase();
    return DATE_PERIODS.map((period) => ({ period, ...dateOnValue(period) })).filter(({ label }) => label.toLowerCase().startsWith(lower))
      .map(({ period, label, value }): Completion => ({ kind: 'value', label, insert: value, detail: `gs.beginningOf${period}() to gs.endOf${period}()`, start, end: this.valueEnd(this.caret) }));
  }

  /** The fixed words of a value's micro-syntax (a date unit, ago/ahead) matching what is written of the current part. */
  private words(words: readonly string[], written: string, detail: string): Completion[] {
    const start = this.caret - written.length;
    return words.filter((word) => word.startsWith(written))
      .map((word): Completion => ({ kind: 'value', label: word, insert: word, detail, start, end: this.valueEnd(this.caret) }));
  }

  private separators(): Completion[] {
    return SEPARATORS.map(([insert, detail]): Completion => ({ kind: 'separator', label: insert, insert, detail, start: this.caret, end: this.caret }));
  }

  private keywords(start: number, written: string): Completion[] {
    return ORDER_KEYWORDS.filter(([keyword]) => keyword.startsWith(written))
      .map(([insert, detail]): Completion => ({ kind: 'keyword', label: insert, insert, detail, start, end: this.caret }));
  }

  /** The rest of the name segment after the caret, replaced too (no dots: later segments stay). */
  private wordEnd(from: number): number {
    let end = Math.max(from, this.caret);
    while (end < this.text.length && isNameChar(this.text.charCodeAt(end)) && this.text.charCodeAt(end) !== 46) end++;
    return end;
  }

  /** The rest of the value after the caret, up to the next separator, list comma or `@`. */
  private valueEnd(from: number): number {
    let end = from;
    while (end < this.text.length && !'^,@'.includes(this.text.charAt(end))) end++;
    return end;
  }
}

/** Name prefix first, then a label word starting with it, then the name or label containing it; by name within each. */
function rankFields(table: Table, written: string): Field[] {
  const lower = written.toLowerCase();
  const ranked: Array<[number, Field]> = [];
  for (const field of table.fields) {
    const rank = fieldRank(field, lower);
    if (rank >= 0) ranked.push([rank, field]);
  }
  ranked.sort((a, b) => a[0] - b[0] || (a[1].element < b[1].element ? -1 : a[1].element > b[1].element ? 1 : 0));
  return ranked.map(([, field]) => field);
}

function fieldRank(field: Field, lower: string): number {
  if (lower === '' || field.element.startsWith(lower)) return 0;
  const label = field.label.toLowerCase();
  if (startsAWord(label, lower)) return 1;
  if (field.element.includes(lower) || label.includes(lower)) return 2;
  return -1;
}

function startsAWord(text: string, lower: string): boolean {
  return text.startsWith(lower) || text.includes(` ${lower}`);
}

function fieldDetail(field: Field): string {
  const type = field.reference ? `${field.internalType} to ${field.reference}` : field.internalType;
  return `${field.label} (${type})`;
}

function phrase(operator: OperatorInfo, family: TypeFamily): string {
  return family === 'date' && operator.datePhrase ? operator.datePhrase : operator.phrase;
}

/**
 * Completions for a `sysparm_query` value that may be FEEL (`="active=true^" + x`):
 * inside its string literals, offsets into the FEEL text. A value without
 * a leading `=` is a plain query; without `options.feel` a FEEL value gets nothing.
 */
export function completeFeelQuery(value: string, offset: number, options: CompleteOptions = {}): Completion[] {
  if (!value.startsWith('=')) return complete(value, offset, options);
  const caret = Math.max(0, Math.min(Math.trunc(Number.isFinite(offset) ? offset : value.length), value.length));
  if (!options.feel) return [];
  return completeFeel(value, caret, options.feel, (text, at) => complete(text, at, options));
}
