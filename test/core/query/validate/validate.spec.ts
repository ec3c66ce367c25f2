import { describe, expect, it } from 'vitest';
import { checkQuery } from '../../../../core/query/index';
import type { MetadataOrigin } from '../../../../core/metadata/model';
import { classHierarchyMetadata, field, group, incident, metadata, sysUser, table } from '../metadata';

function findings(query: string, origin: MetadataOrigin = 'instance', tableName = 'incident') {
  return checkQuery(query, { table: tableName, metadata: metadata(origin) }).diagnostics
    .map((diagnostic) => [diagnostic.severity, diagnostic.code, query.slice(diagnostic.start, diagnostic.end)]);
}

describe('core/query/validate - fields against metadata', () => {
  it.each([
    ['instance', 'error'],
    ['synthetic', 'error'],
    ['bundled', 'warning'],
    ['sdk', 'warning'],
    ['template', 'warning']
  ] as const)('reports an unknown custom field as %s metadata → %s', (origin, severity) => {
    expect(findings('u_vendor_ref=1', origin)).toEqual([[severity, 'field.unknown', 'u_vendor_ref']]);
  });

  it('offers a choice fix for a label without its value prefix and for a near label, as for an exact label', () => {
    // when
    const fixes = (query: string) => checkQuery(query, { table: 'incident', metadata: metadata('instance') }).diagnostics
      .filter((diagnostic) => diagnostic.code === 'value.choice').map((diagnostic) => diagnostic.suggestion);

    // then
    expect(fixes('state=In Progress')).toEqual(['2']);
    expect(fixes('state=in progres')).toEqual(['2']);
    expect(fixes('priority=Critical')).toEqual(['1']);
    expect(fixes('state=9')).toEqual([undefined]); // a short code is one edit from every digit: no guess
  });

  it('gives each field its own fix and list for a wrong choice value, however often and in whatever order the value is checked', () => {
    // given
    const choiceFinding = (query: string) => checkQuery(query, { table: 'incident', metadata: metadata('instance') }).diagnostics
      .filter((diagnostic) => diagnostic.code === 'value.choice').map(({ suggestion, message }) => ({ suggestion, message }));
    const states = 'states are 1 New, 2 In Progress, 3 On Hold, 6 Resolved, 7 Closed, 8 Canceled.';
    const priorities = 'priorities are 1 - Critical, 2 - High, 3 - Moderate, 4 - Low, 5 - Planning.';

    // when / then: the same wrong words on two choice fields, checked twice
    for (let round = 0; round < 2; round++) {
      expect(choiceFinding('state=in progres')).toEqual([{ suggestion: '2', message: `in progres is not a state of incident; ${states}` }]);
      expect(choiceFinding('priority=in progres')).toEqual([{ suggestion: undefined, message: `in progres is not a priority of incident; ${priorities}` }]);
      expect(choiceFinding('priority=Critcal')).toEqual([{ suggestion: '1', message: `Critcal is not a priority of incident; ${priorities}` }]);
      expect(choiceFinding('state=Critcal')).toEqual([{ suggestion: undefined, message: `Critcal is not a state of incident; ${states}` }]);
    }
  });

  it('words the custom-field warning for the modeler, with no command-line flag', () => {
    // when
    const [warning] = checkQuery('u_vendor_ref=1', { table: 'incident', metadata: metadata('bundled') }).diagnostics;

    // then
    expect(warning?.message).toContain('custom fields exist only on your instance');
    expect(warning?.message).not.toMatch(/--\w/);
  });

  it.each(['x_acme_ref', 'sn_grc_item'])('treats %s like a custom field against the bundled snapshot', (name) => {
    expect(findings(`${name}=1`, 'bundled')).toEqual([['warning', 'field.unknown', name]]);
  });

  it.each([
    ['instance', 'error'],
    ['bundled', 'warning'],
    ['template', 'warning']
  ] as const)('reports an unknown text choice value against %s metadata as %s (instances add choices)', (origin, severity) => {
    expect(findings('category=sfone', origin)).toEqual([[severity, 'value.choice', 'sfone']]);
  });

  it('reports an unknown numeric choice code as an error even against the bundled snapshot', () => {
    expect(findings('state=9', 'bundled')).toEqual([['error', 'value.choice', '9']]);
  });

  it('reports a choice label written as the value as an error whatever the metadata', () => {
    expect(findings('state=Resolved', 'bundled')).toEqual([['error', 'value.choice', 'Resolved']]);
  });

  it('reports an unknown standard field as an error even against the bundled snapshot', () => {
    expect(findings('categroy=network', 'bundled')).toEqual([['error', 'field.unknown', 'categroy']]);
  });

  it('knows the system columns every table has, even when a snapshot leaves them out', () => {
    // given
    const bare = table('x_acme_ticket', 'Ticket', [field('number', 'Number', 'string')]);
    const tables = { ...metadata(), tables: new Map([['x_acme_ticket', bare]]) };

    // when
    const result = checkQuery('sys_updated_on>2024-01-01^sys_created_by=admin^ORDERBYDESCsys_created_on', { table: 'x_acme_ticket', metadata: tables });

    // then
    expect(result.diagnostics).toEqual([]);
    expect(result.explanation).toBe('Updated after 2024-01-01 and Created by is admin, newest Created first');
  });

  it('follows dot-walks through references into tables of the metadata', () => {
    expect(findings('caller_id.department.head.name=x^caller_id.departmnt=y')).toEqual([['error', 'field.unknown', 'departmnt']]);
  });

  it('offers the dot-walk fix from the finding itself, never from words in the value', () => {
    // given: parent refers to task, which has no name field to dot-walk to; the value happens to read "dot-walk"
    const [finding] = checkQuery('parent=dot-walk', { table: 'incident', metadata: metadata() }).diagnostics;

    // then: the warning stays on the value, without a fix that renames the field
    expect(finding).toMatchObject({ code: 'value.reference', start: 'parent='.length, end: 'parent=dot-walk'.length });
    expect(finding?.suggestion).toBeUndefined();
    expect(checkQuery('caller_id=dot-walk', { table: 'incident', metadata: metadata() }).diagnostics[0]?.suggestion).toBe('caller_id.name=dot-walk');
  });

  it('takes global for the sys_id of the Global application, through the tables that extend sys_package', () => {
    // given: a record's sys_scope refers to sys_scope, which extends sys_package
    const theme = table('sp_theme', 'Theme', [field('sys_scope', 'Application', 'reference', { reference: 'sys_scope' })]);
    const scope = table('sys_scope', 'Application', [field('scope', 'Scope', 'string')], 'sys_package');
    const tables = { ...metadata(), tables: new Map([['sp_theme', theme], ['sys_scope', scope]]) };

    // when
    const codes = (query: string) => checkQuery(query, { table: 'sp_theme', metadata: tables }).diagnostics.map((diagnostic) => diagnostic.code);

    // then: global is that record's sys_id; another word still is no sys_id
    expect(codes('sys_scope=global')).toEqual([]);
    expect(codes('sys_scope=globl')).toEqual(['value.reference']);
  });

  it('compares a reference with a reference key with that key, not with a sys_id', () => {
    // given: sys_dictionary.internal_type stores the type's name, caller_id a sys_id
    const dictionary = table('sys_dictionary', 'Dictionary', [
      field('internal_type', 'Type', 'reference', { reference: 'sys_glide_object', referenceKey: 'name' }),
      field('reference', 'Reference', 'reference', { reference: 'sys_db_object', referenceKey: 'sys_id' })
    ]);
    const tables = { ...metadata(), tables: new Map([['sys_dictionary', dictionary]]) };

    // when
    const codes = (query: string) => checkQuery(query, { table: 'sys_dictionary', metadata: tables }).diagnostics.map((diagnostic) => diagnostic.code);

    // then: a name is what the keyed reference holds; an explicit sys_id key still wants a sys_id
    expect(codes('internal_type!=collection^ORinternal_type=NULL')).toEqual([]);
    expect(codes('reference=sys_user')).toEqual(['value.reference']);
  });

  it('says which table a dot-walked unknown field was looked up in', () => {
    // when
    const [diagnostic] = checkQuery('caller_id.titel=CEO', { table: 'incident', metadata: metadata() }).diagnostics;

    // then
    expect(diagnostic?.message).toBe('titel is not a field of sys_user (reached through caller_id), so ServiceNow would silently drop this condition and return more records.');
  });

  it('reads ref_<table> as a downcast and leaves tags and catalog variables alone', () => {
    // given: task, with incident as a child table
    const task = table('task', 'Task', [field('number', 'Number', 'string')]);
    const tables = metadata('instance', [task, ...metadata().tables.values()]);
    const query = 'ref_incident.caller_id.name=x^ref_incident.caller_id.nam=y^ref_problem.known_error=true^sys_tags.abc=abc^variables.0123=x';

    // when
    const result = checkQuery(query, { table: 'task', metadata: tables });

    // then
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, query.slice(diagnostic.start, diagnostic.end)])).toEqual([
      ['field.unknown', 'nam'],
      ['field.unverifiable', 'ref_problem.known_error']
    ]);
  });

  it.each([
    // a child table read in place of its parent, and the other way round, resolve; a table of another hierarchy does not
    ['task', 'ref_problem.sys_class_name=problem', []],
    ['incident', 'parent.ref_incident.sys_class_name=incident', []],
    ['incident', 'ref_task.sys_class_name=incident', []],
    ['task', 'ref_cmdb_ci_server.sys_class_name=cmdb_ci_server', [['error', 'field.unknown', 'ref_cmdb_ci_server']]],
    ['incident', 'parent.ref_cmdb_ci.sys_class_name=cmdb_ci', [['error', 'field.unknown', 'ref_cmdb_ci']]]
  ])('on %s, %s gets %j', (tableName, query, expected) => {
    // when
    const found = checkQuery(query, { table: tableName, metadata: classHierarchyMetadata() }).diagnostics
      .map((diagnostic) => [diagnostic.severity, diagnostic.code, query.slice(diagnostic.start, diagnostic.end)]);

    // then
    expect(found).toEqual(expected);
  });

  it('checks ORDERBY and GROUPBY fields', () => {
    expect(findings('ORDERBYnumbr^GROUPBYcategory')).toEqual([['error', 'field.unknown', 'numbr']]);
  });

  it('checks SAMEAS, MORETHAN and GT_FIELD against the other field', () => {
    expect(findings('sla_dueSAMEASactivity_du@day^sla_dueMORETHANactivity_due@day@before@1^reassignment_countGT_FIELDreopen_count')).toEqual([
      ['error', 'field.unknown', 'activity_du'],
      ['error', 'field.unknown', 'reopen_count']
    ]);
  });

  it('checks RLQUERY, SUBQUERY and JOIN conditions against their own tables', () => {
    expect(findings('RLQUERYsys_user_group.managr,>=1^activ=true^ENDRLQUERY^SUBQUERYcaller_id,manager,sys_user_group^nme=x^ENDSUBQUERY^JOINincident.caller_id=sys_user.sys_id!user_nam=x')).toEqual([
      ['error', 'field.unknown', 'managr'],
      ['error', 'field.unknown', 'activ'],
      ['error', 'field.unknown', 'nme'],
      ['error', 'field.unknown', 'user_nam']
    ]);
  });

  it('reports an RLQUERY that counts by a reference to another table than the queried one', () => {
    // on incident, sys_user_group.manager points at users: no group is related to an incident through it
    expect(findings('RLQUERYsys_user_group.manager,>=1^active=true^ENDRLQUERY')).toEqual([['error', 'field.related-link', 'manager']]);
    // on sys_user it is the documented link (jamesamcgaha/supernow@8f9de92 posts/querying-related-tables.md:120)
    expect(findings('active=true^RLQUERYsys_user_group.manager,>=1^active=true^ENDRLQUERY', 'instance', 'sys_user')).toEqual([]);
    // a non-reference link or a target outside the metadata is left alone
    expect(findings('RLQUERYsys_user_group.name,>=1^ENDRLQUERY^RLQUERYincident.cmdb_ci,>=1^ENDRLQUERY', 'instance', 'sys_user')).toEqual([]);
  });

  it('reports a SUBQUERY or JOIN that links fields holding records of unrelated tables', () => {
    // the documented links: sys_user.sys_id among the groups' managers, equal to a group's manager (jamesamcgaha/supernow@8f9de92 posts/querying-related-tables.md:135 and :153)
    expect(findings('active=true^SUBQUERYsys_id,manager,sys_user_group^active=true^ENDSUBQUERY^JOINsys_user.sys_id=sys_user_group.manager!active=true', 'instance', 'sys_user')).toEqual([]);
    // a reference compared with the sys_id of its own table, and a chain of joins from a table joined before (same post, :57)
    expect(findings('SUBQUERYcaller_id,sys_id,sys_user^active=true^ENDSUBQUERY^JOINincident.assignment_group=sys_user_group.sys_id!^JOINsys_user_group.manager=sys_user.sys_id!active=true')).toEqual([]);
    // a group is never a user: no incident's assignment group is among user sys_ids, no user is a group's department head
    expect(findings('SUBQUERYassignment_group,sys_id,sys_user^active=true^ENDSUBQUERY')).toEqual([['error', 'field.related-link', 'assignment_group,sys_id']]);
    expect(findings('JOINsys_user_group.sys_id=cmn_department.head!name=IT', 'instance', 'sys_user')).toEqual([['error', 'field.related-link', 'sys_user_group.sys_id=cmn_department.head']]);
    // a field that is no reference, or a table outside the metadata, is left alone; an unknown field on the left of a JOIN is reported
    expect(findings('SUBQUERYshort_description,name,sys_user_group^ENDSUBQUERY^JOINincident.caller_idd=sys_user.sys_id!active=true')).toEqual([['error', 'field.unknown', 'caller_idd']]);
  });

  it('reports a sysparm_ URL parameter pasted into the query once, not as an unknown field as well', () => {
    expect(findings('sysparm_query=active=true&sysparm_limit=10')).toEqual([
      ['error', 'syntax.parameter-name', 'sysparm_query='],
      ['error', 'syntax.parameter-name', '&sysparm_limit=10']
    ]);
    expect(findings('active=true^ORsysparm_fields=number^NQsysparm_limit=1')).toEqual([
      ['error', 'syntax.parameter-name', '^ORsysparm_fields=number'],
      ['error', 'syntax.parameter-name', '^NQsysparm_limit=1']
    ]);
    // a value that merely contains the prefix is a value
    expect(findings('short_descriptionSTARTSWITHsysparm_')).toEqual([]);
  });

  it('reports an out-of-box dynamic filter option on a reference to another table, not when the metadata cannot tell', () => {
    // Me gives users, One of My Groups groups (ServiceNowDocs r_UsingTheDynamicOperator.md)
    expect(findings('assigned_toDYNAMIC90d1921e5f510100a9ad2572f2b477fe^assignment_groupDYNAMICd6435e965f510100a9ad2572f2b47744')).toEqual([]);
    expect(findings('assignment_groupDYNAMIC90d1921e5f510100a9ad2572f2b477fe^watch_listDYNAMICd6435e965f510100a9ad2572f2b47744,90d1921e5f510100a9ad2572f2b477fe')).toEqual([
      ['warning', 'value.dynamic-option', '90d1921e5f510100a9ad2572f2b477fe'],
      ['warning', 'value.dynamic-option', 'd6435e965f510100a9ad2572f2b47744']
    ]);
    // customer_contact is not in the metadata: whether it extends sys_user cannot be told, so nothing is reported
    const customer = table('u_customer', 'Customer', [field('u_contact', 'Contact', 'reference', { reference: 'customer_contact' })]);
    expect(checkQuery('u_contactDYNAMIC90d1921e5f510100a9ad2572f2b477fe', { table: 'u_customer', metadata: metadata('instance', [customer, sysUser, group]) }).diagnostics).toEqual([]);
  });

  it('offers the dot-walk for a comma typed in its place, when the dotted path resolves', () => {
    // optimizca/servicenow-grafana@6ea98b0 src/dashboards/AWS Inventory - US Regions.json:1615 has state!=closed^cmdb_ci,sys_class_name=cmdb_ci_vm_instance
    const fixes = (query: string) => checkQuery(query, { table: 'incident', metadata: metadata() }).diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.suggestion]);
    expect(fixes('caller_id,department.name=IT')).toEqual([['field.unknown', 'caller_id.department']]);
    expect(fixes('caller_id,nme=Abel^caller_id,department.nme=IT')).toEqual([['field.unknown', undefined], ['field.unknown', undefined]]);
  });

  it('reports a zero-width character in a value once, not as a wrong value as well, and only where it is', () => {
    expect(findings('caller_id=46d44a23a9fe19810012d100cca80666\u200b^state=2\ufeff^short_descriptionLIKEa\u200cb')).toEqual([
      ['warning', 'syntax.invisible-character', '\u200b'],
      ['warning', 'syntax.invisible-character', '\ufeff']
    ]);
    // a value that is wrong without it keeps its own finding
    expect(findings('state=9\u2060')).toEqual([['error', 'value.choice', '9\u2060'], ['warning', 'syntax.invisible-character', '\u2060']]);
  });

  it('says once that a nested table is not in the metadata and does not check its conditions', () => {
    expect(findings('RLQUERYtask_ci.task,>=1^ci_item.name=x^ENDRLQUERY')).toEqual([['info', 'field.unverifiable', 'task_ci']]);
  });

  it('warns when the queried table is not in the metadata and checks only the syntax', () => {
    expect(findings('whatever=1', 'instance', 'cmdb_ci_router')).toEqual([['warning', 'field.unverifiable', '']]);
  });

  it('does not flag a suggestion-list choice field (free text allowed)', () => {
    expect(findings('subcategory=anything at all')).toEqual([]);
  });

  it('accepts booleans as true, false, 1 and 0, and NULL for empty', () => {
    expect(findings('active=true^active!=false^made_sla=1^made_sla=0^opened_at!=NULL^caller_id=NULL')).toEqual([]);
  });

  it('checks every IN item and every BETWEEN bound', () => {
    expect(findings('priorityIN1,2,7^reassignment_countBETWEEN1@x^opened_atBETWEEN2024-01-01@javascript:gs.endOfToday()')).toEqual([
      ['error', 'value.choice', '7'],
      ['error', 'value.number', 'x']
    ]);
  });

  it.each([
    ['opened_atBETWEENjavascript:gs.daysAgoStart(1)', 'javascript:gs.daysAgoStart(1)'],
    ['opened_atONToday@javascript:gs.beginningOfToday()', 'Today@javascript:gs.beginningOfToday()'],
    ['opened_atNOTONx@y', 'x@y']
  ])('reports a BETWEEN or ON value it cannot split once, as malformed, not also as a bad date: %s', (query, range) => {
    expect(findings(query)).toEqual([['error', 'value.malformed', range]]);
  });

  it.each([
    ['short_descriptionONToday@javascript:gs.beginningOfToday()@javascript:gs.endOfToday()', 'ON only works on date fields; short_description is a string field.'],
    ['priorityDATEPARTMonday@javascript:gs.datePart(\'dayofweek\',\'monday\',\'EE\')', 'DATEPART only works on date fields; priority is a choice field.'],
    ['numberMORETHANopened_at@day@before@1', 'MORETHAN only works on date fields; number is a string field.'],
    ['short_descriptionIN_HIERARCHYabc', 'IN_HIERARCHY only works on reference fields; short_description is a string field.'],
    ['short_descriptionIN_HIERARCHY_DYNAMICabc', 'IN_HIERARCHY_DYNAMIC only works on reference fields; short_description is a string field.'],
    ['categoryINSTANCEOFtask', 'INSTANCEOF only works on the class field (sys_class_name); category is a choice field.'],
    ['short_descriptionDISTANCE_SPHERE_WITHIN-0.189937,51.473584<1000000', 'DISTANCE_SPHERE_WITHIN only works on geo point fields; short_description is a string field.'],
    ['activeLIKEtrue', 'LIKE does not apply to a true/false field; use = or !=.'],
    ['activeBETWEENfalse@true', 'BETWEEN does not apply to a true/false field; use = or !=.'],
    ['short_descriptionGT_FIELDdescription', 'GT_FIELD compares numbers or dates; short_description is a string field.']
  ])('reports the operator of %s as not for the field type', (query, message) => {
    // when
    const result = checkQuery(query, { table: 'incident', metadata: metadata() });

    // then
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code === 'operator.not-for-type')).toMatchObject([{ severity: 'warning', message }]);
  });

  it.each([
    'opened_atONToday@javascript:gs.beginningOfToday()@javascript:gs.endOfToday()',
    'sys_class_nameINSTANCEOFtask',
    'caller_idIN_HIERARCHYabc',
    'reassignment_countGT_FIELDreassignment_count',
    'short_descriptionDYNAMIC90d1921e5f510100a9ad2572f2b477fe',
    'caller_idLIKEabel',
    'sys_idINabc,def'
  ])('accepts %s for its field type', (query) => {
    const result = checkQuery(query, { table: 'incident', metadata: metadata() });
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code === 'operator.not-for-type')).toEqual([]);
  });

  it('keeps the test metadata honest: incident has the fields these tests use', () => {
    expect(incident.fields.map((entry) => entry.element)).toEqual(expect.arrayContaining(['caller_id', 'subcategory', 'made_sla', 'activity_due']));
  });
});

