/**
 * The one table of ServiceNow field types: for each `internal_type` the
 * loader knows, how the query validator reads it (family, whether its values
 * are sys_ids), how the template builder offers it (input kind, with that
 * kind's pattern and placeholder), the max length an instance gives it when
 * the dictionary has none, and which restricted query operators apply.
 *
 * Sources: ServiceNow's "Field types" reference (ServiceNowDocs
 * platform-administration/r_FieldTypes.md), the types the SDK's Fluent
 * columns produce (`sdk` below, @servicenow/sdk-core src/db/types/*.ts), the
 * SDK's `getDefaultMaxLength` (column-helper.ts) for the max lengths, and
 * the operator table by field type (platform-user-interface
 * r_OpAvailableFiltersQueries.md). A type outside the table is kept as it is,
 * with a loader warning: instances add types over time.
 */

/**
 * How the query validator reads a type (r_OpAvailableFiltersQueries's
 * families). `choice` is never a type's family: a field with an active choice
 * list is read as one whatever its type. `other` is never flagged.
 */
export type QueryFamily = 'string' | 'reference' | 'choice' | 'date' | 'number' | 'boolean' | 'other';

/** How the template builder offers a column (a choice list overrides it with a dropdown). */
export type InputKind = 'boolean' | 'reference' | 'list' | 'integer' | 'decimal' | 'datetime' | 'date' | 'time' | 'duration' | 'longText' | 'secret' | 'text';

export interface FieldType {
  family: QueryFamily;
  input: InputKind;
  /** `max_length` when the dictionary record has none. */
  maxLength: number;
  /** The value is one record's sys_id (checked as such in queries, patterned in templates). */
  sysId: boolean;
  /** The Fluent column function of @servicenow/sdk-core that produces the type, if one does. */
  sdk?: string;
}

/** Value formats, as pattern bodies without anchors. ServiceNow writes sys_ids in lower case (GlideGuid), and query values are case-sensitive (c_TableAPI.md). */
export const SYS_ID = '[0-9a-f]{32}';
export const INTEGER = '-?\\d+';
export const DECIMAL = '-?\\d+(?:\\.\\d+)?';
export const DATE = '\\d{4}-\\d{2}-\\d{2}';
export const TIME = '\\d{2}:\\d{2}:\\d{2}';
export const DATE_TIME = `${DATE} ${TIME}`;
/** A connector secret placeholder, replaced by the runtime: `{{secrets.NAME}}`. */
export const SECRET_PLACEHOLDER = '\\{\\{secrets\\.[A-Za-z0-9_.-]+\\}\\}';

/**
 * Records whose sys_id is a word, not 32 hexadecimal characters, by the
 * table that holds them (its child tables hold them too): the Global
 * application is `global` (a record's sys_scope reads "global" in
 * ServiceNowDocs api-reference/server-api-reference/c_CatalogItemVariableSetM2M.md).
 */
export const WORD_SYS_IDS: Readonly<Record<string, readonly string[]>> = { sys_package: ['global'] };

/** What each input kind accepts besides FEEL (a pattern body) and what its empty input shows. */
export interface InputFormat {
  pattern?: string;
  /** The placeholder; `reference` is the table a reference or list points at, `dependentOn` the field naming a document_id's table. */
  placeholder?: (field: { reference?: string; dependentOnField?: string }) => string;
}

export const INPUT_FORMATS: Readonly<Record<InputKind, InputFormat>> = {
  boolean: {},
  reference: {
    pattern: SYS_ID,
    placeholder: ({ reference, dependentOnField }) =>
      reference ? `sys_id of ${article(reference)} ${reference} record` : dependentOnField ? `sys_id of a record in the table ${dependentOnField} names` : 'sys_id'
  },
  list: { placeholder: ({ reference }) => (reference ? `sys_ids of ${reference} records, comma-separated` : 'Comma-separated values') },
  integer: { pattern: INTEGER, placeholder: () => 'A whole number' },
  decimal: { pattern: DECIMAL, placeholder: () => 'A number, e.g. 12.5' },
  datetime: { pattern: DATE_TIME, placeholder: () => 'yyyy-MM-dd HH:mm:ss (UTC; with display values, the user\'s time zone)' },
  // A duration is stored as the time after 1970-01-01 00:00:00.
  duration: { pattern: DATE_TIME, placeholder: () => 'yyyy-MM-dd HH:mm:ss, from 1970-01-01 00:00:00' },
  date: { pattern: DATE, placeholder: () => 'yyyy-MM-dd' },
  time: { pattern: TIME, placeholder: () => 'HH:mm:ss (UTC; with display values, the user\'s time zone)' },
  // A password typed into a template would be stored in the diagram in plain text.
  secret: { pattern: SECRET_PLACEHOLDER, placeholder: () => '{{secrets.NAME}}' },
  longText: {},
  text: {}
};

