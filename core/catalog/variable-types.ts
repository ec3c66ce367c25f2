/**
 * The numeric `item_option_new.type` codes of Service Catalog variables and
 * how each becomes a template input. The codes and names are those of
 * `VARIABLE_TYPE_TO_NAME` in @servicenow/sdk-build-plugins 4.9.0
 * (`src/service-catalog/variable-helper.ts`, MIT licence), which maps them to
 * the SDK's variable classes; code 13 and 30 are not used there.
 */

/** The SDK class name of each type code, without its `Variable` suffix. */
export const VARIABLE_TYPE_NAMES: Readonly<Record<string, string>> = {
  '1': 'YesNo',
  '2': 'MultiLineText',
  '3': 'MultipleChoice',
  '4': 'NumericScale',
  '5': 'SelectBox',
  '6': 'SingleLineText',
  '7': 'Checkbox',
  '8': 'Reference',
  '9': 'Date',
  '10': 'DateTime',
  '11': 'Label',
  '12': 'Break',
  '14': 'Custom',
  '15': 'UIPage',
  '16': 'WideSingleLineText',
  '17': 'CustomWithLabel',
  '18': 'LookupSelectBox',
  '19': 'ContainerStart',
  '20': 'ContainerEnd',
  '21': 'ListCollector',
  '22': 'LookupMultipleChoice',
  '23': 'Html',
  '24': 'ContainerSplit',
  '25': 'Masked',
  '26': 'Email',
  '27': 'Url',
  '28': 'IpAddress',
  '29': 'Duration',
  '31': 'RequestedFor',
  '32': 'RichTextLabel',
  '33': 'Attachment'
};

/**
 * How a variable is typed in a template:
 * - `none`: form layout or UI only (labels, breaks, containers, UI pages,
 *   macros), or an attachment, which order_now cannot set: no input;
 * - `yesNo` (sent as "Yes"/"No") and `checkbox` ("true"/"false"): booleans;
 * - `choice`: the item's question_choice values, offered by label;
 * - `reference`: a sys_id of the variable's reference table (`list` takes
 *   comma-separated sys_ids);
 * - `date` / `dateTime`: in the instance's internal format;
 * - `number`, `email`, `url`: text with a pattern; `text`: anything else.
 */
export type VariableInputKind = 'none' | 'yesNo' | 'checkbox' | 'choice' | 'reference' | 'list' | 'date' | 'dateTime' | 'number' | 'email' | 'url' | 'text';

const KIND_OF: Readonly<Record<string, VariableInputKind>> = {
  YesNo: 'yesNo',
  Checkbox: 'checkbox',
  MultipleChoice: 'choice',
  SelectBox: 'choice',
  NumericScale: 'number',
  Reference: 'reference',
  RequestedFor: 'reference',
  ListCollector: 'list',
  Date: 'date',
  DateTime: 'dateTime',
  Email: 'email',
  Url: 'url',
  Label: 'none',
  Break: 'none',
  Custom: 'none',
  CustomWithLabel: 'none',
  UIPage: 'none',
  ContainerStart: 'none',
  ContainerEnd: 'none',
  ContainerSplit: 'none',
  RichTextLabel: 'none',
  Attachment: 'none'
};

/** The input kind of a type code; an unknown code is read as text (the loader warns about it). */
export function variableInputKind(typeCode: string): VariableInputKind {
  const name = VARIABLE_TYPE_NAMES[typeCode];
  return name === undefined ? 'text' : (KIND_OF[name] ?? 'text');
}

/** A Requested For variable always references sys_user, whatever its `reference` column says. */
export function variableReferenceTable(typeCode: string, reference: string | undefined): string | undefined {
  return VARIABLE_TYPE_NAMES[typeCode] === 'RequestedFor' ? 'sys_user' : reference;
}
