/**
 * Which `internal_type` each Fluent column function of `@servicenow/sdk-core`
 * produces (src/db/types/*.ts; GenericColumn, ScriptColumn and
 * UserImageColumn carry it in `columnType`). The compiled JavaScript loses
 * the function names, which is why the importer reads the `.now.ts` sources.
 */
export const columnFunctionTypes: Readonly<Record<string, string>> = {
  ApprovalRulesColumn: 'approval_rules',
  BasicImageColumn: 'image',
  BooleanColumn: 'boolean',
  CalendarDateTimeColumn: 'calendar_date_time',
  ChoiceColumn: 'choice',
  ConditionsColumn: 'conditions',
  DateColumn: 'glide_date',
  DateTimeColumn: 'glide_date_time',
  DayOfWeekColumn: 'day_of_week',
  DaysOfWeekColumn: 'days_of_week',
  DecimalColumn: 'decimal',
  DocumentIdColumn: 'document_id',
  DomainIdColumn: 'domain_id',
  DomainPathColumn: 'domain_path',
  DueDateColumn: 'due_date',
  DurationColumn: 'glide_duration',
  EmailColumn: 'email',
  FieldListColumn: 'field_list',
  FieldNameColumn: 'field_name',
  FloatColumn: 'float',
  GuidColumn: 'GUID',
  HtmlColumn: 'html',
  IntegerColumn: 'integer',
  IntegerDateColumn: 'integer_date',
  JsonColumn: 'json',
  ListColumn: 'glide_list',
  MultiLineTextColumn: 'multi_two_lines',
  NameValuePairsColumn: 'name_values',
  Password2Column: 'password2',
  RadioColumn: 'radio',
  RecordsColumn: 'records',
  ReferenceColumn: 'reference',
  ScheduleDateTimeColumn: 'schedule_date_time',
  ScriptColumn: 'script',
  SlushBucketColumn: 'slushbucket',
  StringColumn: 'string',
  SystemClassNameColumn: 'sys_class_name',
  TableNameColumn: 'table_name',
  TemplateValueColumn: 'template_value',
  TimeColumn: 'glide_time',
  TranslatedFieldColumn: 'translated_field',
  TranslatedTextColumn: 'translated_text',
  UrlColumn: 'url',
  UserImageColumn: 'user_image',
  UserRolesColumn: 'user_roles',
  VersionColumn: 'version'
};

/** The column function that declares a dictionary override instead of a column. */
export const OVERRIDE_FUNCTION = 'OverrideColumn';

/** Column functions whose type is given by the `columnType` (or legacy `column_type`) option. */
export const typeFromOption = new Set(['GenericColumn']);
