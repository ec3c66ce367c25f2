/**
 * What the Table API does not do for some out-of-box tables, said in the
 * template description so a modeler picks the right API (ServiceNowDocs
 * c_ServiceCatalogAPI.md, change-management-api.md; servicenow.itsm#292).
 */
const NOTES: Record<string, string> = {
  sc_req_item: 'Creating requested items here does not fill catalog variables or start fulfilment: order new items through the Service Catalog API (POST /api/sn_sc/servicecatalog/items/{sys_id}/order_now).',
  sc_request: 'Creating requests here does not order catalog items: use the Service Catalog API (order_now) for new orders.',
  change_request: 'To create changes from change models or standard templates, ServiceNow offers the Change Management API (/api/sn_chg_rest/change/...).'
};

export function tableNote(tableName: string): string | undefined {
  return NOTES[tableName];
}