type Row = [family: QueryFamily, input: InputKind, maxLength?: number, extra?: { sysId?: true; sdk?: string }];

const text: Row = ['other', 'text'];
const sdkText = (sdk: string): Row => ['other', 'text', 40, { sdk }];

const ROWS: Record<string, Row> = {
  approval_rules: sdkText('ApprovalRulesColumn'),
  audio: text,
  // Auto Increment extends Long Integer (the platform numbers the records).
  auto_increment: ['number', 'integer'],
  auto_number: text,
  basic_image: text,
  boolean: ['boolean', 'boolean', 40, { sdk: 'BooleanColumn' }],
  bootstrap_color: text,
  breakdown_element: text,
  calendar_date_time: ['date', 'datetime', 40, { sdk: 'CalendarDateTimeColumn' }],
  catalog_preview: text,
  char: ['string', 'text'],
  choice: ['string', 'text', 40, { sdk: 'ChoiceColumn' }],
  collection: text,
  color: text,
  composite_field: text,
  composite_name: ['string', 'text'],
  compressed: text,
  condition_string: text,
  conditions: ['string', 'longText', 4000, { sdk: 'ConditionsColumn' }],
  counter: text,
  css: text,
  currency: text,
  currency2: text,
  data_array: text,
  data_object: text,
  data_structure: text,
  // The basic date and date/time types (no time zone conversion).
  date: ['date', 'date'],
  datetime: ['date', 'datetime'],
  day_of_week: sdkText('DayOfWeekColumn'),
  days_of_week: sdkText('DaysOfWeekColumn'),
  decimal: ['number', 'decimal', 40, { sdk: 'DecimalColumn' }],
  decoration: text,
  // The sys_id of a record in the table another field (dependent_on_field) names.
  document_id: ['string', 'reference', 32, { sysId: true, sdk: 'DocumentIdColumn' }],
  documentation_field: text,
  domain_id: sdkText('DomainIdColumn'),
  domain_number: text,
  domain_path: ['string', 'text', 40, { sdk: 'DomainPathColumn' }],
  due_date: ['date', 'datetime', 40, { sdk: 'DueDateColumn' }],
  email: ['string', 'text', 40, { sdk: 'EmailColumn' }],
  email_script: text,
  encrypted_text: text,
  expression: text,
  external_names: text,
  field_list: sdkText('FieldListColumn'),
  field_name: ['string', 'text', 80, { sdk: 'FieldNameColumn' }],
  file_attachment: text,
  float: ['number', 'decimal', 40, { sdk: 'FloatColumn' }],
  formula: text,
  glide_action_list: text,
  glide_date: ['date', 'date', 40, { sdk: 'DateColumn' }],
  glide_date_time: ['date', 'datetime', 40, { sdk: 'DateTimeColumn' }],
  glide_duration: ['other', 'duration', 20, { sdk: 'DurationColumn' }],
  glide_encrypted: text,
  glide_list: ['other', 'list', 4000, { sdk: 'ListColumn' }],
  glide_precise_time: text,
  glide_time: ['other', 'time', 40, { sdk: 'TimeColumn' }],
  // A date and time kept in UTC, written like glide_date_time.
  glide_utc_time: ['date', 'datetime'],
  glide_var: text,
  glyphicon: text,
  graphql_schema: text,
  GUID: ['string', 'reference', 32, { sysId: true, sdk: 'GuidColumn' }],
  html: ['string', 'longText', 65536, { sdk: 'HtmlColumn' }],
  html_script: text,
  html_template: text,
  icon: text,
  image: sdkText('BasicImageColumn'),
  index_name: text,
  insert_timestamp: text,
  int: ['number', 'integer'],
  integer: ['number', 'integer', 40, { sdk: 'IntegerColumn' }],
  integer_date: sdkText('IntegerDateColumn'),
  integer_time: text,
  internal_type: text,
  ip_addr: text,
  ip_address: text,
  journal: ['string', 'longText', 4000],
  journal_input: ['string', 'longText', 4000],
  journal_list: ['string', 'longText', 4000],
  json: ['other', 'longText', 4000, { sdk: 'JsonColumn' }],
  json_translations: text,
  language: text,
  long: ['number', 'integer'],
  longint: ['number', 'integer'],
  mask_code: text,
  metric_absolute: text,
  metric_counter: text,
  metric_derive: text,
  metric_gauge: text,
  month_of_year: text,
  multi_small: text,
  multi_two_lines: ['string', 'longText', 40, { sdk: 'MultiLineTextColumn' }],
  name_values: sdkText('NameValuePairsColumn'),
  nds_icon: text,
  nl_task_int1: text,
  numeric: ['number', 'decimal'],
  order_index: ['number', 'integer'],
  // One- and two-way encrypted passwords (sys_user.user_password...).
  password: ['other', 'secret'],
  password2: ['other', 'secret', 40, { sdk: 'Password2Column' }],
  // Percent Complete extends Decimal (shown as a progress bar).
  percent_complete: ['number', 'decimal'],
  ph_number: ['string', 'text'],
  phone_number: ['string', 'text'],
  phone_number_e164: ['string', 'text'],
  price: text,
  properties: text,
  radio: sdkText('RadioColumn'),
  record_hierarchy_path: text,
  records: sdkText('RecordsColumn'),
  reference: ['reference', 'reference', 32, { sdk: 'ReferenceColumn' }],
  reference_name: text,
  related_tags: text,
  repeat_count: text,
  repeat_type: text,
  replication_payload: text,
  // Stored in the schedule's own format (20240105T100000), not as a Table API date-time.
  schedule_date_time: ['date', 'text', 40, { sdk: 'ScheduleDateTimeColumn' }],
  schedule_interval_count: text,
  script: ['string', 'longText', 8000, { sdk: 'ScriptColumn' }],
  script_client: text,
  script_plain: ['string', 'longText', 8000],
  script_server: ['other', 'longText', 8000],
  short_field_name: text,
  short_table_name: text,
  simple_name_values: text,
  slushbucket: sdkText('SlushBucketColumn'),
  snapshot_template_value: text,
  source_id: text,
  source_name: text,
  source_table: text,
  string: ['string', 'text', 40, { sdk: 'StringColumn' }],
  string_boolean: text,
  string_full_utf8: ['string', 'text'],
  styled_text: text,
  sys_class_code: text,
  sys_class_name: ['string', 'text', 40, { sdk: 'SystemClassNameColumn' }],
  sys_class_path: text,
  sysevent_name: text,
  sysrule_field_name: text,
  system_class_name: text,
  table_name: ['string', 'text', 80, { sdk: 'TableNameColumn' }],
  template_value: sdkText('TemplateValueColumn'),
  timer: ['other', 'duration'],
  translated: text,
  translated_field: ['string', 'text', 40, { sdk: 'TranslatedFieldColumn' }],
  translated_html: ['string', 'longText', 65536],
  translated_text: ['string', 'text', 40, { sdk: 'TranslatedTextColumn' }],
  tree_code: text,
  tree_path: text,
  url: ['string', 'text', 40, { sdk: 'UrlColumn' }],
  user_image: sdkText('UserImageColumn'),
  user_input: ['string', 'text'],
  user_roles: sdkText('UserRolesColumn'),
  variables: text,
  variable_conditions: text,
  variable_template_value: text,
  version: sdkText('VersionColumn'),
  video: text,
  week_of_month: text,
  wide_text: text,
  wiki_text: ['string', 'longText'],
  workflow: text,
  workflow_conditions: text,
  xml: text
};

