/**
 * Diagnostics of the encoded-query engine: stable codes grouped by prefix.
 * `syntax.*` the string is malformed; `field.*` field paths; `operator.*`
 * operators; `value.*` values; `style.*` works but could be clearer.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  /** One sentence a process modeler understands. */
  message: string;
  /** Offsets into the checked text; `end` exclusive. */
  start: number;
  end: number;
  /** Replacement text for `[start, end)` that fixes the finding. */
  suggestion?: string;
}

/** Every code, with what it means. The list is the contract: codes are never renamed. */
export const DIAGNOSTIC_CODES = {
  'syntax.empty-term': 'Nothing between two separators (or a separator at the start or end).',
  'syntax.missing-operator': 'A condition without an operator (`active` instead of `active=true`).',
  'syntax.missing-field': 'A condition without a field (`=true`).',
  'syntax.unclosed-script': 'A `javascript:` value with an unclosed quote or bracket.',
  'syntax.script-query': 'The whole query is a `javascript:` script returning the query (`javascript:\'active=true^\' + getGroupQualifier()`, advanced reference qualifiers): what it filters is known only when it runs.',
  'syntax.escaped-caret': 'A `^^` inside a value: read as a literal `^`, which ServiceNow sources disagree about.',
  'syntax.unterminated-block': 'RLQUERY or SUBQUERY without ENDRLQUERY/ENDSUBQUERY: the rest of the query belongs to it.',
  'syntax.unexpected-end': 'ENDRLQUERY or ENDSUBQUERY without a block to close.',
  'syntax.malformed-block': 'An RLQUERY, SUBQUERY or JOIN header that does not follow the documented form.',
  'syntax.misplaced-directive': 'ORDERBY, GROUPBY, EQ, RLQUERY, SUBQUERY or a text query where it has no effect (after ^OR).',
  'syntax.missing-order-field': 'ORDERBY, ORDERBYDESC, GROUPBY or TRENDBY without a field.',
  'syntax.order-asc': '`ORDERBYASC<field>`: ASC is no keyword (ORDERBY sorts ascending), so the field does not exist and the records are not sorted.',
  'syntax.order-list': 'ORDERBY or GROUPBY with several fields separated by commas: each takes one field.',
  'syntax.invisible-character': 'A zero-width character (U+200B, U+2060, U+FEFF) inside a value, usually copied from a web page: ServiceNow compares it too.',
  'syntax.missing-separator': 'An ORDERBY directive glued to the end of a value without `^` (a query built by concatenation): it is part of the value.',
  'syntax.ampersand': '`&` between conditions: the Table API reads it as a literal character, conditions are joined with `^`.',
  'syntax.url-encoded': 'A URL-encoded separator or operator (`%5E`, `%3D`...) inside the query: it would be encoded twice and read literally.',
  'syntax.parameter-name': 'URL parameter syntax inside the query (`sysparm_query=` at the start, `&sysparm_limit=10`): only the query value goes here.',
  'syntax.feel': 'A FEEL expression whose string literals cannot be read (unclosed string).',
  'field.unknown': 'The field does not exist on the table: ServiceNow silently drops the condition (a warning for u_, x_ and sn_ fields checked against the bundled snapshot).',
  'field.not-reference': 'A dot-walk through a field that is not a reference.',
  'field.related-link': 'An RLQUERY counting by a field that references another table than the queried one, or a SUBQUERY or JOIN linking fields that hold records of unrelated tables: no record is related through it.',
  'field.unverifiable': 'A dot-walk into a table that is not in the metadata, or a table that is not in it.',
  'field.dynamic': 'A part computed at runtime (FEEL) where a field or operator goes: not checked.',
  'operator.unknown': 'Not an encoded-query operator: ServiceNow silently drops the condition.',
  'operator.variant': 'A spelling ServiceNow sources disagree about; the canonical one is suggested.',
  'operator.condition-only': 'VALCHANGES, CHANGESFROM and CHANGESTO only work in conditions that run on record changes.',
  'operator.not-for-type': 'The operator is not offered for the field type.',
  'value.missing': 'The operator needs a value.',
  'value.unexpected': 'The operator takes no value; the text after it is ignored.',
  'value.choice': 'Not one of the field\'s choice values.',
  'value.inactive-choice': 'An inactive choice value: still valid on old records, no longer offered.',
  'value.class': 'A class (sys_class_name, INSTANCEOF) outside the queried table\'s hierarchy: no record has it.',
  'value.reference': 'A reference compared with something that is not a sys_id.',
  'value.dynamic-option': 'A well-known dynamic filter option (Me, One of My Groups...) on a reference to another table than the option gives: nothing matches.',
  'value.sys-id': 'Not a 32-character hexadecimal sys_id where one is required.',
  'value.boolean': 'A boolean field compared with something other than true or false.',
  'value.number': 'A number field compared with something that is not a number.',
  'value.date': 'A date field compared with something that is not a date in the Table API format.',
  'value.list': 'An IN list with empty items or spaces around the commas.',
  'value.malformed': 'The value does not follow the operator\'s micro-syntax (`a@b`, `@unit@ago@n`...).',
  'value.too-long': 'A value longer than the text field can hold: no record can match it.',
  'value.spaces-removed': 'A space inside a value of a query the connector sends with every space removed (Camunda\'s official templates): the value compared is another one.',
  'value.range-order': 'A BETWEEN range whose lower bound is above its upper bound.',
  'value.sys-id-fallback': 'A wait template\'s record query names its record without `get or else(…, "sys_idISEMPTY")`: a sys_id variable the polling connector does not see makes the whole query null, sent as no filter at all.',
  'style.operator-alias': 'A short alias (`*`, `!*`, `%`) of an operator with a clearer name.',
  'style.empty-query': 'An empty query matches every record.',
  'style.empty-equals': '`field=` with nothing after it: ISEMPTY says the same more clearly.',
  'style.duplicate-condition': 'The same condition twice in one group.',
  'style.always-true': '`field!=a^ORfield!=b`: every record differs from one of the values, so the alternatives match every record with a value (AND was meant).',
  'style.whitespace': 'Spaces around a field or value: ServiceNow compares them literally.',
  'style.negative-count': 'A relative date with a negative count (`@hour@ago@-24`): the other direction without the sign (`@hour@ahead@24`) says the same as documented.'
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

// Pure, so that a bundle which never lists the codes (the plugin) leaves their descriptions out.
export const diagnosticCodes = /* @__PURE__ */ Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

export function hasError(diagnostics: readonly Diagnostic[]): boolean {
  for (const diagnostic of diagnostics) if (diagnostic.severity === 'error') return true;
  return false;
}