describe('core/query/validate - alternatives that match every record', () => {
  it.each([
    // the real one (code index find_string id 16142496518) and a ^OR alternative between the two
    ['state!=6^ORstate!=7^ORstate!=8', [['warning', 'style.always-true', 'state!=6^ORstate!=7^ORstate!=8']]],
    ['active=true^state!=6^ORpriority=1^ORstate!=7', [['warning', 'style.always-true', 'state!=6^ORpriority=1^ORstate!=7']]],
    // the same value twice, different fields, a runtime value or AND: each can exclude a record
    ['state!=6^ORstate!=6', []],
    ['state!=6^ORpriority!=1', []],
    ['state!=6^ORstate!=javascript:gs.getProperty("closed")', []],
    ['state!=6^state!=7', []]
  ])('%s', (query, expected) => {
    expect(findings(query).filter(([, code]) => code === 'style.always-true')).toEqual(expected);
  });

  it('offers NOT IN only when every alternative excludes a value of the same field', () => {
    // when
    const fix = (query: string) => checkQuery(query, { table: 'incident', metadata: metadata() }).diagnostics
      .find((diagnostic) => diagnostic.code === 'style.always-true')?.suggestion;

    // then
    expect(fix('state!=6^ORstate!=7')).toBe('stateNOT IN6,7');
    expect(fix('state!=6^ORpriority=1^ORstate!=7')).toBeUndefined();
  });
});

