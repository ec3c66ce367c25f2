/**
 * Internal (glide) types a dictionary column may have, from ServiceNow's
 * "Field types" reference (ServiceNowDocs platform-administration/r_FieldTypes.md)
 * and the types the SDK's Fluent columns produce. A type outside this list
 * is kept as it is, with a loader warning: instances add types over time.
 */
const knownTypes = [
  'approval_rules', 'audio', 'auto_increment', 'auto_number', 'basic_image', 'boolean', 'bootstrap_color',
  'breakdown_element', 'calendar_date_time', 'catalog_preview', 'char', 'choice', 'collection', 'color',
  'composite_field', 'composite_name', 'compressed', 'condition_string', 'conditions', 'counter', 'css',
  'currency', 'currency2', 'data_array', 'data_object', 'data_structure', 'day_of_week', 'days_of_week',
  'decimal', 'decoration', 'document_id', 'documentation_field', 'domain_id', 'domain_number', 'domain_path',
  'due_date', 'email', 'email_script', 'encrypted_text', 'expression', 'external_names', 'field_list',
  'field_name', 'file_attachment', 'float', 'formula', 'glide_action_list', 'glide_date', 'glide_date_time',
  'glide_duration', 'glide_encrypted', 'glide_list', 'glide_precise_time', 'glide_time', 'glide_utc_time',
  'glide_var', 'glyphicon', 'graphql_schema', 'GUID', 'html', 'html_script', 'html_template', 'icon', 'image',
  'index_name', 'insert_timestamp', 'int', 'integer', 'integer_date', 'integer_time', 'internal_type',
  'ip_addr', 'ip_address', 'journal', 'journal_input', 'journal_list', 'json', 'json_translations', 'language',
  'long', 'longint', 'mask_code', 'metric_absolute', 'metric_counter', 'metric_derive', 'metric_gauge',
  'month_of_year', 'multi_small', 'multi_two_lines', 'name_values', 'nds_icon', 'nl_task_int1', 'numeric',
  'order_index', 'password', 'password2', 'percent_complete', 'ph_number', 'phone_number', 'phone_number_e164', 'price',
  'properties', 'radio', 'record_hierarchy_path', 'records', 'reference', 'reference_name', 'related_tags', 'repeat_count',
  'repeat_type', 'replication_payload', 'schedule_date_time', 'schedule_interval_count', 'script',
  'script_client', 'script_plain', 'script_server', 'short_field_name', 'short_table_name', 'simple_name_values',
  'slushbucket', 'snapshot_template_value', 'source_id', 'source_name', 'source_table', 'string',
  'string_boolean', 'string_full_utf8', 'styled_text', 'sys_class_code', 'sys_class_name', 'sys_class_path',
  'sysevent_name', 'sysrule_field_name', 'system_class_name', 'table_name', 'template_value', 'timer',
  'translated', 'translated_field', 'translated_html', 'translated_text', 'tree_code', 'tree_path', 'url',
  'user_image', 'user_input', 'user_roles', 'variables', 'variable_conditions', 'variable_template_value',
  'version', 'video', 'week_of_month', 'wide_text', 'wiki_text', 'workflow', 'workflow_conditions', 'xml'
] as const;

const known = new Set<string>(knownTypes);

export function isKnownInternalType(type: string): boolean {
  return known.has(type);
}

/** A plausible type name: letters, digits and underscores, starting with a letter. */
export function isWellFormedInternalType(type: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(type);
}

/**
 * The max length an instance gives a column whose dictionary record has
 * none, as the SDK's `getDefaultMaxLength` fills it in (reference notes,
 * servicenow-metadata-and-queries.md §3.1).
 */
export function defaultMaxLength(type: string): number {
  switch (type) {
    case 'reference':
    case 'GUID':
    case 'document_id':
      return 32;
    case 'table_name':
    case 'field_name':
      return 80;
    case 'glide_duration':
      return 20;
    case 'glide_list':
    case 'conditions':
    case 'json':
    case 'journal':
    case 'journal_input':
    case 'journal_list':
      return 4000;
    case 'script':
    case 'script_plain':
    case 'script_server':
      return 8000;
    case 'html':
    case 'translated_html':
      return 65536;
    default:
      return 40;
  }
}
