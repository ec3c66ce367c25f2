/**
 * The tables `generate` makes templates for by default (and the bundled
 * templates/ holds): the ones a process modeler looks for in ITSM work. The
 * snapshot knows every SDK table, so any other one is a `--tables x` or
 * `--all` away. This list is the one place to add a table to the defaults.
 */
export const CURATED_TABLES: readonly string[] = [
  // Incident, problem and change management, with their tasks
  'incident', 'incident_task', 'problem', 'problem_task', 'change_request', 'change_task',
  // Service catalog: requests, requested items, their tasks and the items themselves; approvals of any of them
  'sc_request', 'sc_req_item', 'sc_task', 'sc_cat_item', 'sysapproval_approver',
  // People and organisation
  'sys_user', 'sys_user_group', 'core_company', 'cmn_department', 'cmn_location', 'cmn_cost_center',
  // Configuration items, services and assets
  'cmdb_ci', 'cmdb_ci_hardware', 'cmdb_ci_computer', 'cmdb_ci_server', 'cmdb_ci_service', 'cmdb_ci_business_app', 'service_offering', 'alm_asset', 'alm_hardware',
  // Knowledge and service levels
  'kb_knowledge', 'kb_knowledge_base', 'task_sla'
];
