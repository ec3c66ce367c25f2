/**
 * The syntax tree of a ServiceNow encoded query (`sysparm_query`).
 *
 * Every node carries `start`/`end`: offsets into the original string, so that
 * `text.slice(node.start, node.end)` is the node's source. The tree keeps the
 * text as written (`raw`), so `printQuery(parseQuery(q).ast) === q` for every
 * query, well-formed or not.
 *
 * Shape (a record matches the query when it matches ANY group):
 *
 *   Query   = Group ("^NQ" Group)*          groups are OR-ed (new query)
 *   Group   = Clause ("^" Clause)*          clauses are AND-ed
 *   Clause  = Term ("^OR" Term)*            `^OR` binds only to its neighbours
 *   Term    = Condition | OrderBy | GroupBy | EndOfQuery | TextQuery
 *           | RelatedListQuery | SubQuery | Join | Empty | Invalid
 *
 * `a^b^ORc^NQd` is `(a AND (b OR c)) OR d`. Directives (`ORDERBY`,
 * `ORDERBYDESC`, `GROUPBY`, `EQ`) stay in the clause list where they were
 * written; an evaluator skips them when filtering and collects them, from
 * every group in order, for sorting (ORDERBY applies to the whole result
 * wherever it is written; the first one sorts first). Separators are not stored: they follow from the structure and
 * from `Query.depth` (the number of carets per separator: 1 at top level,
 * 2 inside a JOIN's conditions or a nested SUBQUERY written with `^^`).
 *
 * Trees from `checkFeelQuery` have offsets into the FEEL text, and each
 * runtime part of the FEEL expression appears as one `OPAQUE` character
 * (U+E000) in `raw`/`text`: an evaluator must treat such values as unknown.
 *
 * Stable contract: consumers (plugin, lint rule, CLI, Table API emulator)
 * depend on it. Only add optional members.
 */

/** Offsets into the original query string; `end` is exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface Query extends Span {
  type: 'Query';
  /** Carets per separator: 1 at top level (`^`, `^OR`, `^NQ`), 2 for `^^`, `^^OR`, `^^NQ`. */
  depth: number;
  /** `^NQ`-separated groups, OR-ed. Empty only for the empty string or a `script` query. Each group has at least one clause. */
  groups: Group[];
  /**
   * The whole query is one `javascript:` script that returns the query
   * (`javascript:'active=true^' + getGroupQualifier()`, ServiceNowDocs
   * platform-user-interface/c_EncodedQueryStrings.md; advanced reference qualifiers,
   * platform-administration/c_ReferenceQualifiers.md); `groups`
   * is then empty, as what the query filters is only known once it runs.
   */
  script?: Script;
}

export type QueryAst = Query;

/** Clauses joined by `^`: all must match. */
export interface Group extends Span {
  type: 'Group';
  /** At least one. */
  clauses: Clause[];
}

/** Terms joined by `^OR`: one must match. */
export interface Clause extends Span {
  type: 'Clause';
  /** At least one. */
  terms: Term[];
}

export type Term =
  | Condition
  | OrderBy
  | GroupBy
  | EndOfQuery
  | TextQuery
  | RelatedListQuery
  | SubQuery
  | Join
  | Empty
  | Invalid;

/** A name segment: a field, a table or a dot-walk step, as written. */
export interface Name extends Span {
  type: 'Name';
  name: string;
}

/** `caller_id.department.name`: segments split on `.` (a dot-walk through reference fields). */
export interface FieldPath extends Span {
  type: 'FieldPath';
  /** The path as written. */
  raw: string;
  /** At least one; `raw === segments.map(s => s.name).join('.')`. */
  segments: Name[];
}

/** `<field><operator><value>`, e.g. `priority<=2`, `stateNOT IN6,7`, `active=true`. */
export interface Condition extends Span {
  type: 'Condition';
  /** Written with the list "go to" prefix (`GOTOnumber>=INC0010021`); it filters the same way. */
  goto?: boolean;
  field: FieldPath;
  operator: Operator;
  /** Absent for operators without a value (`ISEMPTY`, `ANYTHING`...) when nothing follows them. */
  value?: Value;
}

/** The operator as written and its canonical spelling. */
export interface Operator extends Span {
  type: 'Operator';
  /** As written: `NOTLIKE`, `*`, `EMPTY`, `STARTSWTIH`... */
  raw: string;
  /**
   * Canonical spelling (`NOT LIKE` for `NOTLIKE` and `!*`, `LIKE` for `*`,
   * `ISEMPTY` for `EMPTY`...), or `null` when the operator is unknown.
   */
  name: OperatorName | null;
}

