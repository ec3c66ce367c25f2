/**
 * One case per diagnostic code (at least): the query, the table context and
 * the finding expected on it, with its range (as text) and fix. A last test
 * checks that the cases cover every code in DIAGNOSTIC_CODES.
 */
import { describe, expect, it } from 'vitest';
import { applySuggestion, applySuggestions, checkFeelQuery, checkQuery, DIAGNOSTIC_CODES, diagnosticCodes, type DiagnosticCode, type Severity } from '../../../core/query/index';
import type { MetadataOrigin } from '../../../core/metadata/model';
import { metadata } from './metadata';
import { parseFeelExpression } from '../../../core/feel/parse';
import { checkWaitQuery } from '../../../core/inbound/record-query';

interface Case {
  query: string;
  code: DiagnosticCode;
  severity: Severity;
  /** The text the diagnostic's range covers. */
  range: string;
  suggestion?: string;
  message?: string;
  /** Check against the incident test metadata (default) or syntax only. */
  syntaxOnly?: boolean;
  origin?: MetadataOrigin;
  feel?: boolean;
  spacesRemoved?: boolean;
  /** A wait template's whole record query value (checkWaitQuery). */
  recordQuery?: boolean;
}

const cases: Case[] = [
  { query: 'active=true^^', code: 'syntax.escaped-caret', severity: 'warning', range: '^^', syntaxOnly: true },
  // a last plain ^ is ignored (ServiceNow/WorkArena@4134527 tests/test_filter_list_task.py:11 runs it on live instances as the same filter)
  { query: 'active=true^', code: 'syntax.empty-term', severity: 'info', range: '^', suggestion: '', syntaxOnly: true },
  { query: '^active=true', code: 'syntax.empty-term', severity: 'warning', range: '^', suggestion: '', syntaxOnly: true },
  { query: 'active^priority=1', code: 'syntax.missing-operator', severity: 'error', range: 'active', syntaxOnly: true },
  { query: '=true', code: 'syntax.missing-field', severity: 'error', range: '=', syntaxOnly: true },
  { query: "caller_id=javascript:gs.getUserID(", code: 'syntax.unclosed-script', severity: 'error', range: 'javascript:gs.getUserID(', syntaxOnly: true },
  { query: 'SUBQUERYsys_id,assigned_to,task^active=true', code: 'syntax.unterminated-block', severity: 'warning', range: '', suggestion: '^ENDSUBQUERY', syntaxOnly: true },
  { query: 'active=true^ENDSUBQUERY', code: 'syntax.unexpected-end', severity: 'error', range: 'ENDSUBQUERY', syntaxOnly: true },
  { query: 'RLQUERYtask.assigned_to,1^ENDRLQUERY', code: 'syntax.malformed-block', severity: 'error', range: 'RLQUERYtask.assigned_to,1', syntaxOnly: true },
  { query: 'active=true^ORGROUPBYcategory', code: 'syntax.misplaced-directive', severity: 'warning', range: 'GROUPBYcategory', syntaxOnly: true },
  { query: 'active=true^ORDERBY', code: 'syntax.missing-order-field', severity: 'error', range: 'ORDERBY', syntaxOnly: true },
  { query: 'elementISNOTEMPTY^ORDERBYname,element', code: 'syntax.order-list', severity: 'warning', range: 'ORDERBYname,element',
    suggestion: 'ORDERBYname^ORDERBYelement', syntaxOnly: true },
  // ServiceNow/ServiceNowDocs@cb48b5c markdown/api-reference/rest-apis/wsd_reservation-api.md:4156 has a zero-width space after the sys_id
  { query: 'active=true^requested_for=2de07e1887cb89106342b846dabb35fe\u200b^building=4703a4cedb3650106c731dcd13961945', code: 'syntax.invisible-character', severity: 'warning',
    range: '\u200b', suggestion: '', syntaxOnly: true },
  // ServiceNow/ServiceNowDocs@cb48b5c markdown/platform-security/edge-encryption/json-overview.md:48: "=" written the quoted-printable way
  { query: 'assigned_to=3D4860165813e63a00d00abd322244b092^category=network', code: 'value.reference', severity: 'warning',
    range: '3D4860165813e63a00d00abd322244b092', suggestion: '4860165813e63a00d00abd322244b092' },
  // a public incident list builds `${consulta}ORDERBYDESCopened_at` (code index find_string id 70811649088)
  { query: 'numberLIKEvpn^ORshort_descriptionLIKEvpnORDERBYDESCopened_at', code: 'syntax.missing-separator', severity: 'warning', range: '', suggestion: '^', syntaxOnly: true },
  { query: 'active=true&priority=1', code: 'syntax.ampersand', severity: 'warning', range: '&', suggestion: '^', syntaxOnly: true },
  { query: 'active=true%5Epriority=1', code: 'syntax.url-encoded', severity: 'warning', range: '%5E', suggestion: '^', syntaxOnly: true },
  { query: 'active%3Dtrue', code: 'syntax.url-encoded', severity: 'warning', range: '%3D', suggestion: '=', syntaxOnly: true },
  { query: 'sysparm_query=active=true', code: 'syntax.parameter-name', severity: 'error', range: 'sysparm_query=', suggestion: '', syntaxOnly: true },
  { query: 'active=true&sysparm_limit=10', code: 'syntax.parameter-name', severity: 'error', range: '&sysparm_limit=10', suggestion: '', syntaxOnly: true },
  // a parameter joined with ^ (a public GPT-3 ServiceNow assistant, code index find_string id 26970783343): not an unknown field as well
  { query: 'assigned_to=46d44a23a9fe19810012d100cca80666^sysparm_fields=number,short_description', code: 'syntax.parameter-name', severity: 'error',
    range: '^sysparm_fields=number,short_description', suggestion: '' },
  { query: 'sysparm_limit=10^active=true', code: 'syntax.parameter-name', severity: 'error', range: 'sysparm_limit=10^', suggestion: '', syntaxOnly: true },
  { query: '="active=true^caller_id=', code: 'syntax.feel', severity: 'error', range: '"active=true^caller_id=', feel: true },
  { query: 'caller=abc', code: 'field.unknown', severity: 'error', range: 'caller', suggestion: 'caller_id',
    message: 'caller is not a field of incident, so ServiceNow would silently drop this condition and return more records; did you mean caller_id?' },
  { query: 'Short descriptionLIKEvpn', code: 'field.unknown', severity: 'error', range: 'Short description', suggestion: 'short_description' },
  { query: 'u_vendor_ticket=123', code: 'field.unknown', severity: 'warning', range: 'u_vendor_ticket', origin: 'bundled' },
  { query: 'short_description.name=x', code: 'field.not-reference', severity: 'error', range: 'name' },
  { query: 'cmdb_ci.name=mail01', code: 'field.unverifiable', severity: 'info', range: 'name' },
  { query: '="state=1^" + extra', code: 'field.dynamic', severity: 'info', range: 'extra', feel: true },
  { query: 'priorityEQUALS1', code: 'operator.unknown', severity: 'error', range: 'EQUALS', syntaxOnly: true },
  { query: 'short_descriptionNOTLIKEtest', code: 'operator.variant', severity: 'warning', range: 'NOTLIKE', suggestion: 'NOT LIKE', syntaxOnly: true },
  { query: 'impactEMPTY', code: 'operator.variant', severity: 'warning', range: 'EMPTY', suggestion: 'ISEMPTY', syntaxOnly: true },
  // ServiceNow/ServiceNowDocs@753a7f0 markdown/api-reference/MobileGlideRecordScopedAPI.md (brazil) writes ISEMPTYSTRING, the operator reference EMPTYSTRING.
  { query: 'short_descriptionISEMPTYSTRING', code: 'operator.variant', severity: 'warning', range: 'ISEMPTYSTRING', suggestion: 'EMPTYSTRING', syntaxOnly: true },
  { query: 'stateVALCHANGES', code: 'operator.condition-only', severity: 'error', range: 'VALCHANGES', syntaxOnly: true },
  { query: 'stateCHANGESTO6', code: 'operator.condition-only', severity: 'error', range: 'CHANGESTO', suggestion: '=', syntaxOnly: true },
  // ServiceNow's condition builder script condition_global_variables14.js (code index find_string id 36040753113): extopers MATCH_PAT, MATCH_RGX, VALCHANGES...
  { query: 'short_descriptionMATCH_RGX.*vpn.*', code: 'operator.condition-only', severity: 'error', range: 'MATCH_RGX', syntaxOnly: true },
  { query: 'short_descriptionRELATIVEGT@hour@ago@1', code: 'operator.not-for-type', severity: 'warning', range: 'RELATIVEGT' },
  { query: 'active>true', code: 'operator.not-for-type', severity: 'warning', range: '>' },
  { query: 'short_descriptionLIKE', code: 'value.missing', severity: 'error', range: 'LIKE', syntaxOnly: true,
    message: 'LIKE with an empty value matches every record: add the text to look for.' },
  { query: 'stateIN', code: 'value.missing', severity: 'error', range: 'IN', syntaxOnly: true },
  { query: 'assigned_toISEMPTYabc', code: 'value.unexpected', severity: 'warning', range: 'abc', suggestion: '', syntaxOnly: true },
  { query: 'state=9', code: 'value.choice', severity: 'error', range: '9',
    message: '9 is not a state of incident; states are 1 New, 2 In Progress, 3 On Hold, 6 Resolved, 7 Closed, 8 Canceled.' },
  { query: 'state=Resolved', code: 'value.choice', severity: 'error', range: 'Resolved', suggestion: '6' },
  { query: "state='6'", code: 'value.choice', severity: 'error', range: "'6'", suggestion: '6' },
  { query: 'active="true"', code: 'value.boolean', severity: 'error', range: '"true"', suggestion: 'true' },
  { query: 'priorityIN1,9', code: 'value.choice', severity: 'error', range: '9' },
  { query: 'RLQUERYsys_user_group.manager,>=1^ENDRLQUERY', code: 'field.related-link', severity: 'error', range: 'manager',
    message: 'sys_user_group.manager references sys_user, not incident, so no sys_user_group record is related to an incident record through it: count by a field that references incident.' },
  { query: 'sys_class_name=sys_user', code: 'value.class', severity: 'error', range: 'sys_user',
    message: 'sys_user is not incident or a table extending it, so no incident record has this class.' },
  { query: 'sys_class_nameINSTANCEOFincidnt', code: 'value.class', severity: 'warning', range: 'incidnt', suggestion: 'incident' },
  { query: 'incident_state=9', code: 'value.inactive-choice', severity: 'info', range: '9' },
  { query: 'assignment_groupINabc,def', code: 'value.reference', severity: 'warning', range: 'abc' },
  { query: 'caller_id=Abel Tuter', code: 'value.reference', severity: 'warning', range: 'caller_id=Abel Tuter', suggestion: 'caller_id.name=Abel Tuter',
    message: 'caller_id refers to sys_user records by sys_id; "Abel Tuter" is not a sys_id, so it likely matches nothing. To match by name, dot-walk: caller_id.name=Abel Tuter.' },
  { query: 'assigned_toDYNAMICme', code: 'value.sys-id', severity: 'error', range: 'me', syntaxOnly: true },
  { query: 'sys_id=INC0010001', code: 'value.sys-id', severity: 'warning', range: 'INC0010001' },
  { query: 'sys_id=62826BF03710200044E0BFC8BCBE5DF1', code: 'value.sys-id', severity: 'warning', range: '62826BF03710200044E0BFC8BCBE5DF1', suggestion: '62826bf03710200044e0bfc8bcbe5df1' },
  { query: 'caller_id=62826BF03710200044E0BFC8BCBE5DF1', code: 'value.sys-id', severity: 'warning', range: '62826BF03710200044E0BFC8BCBE5DF1', suggestion: '62826bf03710200044e0bfc8bcbe5df1' },
  { query: 'active=yes', code: 'value.boolean', severity: 'error', range: 'yes', suggestion: 'true' },
  { query: 'reassignment_count>two', code: 'value.number', severity: 'error', range: 'two' },
  { query: 'reassignment_count>1 000', code: 'value.number', severity: 'error', range: '1 000', suggestion: '1000' },
  { query: 'opened_at>2024-01-05T10:00:00Z', code: 'value.date', severity: 'error', range: '2024-01-05T10:00:00Z', suggestion: '2024-01-05 10:00:00' },
  { query: 'opened_at<2024-02-30', code: 'value.date', severity: 'error', range: '2024-02-30' },
  // Me gives a user (ServiceNowDocs r_UsingTheDynamicOperator.md: Me is an option for User [sys_user] references)
  { query: 'assignment_groupDYNAMIC90d1921e5f510100a9ad2572f2b477fe', code: 'value.dynamic-option', severity: 'warning', range: '90d1921e5f510100a9ad2572f2b477fe' },
  { query: 'opened_at=2024-01-05', code: 'value.date', severity: 'warning', range: '=2024-01-05',
    suggestion: "ON2024-01-05@javascript:gs.dateGenerate('2024-01-05','start')@javascript:gs.dateGenerate('2024-01-05','end')" },
  { query: 'opened_atBETWEEN2024-01-01@2024/2/1', code: 'value.date', severity: 'error', range: '2024/2/1', suggestion: '2024-02-01' },
  { query: `short_description=${'x'.repeat(161)}`, code: 'value.too-long', severity: 'warning', range: 'x'.repeat(161),
    message: 'This value has 161 characters but short_description holds at most 160, so no record can match.' },
  { query: 'stateIN1, 2,,3', code: 'value.list', severity: 'warning', range: '1, 2,,3', suggestion: '1,2,3', syntaxOnly: true },
  // public code emitted it and found "the instance dropped the clause and answered in its own order" (code index find_string id 58535953909)
  { query: 'active=true^ORDERBYASCsys_created_on', code: 'syntax.order-asc', severity: 'warning', range: 'ORDERBYASCsys_created_on', suggestion: 'ORDERBYsys_created_on' },
  { query: 'sla_dueRELATIVEGT@hours@ago@1', code: 'value.malformed', severity: 'error', range: 'hours', suggestion: 'hour', syntaxOnly: true },
  { query: 'sla_dueRELATIVEGT@hour@Ago@1', code: 'value.malformed', severity: 'error', range: 'Ago', suggestion: 'ago', syntaxOnly: true },
  { query: 'sla_dueRELATIVEGT@hour@ago@one', code: 'value.malformed', severity: 'error', range: 'one', syntaxOnly: true },
  // "@hour@ago@-24 Returns the timestamp of 24 hours from now" (a Grafana ServiceNow data source's query help, code index find_string id 26308138209)
  { query: 'sla_dueRELATIVELT@hour@ago@-24', code: 'style.negative-count', severity: 'info', range: 'ago@-24', suggestion: 'ahead@24', syntaxOnly: true },
  { query: 'sla_dueDATEPARTMonday@monday', code: 'value.malformed', severity: 'error', range: 'monday', syntaxOnly: true },
  // ServiceNow/ServiceNowDocs@cb48b5c markdown/api-reference/developer-guides/geopoint-dev-guide.md:158: "Any other comparison operator is invalid"
  { query: 'u_locationDISTANCE_SPHERE_WITHIN-0.189937,51.473584<=1000000', code: 'value.malformed', severity: 'error', range: '-0.189937,51.473584<=1000000', syntaxOnly: true },
  { query: 'reassignment_countBETWEEN5@1', code: 'value.range-order', severity: 'warning', range: '5@1', suggestion: '1@5', syntaxOnly: true },
  { query: 'short_description*vpn', code: 'style.operator-alias', severity: 'info', range: '*', suggestion: 'LIKE', syntaxOnly: true },
  { query: '', code: 'style.empty-query', severity: 'info', range: '', syntaxOnly: true },
  // ServiceNow/ServiceNowDocs@cb48b5c markdown/platform-administration/c_ReferenceQualifiers.md: "javascript:"company=" + current.company"
  { query: 'javascript:"company=" + current.company', code: 'syntax.script-query', severity: 'info', range: 'javascript:"company=" + current.company' },
  { query: 'assignment_group=', code: 'style.empty-equals', severity: 'info', range: '=', suggestion: 'ISEMPTY', syntaxOnly: true },
  { query: 'active=true^priority=1^active=true', code: 'style.duplicate-condition', severity: 'warning', range: '^active=true', suggestion: '', syntaxOnly: true },
  // public GitHub code (code index find_string id 16142496518), commented "state is not closed, resolved, cancelled"
  { query: 'state!=6^ORstate!=7^ORstate!=8', code: 'style.always-true', severity: 'warning', range: 'state!=6^ORstate!=7^ORstate!=8', suggestion: 'stateNOT IN6,7,8', syntaxOnly: true },
  { query: 'active =true', code: 'style.whitespace', severity: 'warning', range: 'active ', suggestion: 'active', syntaxOnly: true },
  { query: 'short_description=vpn ', code: 'style.whitespace', severity: 'info', range: 'vpn ', suggestion: 'vpn', syntaxOnly: true },
  { query: '={"sysparm_query": "sys_id=" + incidentSysId + "^active=true", "sysparm_limit": "1"}', code: 'value.sys-id-fallback', severity: 'warning', range: '"sys_id=" + incidentSysId + "^active=true"', suggestion: 'get or else("sys_id=" + incidentSysId + "^active=true", "sys_idISEMPTY")', recordQuery: true },
  { query: 'active = true ^ short_description=no vpn', code: 'value.spaces-removed', severity: 'warning', range: 'no vpn', spacesRemoved: true },
  { query: '="short_description=no vpn^caller_id=" + id', code: 'value.spaces-removed', severity: 'warning', range: 'no vpn', spacesRemoved: true, feel: true }
];