describe('core/query/validate - the match-by-name hint of a reference', () => {
  it.each([
    ['caller_id!=Abel Tuter', 'caller_id.name!=Abel Tuter'],
    ['parent.ref_incident.caller_id=Abel Tuter', 'parent.ref_incident.caller_id.name=Abel Tuter']
  ])('%s: the message names the fix it offers, %s', (query, fix) => {
    // given: the referenced task is an incident here
    const tables = metadata('instance', [table('task', 'Task', [field('number', 'Number', 'string')]), ...metadata().tables.values()]);

    // when
    const found = checkQuery(query, { table: 'incident', metadata: tables }).diagnostics.find((diagnostic) => diagnostic.code === 'value.reference');

    // then
    expect(found?.suggestion).toBe(fix);
    expect(found?.message).toContain(`dot-walk: ${fix}.`);
  });
});

describe('core/query/validate - URL-encoded characters', () => {
  it.each([
    // ServiceNow/ServiceNowDocs@cb48b5c markdown/api-reference/server-api-reference/DatasetDefinitionAPI.md:175: in an ON label, which only names the range
    ['sys_created_onONLast%202%20quarters@javascript:gs.beginningOfLast2Quarters()@javascript:gs.endOfLast2Quarters()^state=3', [['info', '%20'], ['info', '%20']]],
    ['RLQUERYtask.parent,>=1^opened_atONLast%207%20days@javascript:gs.beginningOfLast7Days()@javascript:gs.endOfLast7Days()^ENDRLQUERY', [['info', '%20'], ['info', '%20']]],
    // in a value or between conditions ServiceNow compares them literally
    ['short_description=no%20vpn', [['warning', '%20']]],
    ['active=true%5Epriority=1', [['warning', '%5E']]]
  ])('%s', (query, expected) => {
    // when
    const found = checkQuery(query).diagnostics.filter((diagnostic) => diagnostic.code === 'syntax.url-encoded');

    // then
    expect(found.map((diagnostic) => [diagnostic.severity, query.slice(diagnostic.start, diagnostic.end)])).toEqual(expected);
  });
});

