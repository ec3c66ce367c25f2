/**
 * What the Table API does not do for some out-of-box tables, said in the
 * template description so a modeler picks the right API (ServiceNowDocs
 * c_ServiceCatalogAPI.md, change-management-api.md; servicenow.itsm#292).
 */
const NOTES: Record<string, string> = {
  sc_req_item: 'A requested item created through the Table API bypasses the catalog: no request, no variables, no catalog flow, no approvals. Order new items with a "ServiceNow: Order <item>" template (or "ServiceNow: Order catalog item"), which use the Service Catalog API (order_now).',
  sc_request: 'Creating requests here does not order catalog items: use the Service Catalog API (order_now) for new orders.',
  change_request: 'To create changes from change models or standard templates, ServiceNow offers the Change Management API (/api/sn_chg_rest/change/...).'
};

export function tableNote(tableName: string): string | undefined {
  return NOTES[tableName];
}

/** Tables whose Create the note warns about: shown under the operation menu, where Create is picked. */
const CREATE_WARNINGS = new Set(['sc_req_item', 'sc_request']);

export function createNote(tableName: string): string | undefined {
  return CREATE_WARNINGS.has(tableName) ? `Create: ${NOTES[tableName] ?? ''}` : undefined;
}
