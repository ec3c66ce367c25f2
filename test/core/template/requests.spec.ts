import { describe, expect, it } from 'vitest';
import { buildAnyTableTemplate, buildTemplate } from '../../../core/template/build-template';
import { OPERATIONS, OPERATION_HTTP } from '../../../core/template/operations';
import { applyTemplate, evaluateError, evaluateResult, proveRequest, runJob } from '../../helpers/request-proof';
import { incidentTable, oddTable } from './fixtures/tables';

const incident = buildTemplate(incidentTable(), { idPrefix: 'community.servicenow', version: 1 });
const SYS_ID = '6816f79cc0a8016401c5a33be04be441';
const secrets = { SERVICENOW_USERNAME: 'flow.user', SERVICENOW_PASSWORD: 's3cret', SERVICENOW_TOKEN: 'tok', SERVICENOW_CLIENT_ID: 'cid', SERVICENOW_CLIENT_SECRET: 'csecret' };
const connection = { instanceUrl: 'https://dev12345.service-now.com' };

describe('core/template - requests the REST connector sends', () => {
  it('Create with caller, short description and impact posts exactly those three fields', () => {
    // when
    const request = proveRequest(incident, { ...connection, 'field.caller_id': SYS_ID, 'field.short_description': 'Printer jam on floor 3', 'field.impact': '2' }, { secrets });

    // then
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://dev12345.service-now.com/api/now/table/incident');
    expect(request.body).toEqual({ caller_id: SYS_ID, short_description: 'Printer jam on floor 3', impact: '2' });
    expect(request.warnings).toEqual([]);
  });

  it('sends a field of the collapsed group set with its toggle on, and only while the toggle is on', () => {
    // given: assigned_to and u_cost are in the collapsed group
    const values = { ...connection, 'field.short_description': 'Printer jam', 'field.caller_id': SYS_ID, 'field.assigned_to': SYS_ID, 'field.u_cost': '=12.5' };

    // when
    const shown = proveRequest(incident, { ...values, moreFieldsShown: 'shown' }, { secrets });
    const hiddenAgain = proveRequest(incident, { ...values, moreFieldsShown: 'hidden' }, { secrets });

    // then
    expect(shown.body).toEqual({ short_description: 'Printer jam', caller_id: SYS_ID, assigned_to: SYS_ID, u_cost: 12.5 });
    expect(shown.warnings).toEqual([]);
    expect(hiddenAgain.body).toEqual({ short_description: 'Printer jam', caller_id: SYS_ID });
    expect(hiddenAgain.warnings).toEqual([]);
  });

  it('hides the collapsed group\'s inputs by default and saves the toggle as an input mapping, so a reopened task shows its values', () => {
    // when
    const fresh = applyTemplate(incident, connection);
    const shown = applyTemplate(incident, { ...connection, moreFieldsShown: 'shown', 'field.assigned_to': SYS_ID });

    // then
    const ids = (applied: ReturnType<typeof applyTemplate>) => applied.active.map((property) => property.id);
    expect(ids(fresh)).toContain('moreFieldsShown');
    expect(ids(fresh)).not.toContain('field.assigned_to');
    expect(ids(fresh)).toContain('field.caller_id');
    const toggle = [...shown.persisted].find(([property]) => property.id === 'moreFieldsShown');
    expect(toggle?.[0].binding).toEqual({ type: 'zeebe:input', name: 'sn_moreFieldsShown' });
    expect(toggle?.[1]).toBe('shown');
    expect([...shown.persisted].find(([property]) => property.id === 'field.assigned_to')?.[1]).toBe(SYS_ID);
    expect(incident.properties.find((property) => property.id === 'moreFieldsShown')?.description).toMatch(/Hide clears the values typed in them/);
  });

  it('Update setting one field patches that one field and blanks nothing', () => {
    // when
    const request = proveRequest(incident, { ...connection, operation: 'update', sysId: SYS_ID, 'field.state.update': '6' }, { secrets });

    // then
    expect(request.method).toBe('PATCH');
    expect(request.url).toBe(`https://dev12345.service-now.com/api/now/table/incident/${SYS_ID}`);
    expect(request.body).toEqual({ state: '6' });
  });

  it('Update sends its own fields (work notes, close code) with the other fields hidden; Create keeps them behind the toggle', () => {
    // when
    const update = proveRequest(incident, { ...connection, operation: 'update', sysId: SYS_ID, 'field.work_notes.update': 'Restarted the service', 'field.close_notes.update': 'Cleared the queue' }, { secrets });
    const create = applyTemplate(incident, { ...connection, 'field.short_description': 'Printer jam' });

    // then
    expect(update.body).toEqual({ work_notes: 'Restarted the service', close_notes: 'Cleared the queue' });
    expect(update.warnings).toEqual([]);
    expect(create.active.map((property) => property.id)).not.toContain('field.work_notes');
    expect(proveRequest(incident, { ...connection, 'field.short_description': 'Printer jam' }, { secrets }).warnings).toEqual([]);
  });

  it('Query sends the encoded query exactly as written, with the default limit', () => {
    // given
    const query = 'short_descriptionLIKEprinter jam^ORDERBYDESCsys_created_on';

    // when
    const request = proveRequest(incident, { ...connection, operation: 'query', sysparm_query: query }, { secrets });

    // then
    expect(request.method).toBe('GET');
    expect(request.url).toBe('https://dev12345.service-now.com/api/now/table/incident');
    expect(request.queryParameters).toEqual({ sysparm_query: query, sysparm_fields: 'sys_id,number,short_description', sysparm_display_value: 'false', sysparm_exclude_reference_link: 'true', sysparm_limit: '50' });
    expect(request.body).toBeNull();
  });

  it.each(['active=true^NQpriority=1^ORcategory=software', 'stateNOT IN6,7^opened_at>=javascript:gs.daysAgoStart(7)', 'sys_created_on>2026-01-01 00:00:00'])('keeps %s byte for byte', (query) => {
    expect(proveRequest(incident, { ...connection, operation: 'query', sysparm_query: query }, { secrets }).queryParameters?.sysparm_query).toBe(query);
  });

  it('Query passes paging and field selection, all as strings, and drops unset ones', () => {
    // when
    const request = proveRequest(incident, { ...connection, operation: 'query', sysparm_limit: '=5 * 2', sysparm_offset: '20', sysparm_fields: 'sys_id,number', sysparm_display_value: 'all', sysparm_exclude_reference_link: false }, { secrets });

    // then
    expect(request.queryParameters).toEqual({ sysparm_fields: 'sys_id,number', sysparm_display_value: 'all', sysparm_exclude_reference_link: 'false', sysparm_limit: '10', sysparm_offset: '20' });
  });

  it('Get by sys_id reads the record URL; Delete deletes it', () => {
    // when
    const get = proveRequest(incident, { ...connection, operation: 'get', sysId: SYS_ID }, { secrets });
    const remove = proveRequest(incident, { ...connection, operation: 'delete', sysId: SYS_ID }, { secrets });

    // then
    expect([get.method, get.url]).toEqual(['GET', `https://dev12345.service-now.com/api/now/table/incident/${SYS_ID}`]);
    expect([remove.method, remove.url, remove.body, remove.queryParameters]).toEqual(['DELETE', `https://dev12345.service-now.com/api/now/table/incident/${SYS_ID}`, null, {}]);
  });

  it('takes the sys_id from a FEEL expression over process variables', () => {
    // when
    const request = proveRequest(incident, { ...connection, operation: 'get', sysId: '=incidentSysId' }, { secrets, variables: { incidentSysId: SYS_ID } });

    // then
    expect(request.url.endsWith(`/incident/${SYS_ID}`)).toBe(true);
  });

  it('reaches the instance of the SERVICENOW_INSTANCE_URL secret when the instance is left at its default', () => {
    // when: no instance typed
    const request = proveRequest(incident, { operation: 'get', sysId: SYS_ID }, { secrets: { ...secrets, SERVICENOW_INSTANCE_URL: 'https://dev777.service-now.com' } });

    // then
    expect(request.url).toBe(`https://dev777.service-now.com/api/now/table/incident/${SYS_ID}`);
  });

  it('works with custom domains and a trailing slash', () => {
    expect(proveRequest(incident, { instanceUrl: 'https://itsm.example.org/', operation: 'get', sysId: SYS_ID }, { secrets }).url).toBe(`https://itsm.example.org/api/now/table/incident/${SYS_ID}`);
  });

  it('maps basic authentication from secrets', () => {
    expect(proveRequest(incident, { ...connection, operation: 'get', sysId: SYS_ID }, { secrets }).authentication).toEqual({ type: 'basic', username: 'flow.user', password: 's3cret' });
  });

  it('maps OAuth client credentials to the instance token URL with credentials in the body', () => {
    // when
    const request = proveRequest(incident, { ...connection, operation: 'get', sysId: SYS_ID, 'authentication.type': 'oauth-client-credentials-flow' }, { secrets });

    // then
    expect(request.authentication).toEqual({
      type: 'oauth-client-credentials-flow',
      oauthTokenEndpoint: 'https://dev12345.service-now.com/oauth_token.do',
      clientId: 'cid',
      clientSecret: 'csecret',
      clientAuthentication: 'credentialsBody',
      scopes: null
    });
  });

  it('maps a bearer token', () => {
    expect(proveRequest(incident, { ...connection, operation: 'get', sysId: SYS_ID, 'authentication.type': 'bearer' }, { secrets }).authentication).toEqual({ type: 'bearer', token: 'tok' });
  });

  it('sends another choice value or a FEEL value through "other"', () => {
    // when
    const request = proveRequest(incident, { ...connection, 'field.short_description': 'x', 'field.caller_id': SYS_ID, 'field.state': '__other__', 'field.state.other': '=if urgent then "2" else "1"' }, { secrets, variables: { urgent: true } });

    // then
    expect(request.body).toEqual({ short_description: 'x', caller_id: SYS_ID, state: '2' });
  });

  it('never sends a cleared input (persisted as source="", read as ""); clearing goes through additional fields', () => {
    // when
    const request = proveRequest(incident, { ...connection, operation: 'update', sysId: SYS_ID, 'field.short_description.update': '', 'field.state': '', 'field.description': '=""', 'field.impact': '3', additionalFields: '={"assigned_to": ""}' }, { secrets });

    // then
    expect(request.body).toEqual({ assigned_to: '', impact: '3' });
  });

  it('merges the additional fields context, set fields taking precedence', () => {
    // when
    const request = proveRequest(incident, { ...connection, operation: 'update', sysId: SYS_ID, 'field.impact': '1', additionalFields: '={"u_cost_center": "CC-12", "impact": "3"}' }, { secrets });

    // then
    expect(request.body).toEqual({ u_cost_center: 'CC-12', impact: '1' });
  });

  it('rejects values the Modeler rejects: a malformed sys_id, a missing mandatory field on Create', () => {
    expect(() => proveRequest(incident, { ...connection, operation: 'get', sysId: 'INC0010001' }, { secrets })).toThrow(/sysId: does not match/);
    expect(() => proveRequest(incident, { ...connection, 'field.caller_id': SYS_ID }, { secrets })).toThrow(/field.short_description: must not be empty/);
  });

  it('the output preset yields incidentSysId and incidentNumber, for stored and display values', () => {
    // given
    const record = { sys_id: SYS_ID, number: 'INC0010042', short_description: 'x' };

    // when
    const stored = evaluateResult(incident, {}, { status: 201, body: { result: record } });
    const both = evaluateResult(incident, { operation: 'get', sysparm_display_value: 'all' }, { status: 200, body: { result: { sys_id: { value: SYS_ID, display_value: SYS_ID }, number: { value: 'INC0010042', display_value: 'INC0010042' } } } });

    // then
    expect(stored).toEqual({ incidentSysId: SYS_ID, incidentNumber: 'INC0010042' });
    expect(both).toEqual({ incidentSysId: SYS_ID, incidentNumber: 'INC0010042' });
  });

  it('the output preset never reads a missing field (the runtime would fail the job): a column left out by sysparm_fields maps to null', () => {
    expect(evaluateResult(incident, { operation: 'get', sysparm_fields: 'number' }, { status: 200, body: { result: { number: 'INC0010042' } } })).toEqual({ incidentSysId: null, incidentNumber: 'INC0010042' });
    // An answer without `result` sets no variable, so that the error expression gets the response (not outputs) and raises the incident.
    expect(evaluateResult(incident, { operation: 'query' }, { status: 200, body: '<html>proxy page</html>' })).toEqual({});
    expect(runJob(incident, { operation: 'query' }, { status: 200, body: '<html>proxy page</html>' })).toMatchObject({ kind: 'failed', retries: 0 });
  });

  it('the Query preset maps the list and the result variable keeps the raw response', () => {
    // when
    const variables = evaluateResult(incident, { operation: 'query', resultVariable: 'incidentResponse' }, { status: 200, headers: { 'X-Total-Count': '2' }, body: { result: [{ sys_id: 'a' }, { sys_id: 'b' }] } });

    // then
    expect(variables.incidentRecords).toEqual([{ sys_id: 'a' }, { sys_id: 'b' }]);
    expect(variables.incidentResponse).toMatchObject({ status: 200, headers: { 'X-Total-Count': '2' } });
  });

  it('the error preset turns a 404 body into BPMN error SERVICENOW_404 with ServiceNow\'s message and detail', () => {
    // when
    const outcome = evaluateError(incident, {}, {
      code: '404',
      message: 'Not Found',
      variables: { response: { body: { error: { message: 'No Record found', detail: 'Record doesn\'t exist or ACL restricts the record retrieval' }, status: 'failure' }, headers: {} } }
    });

    // then
    expect(outcome).toEqual({
      errorType: 'bpmnError',
      code: 'SERVICENOW_404',
      message: 'No Record found: Record doesn\'t exist or ACL restricts the record retrieval',
      variables: { serviceNowError: { status: 404, message: 'No Record found', detail: 'Record doesn\'t exist or ACL restricts the record retrieval' } }
    });
  });

  it('the error preset retries a 429 after Retry-After, and leaves 5xx and timeouts to the retries', () => {
    // when
    const limited = evaluateError(incident, {}, { code: '429', message: 'Too Many Requests', variables: { response: { body: { error: { message: 'Rate limit exceeded', detail: null }, status: 'failure' }, headers: { 'Retry-After': '42' } } } }, { retries: 3 });
    const outage = evaluateError(incident, {}, { code: '503', message: 'Service Unavailable', variables: { response: { body: '<html>down</html>', headers: {} } } });
    const timeout = evaluateError(incident, {}, { code: '408', message: 'Read timed out' });

    // then
    expect(limited).toEqual({ errorType: 'jobError', message: 'ServiceNow rate limit: Rate limit exceeded', variables: {}, retries: 2, retryBackoff: 'PT42S' });
    expect(outage).toBeNull();
    expect(timeout).toBeNull();
  });

  it('the error preset falls back to the reason phrase when the body is not ServiceNow\'s', () => {
    expect(evaluateError(incident, {}, { code: '401', message: 'Unauthorized', variables: { response: { body: 'denied', headers: {} } } })).toMatchObject({ code: 'SERVICENOW_401', message: 'Unauthorized' });
  });

  it('no error handling leaves the connector default', () => {
    expect(evaluateError(incident, { errorHandling: 'none' }, { code: '404', message: 'Not Found' })).toBeNull();
  });

  describe.each([
    ['incident', incident, { 'field.short_description': 'x', 'field.caller_id': SYS_ID }],
    ['u_odd_things', buildTemplate(oddTable(), { idPrefix: 'p', version: 1 }), { 'field.u_name': 'n' }],
    ['u_custom (any table)', buildAnyTableTemplate({ idPrefix: 'p', version: 1 }), { table: 'u_custom', payload: '={"u_name": "n", "u_gone": null}' }]
  ])('%s: every operation', (name, template, createValues) => {
    const table = name.split(' ')[0] as string;
    it.each(OPERATIONS.map((operation) => [operation]))('%s sends the documented method to the table URL', (operation) => {
      // given
      const values: Record<string, unknown> = { ...connection, operation, ...(template.id.endsWith('AnyTable') ? { table } : {}) };
      if (operation === 'create' || operation === 'update') Object.assign(values, createValues);
      if (['get', 'update', 'delete'].includes(operation)) values.sysId = SYS_ID;

      // when
      const request = proveRequest(template, values, { secrets });

      // then
      const record = ['get', 'update', 'delete'].includes(operation) ? `/${SYS_ID}` : '';
      expect(request.method).toBe(OPERATION_HTTP[operation].method);
      expect(request.url).toBe(`https://dev12345.service-now.com${OPERATION_HTTP[operation].api}${table}${record}`);
      expect(request.warnings).toEqual([]);
      if (operation === 'create' || operation === 'update') expect(Object.values(request.body as object)).not.toContain(null);
      else expect(request.body).toBeNull();
    });
  });
});
