/**
 * Walks a parsed query and collects the checks beyond syntax: the shape of
 * every condition always, fields/operators/values when the table is in the
 * metadata. Nested queries (RLQUERY, SUBQUERY, JOIN) are checked against
 * their own table when the metadata has it.
 */
import type { Clause, Condition, Group, Query, Scalar, Term } from '../ast';
import type { Diagnostic } from '../diagnostics';
import type { Field, Metadata, Table } from '../../metadata/model';
import { lookupField, resolvePath } from './fields';
import { checkConditionShape } from './structure';
import { isAscendingPrefix, TEXT_SEARCH_SCORE } from '../scan';
import { checkConditionTypes } from './typed';
import { checkLinkedFields, checkRelatedLink } from './related-link';

export interface ValidateOptions {
  table?: string;
  metadata?: Metadata;
}

export function validate(ast: Query, text: string, options: ValidateOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (text === '') {
    out.push({ severity: 'info', code: 'style.empty-query', start: 0, end: 0, message: 'An empty query matches every record of the table.' });
  }
  if (ast.script) {
    // ServiceNowDocs platform-user-interface/c_EncodedQueryStrings.md (`javascript:'active=true^' + getGroupQualifier()`: "The function
    // must return a string that can be concatenated…") and platform-administration/c_ReferenceQualifiers.md.
    out.push({ severity: 'info', code: 'syntax.script-query', start: 0, end: text.length,
      message: 'The whole query is a script that returns the query (the documented javascript:\'field=value^\' + function() form, as in advanced reference qualifiers): its conditions are known only once it runs, so they are not checked here.' });
    return out;
  }
  checkUrlEncoding(text, ast, out);
  const parameters = checkParameterSyntax(text, out);
  const { metadata } = options;
  let root: Table | undefined;
  if (options.table !== undefined && metadata) {
    root = metadata.tables.get(options.table);
    if (!root) {
      out.push({ severity: 'warning', code: 'field.unverifiable', start: 0, end: 0,
        message: `The table ${options.table} is not in the metadata (${metadata.source}), so its fields are not checked.` });
    }
  }
  new Walker(text, metadata, out, parameters).query(ast, root);
  return out;
}

class Walker {
  constructor(private readonly text: string, private readonly metadata: Metadata | undefined, private readonly out: Diagnostic[],
    /** Where a `sysparm_` URL parameter pasted into the query starts: reported as such, so not as an unknown field too. */
    private readonly parameters: ReadonlySet<number>) {}

  query(query: Query, table: Table | undefined): void {
    for (const group of query.groups) {
      this.duplicates(group);
      for (const clause of group.clauses) {
        if (clause.terms.length > 1) this.alwaysTrue(clause);
        for (const term of clause.terms) this.term(term, table);
      }
    }
  }

  private term(term: Term, table: Table | undefined): void {
    const { metadata, out } = this;
    switch (term.type) {
      case 'Condition':
        checkConditionShape(term, out);
        if (table && metadata && !this.parameters.has(term.field.start)) checkConditionTypes(term, table, metadata, out);
        return;
      case 'OrderBy':
        // `ORDERBYASCnumber` is reported by the parser with its fix; its field is checked once fixed.
        if (!term.descending && isAscendingPrefix(term.field.raw)) return;
        // No dictionary holds the search score; no doc says sorting by it fails.
        if (term.field.raw === TEXT_SEARCH_SCORE) return;
        if (table && metadata && term.field.raw !== '') resolvePath(term.field, table, metadata, out);
        return;
      case 'GroupBy':
        if (table && metadata && term.field.raw !== '') resolvePath(term.field, table, metadata, out);
        return;
      case 'RelatedListQuery': {
        const related = this.table(term.table.name, term.table);
        if (related) this.field(term.field.name, term.field, related);
        const link = related ? lookupField(related, term.field.name) : undefined;
        const mismatch = link && related && table && metadata ? checkRelatedLink(link, term.field, related, table, metadata) : undefined;
        if (mismatch) out.push(mismatch);
        if (term.conditions) this.query(term.conditions, related);
        return;
      }
      case 'SubQuery': {
        const field = table ? this.field(term.field.name, term.field, table) : undefined;
        const sub = this.table(term.table.name, term.table);
        const joinField = sub ? this.field(term.joinField.name, term.joinField, sub) : undefined;
        if (field && joinField && table && sub && metadata) {
          const mismatch = checkLinkedFields('SUBQUERY', { field, table }, { field: joinField, table: sub }, { start: term.field.start, end: term.table.start - 1 }, metadata);
          if (mismatch) out.push(mismatch);
        }
        if (term.conditions) this.query(term.conditions, sub);
        return;
      }
      case 'Join': {
        // The left table is the queried one or one joined before (`JOINsys_user.sys_id=sys_user_group.manager!^JOINsys_user_group.sys_id=task.assignment_group!`): looked up, not required to be the queried one.
        const left = this.metadata?.tables.get(term.left.table.name);
        const leftField = left ? this.field(term.left.field.name, term.left.field, left) : undefined;
        const joined = this.table(term.right.table.name, term.right.table);
        const rightField = joined ? this.field(term.right.field.name, term.right.field, joined) : undefined;
        if (left && leftField && joined && rightField && metadata) {
          const mismatch = checkLinkedFields('JOIN', { field: leftField, table: left }, { field: rightField, table: joined }, { start: term.left.table.start, end: term.right.field.end }, metadata);
          if (mismatch) out.push(mismatch);
        }
        if (term.conditions) this.query(term.conditions, joined);
        return;
      }
      default:
        return;
    }
  }