const FIELD_TYPES: ReadonlyMap<string, FieldType> = new Map(
  Object.entries(ROWS).map(([type, [family, input, maxLength = 40, extra = {}]]) => [
    type,
    { family, input, maxLength, sysId: extra.sysId === true, ...(extra.sdk ? { sdk: extra.sdk } : {}) }
  ])
);

/** An unknown type: never flagged in queries, offered as free text, 40 characters like the platform's default. */
const UNKNOWN: FieldType = { family: 'other', input: 'text', maxLength: 40, sysId: false };

/** The row of a known type, or undefined. */
export function knownFieldType(type: string): FieldType | undefined {
  return FIELD_TYPES.get(type);
}

/** The row of a type, an unknown one read as free text. */
export function fieldType(type: string): FieldType {
  return FIELD_TYPES.get(type) ?? UNKNOWN;
}

/** Every type in the table. */
export function fieldTypeNames(): string[] {
  return [...FIELD_TYPES.keys()];
}

export function isKnownInternalType(type: string): boolean {
  return FIELD_TYPES.has(type);
}

/** A plausible type name: letters, digits and underscores, starting with a letter. */
export function isWellFormedInternalType(type: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(type);
}

/** The max length an instance gives a column whose dictionary record has none (the SDK's `getDefaultMaxLength`). */
export function defaultMaxLength(type: string): number {
  return fieldType(type).maxLength;
}