/** Every operator the engine knows, by canonical spelling. See `operators.ts`. */
export type OperatorName =
  | '=' | '!=' | '<' | '<=' | '>' | '>='
  | 'LIKE' | 'NOT LIKE' | 'STARTSWITH' | 'ENDSWITH'
  | 'ISEMPTY' | 'ISNOTEMPTY' | 'ANYTHING' | 'EMPTYSTRING'
  | 'IN' | 'NOT IN' | 'BETWEEN'
  | 'SAMEAS' | 'NSAMEAS'
  | 'GT_FIELD' | 'LT_FIELD' | 'GT_OR_EQUALS_FIELD' | 'LT_OR_EQUALS_FIELD' | 'IN_FIELD'
  | 'ON' | 'NOTON' | 'DATEPART'
  | 'RELATIVEGT' | 'RELATIVELT' | 'RELATIVEGE' | 'RELATIVELE' | 'RELATIVEEE'
  | 'MORETHAN' | 'LESSTHAN'
  | 'DYNAMIC' | 'IN_HIERARCHY' | 'IN_HIERARCHY_DYNAMIC' | 'INSTANCEOF'
  | 'VALCHANGES' | 'CHANGESFROM' | 'CHANGESTO' | 'MATCH_PAT' | 'MATCH_RGX'
  | 'DOESNOTHAVE' | 'EXCLUDING'
  | 'DISTANCE_SPHERE_WITHIN';

/** The value micro-syntaxes. Which one a condition gets depends on its operator. */
export type Value = Scalar | Script | List | Range | DateOn | DatePart | Relative | FieldComparison | FieldDistance;

/** A plain value: `true`, `1`, `INC0010001`, `2024-01-31 23:59:59`, `` (empty). */
export interface Scalar extends Span {
  type: 'Scalar';
  /** As written. */
  raw: string;
  /** The value ServiceNow sees: `^^` (an escaped caret) read as `^`. */
  text: string;
}

/** A `javascript:` value, evaluated on the instance: `javascript:gs.daysAgoStart(7)`. */
export interface Script extends Span {
  type: 'Script';
  /** As written, including the `javascript:` prefix. */
  raw: string;
  /** The script after the prefix. */
  script: string;
}

/** A single value: plain or script. */
export type Leaf = Scalar | Script;

/** `IN` / `NOT IN`: `1,2,3`. A `javascript:` value is one item returning the whole list. */
export interface List extends Span {
  type: 'List';
  /** At least one; separated by `,`. */
  items: Leaf[];
}

/** `BETWEEN`: `from@to`, e.g. `1@3` or `javascript:gs.daysAgoStart(1)@javascript:gs.daysAgoEnd(0)`. */
export interface Range extends Span {
  type: 'Range';
  from: Leaf;
  to: Leaf;
}

/** `ON` / `NOTON`: `label@start@end`, e.g. `Today@javascript:gs.beginningOfToday()@javascript:gs.endOfToday()`. */
export interface DateOn extends Span {
  type: 'DateOn';
  /** What the condition builder shows (`Today`, `Last 90 days`, `2017-05-01`). */
  label: Scalar;
  from: Leaf;
  to: Leaf;
}

/** `DATEPART`: `label@javascript:gs.datePart('dayofweek','monday','GE')`. */
export interface DatePart extends Span {
  type: 'DatePart';
  label: Scalar;
  expression: Leaf;
}

/** `RELATIVEGT` & co: `@hour@ago@1` (the value starts with `@`). */
export interface Relative extends Span {
  type: 'Relative';
  /** `second`, `minute`, `hour`, `day`, `week`, `month`, `quarter`, `year`. */
  unit: Scalar;
  /** `ago` or `ahead`. */
  direction: Scalar;
  amount: Scalar;
}

/** `SAMEAS` / `NSAMEAS` / `GT_FIELD` & co: another field, for dates optionally `@unit` (`activity_due@day`). */
export interface FieldComparison extends Span {
  type: 'FieldComparison';
  field: FieldPath;
  unit?: Scalar;
}

/** `MORETHAN` / `LESSTHAN`: `activity_due@day@before@1`. */
export interface FieldDistance extends Span {
  type: 'FieldDistance';
  field: FieldPath;
  unit: Scalar;
  /** `before` or `after`. */
  direction: Scalar;
  amount: Scalar;
}

