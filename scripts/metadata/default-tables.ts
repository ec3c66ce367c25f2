/** The tables the bundled snapshot covers (issue 3); `metadata import-sdk` imports these by default. */
export const DEFAULT_TABLES = [
  'task', 'incident', 'incident_task', 'problem', 'problem_task', 'change_request', 'change_task',
  'sc_request', 'sc_req_item', 'sc_task', 'sys_user', 'sys_user_group', 'cmdb_ci', 'cmdb_ci_server', 'kb_knowledge'
];