/** Why an operator is limited, worded by the validator. */
export type OperatorLimit = 'date-only' | 'reference-only' | 'class-only' | 'geo-only' | 'not-boolean' | 'numbers-or-dates';

interface OperatorScope {
  operators: readonly string[];
  limit: OperatorLimit;
  /** It applies only to these families ... */
  families?: readonly QueryFamily[];
  /** ... or only to these types ... */
  types?: readonly string[];
  /** ... or to every family but these. */
  except?: readonly QueryFamily[];
}

const DATE_ONLY = ['ON', 'NOTON', 'DATEPART', 'RELATIVEGT', 'RELATIVELT', 'RELATIVEGE', 'RELATIVELE', 'RELATIVEEE', 'MORETHAN', 'LESSTHAN'];
const FIELD_COMPARISONS = ['GT_FIELD', 'LT_FIELD', 'GT_OR_EQUALS_FIELD', 'LT_OR_EQUALS_FIELD'];
const ORDERING = ['<', '<=', '>', '>=', 'BETWEEN', ...FIELD_COMPARISONS];
const TEXT_MATCH = ['LIKE', 'NOT LIKE', 'STARTSWITH', 'ENDSWITH'];

/**
 * The operators limited to some types, in the order they are checked; any
 * other operator applies to every type. Only clear mismatches are listed:
 * the docs' per-type table is narrower than what the platform runs (IN on
 * strings and references is everyday practice, and DYNAMIC has dynamic filter
 * options for strings too).
 */
export const OPERATOR_SCOPES: readonly OperatorScope[] = [
  { operators: DATE_ONLY, limit: 'date-only', families: ['date'] },
  { operators: ['IN_HIERARCHY', 'IN_HIERARCHY_DYNAMIC'], limit: 'reference-only', families: ['reference'] },
  { operators: ['INSTANCEOF'], limit: 'class-only', types: ['sys_class_name'] },
  // The geo point type (`geo_point` among the SDK's data types, flow-data-helpers.ts).
  { operators: ['DISTANCE_SPHERE_WITHIN'], limit: 'geo-only', types: ['geo_point'] },
  { operators: [...ORDERING, ...TEXT_MATCH], limit: 'not-boolean', except: ['boolean'] },
  { operators: FIELD_COMPARISONS, limit: 'numbers-or-dates', families: ['number', 'date', 'choice'] }
];

/** Every operator some scope limits: any other applies to every type, without a scan of the scopes. */
const LIMITED: ReadonlySet<string> = new Set(OPERATOR_SCOPES.flatMap((scope) => scope.operators));

/** Why `operator` does not apply to a field of `family` and `type`, or undefined when it does (always for `other`). */
export function operatorLimit(operator: string, family: QueryFamily, type: string): OperatorLimit | undefined {
  if (family === 'other' || !LIMITED.has(operator)) return undefined;
  for (const scope of OPERATOR_SCOPES) {
    if (!scope.operators.includes(operator)) continue;
    const applies = scope.families ? scope.families.includes(family) : scope.types ? scope.types.includes(type) : !scope.except?.includes(family);
    if (!applies) return scope.limit;
  }
  return undefined;
}

/** `a` or `an` before a table name, for placeholders. */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
