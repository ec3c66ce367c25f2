/**
 * Field type families for operator and value checks, after the operator
 * table by field type in the ServiceNow docs (r_OpAvailableFiltersQueries).
 * Which `internal_type` goes where is an inference; unknown types get
 * `other`, which is never flagged.
 */
import type { OperatorName } from '../ast';
import type { Field } from '../../metadata/model';

export type TypeFamily = 'string' | 'reference' | 'choice' | 'date' | 'number' | 'boolean' | 'other';

const FAMILIES: Record<string, TypeFamily> = {
  boolean: 'boolean',
  reference: 'reference',
  glide_date_time: 'date', glide_date: 'date', due_date: 'date', date: 'date', datetime: 'date', calendar_date_time: 'date', schedule_date_time: 'date',
  integer: 'number', int: 'number', long: 'number', auto_increment: 'number', decimal: 'number', float: 'number', longint: 'number', numeric: 'number', percent_complete: 'number', order_index: 'number',
  string: 'string', html: 'string', url: 'string', email: 'string', journal: 'string', journal_input: 'string', journal_list: 'string',
  translated_text: 'string', translated_html: 'string', translated_field: 'string', multi_two_lines: 'string', script: 'string',
  script_plain: 'string', conditions: 'string', char: 'string', phone_number: 'string', phone_number_e164: 'string', ph_number: 'string',
  GUID: 'string', string_full_utf8: 'string', table_name: 'string', field_name: 'string', choice: 'string', sys_class_name: 'string', user_input: 'string', wiki_text: 'string', composite_name: 'string', domain_path: 'string'
};

export function familyOf(field: Field): TypeFamily {
  if (field.choices.length > 0 && field.choiceMode !== 0 && field.internalType !== 'boolean') {
    return 'choice';
  }
  return FAMILIES[field.internalType] ?? 'other';
}

const DATE_ONLY = new Set<OperatorName>(['ON', 'NOTON', 'DATEPART', 'RELATIVEGT', 'RELATIVELT', 'RELATIVEGE', 'RELATIVELE', 'RELATIVEEE', 'MORETHAN', 'LESSTHAN']);
const ORDERING = new Set<OperatorName>(['<', '<=', '>', '>=', 'BETWEEN', 'GT_FIELD', 'LT_FIELD', 'GT_OR_EQUALS_FIELD', 'LT_OR_EQUALS_FIELD']);
const TEXT_MATCH = new Set<OperatorName>(['LIKE', 'NOT LIKE', 'STARTSWITH', 'ENDSWITH']);

/**
 * Why `operator` does not suit `field`, or undefined. Only clear mismatches
 * are reported: the docs' per-type table is narrower than what the platform
 * runs (IN on strings and references is everyday practice).
 */
export function operatorMismatch(operator: OperatorName, field: Field, family: TypeFamily): string | undefined {
  if (family === 'other') return undefined;
  const type = family === 'choice' ? `a choice field` : `a ${family} field`;
  if (DATE_ONLY.has(operator) && family !== 'date') return `${operator} only works on date fields; ${field.element} is ${type}.`;
  // DYNAMIC is not limited to references: dynamic filter options exist for strings too (SDK inbound-email docs).
  if (operator === 'IN_HIERARCHY' && family !== 'reference') return `${operator} only works on reference fields; ${field.element} is ${type}.`;
  if (operator === 'INSTANCEOF' && field.internalType !== 'sys_class_name') return `INSTANCEOF only works on the class field (sys_class_name); ${field.element} is ${type}.`;
  if (family === 'boolean' && (ORDERING.has(operator) || TEXT_MATCH.has(operator))) return `${operator} does not apply to a true/false field; use = or !=.`;
  if (operator.endsWith('_FIELD') && family !== 'number' && family !== 'date' && family !== 'choice') return `${operator} compares numbers or dates; ${field.element} is ${type}.`;
  return undefined;
}