  /** A table named in RLQUERY/SUBQUERY/JOIN; reported once as unverifiable when the metadata lacks it. */
  private table(name: string, at: { start: number; end: number }): Table | undefined {
    if (!this.metadata) return undefined;
    const table = this.metadata.tables.get(name);
    if (!table) {
      this.out.push({ severity: 'info', code: 'field.unverifiable', start: at.start, end: at.end,
        message: `${name} is not in the metadata, so the conditions on it cannot be checked.` });
    }
    return table;
  }

  /** A field named in an RLQUERY/SUBQUERY/JOIN header; an unknown one is reported like a condition's. */
  private field(name: string, at: { start: number; end: number }, table: Table): Field | undefined {
    const field = lookupField(table, name);
    if (this.metadata && !field) {
      const path = { type: 'FieldPath' as const, raw: name, start: at.start, end: at.end, segments: [{ type: 'Name' as const, name, start: at.start, end: at.end }] };
      resolvePath(path, table, this.metadata, this.out);
    }
    return field;
  }

  /** The same single condition twice in one group: one of them is a typo or a leftover. */
  private duplicates(group: Group): void {
    const { clauses } = group;
    if (clauses.length < 2) return;
    // A few clauses are compared in place; a set pays off only for many.
    const seen = clauses.length > 16 ? new Set<string>() : undefined;
    let previousEnd = group.start;
    for (let index = 0; index < clauses.length; index++) {
      const clause = clauses[index]!;
      const only = clause.terms.length === 1 ? clause.terms[0]! : undefined;
      if (only?.type === 'Condition') {
        const key = this.text.slice(clause.start, clause.end);
        if (seen ? seen.has(key) : this.seenBefore(clauses, index, key)) {
          this.out.push({ severity: 'warning', code: 'style.duplicate-condition', start: previousEnd, end: clause.end, suggestion: '',
            message: `${key} appears twice in the same group: remove the repetition.` });
        }
        seen?.add(key);
      }
      previousEnd = clause.end;
    }
  }

  /**
   * `state!=6^ORstate!=7`: every record differs from one of two values, so the
   * alternatives match every record that has a state (the code meant AND).
   * Script values may be equal at runtime, so only written values count.
   */
  private alwaysTrue(clause: Clause): void {
    const { terms } = clause;
    for (let index = 1; index < terms.length; index++) {
      const term = terms[index]!;
      if (!isWrittenNotEqual(term)) continue;
      for (let other = 0; other < index; other++) {
        const earlier = terms[other]!;
        if (!isWrittenNotEqual(earlier) || earlier.field.raw !== term.field.raw || earlier.value.raw === term.value.raw) continue;
        const written = this.text.slice(clause.start, clause.end);
        const field = term.field.raw;
        const all = terms.every((each) => isWrittenNotEqual(each) && each.field.raw === field && !each.value.raw.includes(','));
        const list = all ? `${field}NOT IN${terms.map((each) => (each as Condition & { value: Scalar }).value.raw).join(',')}` : undefined;
        this.out.push({ severity: 'warning', code: 'style.always-true', start: clause.start, end: clause.end, ...(list ? { suggestion: list } : {}),
          message: `${written} matches every record that has a ${field}: each one differs from one of the values. To exclude them all, join the conditions with ^${list ? ` or write ${list}` : ''}.` });
        return;
      }
    }
  }