describe('core/query/validate - field comparisons', () => {
  it.each([
    ['sla_dueSAMEAS', 'SAMEAS'],
    ['reassignment_countGT_FIELD', 'GT_FIELD'],
    ['sla_dueMORETHAN', 'MORETHAN']
  ])('reports %s, with no field to compare with, once: as a missing value', (query, operator) => {
    expect(findings(query)).toEqual([['error', 'value.missing', operator]]);
  });

  it('checks the field IN_FIELD compares with, as for SAMEAS', () => {
    // given: ServiceNow/ServiceNowDocs@753a7f0 markdown/api-reference/MobileGlideRecordScopedAPI.md (brazil; addEncodedQuery operator table)
    expect(findings('assigned_toIN_FIELDwatch_list')).toEqual([]);
    expect(findings('assigned_toIN_FIELDwatch_lst')).toEqual([['error', 'field.unknown', 'watch_lst']]);
  });
});

describe('core/query/validate - values that are scripts but for their spelling', () => {
  it.each(['caller_id= javascript:gs.getUserID()', 'caller_id=JavaScript:gs.getUserID()'])('offers no name lookup for %s, only what its spelling needs', (query) => {
    // then: the whitespace finding trims it; a dot-walk to the name would look up the script text as a name
    expect(checkQuery(query, { table: 'incident', metadata: metadata() }).diagnostics.map((diagnostic) => diagnostic.code)).toEqual(
      query.includes(' ') ? ['style.whitespace'] : []);
  });
});

