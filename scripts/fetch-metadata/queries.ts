/**
 * The columns fetch-metadata asks for, per metadata/README.md: only what the
 * loader reads (plus sys_id), so pages stay small.
 */
export const FIELDS = {
  sys_db_object: ['sys_id', 'name', 'label', 'super_class.name', 'is_extendable'],
  sys_dictionary: [
    'sys_id', 'name', 'element', 'column_label', 'internal_type', 'max_length', 'mandatory', 'read_only', 'reference', 'reference_key',
    'default_value', 'choice', 'choice_table', 'choice_field', 'dependent_on_field', 'dependent', 'virtual', 'active'
  ],
  sys_dictionary_override: [
    'sys_id', 'name', 'element', 'mandatory_override', 'mandatory', 'read_only_override', 'read_only', 'default_value_override', 'default_value',
    'dependent_override', 'dependent', 'calculation_override'
  ],
  sys_choice: ['sys_id', 'name', 'element', 'value', 'label', 'sequence', 'inactive', 'language', 'dependent_value']
} as const;

/**
 * The columns an answer must carry in every record. ServiceNow leaves a
 * field the user may not read out of the record, HTTP 200 (KB2971488);
 * written as "" it would silently mean something else: a root table, an
 * optional or writable column, a column without a type.
 */
export const REQUIRED_FIELDS: Record<keyof typeof FIELDS, readonly string[]> = {
  // super_class.name is checked beside super_class: a root table's dot-walk may come back absent as well as "".
  sys_db_object: ['name', 'super_class'],
  sys_dictionary: ['name', 'element', 'internal_type', 'max_length', 'mandatory', 'read_only', 'reference', 'choice', 'active'],
  sys_dictionary_override: ['name', 'element', 'mandatory_override', 'read_only_override', 'default_value_override'],
  sys_choice: ['name', 'element', 'value', 'label', 'inactive', 'language']
};

/**
 * Columns asked for only to check an answer, not written: the super class's
 * sys_id tells a root table (empty) from a super class whose name the user
 * may not read (a sys_id with an empty `super_class.name`).
 */
export const CHECK_FIELDS: Partial<Record<keyof typeof FIELDS, readonly string[]>> = {
  sys_db_object: ['super_class']
};

/** Keeps each `nameIN` list short enough for any proxy's URL limit. */
const MAX_NAMES_CHARS = 1800;

/** Splits table names into `nameIN` batches: the number of requests follows pages, not tables. */
export function nameInBatches(names: readonly string[]): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const name of [...new Set(names)].sort()) {
    if (current.length > 0 && length + name.length + 1 > MAX_NAMES_CHARS) {
      batches.push(current);
      current = [];
      length = 0;
    }
    current.push(name);
    length += name.length + 1;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** A table name as ServiceNow allows it; anything else cannot be put into an encoded query safely. */
export function isTableName(name: string): boolean {
  return /^[a-z0-9_]+$/i.test(name) && name.length <= 80;
}
