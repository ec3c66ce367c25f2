/**
 * The tables `generate` makes templates for by default (and the bundled
 * templates/ holds): the ones a process modeler looks for in ITSM work. The
 * snapshot knows every SDK table, so any other one is a `--tables x` or
 * `--all` away. This list is the one place to add a table to the defaults.
 *
 * A table joins once its template is usable as shipped: the overlay names its
 * primary fields (otherwise every field sits behind "Show the other N
 * fields"). sc_cat_item, core_company, cmn_department, cmn_cost_center,
 * alm_asset, alm_hardware, kb_knowledge_base and task_sla wait for theirs.
 */
export const CURATED_TABLES: readonly string[] = [
  // Incident, problem and change management, with their tasks
  'incident', 'incident_task', 'problem', 'problem_task', 'change_request', 'change_task',
  // Service catalog: requests, requested items and their tasks
  'sc_request', 'sc_req_item', 'sc_task',
  // People and places
  'sys_user', 'sys_user_group', 'cmn_location',
  // Configuration items and services
  'cmdb_ci', 'cmdb_ci_hardware', 'cmdb_ci_computer', 'cmdb_ci_server', 'cmdb_ci_service', 'cmdb_ci_business_app', 'service_offering',
  // Knowledge
  'kb_knowledge',
  // Approvals: one record per approver of a change, request or item
  'sysapproval_approver'
];
