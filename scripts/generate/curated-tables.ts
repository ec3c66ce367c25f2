/**
 * The tables `generate` makes templates for by default (and the bundled
 * templates/ holds): the ones a process modeler looks for in ITSM work. The
 * snapshot knows every SDK table, so any other one is a `--tables x` or
 * `--all` away. This list is the one place to add a table to the defaults.
 *
 * A table joins once its template is usable as shipped: the overlay names its
 * primary fields (otherwise every field sits behind "Show the other N
 * fields"), and it has a free-text column the end-to-end tests mark records
 * with. sc_cat_item, core_company, cmn_department, cmn_cost_center,
 * alm_asset, alm_hardware, kb_knowledge_base and task_sla wait for their
 * primary fields; sysapproval_approver has them but no free-text column (its
 * state is a choice list, its comments a journal).
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
  'kb_knowledge'
];