  /** An earlier single-condition clause with the same text as `key`. */
  private seenBefore(clauses: Clause[], index: number, key: string): boolean {
    for (let other = 0; other < index; other++) {
      const clause = clauses[other]!;
      if (clause.terms.length === 1 && clause.terms[0]!.type === 'Condition' && clause.end - clause.start === key.length && this.text.startsWith(key, clause.start)) return true;
    }
    return false;
  }
}

/** A `field!=value` condition with a value written out (not a script). */
function isWrittenNotEqual(term: Term): term is Condition & { value: Scalar } {
  return term.type === 'Condition' && term.operator.name === '!=' && term.value?.type === 'Scalar' && term.value.raw !== '';
}

const ENCODED: Record<string, string> = { '5E': '^', '3D': '=', '20': ' ', '2C': ',', '21': '!', '3C': '<', '3E': '>' };

/** `%5E`, `%3D`...: a query copied from a URL still encoded. `%40` is left alone (IN_HIERARCHY values use it). */
function checkUrlEncoding(text: string, ast: Query, out: Diagnostic[]): void {
  // Most queries have no %: skip the regex scan and its match objects.
  if (!text.includes('%')) return;
  for (const match of text.matchAll(/%(5E|3D|20|2C|21|3C|3E)/gi)) {
    const decoded = ENCODED[match[1]!.toUpperCase()]!;
    // `ONLast%202%20quarters@…` (ServiceNowDocs DatasetDefinitionAPI.md:175): the label only names the range its scripts
    // compute (c_GlideSystemAPI.md:1083 labels a range that runs to the end of next week "This week").
    if (inDateLabel(ast, match.index)) {
      out.push({ severity: 'info', code: 'syntax.url-encoded', start: match.index, end: match.index + 3, suggestion: decoded,
        message: `${match[0]} is a URL-encoded "${decoded}" in the label of an ON range; the label only names the range, so the query filters the same, but write "${decoded}".` });
      continue;
    }
    out.push({ severity: 'warning', code: 'syntax.url-encoded', start: match.index, end: match.index + 3, suggestion: decoded,
      message: `${match[0]} is a URL-encoded "${decoded}": write "${decoded}" here; the connector encodes the query itself, and ServiceNow would read ${match[0]} literally.` });
  }
}

/** Whether `index` is inside the label of an ON/NOTON value (`Today@…@…`), at any nesting. */
function inDateLabel(query: Query, index: number): boolean {
  for (const group of query.groups) {
    for (const clause of group.clauses) {
      for (const term of clause.terms) {
        if (index < term.start || index >= term.end) continue;
        if (term.type === 'Condition') return term.value?.type === 'DateOn' && index >= term.value.label.start && index < term.value.label.end;
        if ('conditions' in term && term.conditions) return inDateLabel(term.conditions, index);
        return false;
      }
    }
  }
  return false;
}

const NO_PARAMETERS: ReadonlySet<number> = new Set();

/**
 * `sysparm_query=active=true`, `...&sysparm_limit=10` or `...^sysparm_fields=number`:
 * URL syntax pasted with the query. Returns where each parameter name starts.
 */
function checkParameterSyntax(text: string, out: Diagnostic[]): ReadonlySet<number> {
  if (!text.includes('sysparm_')) return NO_PARAMETERS;
  const names = new Set<number>();
  const prefix = /^sysparm_query=/.exec(text);
  if (prefix) {
    names.add(0);
    out.push({ severity: 'error', code: 'syntax.parameter-name', start: 0, end: prefix[0].length, suggestion: '',
      message: 'Only the query goes here, without "sysparm_query=": as written, ServiceNow looks for a field named sysparm_query.' });
  }
  // sysparm_ names the Table API's URL parameters (ServiceNowDocs c_TableAPI.md), after ^ as after &.
  for (const match of text.matchAll(/(?:&|\^(?:OR|NQ)?|^)sysparm_[a-z_]+=[^&^]*/g)) {
    const separator = match[0].indexOf('sysparm_');
    if (match.index === 0 && prefix) continue;
    names.add(match.index + separator);
    let end = match.index + match[0].length;
    // At the start, the separator after it goes too, or the fix would leave the query starting with one.
    if (separator === 0 && text.charCodeAt(end) === 94) end++;
    out.push({ severity: 'error', code: 'syntax.parameter-name', start: match.index, end, suggestion: '',
      message: `${match[0].slice(separator)} is a separate URL parameter, not part of the query: set it in its own field${match[0].charCodeAt(0) === 94 ? ' (URL parameters are joined with &, conditions with ^)' : ''} and remove it here.` });
  }
  return names;
}