/** `ORDERBY<field>` / `ORDERBYDESC<field>`. */
export interface OrderBy extends Span {
  type: 'OrderBy';
  descending: boolean;
  field: FieldPath;
}

/** `GROUPBY<field>` (lists and GlideAggregate; no documented Table API effect). */
export interface GroupBy extends Span {
  type: 'GroupBy';
  field: FieldPath;
  /**
   * Written `TRENDBY<field>,<interval>` (`TRENDBYsys_created_on,month`): a trend
   * report's time grouping, kept in report filters (sys_report.filter) next to
   * GROUPBY; like it, it selects no records.
   */
  trend?: true;
  /** The trend's interval after the comma (`month`), when written. */
  interval?: Scalar;
}

/** `EQ`: the optional end-of-conditions marker; ordering may follow it. */
export interface EndOfQuery extends Span {
  type: 'EndOfQuery';
}

/**
 * `123TEXTQUERY321=<terms>` (keyword search), `123TEXTINDEXGROUP321=<group>`,
 * or a full-text search by its search operator: `IR_AND_QUERY=` (every term,
 * as 123TEXTQUERY321), `IR_OR_QUERY=` (any term), `IR_AND_OR_QUERY=` (every
 * term, else any; the Change Management API's textSearch default).
 */
export interface TextQuery extends Span {
  type: 'TextQuery';
  /** Written `GOTO123TEXTQUERY321=` (ServiceNow's own knowledge search uses this form). */
  goto?: boolean;
  kind: TextQueryKind;
  value: Scalar;
}

export type TextQueryKind = 'TEXTQUERY' | 'TEXTINDEXGROUP' | 'IR_AND_QUERY' | 'IR_OR_QUERY' | 'IR_AND_OR_QUERY';

/**
 * `RLQUERY<table>.<field>,<comparator><count>[,m2m]` then conditions on the
 * related table, then `^ENDRLQUERY`. Two documented forms: conditions as
 * following terms (`RLQUERYtask.assigned_to,>=1^active=true^ENDRLQUERY`) or
 * inline after a comma (`RLQUERYincident.problem_id,>=1,priority=1^ENDRLQUERY`).
 * Matches records with `<comparator> <count>` related records.
 */
export interface RelatedListQuery extends Span {
  type: 'RelatedListQuery';
  table: Name;
  /** The related table's reference field pointing at the queried table. */
  field: Name;
  /** `>=`, `>`, `=`, `<=`, `<`, `!=`. */
  comparator: string;
  count: Scalar;
  /** `,m2m`: the related table is a many-to-many table. */
  m2m: boolean;
  /** Conditions on the related table (depth as the enclosing query). */
  conditions?: Query;
  /** True when the conditions follow `,` (comma form) instead of a separator. */
  inline: boolean;
  /** True when closed by `ENDRLQUERY` (technically optional). */
  terminated: boolean;
}

/**
 * `SUBQUERY<field>,<joinField>,<table>^<conditions>^ENDSUBQUERY`: records whose
 * `field` is among the `joinField` values of `table` records matching the
 * conditions. A nested subquery writes its separators with `^^`.
 */
export interface SubQuery extends Span {
  type: 'SubQuery';
  field: Name;
  joinField: Name;
  table: Name;
  /** Carets per separator inside the subquery (its first separator decides). */
  depth: number;
  conditions?: Query;
  /** True when closed by `ENDSUBQUERY` (technically optional). */
  terminated: boolean;
}

/**
 * `JOIN<table>.<field>=<table2>.<field2>!<conditions>`: the `!` is required;
 * conditions on the joined table use one caret more (`^^`), a single `^`
 * returns to the main query (jamesamcgaha/supernow "Querying Related Tables";
 * PySNC writes multi-condition joins with single carets, which reads as
 * main-query conditions here).
 */
export interface Join extends Span {
  type: 'Join';
  left: { table: Name; field: Name };
  right: { table: Name; field: Name };
  conditions?: Query;
}

/** Nothing between two separators (`a^^b` aside, which is an escaped caret in a value). */
export interface Empty extends Span {
  type: 'Empty';
}

/** A term the parser could not read; kept verbatim. A diagnostic says why. */
export interface Invalid extends Span {
  type: 'Invalid';
  raw: string;
}

export type AstNode =
  | Query | Group | Clause | Term | Name | FieldPath | Operator | Value;
