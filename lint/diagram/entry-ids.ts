/** Every entry and group id the plugin adds to the properties panel, from one place. */
export const SERVICENOW_GROUP_ID = 'servicenow';
export const TABLE_PICKER_ENTRY_ID = 'servicenow-table';
export const OUTPUT_HELPER_ENTRY_ID = 'servicenow-output-sysid';

/** The diagnostics entry placed right after a template's query field. */
export function queryDiagnosticsEntryId(queryEntryId: string): string {
  return `${queryEntryId}${DIAGNOSTICS_SUFFIX}`;
}

/** The query field a diagnostics entry id annotates, or undefined for other ids. */
export function annotatedQueryEntryId(entryId: string): string | undefined {
  return entryId.endsWith(DIAGNOSTICS_SUFFIX) ? entryId.slice(0, -DIAGNOSTICS_SUFFIX.length) : undefined;
}

const DIAGNOSTICS_SUFFIX = '-servicenow-diagnostics';

/** The findings entry placed right after another checked input (the columns to return, a payload). */
export function inputChecksEntryId(inputEntryId: string): string {
  return `${inputEntryId}${INPUT_CHECKS_SUFFIX}`;
}

/** The input a findings entry id annotates, or undefined for other ids. */
export function annotatedInputEntryId(entryId: string): string | undefined {
  return entryId.endsWith(INPUT_CHECKS_SUFFIX) ? entryId.slice(0, -INPUT_CHECKS_SUFFIX.length) : undefined;
}

const INPUT_CHECKS_SUFFIX = '-servicenow-checks';

/** The sys_id variable picker placed right after a sys_id field. */
export function sysIdPickerEntryId(fieldEntryId: string): string {
  return `${fieldEntryId}-servicenow-sysid-picker`;
}

/** The query autocomplete placed after a query field (and its diagnostics). */
export function queryAutocompleteEntryId(queryEntryId: string): string {
  return `${queryEntryId}-servicenow-autocomplete`;
}

/** The text filter at the top of a table template's collapsed "More fields" group. */
export const MORE_FIELDS_FILTER_ENTRY_ID = 'servicenow-more-fields-filter';
