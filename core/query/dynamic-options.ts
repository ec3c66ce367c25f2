/**
 * The dynamic filter options (sys_filter_option_dynamic) an instance has out
 * of the box, by sys_id, for `DYNAMIC<sys_id>` and the start of
 * `IN_HIERARCHY_DYNAMIC`. Labels and the table each option's references point
 * to: ServiceNowDocs platform-user-interface/r_UsingTheDynamicOperator.md
 * ("The following dynamic filter options are available by default").
 * The sys_ids for those labels: benthomasknight/sn-encoded-query@5f7324b
 * src/Comparators/Dynamic.ts (all five), confirmed for Me by ServiceNowDocs
 * r_OpAvailableFiltersQueries.md:762 ("starting at [Me]" is `%4090d1921e…`).
 * That doc's DYNAMIC example labels `54635e96…` Me as well, where the SDK-era
 * sources name it One of My Approvals; both point to users, so no check
 * depends on which is right.
 */

export interface DynamicOption {
  label: string;
  /** The table the option's sys_ids belong to: the field's reference must be this table (or in its hierarchy). */
  table: string;
}

export const DYNAMIC_OPTIONS: ReadonlyMap<string, DynamicOption> = new Map([
  ['90d1921e5f510100a9ad2572f2b477fe', { label: 'Me', table: 'sys_user' }],
  ['0f63961e5f510100a9ad2572f2b47745', { label: 'One of My Assignments', table: 'sys_user' }],
  ['54635e965f510100a9ad2572f2b4774c', { label: 'One of My Approvals', table: 'sys_user' }],
  ['32a39a165f510100a9ad2572f2b477a0', { label: 'Users With Roles', table: 'sys_user' }],
  ['d6435e965f510100a9ad2572f2b47744', { label: 'One of My Groups', table: 'sys_user_group' }]
]);

export function dynamicOption(sysId: string): DynamicOption | undefined {
  return DYNAMIC_OPTIONS.get(sysId);
}
