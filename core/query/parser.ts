/**
 * Recursive-descent parser for encoded queries. Never throws: any string
 * yields a tree (unreadable terms become `Invalid` nodes kept verbatim) and
 * diagnostics. Single forward pass with bounded look-ahead: linear time.
 */
import type { Clause, Condition, Group, Invalid, Join, Query, RelatedListQuery, Script, Span, SubQuery, Term, TextQueryKind } from './ast';
import type { Diagnostic, DiagnosticCode, Severity } from './diagnostics';
import { KEYWORD_SPELLINGS, matchOperator, operatorInfo, type Spelling } from './operators';
import { caretRun, escapedCarets, isAscendingPrefix, isInvisible, isLowerLetter, isScriptAt, isUpperLetter, nameEnd, OPAQUE, scriptEnd, TEXT_QUERY_KEYWORDS } from './scan';
import { allowedEdits, editDistance } from '../text/close-matches';
import { fieldPath, leaf, name, readValue, scalar } from './values';

interface OperatorGuess { spelling: Spelling; length: number; distance: number }

/** Guesses per written word: typos repeat within a query and across keystrokes. Bounded. */
const guesses = new Map<string, OperatorGuess | undefined>();

/** The operator a misspelt word most likely meant, and how much of the word it covers (`STARTSWTIHINC` → STARTSWITH, 10). */
function closestOperator(word: string): OperatorGuess | undefined {
  const key = word.slice(0, 24);
  if (guesses.has(key)) return guesses.get(key);
  let best: OperatorGuess | undefined;
  for (const spelling of KEYWORD_SPELLINGS) {
    if (spelling.raw.length < 4) continue;
    const max = allowedEdits(spelling.raw.length);
    for (const length of [spelling.raw.length, spelling.raw.length - 1, spelling.raw.length + 1]) {
      if (length > key.length) continue;
      const distance = editDistance(spelling.raw, key.slice(0, length), max);
      if (distance <= max && (!best || distance < best.distance)) {
        best = { spelling, length, distance };
      }
    }
  }
  best ??= truncatedOperator(key);
  if (guesses.size >= 1000) guesses.clear();
  guesses.set(key, best);
  return best;
}

/** `LIrestaurant`: the word is the start of exactly one operator (LIKE), cut short. */
function truncatedOperator(word: string): OperatorGuess | undefined {
  if (word.length < 2) return undefined;
  let found: Spelling | undefined;
  for (const spelling of KEYWORD_SPELLINGS) {
    if (spelling.raw.length <= word.length || !spelling.raw.startsWith(word)) continue;
    if (found) return undefined;
    found = spelling;
  }
  return found ? { spelling: found, length: word.length, distance: found.raw.length - word.length } : undefined;
}

export function parse(text: string): { ast: Query; diagnostics: Diagnostic[] } {
  const parser = new Parser(text);
  if (text === '') {
    return { ast: { type: 'Query', start: 0, end: 0, depth: 1, groups: [] }, diagnostics: [] };
  }
  // A query that is one script returns the query when it runs; a `^` inside its strings separates nothing yet.
  if (isScriptAt(text, 0)) return { ast: { type: 'Query', start: 0, end: text.length, depth: 1, groups: [], script: leaf(text, 0, text.length) as Script }, diagnostics: [] };
  const ast = parser.query(1, null);
  return { ast, diagnostics: parser.diagnostics };
}

const INVISIBLE_NAMES: Record<number, string> = { 0x200b: 'a zero-width space (U+200B)', 0x2060: 'a word joiner (U+2060)', 0xfeff: 'a zero-width no-break space (U+FEFF)' };

const TEXT_QUERIES = Object.entries(TEXT_QUERY_KEYWORDS) as Array<[TextQueryKind, string]>;
const BLOCK_ENDS = ['ENDRLQUERY', 'ENDSUBQUERY'] as const;
const DIRECTIVES = new Set(['OrderBy', 'GroupBy', 'EndOfQuery', 'RelatedListQuery', 'SubQuery', 'TextQuery']);

/** Blocks nest by recursion: a bound keeps any input (even 100 kB of SUBQUERY) from exhausting the stack. */
const MAX_NESTING = 64;

