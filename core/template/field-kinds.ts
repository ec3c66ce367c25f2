import type { Field } from '../metadata/model';

/** How a ServiceNow column is offered as a template input. */
export type FieldKind = 'choice' | 'boolean' | 'reference' | 'list' | 'integer' | 'decimal' | 'datetime' | 'date' | 'time' | 'duration' | 'longText' | 'secret' | 'text';

const INTEGER_TYPES = new Set(['integer', 'longint', 'order_index']);
const DECIMAL_TYPES = new Set(['decimal', 'float', 'numeric']);
/** One- and two-way encrypted password columns (sys_user.user_password...). */
const PASSWORD_TYPES = new Set(['password', 'password2']);
const DATETIME_TYPES = new Set(['glide_date_time', 'due_date', 'calendar_date_time', 'glide_utc_time']);
const LONG_TEXT_TYPES = new Set(['html', 'translated_html', 'journal', 'journal_input', 'script', 'script_plain', 'script_server', 'conditions', 'json', 'multi_two_lines', 'wiki_text']);
/** Longer than this, a string column gets a multi-line input. */
const LONG_TEXT_LENGTH = 255;

/** The choices a dropdown offers: active ones with a non-blank value. */
export function offeredChoices(field: Field) {
  return field.choices.filter((choice) => !choice.inactive && choice.value.trim() !== '');
}

export function fieldKind(field: Field): FieldKind {
  const type = field.internalType;
  if (field.choiceMode !== 0 && offeredChoices(field).length > 0) return 'choice';
  if (PASSWORD_TYPES.has(type)) return 'secret';
  if (type === 'boolean') return 'boolean';
  if (type === 'reference' || (type === 'document_id' && field.reference)) return 'reference';
  if (type === 'glide_list') return 'list';
  if (INTEGER_TYPES.has(type)) return 'integer';
  if (DECIMAL_TYPES.has(type)) return 'decimal';
  if (DATETIME_TYPES.has(type)) return 'datetime';
  if (type === 'glide_date') return 'date';
  if (type === 'glide_time') return 'time';
  if (type === 'glide_duration' || type === 'timer') return 'duration';
  if (LONG_TEXT_TYPES.has(type) || (field.maxLength ?? 0) > LONG_TEXT_LENGTH) return 'longText';
  return 'text';
}

/**
 * Whether the template offers the column for writing: the loader's verdict,
 * and never a `sys_` column (the Table API ignores them).
 */
export function isOfferedForWriting(field: Field): boolean {
  return field.writable && !field.element.startsWith('sys_');
}
