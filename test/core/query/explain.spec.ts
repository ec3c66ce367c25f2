import { describe, expect, it } from 'vitest';
import { checkQuery, explainQuery, parseQuery } from '../../../core/query/index';
import { metadata } from './metadata';

const withMetadata = { table: 'incident', metadata: metadata() };

describe('core/query - explain', () => {
  it('explains the issue example like ServiceNow breadcrumbs, with labels and choice labels', () => {
    // given
    const { ast } = parseQuery('active=true^priority=1^ORpriority=2^ORDERBYDESCsys_created_on');

    // when
    const text = explainQuery(ast, withMetadata);

    // then
    expect(text).toBe('Active is true and (Priority is 1 - Critical or Priority is 2 - High), newest Created first');
  });

  it('humanizes field names without metadata', () => {
    expect(checkQuery('active=true^priority=1^ORpriority=2^ORDERBYDESCsys_created_on').explanation)
      .toBe('Active is true and (Priority is 1 or Priority is 2), newest Created first');
  });

  it.each([
    ['', 'All records'],
    ['ORDERBYnumber', 'All records, sorted by Number'],
    ['ORDERBYnumber^ORDERBYDESCpriority', 'All records, sorted by Number, then sorted by Priority descending'],
    ['active=true^NQstate=1^priority=1', 'Active is true or (State is New and Priority is 1 - Critical)'],
    ['stateNOT IN6,7', 'State is not one of Resolved, Closed'],
    ['caller_id.department.name=IT', 'Caller.Department.Name is IT'],
    ['short_descriptionLIKEvpn^descriptionISEMPTY', 'Short description contains vpn and Description is empty'],
    ['opened_at>2024-01-01', 'Opened after 2024-01-01'],
    ['opened_at!=NULL', 'Opened is not empty'],
    ['assignment_group=', 'Assignment group is empty'],
    ['reassignment_countBETWEEN1@3', 'Reassignment count is between 1 and 3'],
    ['sla_dueONToday@javascript:gs.beginningOfToday()@javascript:gs.endOfToday()', 'SLA due on Today'],
    ['sla_dueRELATIVEGT@dayofweek@ago@7', 'SLA due is after 7 days ago'],
    ['sla_dueMORETHANactivity_due@day@before@1', 'SLA due is more than 1 day before Activity due'],
    ['caller_id=javascript:gs.getUserID()', 'Caller is the result of gs.getUserID()'],
    ['RLQUERYsys_user_group.manager,>=1^active=true^ENDRLQUERY', 'with at least 1 Group record (by manager) where Active is true'],
    ['123TEXTQUERY321=email', 'matching the keywords "email"'],
    ['active=true^EQ^GROUPBYcategory', 'Active is true, grouped by Category'],
    ['opened_at=2024-01-05 10:00:00', 'Opened is 2024-01-05 10:00:00'],
    ['=true', '(missing field) is true'],
    ['GOTOnumber>=INC0010021', 'Number is at least INC0010021'],
    // ServiceNow/ServiceNowDocs@cb48b5c markdown/platform-administration/c_UseTheINSTANCEOFOperator.md:20
    ['sys_class_nameINSTANCEOFcmdb_ci_server', 'Task type is cmdb_ci_server or a class extending it'],
    ['caller_id.sys_class_nameINSTANCEOFsys_user', 'Caller.Class is User (sys_user) or a class extending it']
  ])('explains %j', (query, expected) => {
    expect(checkQuery(query, withMetadata).explanation).toBe(expected);
  });
});