describe('core/query/validate - gs.dateGenerate values', () => {
  // gs.dateGenerate(String date, String range): date yyyy-mm-dd, range start, end or hh:mm:ss (ServiceNowDocs c_GlideSystemAPI.md)
  const syntaxOnly = (query: string) => checkQuery(query).diagnostics
    .map((diagnostic) => [diagnostic.severity, diagnostic.code, query.slice(diagnostic.start, diagnostic.end), diagnostic.suggestion]);

  it('reports a BETWEEN whose dateGenerate bounds are the wrong way round, with the swap', () => {
    // given
    const query = "opened_atBETWEENjavascript:gs.dateGenerate('2024-01-31','end')@javascript:gs.dateGenerate('2024-01-01','start')";

    // then
    expect(syntaxOnly(query)).toEqual([['warning', 'value.range-order', query.slice(16),
      "javascript:gs.dateGenerate('2024-01-01','start')@javascript:gs.dateGenerate('2024-01-31','end')"]]);
    expect(syntaxOnly("opened_atBETWEENjavascript:gs.dateGenerate('2024-01-01','start')@javascript:gs.dateGenerate('2024-01-01','end')")).toEqual([]);
    expect(syntaxOnly("opened_atBETWEENjavascript:gs.dateGenerate('2024-01-01','12:00:00')@javascript:gs.dateGenerate('2024-01-01','end')")).toEqual([]);
  });

  it('reports dateGenerate arguments written without quotes, which the script reads as arithmetic and an undefined name', () => {
    // given: SN Utils' script sync file as found (code index find_string id 10550036598)
    const query = 'sys_updated_onON2023-08-01@javascript:gs.dateGenerate(2023-08-01,start)@javascript:gs.dateGenerate(2023-08-01,end)';

    // then
    expect(syntaxOnly(query)).toEqual([
      ['error', 'value.malformed', 'javascript:gs.dateGenerate(2023-08-01,start)', "javascript:gs.dateGenerate('2023-08-01','start')"],
      ['error', 'value.malformed', 'javascript:gs.dateGenerate(2023-08-01,end)', "javascript:gs.dateGenerate('2023-08-01','end')"]
    ]);
    expect(syntaxOnly("sys_updated_on>javascript:gs.dateGenerate(2023-08-01,'12:00:00')")).toEqual([
      ['error', 'value.malformed', "javascript:gs.dateGenerate(2023-08-01,'12:00:00')", "javascript:gs.dateGenerate('2023-08-01','12:00:00')"]
    ]);
  });
});