describe('core/query - diagnostics', () => {
  it.each(cases.map((entry) => [entry.code, entry.query, entry] as const))('%s on %j', (_code, _query, entry) => {
    // given
    const base = entry.syntaxOnly ? { feel: parseFeelExpression } : { table: 'incident', metadata: metadata(entry.origin ?? 'instance'), feel: parseFeelExpression };
    const options = entry.spacesRemoved ? { ...base, spacesRemoved: true } : base;

    // when
    const result = entry.recordQuery ? checkWaitQuery(entry.query, options) : entry.feel ? checkFeelQuery(entry.query, options) : checkQuery(entry.query, options);

    // then
    const found = result.diagnostics.find((diagnostic) => diagnostic.code === entry.code && entry.query.slice(diagnostic.start, diagnostic.end) === entry.range);
    expect(found, JSON.stringify(result.diagnostics, null, 1)).toBeDefined();
    expect(found!.severity).toBe(entry.severity);
    expect(found!.suggestion).toBe(entry.suggestion);
    if (entry.message) expect(found!.message).toBe(entry.message);
    expect(result.ok).toBe(!result.diagnostics.some((diagnostic) => diagnostic.severity === 'error'));
  });

  it('has a case for every code', () => {
    expect(new Set(cases.map((entry) => entry.code))).toEqual(new Set(diagnosticCodes));
  });

  it('groups every code under syntax, field, operator, value or style', () => {
    expect(diagnosticCodes.every((code) => /^(syntax|field|operator|value|style)\.[a-z-]+$/.test(code) && DIAGNOSTIC_CODES[code].length > 0)).toBe(true);
  });

  it('applying every suggestion of a broken query leaves a query without errors', () => {
    // given
    const text = 'caller=abc^state=Resolved^active=yes^opened_at>2024-01-05T10:00:00Z^short_descriptionNOTLIKEtest';
    const options = { table: 'incident', metadata: metadata() };
    const { diagnostics } = checkQuery(text, options);

    // when
    const fixed = applySuggestions(text, diagnostics);

    // then
    expect(fixed).toBe('caller_id=abc^state=6^active=true^opened_at>2024-01-05 10:00:00^short_descriptionNOT LIKEtest');
    expect(checkQuery(fixed, options).diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.suggestion])).toEqual([['value.reference', 'caller_id.name=abc']]);
  });

  it('applies one fix, and skips a fix that overlaps one already applied', () => {
    // given
    const text = 'stateIN1, 2^active=yes';
    const overlapping = [
      { severity: 'warning' as const, code: 'value.list' as const, message: '', start: 7, end: 11, suggestion: '1,2' },
      { severity: 'error' as const, code: 'value.choice' as const, message: '', start: 9, end: 11, suggestion: '2' },
      { severity: 'error' as const, code: 'value.boolean' as const, message: '', start: 19, end: 22, suggestion: 'true' }
    ];

    // when / then
    expect(applySuggestion(text, overlapping[2]!)).toBe('stateIN1, 2^active=true');
    // the list fix (7-11) overlaps the choice fix (9-11) applied before it, so it is skipped
    expect(applySuggestions(text, overlapping)).toBe('stateIN1,2^active=true');
  });

  it('keeps exactly one of two overlapping fixes, the later-starting one, whatever their order', () => {
    // given: fixes whose results differ, so the outcome says which one was applied
    const text = 'stateIN1, 2^active=yes';
    const list = { severity: 'warning' as const, code: 'value.list' as const, message: '', start: 7, end: 11, suggestion: '1,2' };
    const choice = { severity: 'error' as const, code: 'value.choice' as const, message: '', start: 9, end: 11, suggestion: '3' };

    // when / then: the choice fix alone gives "1,3", the list fix alone "1,2", both at once would garble the text
    expect(applySuggestions(text, [list, choice])).toBe('stateIN1,3^active=yes');
    expect(applySuggestions(text, [choice, list])).toBe('stateIN1,3^active=yes');
    expect(applySuggestions(text, [list])).toBe('stateIN1,2^active=yes');
  });
});
