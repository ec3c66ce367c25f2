import { describe, expect, it } from 'vitest';
import { checkQuery, explainQuery, parseQuery } from '../../../core/query/index';
import { field, metadata, table } from './metadata';

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
    // ref_<table> reads the record as a record of a child table (the labels are that table's)
    ['ref_incident.caller_id.name=Abel Tuter', 'Incident.Caller.Name is Abel Tuter'],
    ['short_descriptionLIKEvpn^descriptionISEMPTY', 'Short description contains vpn and Description is empty'],
    ['opened_at>2024-01-01', 'Opened after 2024-01-01'],
    ['opened_at!=NULL', 'Opened is not empty'],
    ['assignment_group=', 'Assignment group is empty'],
    ['reassignment_countBETWEEN1@3', 'Reassignment count is between 1 and 3'],
    ['sla_dueONToday@javascript:gs.beginningOfToday()@javascript:gs.endOfToday()', 'SLA due on Today'],
    ['sla_dueRELATIVEGT@dayofweek@ago@7', 'SLA due is after 7 days ago'],
    // a negative count turns the direction round (a Grafana ServiceNow data source's query help, code index find_string id 26308138209)
    ['sla_dueRELATIVELT@hour@ago@-24', 'SLA due is before 24 hours from now'],
    ['sla_dueRELATIVEGT@day@ahead@-1', 'SLA due is after 1 day ago'],
    // ServiceNow/ServiceNowDocs@cb48b5c markdown/customer-service-management/customer-self-service-and-omnichannel-engagement/config-data-viz-comp.md:109
    ['sys_updated_onONLast 7 days@javascript:gs.beginningOfLast7Days()@javascript:gs.endOfLast7Days()', 'Updated on Last 7 days'],
    // ServiceNow/ServiceNowDocs@cb48b5c markdown/api-reference/server-api-reference/c_GlideSystemAPI.md:1083: the scripts, not the label, decide the range
    ['opened_atONThis week@javascript:gs.beginningOfThisWeek()@javascript:gs.endOfNextWeek()', 'Opened on This week (from the beginning of this week to the end of next week)'],
    ['opened_atONToday@javascript:gs.beginningOfYesterday()@javascript:gs.endOfYesterday()', 'Opened on Today (from the beginning of yesterday to the end of yesterday)'],
    ['sla_dueMORETHANactivity_due@day@before@1', 'SLA due is more than 1 day before Activity due'],
    // gs.getUserID() "Returns the sys_id of the current user", getMyGroups() the groups the current user belongs to (c_GlideSystemAPI.md);
    // the IN form from public code (code index find_string id 2074422141), the = form as incident modules write it
    ['caller_id=javascript:gs.getUserID()', 'Caller is the current user'],
    ['assignment_groupINjavascript:gs.getUser().getMyGroups()^active=true', "Assignment group is one of the current user's groups and Active is true"],
    ['assignment_group=javascript:getMyGroups()', "Assignment group is one of the current user's groups"],
    ['caller_idINjavascript:new MyUtil().callers()', 'Caller is one of the results of new MyUtil().callers()'],
    ['caller_id=javascript:new MyUtil().caller()', 'Caller is the result of new MyUtil().caller()'],
    // GlideSystem date scripts in words (ServiceNow/ServiceNowDocs@cb48b5c markdown/api-reference/server-api-reference/c_GlideSystemAPI.md);
    // the first from https://www.nowspectrum.com/blog/gliderecord-encoded-queries.html
    ['sys_created_on>=javascript:gs.beginningOfLast7Days()', 'Created at or after the beginning of the last 7 days'],
    ['opened_atBETWEENjavascript:gs.beginningOfLastWeek()@javascript:gs.endOfLastWeek()', 'Opened is between the beginning of last week and the end of last week'],
    ['opened_at<javascript:gs.daysAgoStart(30)', 'Opened before the beginning of the day 30 days ago'],
    ['opened_at<=javascript:gs.daysAgoEnd(1)', 'Opened at or before the end of yesterday'],
    ['opened_at>javascript:gs.daysAgo(7)', 'Opened after 7 days ago'],
    ['opened_atONLast 90 days@javascript:gs.beginningOfLast90Days()@javascript:gs.endOfLast90Days()', 'Opened on Last 90 days'],
    ['RLQUERYsys_user_group.manager,>=1^active=true^ENDRLQUERY', 'with at least 1 Group record (by manager) where Active is true'],
    // "^ORRLQUERY and ^NQRLQUERY end up treated the same as ^RLQUERY" (jamesamcgaha/supernow@8f9de92 posts/querying-related-tables.md)
    ['active=true^ORRLQUERYsys_user_group.manager,>=1^ENDRLQUERY', 'Active is true and with at least 1 Group record (by manager)'],
    ['active=true^NQRLQUERYsys_user_group.manager,>=1^ENDRLQUERY^NQpriority=1', '(Active is true and with at least 1 Group record (by manager)) or Priority is 1 - Critical'],
    // jamesamcgaha/supernow@8f9de92 posts/querying-related-tables.md:135 (there on sys_user; the labels come from the tables named)
    ['SUBQUERYcaller_id,manager,sys_user_group^active=true^ENDSUBQUERY', 'Caller is the Manager of a Group record where Active is true'],
    // the joined fields by their labels, as for SUBQUERY
    ['JOINincident.caller_id=sys_user.sys_id!active=true', 'joined with User (Caller = Sys ID) where Active is true'],
    ['123TEXTQUERY321=email', 'matching the keywords "email"'],
    // ServiceNow/ServiceNowDocs@cb48b5c markdown/platform-administration/c_ReferenceQualifiers.md: the script "must return a query string"
    ['javascript:new myScriptInclude().my_refqual()', 'The records matching the query that the script new myScriptInclude().my_refqual() returns'],
    // codecreative.io/blog/gliderecord-full-text-search-explained and snprotips.com/blog/2017/6/4/powerful-text-search-in-scripted-glide-record:
    // IR_AND_QUERY needs every term (as 123TEXTQUERY321), IR_OR_QUERY any, IR_AND_OR_QUERY every term and falls back to any
    ['IR_AND_QUERY=apples oranges', 'matching all the keywords "apples oranges"'],
    ['IR_OR_QUERY=apples oranges', 'matching any of the keywords "apples oranges"'],
    ['IR_AND_OR_QUERY=vpn^active=true', 'matching all the keywords "vpn" (else any of them) and Active is true'],
    ['active=true^EQ^GROUPBYcategory', 'Active is true, grouped by Category'],
    // the filter of the report "KPI - Number of Incidents by Category" ends so (code index find_string id 59236543825)
    ['active=true^GROUPBYcategory^TRENDBYopened_at,month', 'Active is true, grouped by Category, then trended by Opened per month'],
    ['opened_at=2024-01-05 10:00:00', 'Opened is 2024-01-05 10:00:00'],
    ['=true', '(missing field) is true'],
    ['active=true^ORDERBY', 'Active is true, sorted by (missing field)'],
    ['sla_dueSAMEAS', 'SLA due is the same as (missing field)'],
    ['GOTOnumber>=INC0010021', 'Number is at least INC0010021'],
    // ServiceNow/ServiceNowDocs@cb48b5c markdown/platform-user-interface/r_OpAvailableFiltersQueries.md ("Operators available for tags")
    ['sys_tags.6c361e12471331007f47563dbb9a7135=6c361e12471331007f47563dbb9a7135', 'has the tag 6c361e12471331007f47563dbb9a7135'],
    ['sys_tags.6c361e12471331007f47563dbb9a7135DOESNOTHAVE6c361e12471331007f47563dbb9a7135', 'has a tag other than 6c361e12471331007f47563dbb9a7135'],
    ['sys_tags.6c361e12471331007f47563dbb9a7135EXCLUDING6c361e12471331007f47563dbb9a7135^active=true', 'does not have the tag 6c361e12471331007f47563dbb9a7135 and Active is true'],
    // ServiceNow/ServiceNowDocs@cb48b5c markdown/platform-user-interface/r_OpAvailableFiltersQueries.md:742 and :762
    ['caller_id.managerIN_HIERARCHYfdd0fa0f93f5d2505bd0bd886cba1015%409ee1b13dc6112271007f9d0efdb69cd0',
      'Caller.Manager is in the hierarchy fdd0fa0f93f5d2505bd0bd886cba1015 starting at 9ee1b13dc6112271007f9d0efdb69cd0'],
    ['caller_id.managerIN_HIERARCHY_DYNAMICfdd0fa0f93f5d2505bd0bd886cba1015%4090d1921e5f510100a9ad2572f2b477fe',
      'Caller.Manager is in the hierarchy fdd0fa0f93f5d2505bd0bd886cba1015 starting at the dynamic option Me'],
    // the out-of-box dynamic filter options by their labels (ServiceNowDocs r_UsingTheDynamicOperator.md; sys_ids: benthomasknight/sn-encoded-query@5f7324b src/Comparators/Dynamic.ts)
    ['active=true^assigned_toDYNAMIC90d1921e5f510100a9ad2572f2b477fe^assignment_groupDYNAMICd6435e965f510100a9ad2572f2b47744',
      'Active is true and Assigned to is (dynamic) Me and Assignment group is (dynamic) One of My Groups'],
    ['caller_idDYNAMIC0f63961e5f510100a9ad2572f2b47745,b637bd21ef3221002841f7f775c0fbb6', 'Caller is (dynamic) One of My Assignments, b637bd21ef3221002841f7f775c0fbb6'],
    // ServiceNow/ServiceNowDocs@cb48b5c markdown/platform-administration/c_UseTheINSTANCEOFOperator.md:20
    ['sys_class_nameINSTANCEOFcmdb_ci_server', 'Task type is cmdb_ci_server or a class extending it'],
    ['caller_id.sys_class_nameINSTANCEOFsys_user', 'Caller.Class is User (sys_user) or a class extending it'],
    // ServiceNow/ServiceNowDocs@1911a1d markdown/platform-user-interface/r_OpAvailableFiltersQueries.md (date-time fields: trend (on or after) ... trend (on))
    ["sla_dueDATEPARTMonday@javascript:gs.datePart('dayofweek','monday','GE')", 'SLA due trend on or after Monday'],
    ["sla_dueDATEPARTMonday@javascript:gs.datePart('dayofweek','monday','LE')", 'SLA due trend on or before Monday'],
    ["sla_dueDATEPARTMonday@javascript:gs.datePart('dayofweek','monday','GT')", 'SLA due trend after Monday'],
    ["sla_dueDATEPARTMonday@javascript:gs.datePart('dayofweek','monday','LT')", 'SLA due trend before Monday'],
    ["sla_dueDATEPARTMonday@javascript:gs.datePart('dayofweek','monday','EE')", 'SLA due trend on Monday'],
    // a public report filter (code index find_string id 18311841971), the spaces in datePart's arguments as in another (id 8041336669)
    ["opened_atDATEPART6 am hour@javascript:gs.datePart('hour', '6', 'GE')", 'Opened trend on or after 6 am hour'],
    // a Table API client's knowledge search (code index find_string id 65864480651); a Service Portal search widget script orderByDesc("ir_query_score") (id 28393109693)
    ['IR_AND_OR_QUERY=vpn^ORDERBYDESCir_query_score', 'matching all the keywords "vpn" (else any of them), best match first'],
    ['IR_AND_QUERY=vpn^ORDERBYir_query_score', 'matching all the keywords "vpn", worst match first'],
    // ServiceNow/ServiceNowDocs@cb48b5c markdown/api-reference/developer-guides/geopoint-dev-guide.md:170
    ['u_locationDISTANCE_SPHERE_WITHIN-0.189937,51.473584<1000000', 'U location is within 1000000 meters of -0.189937,51.473584']
  ])('explains %j', (query, expected) => {
    expect(checkQuery(query, withMetadata).explanation).toBe(expected);
  });

  it.each([
    // ServiceNow/ServiceNowDocs@cb48b5c markdown/it-service-management/service-operations-workspace/customize-first-level-cards.md:71
    ['time_left<=1970-01-08 00:00:00', 'Actual time left is at most 7 days'],
    ['business_duration>1970-01-01 02:30:00', 'Business elapsed time is greater than 2 hours 30 minutes'],
    ['business_duration=1970-01-02 00:00:01', 'Business elapsed time is 1 day 1 second'],
    ['business_duration>1970-01-01 00:00:00', 'Business elapsed time is greater than no time'],
    // not a duration as the Table API writes one: shown as written
    ['business_duration>2024-01-01 00:00:00', 'Business elapsed time is greater than 2024-01-01 00:00:00']
  ])('explains the duration in %j in words', (query, expected) => {
    // given: durations are date-times counted from 1970-01-01 00:00:00 (c_TableAPI.md: "calendar_duration": "1970-01-01 00:02:17")
    const taskSla = table('task_sla', 'Task SLA', [
      field('time_left', 'Actual time left', 'glide_duration'),
      field('business_duration', 'Business elapsed time', 'glide_duration')
    ]);
    const options = { table: 'task_sla', metadata: { ...metadata(), tables: new Map([['task_sla', taskSla]]) } };

    // then
    expect(checkQuery(query, options).explanation).toBe(expected);
  });
});