class Parser {
  position = 0;
  private nesting = 0;
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly text: string) {}

  /** A query at `depth` carets per separator, until the end, a shallower separator or `stop` (ENDRLQUERY...). */
  query(depth: number, stop: string | null): Query {
    const { text } = this;
    const start = this.position;
    const groups: Group[] = [];
    let clauses: Clause[] = [];
    let terms: Term[] = [];
    let groupStart = start;
    let clauseStart = start;
    let separatorStart = -1;
    let separatorEnd = -1;
    let lastEmptyReport = -1;
    let newGroup = false;
    for (;;) {
      const term = this.term(depth);
      // "^ORRLQUERY and ^NQRLQUERY end up treated the same as ^RLQUERY", likewise SUBQUERY (jamesamcgaha/supernow posts/querying-related-tables.md).
      if (newGroup && (term.type === 'RelatedListQuery' || term.type === 'SubQuery')) {
        this.report('warning', 'syntax.misplaced-directive', term,
          `${text.slice(term.start, Math.min(term.end, term.start + 20))}… cannot start a ^NQ alternative: ServiceNow applies it with AND (^) to the query before it anyway; write ^ instead of ^NQ.`);
      }
      terms.push(term);
      const termEnd = this.position;
      const run = caretRun(text, termEnd, depth + 1);
      const after = termEnd + depth;
      let kind: 'and' | 'or' | 'new' | 'end' = 'and';
      let nextEnd = after;
      if (termEnd >= text.length || run < depth || (stop !== null && run === depth && this.isKeywordTerm(after, stop))) {
        kind = 'end';
      } else if (text.startsWith('NQ', after)) {
        kind = 'new';
        nextEnd = after + 2;
      } else if (text.startsWith('OR', after) && !text.startsWith('ORDERBY', after)) {
        kind = 'or';
        nextEnd = after + 2;
      }
      if (term.type === 'Empty') {
        // Report the separator before the gap, or after it at the start; once per separator (`^` alone is one finding).
        const range = separatorStart >= 0 ? { start: separatorStart, end: separatorEnd } : kind === 'end' ? term : { start: termEnd, end: nextEnd };
        if (range.start !== lastEmptyReport) {
          this.reportEmpty(range, separatorStart < 0, kind === 'end', depth === 1 && separatorEnd - separatorStart === 1);
          lastEmptyReport = range.start;
        }
      }
      if (kind !== 'or') {
        clauses.push(this.clause(clauseStart, termEnd, terms));
        terms = [];
        clauseStart = nextEnd;
      }
      if (kind === 'new' || kind === 'end') {
        groups.push({ type: 'Group', start: groupStart, end: termEnd, clauses });
        clauses = [];
        groupStart = nextEnd;
      }
      if (kind === 'end') {
        return { type: 'Query', start, end: termEnd, depth, groups };
      }
      newGroup = kind === 'new';
      separatorStart = termEnd;
      separatorEnd = nextEnd;
      this.position = nextEnd;
    }
  }

  private clause(start: number, end: number, terms: Term[]): Clause {
    if (terms.length > 1) {
      for (const term of terms) {
        if (DIRECTIVES.has(term.type)) {
          const written = this.text.slice(term.start, Math.min(term.end, term.start + 20));
          this.report('warning', 'syntax.misplaced-directive', term, term.type === 'RelatedListQuery' || term.type === 'SubQuery'
            ? `${written}… cannot be an ^OR alternative: ServiceNow applies it with AND (^) anyway; write ^ before it.`
            : `${written}… is not a condition, so it cannot be an ^OR alternative; write it after a plain ^.`);
        }
      }
    }
    return { type: 'Clause', start, end, terms };
  }

  private reportEmpty(range: Span, leading: boolean, trailing: boolean, caret: boolean): void {
    // A last plain ^ changes nothing: ServiceNow/WorkArena's filter tests, run on live instances, list `…^description=x^` among the ways to write `…^description=x`.
    if (trailing && !leading && caret && range.start === this.text.length - 1) {
      this.report('info', 'syntax.empty-term', range, 'The query ends with a ^, which ServiceNow ignores: remove it.', '');
      return;
    }
    const message = leading && !trailing ? 'The query starts with a separator: remove it.'
      : trailing && !leading ? 'The query ends with a separator: remove it.'
        : 'Nothing between these separators: remove the extra separator.';
    this.report('warning', 'syntax.empty-term', range, message, '');
  }

  private term(depth: number): Term {
    const { text } = this;
    const start = this.position;
    const first = text.charCodeAt(start);
    if (start >= text.length || first === 94) {
      return { type: 'Empty', start, end: start };
    }
    // Every keyword starts with an uppercase letter or a digit: a lowercase start is a condition.
    if (isLowerLetter(first)) return this.condition(start, depth);
    if (text.startsWith('GOTO', start) && (text.startsWith('123TEXT', start + 4) || isLowerLetter(text.charCodeAt(start + 4)))) {
      return this.gotoTerm(start, depth);
    }
    if (text.startsWith('ORDERBYDESC', start)) return this.directive(start, 11, 'OrderBy', true, depth);
    if (text.startsWith('ORDERBY', start)) return this.directive(start, 7, 'OrderBy', false, depth);
    if (text.startsWith('GROUPBY', start)) return this.directive(start, 7, 'GroupBy', false, depth);
    if (text.startsWith('TRENDBY', start)) return this.trend(start);
    if (this.isKeywordTerm(start, 'EQ')) {
      this.position = start + 2;
      return { type: 'EndOfQuery', start, end: start + 2 };
    }
    for (const [kind, keyword] of TEXT_QUERIES) {
      if (text.startsWith(keyword, start)) {
        const valueStart = start + keyword.length;
        const end = this.valueEnd(valueStart, depth);
        this.position = end;
        return { type: 'TextQuery', start, end, kind, value: scalar(text, valueStart, end) };
      }
    }
    const block = text.startsWith('RLQUERY', start) ? 'RLQUERY' : text.startsWith('SUBQUERY', start) ? 'SUBQUERY' : text.startsWith('JOIN', start) ? 'JOIN' : undefined;
    if (block && this.nesting >= MAX_NESTING) {
      return this.malformed(start, this.valueEnd(start, depth), `${block} is nested more than ${MAX_NESTING} levels deep; the query cannot be checked beyond this point.`);
    }
    if (block) {
      this.nesting++;
      const term = block === 'RLQUERY' ? this.relatedListQuery(start, depth) : block === 'SUBQUERY' ? this.subQuery(start, depth) : this.join(start, depth);
      this.nesting--;
      return term;
    }
    for (const keyword of BLOCK_ENDS) {
      if (this.isKeywordTerm(start, keyword)) {
        this.position = start + keyword.length;
        const invalid = this.invalid(start, this.position);
        this.report('error', 'syntax.unexpected-end', invalid, `${keyword} closes nothing: there is no ${keyword.slice(3)} before it at this level.`);
        return invalid;
      }
    }
    return this.condition(start, depth);
  }

  /** `GOTO<condition>` / `GOTO123TEXTQUERY321=...`: the list "go to" prefix on a condition or text search. */
  private gotoTerm(start: number, depth: number): Term {
    this.position = start + 4;
    const inner = this.term(depth);
    if (inner.type === 'Condition' || inner.type === 'TextQuery') {
      inner.goto = true;
    } else if (inner.type === 'Invalid') {
      inner.raw = this.text.slice(start, inner.end);
    }
    inner.start = start;
    return inner;
  }

  /** `TRENDBY<field>,<interval>`: a trend report's grouping (ast.ts GroupBy). */
  private trend(start: number): Term {
    const fieldStart = start + 7;
    const end = this.nextCaret(fieldStart);
    this.position = end;
    const comma = this.text.indexOf(',', fieldStart);
    const fieldEnd = comma >= 0 && comma < end ? comma : end;
    if (fieldEnd === fieldStart) {
      this.report('error', 'syntax.missing-order-field', { start, end }, 'TRENDBY needs a date field right after it (TRENDBYsys_created_on,month).');
    }
    const term: Term = { type: 'GroupBy', start, end, field: fieldPath(this.text, fieldStart, fieldEnd), trend: true };
    if (fieldEnd < end) term.interval = scalar(this.text, fieldEnd + 1, end);
    return term;
  }

  private directive(start: number, length: number, type: 'OrderBy' | 'GroupBy', descending: boolean, depth: number): Term {
    const fieldStart = start + length;
    const end = this.nextCaret(fieldStart);
    this.position = end;
    const field = fieldPath(this.text, fieldStart, end);
    const keyword = this.text.slice(start, fieldStart);
    if (end === fieldStart) {
      this.report('error', 'syntax.missing-order-field', { start, end }, `${keyword} needs a field name right after it (ORDERBYnumber).`);
    } else if (type === 'OrderBy' && !descending && isAscendingPrefix(field.raw)) {
      this.report('warning', 'syntax.order-asc', { start, end },
        `ORDERBYASC is not a ServiceNow keyword: ORDERBY already sorts ascending, so "${field.raw}" is read as a field that does not exist and the records are not sorted.`,
        `ORDERBY${field.raw.slice(3)}`);
    } else if (field.raw.includes(',')) {
      // `ORDERBYname,element` is read as one field named "name,element", which does not exist.
      const fields = field.raw.split(',').filter((name) => name !== '');
      this.report('warning', 'syntax.order-list', { start, end },
        `${keyword} takes one field; "${field.raw}" is read as a single field that does not exist, so the records are not ${type === 'OrderBy' ? 'sorted' : 'grouped'}.`,
        fields.map((name) => keyword + name).join('^'.repeat(depth)));
    }
    return type === 'OrderBy' ? { type, start, end, descending, field } : { type, start, end, field };
  }

  private condition(start: number, depth: number): Term {
    const { text } = this;
    let fieldEnd = nameEnd(text, start);
    let spelling = matchOperator(text, fieldEnd);
    if (!spelling) {
      // An all-caps word after the field is a misspelt operator; a capitalised word (`u_Field`) is part of the name.
      const titleCase = isUpperLetter(text.charCodeAt(fieldEnd)) && isLowerLetter(text.charCodeAt(fieldEnd + 1));
      if (fieldEnd > start && isUpperLetter(text.charCodeAt(fieldEnd)) && !titleCase) {
        return this.unknownOperator(start, fieldEnd, depth);
      }
      // A label or a name with spaces (`Short descriptionLIKEfoo`): the field runs to the first operator.
      fieldEnd = start;
      while (fieldEnd < text.length && text.charCodeAt(fieldEnd) !== 94 && !(spelling = matchOperator(text, fieldEnd))) {
        fieldEnd++;
      }
    }
    if (!spelling) {
      const end = this.valueEnd(start, depth);
      this.position = end;
      const invalid = this.invalid(start, end);
      if (invalid.raw.includes(OPAQUE)) {
        this.report('info', 'field.dynamic', invalid, 'This condition is computed at runtime, so it cannot be checked.');
      } else {
        this.report('error', 'syntax.missing-operator', invalid, `"${invalid.raw}" has no operator: write a condition as field, operator, value (active=true).`);
      }
      return invalid;
    }
    if (fieldEnd === start) {
      this.report('error', 'syntax.missing-field', { start, end: start + spelling.raw.length }, `The condition has no field before ${spelling.raw}.`);
    }
    return this.conditionRest(start, fieldEnd, spelling, depth);
  }

  private conditionRest(start: number, fieldEnd: number, spelling: Spelling, depth: number): Condition {
    const { text } = this;
    const operatorEnd = fieldEnd + spelling.raw.length;
    const end = this.valueEnd(operatorEnd, depth);
    this.position = end;
    const condition: Condition = {
      type: 'Condition', start, end,
      field: fieldPath(text, start, fieldEnd),
      operator: { type: 'Operator', start: fieldEnd, end: operatorEnd, raw: spelling.raw, name: spelling.name }
    };
    const syntax = operatorInfo(spelling.name).value;
    if (syntax === 'none') {
      if (end > operatorEnd) condition.value = scalar(text, operatorEnd, end);
      return condition;
    }
    const read = readValue(text, operatorEnd, end, syntax, spelling.name);
    condition.value = read.value;
    if (read.problem) {
      this.report('error', 'value.malformed', read.problem, read.problem.message);
    }
    return condition;
  }

  /** `fieldSTARTSWTIHx`: an uppercase word that is no operator. Guess where it ends from the closest operator. */
  private unknownOperator(start: number, operatorStart: number, depth: number): Condition {
    const { text } = this;
    let wordEnd = operatorStart;
    while (wordEnd < text.length && (isUpperLetter(text.charCodeAt(wordEnd)) || text.charCodeAt(wordEnd) === 95
      || (text.charCodeAt(wordEnd) === 32 && isUpperLetter(text.charCodeAt(wordEnd + 1))))) {
      wordEnd++;
    }
    const word = text.slice(operatorStart, wordEnd);
    const best = closestOperator(word);
    const operatorEnd = best ? operatorStart + best.length : wordEnd;
    const end = this.valueEnd(operatorEnd, depth);
    this.position = end;
    const raw = text.slice(operatorStart, operatorEnd);
    this.report('error', 'operator.unknown', { start: operatorStart, end: operatorEnd },
      `${raw} is not an encoded-query operator, so ServiceNow would drop this condition${best ? `; did you mean ${best.spelling.name}?` : '.'}`,
      best?.spelling.name);
    return {
      type: 'Condition', start, end,
      field: fieldPath(text, start, operatorStart),
      operator: { type: 'Operator', start: operatorStart, end: operatorEnd, raw, name: null },
      value: scalar(text, operatorEnd, end)
    };
  }

  /** `RLQUERY<table>.<field>,<cmp><count>[,m2m]` then `,<conds>` or `^<conds>`, then `^ENDRLQUERY`. */
  private relatedListQuery(start: number, depth: number): Term {
    const { text } = this;
    const headerEnd = this.nextCaret(start);
    const fieldsEnd = this.indexWithin(',', start, headerEnd);
    const dot = this.indexWithin('.', start, fieldsEnd);
    const comparator = /^(>=|<=|!=|>|<|=)/.exec(text.slice(fieldsEnd + 1, fieldsEnd + 3))?.[0] ?? '';
    const countStart = fieldsEnd + 1 + comparator.length;
    let countEnd = countStart;
    while (countEnd < headerEnd && text.charCodeAt(countEnd) >= 48 && text.charCodeAt(countEnd) <= 57) countEnd++;
    if (dot === fieldsEnd || dot === start + 7 || dot === fieldsEnd - 1 || fieldsEnd === headerEnd || !comparator || countEnd === countStart) {
      return this.malformed(start, headerEnd, 'RLQUERY needs table.field,comparator count, e.g. RLQUERYtask.assigned_to,>=1^active=true^ENDRLQUERY.');
    }
    let cursor = countEnd;
    const m2m = text.startsWith(',m2m', cursor) && (cursor + 4 === headerEnd || text.charAt(cursor + 4) === ',');
    if (m2m) cursor += 4;
    if (cursor !== headerEnd && text.charAt(cursor) !== ',') {
      return this.malformed(start, headerEnd, `Unexpected "${text.slice(cursor, headerEnd)}" in the RLQUERY header: after the count only ,m2m or conditions may follow.`);
    }
    const node: RelatedListQuery = {
      type: 'RelatedListQuery', start, end: start,
      table: name(text, start + 7, dot),
      field: name(text, dot + 1, fieldsEnd),
      comparator,
      count: scalar(text, countStart, countEnd),
      m2m, inline: false, terminated: false
    };
    if (cursor < headerEnd) {
      node.inline = true;
      this.position = cursor + 1;
      node.conditions = this.query(depth, 'ENDRLQUERY');
    } else if (caretRun(text, cursor, depth) >= depth && !(caretRun(text, cursor, depth + 1) === depth && this.isKeywordTerm(cursor + depth, 'ENDRLQUERY'))) {
      this.position = cursor + depth;
      node.conditions = this.query(depth, 'ENDRLQUERY');
    } else {
      this.position = cursor;
    }
    return this.closeBlock(node, depth, 'ENDRLQUERY');
  }

  /** `SUBQUERY<field>,<joinField>,<table>` then conditions (`^` or, nested, `^^`), then `ENDSUBQUERY`. */
  private subQuery(start: number, depth: number): Term {
    const { text } = this;
    const headerEnd = this.nextCaret(start);
    const parts = text.slice(start + 8, headerEnd).split(',');
    if (parts.length !== 3 || parts.some((part) => part === '')) {
      return this.malformed(start, headerEnd, 'SUBQUERY needs field,joinField,table, e.g. SUBQUERYsys_id,assigned_to,task^active=true^ENDSUBQUERY.');
    }
    const fieldEnd = start + 8 + parts[0]!.length;
    const joinEnd = fieldEnd + 1 + parts[1]!.length;
    // The first separator sets the body's depth: ^ as the enclosing query, or one more (^^) when nested.
    const run = Math.min(caretRun(text, headerEnd, depth + 1), depth + 1);
    const bodyDepth = run >= depth ? run : depth;
    const node: SubQuery = {
      type: 'SubQuery', start, end: start,
      field: name(text, start + 8, fieldEnd),
      joinField: name(text, fieldEnd + 1, joinEnd),
      table: name(text, joinEnd + 1, headerEnd),
      depth: bodyDepth, terminated: false
    };
    this.position = headerEnd;
    if (run >= depth && !this.isKeywordTerm(headerEnd + run, 'ENDSUBQUERY')) {
      this.position = headerEnd + run;
      node.conditions = this.query(bodyDepth, 'ENDSUBQUERY');
    }
    return this.closeBlock(node, bodyDepth, 'ENDSUBQUERY');
  }

  private closeBlock<T extends RelatedListQuery | SubQuery>(node: T, depth: number, keyword: string): T {
    const { text } = this;
    const at = this.position;
    if (caretRun(text, at, depth + 1) === depth && this.isKeywordTerm(at + depth, keyword)) {
      this.position = at + depth + keyword.length;
      node.terminated = true;
    } else {
      // An insertion at the end of the block (not a copy of the block: nested blocks would make that quadratic).
      this.report('warning', 'syntax.unterminated-block', { start: at, end: at },
        `${keyword.slice(3)} "${text.slice(node.start, Math.min(node.start + 40, at))}…" is not closed by ${'^'.repeat(depth)}${keyword}: every condition after it applies to the ${keyword === 'ENDRLQUERY' ? 'related' : 'subquery'} table.`,
        `${'^'.repeat(depth)}${keyword}`);
    }
    node.end = this.position;
    return node;
  }

  /** `JOIN<table>.<field>=<table2>.<field2>!<conditions joined with ^^>`. */
  private join(start: number, depth: number): Term {
    const { text } = this;
    const headerEnd = this.nextCaret(start);
    const bang = this.indexWithin('!', start, headerEnd);
    const match = bang === headerEnd ? null : /^([^.=]+)\.([^=]+)=([^.]+)\.(.+)$/.exec(text.slice(start + 4, bang));
    if (!match) {
      return this.malformed(start, headerEnd, 'JOIN needs table.field=table2.field2! followed by optional conditions, e.g. JOINsys_user.sys_id=task.assigned_to!active=true (the ! is required).');
    }
    const [, leftTable, leftField, rightTable] = match as unknown as [string, string, string, string];
    const leftTableEnd = start + 4 + leftTable.length;
    const leftFieldEnd = leftTableEnd + 1 + leftField.length;
    const rightTableEnd = leftFieldEnd + 1 + rightTable.length;
    const node: Join = {
      type: 'Join', start, end: start,
      left: { table: name(text, start + 4, leftTableEnd), field: name(text, leftTableEnd + 1, leftFieldEnd) },
      right: { table: name(text, leftFieldEnd + 1, rightTableEnd), field: name(text, rightTableEnd + 1, bang) }
    };
    this.position = bang + 1;
    const run = caretRun(text, this.position, depth + 1);
    // Conditions use one caret more; a shallower caret ends the JOIN.
    if (this.position < text.length && (run === 0 || run >= depth + 1)) {
      node.conditions = this.query(depth + 1, null);
    }
    node.end = this.position;
    return node;
  }

  private malformed(start: number, end: number, message: string): Invalid {
    this.position = end;
    const invalid = this.invalid(start, end);
    this.report('error', 'syntax.malformed-block', invalid, message);
    return invalid;
  }

  /**
   * Where a value starting at `from` ends: at the next separator of this
   * depth. At top level `^^` is an escaped caret (a literal `^`, with a
   * warning); `javascript:` parts may contain carets inside quotes/brackets.
   */
  private valueEnd(from: number, depth: number): number {
    const { text } = this;
    let partStart = true;
    let unclosedScript = -1;
    let i = from;
    let end = text.length;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (partStart && isScriptAt(text, i)) {
        const script = scriptEnd(text, i, text.length, '@,', depth);
        if (!script.closed && unclosedScript < 0) unclosedScript = i;
        if (script.escapedCaret) this.reportEscapedInScript(i, script.end, depth);
        i = script.end;
        partStart = false;
        continue;
      }
      if (code === 94) {
        const run = caretRun(text, i);
        const escaped = escapedCarets(run, depth);
        if (escaped > 0) this.reportEscaped(i, escaped);
        if (escaped === run) {
          i += run;
          partStart = false;
          continue;
        }
        end = i + escaped;
        break;
      }
      if (code >= 0x200b && isInvisible(code)) this.reportInvisible(i);
      partStart = code === 64 || code === 44;
      i++;
    }
    if (unclosedScript >= 0) {
      this.report('error', 'syntax.unclosed-script', { start: unclosedScript, end },
        'This javascript: value has an unclosed quote or bracket: close it (a ^ ends the value even inside quotes, so keep ^ out of scripts).');
    }
    return end;
  }

  private reportEscaped(at: number, escaped: number): void {
    this.report('warning', 'syntax.escaped-caret', { start: at, end: at + escaped },
      `${'^'.repeat(escaped)} is read as ${'^'.repeat(escaped / 2)} inside the value; ServiceNow sources disagree whether that works (and ^^ also nests SUBQUERY/JOIN conditions). Avoid ^ in values.`);
  }

  /** The escaped carets a script read past (scan.ts scriptEnd): found again in its own range, once. */
  private reportEscapedInScript(start: number, end: number, depth: number): void {
    const { text } = this;
    for (let i = text.indexOf('^', start); i >= 0 && i < end; i = text.indexOf('^', i)) {
      const run = caretRun(text, i);
      const escaped = Math.min(escapedCarets(run, depth), end - i);
      if (escaped > 0) this.reportEscaped(i, escaped);
      i += run;
    }
  }

  /** A zero-width character in a value: ServiceNow compares it too, so the value is another one than it looks. */
  private reportInvisible(at: number): void {
    const name = INVISIBLE_NAMES[this.text.charCodeAt(at)] ?? 'an invisible character';
    this.report('warning', 'syntax.invisible-character', { start: at, end: at + 1 },
      `The value contains ${name}, usually copied with text from a web page: ServiceNow compares it as part of the value, so records holding the value as it looks do not match. Remove it.`, '');
  }

  /** First `char` in `[from, limit)`, else `limit` (bounded, so scans stay linear). */
  private indexWithin(char: string, from: number, limit: number): number {
    for (let i = from; i < limit; i++) {
      if (this.text.charAt(i) === char) return i;
    }
    return limit;
  }

  private nextCaret(from: number): number {
    const index = this.text.indexOf('^', from);
    return index < 0 ? this.text.length : index;
  }

  /** `keyword` at `position`, followed by a caret or the end. */
  private isKeywordTerm(position: number, keyword: string): boolean {
    const after = position + keyword.length;
    return this.text.startsWith(keyword, position) && (after === this.text.length || this.text.charCodeAt(after) === 94);
  }

  private invalid(start: number, end: number): Invalid {
    return { type: 'Invalid', start, end, raw: this.text.slice(start, end) };
  }

  private report(severity: Severity, code: DiagnosticCode, range: Span, message: string, suggestion?: string): void {
    const diagnostic: Diagnostic = { severity, code, message, start: range.start, end: range.end };
    if (suggestion !== undefined) diagnostic.suggestion = suggestion;
    this.diagnostics.push(diagnostic);
  }
}
