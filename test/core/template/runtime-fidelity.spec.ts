/**
 * What Zeebe and the connector runtime do with every generated template
 * (test/helpers/runtime models them): each table template of the bundled
 * snapshot and the any-table template, every operation, with process
 * variables named like every connector input present.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Metadata, Table } from '../../../core/metadata/model';
import { buildAnyTableTemplate, buildTemplate } from '../../../core/template/build-template';
import { OPERATIONS, type Operation } from '../../../core/template/operations';
import { SAFE_TEXT } from '../../../core/template/patterns';
import { LOWEST_CONNECTOR_RUNTIME } from '../../../core/template/runtime';
import type { ElementTemplate, TemplateProperty } from '../../../core/template/types';
import { selectTables } from '../../../scripts/generate/select-tables';
import { readSnapshot } from '../../../scripts/metadata/read-snapshot';
import { createValues, fieldElement, marker } from '../../e2e/sample-values';
import { CURATED_TABLES } from '../../../scripts/generate/curated-tables';
import { parseFeelExpression } from '../../../core/feel/parse';
import { presetErrorRule } from '../../../core/template/error-handling';
import { writeOutputVariables } from '../../../lint/diagram/result-expression-writer';
import { applyTemplate, CONNECTOR_INPUTS, HOSTILE_PROCESS_VARIABLES, IncidentRaised, proveRequest, runJob, type ConnectorRuntime } from '../../helpers/request-proof';

const SYS_ID = '0123456789abcdef0123456789abcdef';
const SECRETS = { SERVICENOW_USERNAME: 'u', SERVICENOW_PASSWORD: 'p' };
const options = { idPrefix: 'community.servicenow', version: 1 };

interface Case {
  name: string;
  template: ElementTemplate;
  table: Table | undefined;
}

let metadata: Metadata;
let cases: Case[] = [];

beforeAll(async () => {
  metadata = await readSnapshot();
  cases = [
    // The tables that ship (templates/): the snapshot knows every SDK table, --all makes them on request.
    ...selectTables(metadata, [...CURATED_TABLES]).tables.map((table) => ({ name: table.name, template: buildTemplate(table, options), table })),
    { name: 'any table', template: buildAnyTableTemplate(options), table: undefined }
  ];
});

/** Values that make a valid request of `operation`. */
function valuesFor({ template, table }: Case, operation: Operation): Record<string, unknown> {
  const base: Record<string, unknown> = { instanceUrl: 'https://dev1.service-now.com', operation };
  if (operation === 'get' || operation === 'update' || operation === 'delete') base.sysId = SYS_ID;
  if (!table) return { ...base, table: 'incident', ...(operation === 'create' || operation === 'update' ? { payload: '={"short_description": "x"}' } : {}) };
  if (operation === 'create') return { ...createValues(template, table, 'marker'), ...base };
  if (operation === 'update') {
    const mark = marker(template, table, 'update');
    return { ...base, [mark.property.id ?? '']: mark.value('marker') };
  }
  return base;
}

/** Every active input a user types static text into. */
function freeTextInputs(template: ElementTemplate, values: Record<string, unknown>): TemplateProperty[] {
  return applyTemplate(template, values).active.filter((property) => property.binding.type === 'zeebe:input' && (property.type === 'String' || property.type === 'Text') && property.feel !== 'required' && property.id !== undefined);
}

function patternOf(property: TemplateProperty): string | undefined {
  const pattern = property.constraints?.pattern;
  return typeof pattern === 'string' ? pattern : pattern?.value;
}

const eachCase = (run: (entry: Case, operation: Operation) => void) => () => {
  expect(cases.length).toBeGreaterThanOrEqual(10);
  for (const entry of cases) for (const operation of OPERATIONS) run(entry, operation);
};

describe('core/template - what the runtime does with every template', () => {
  it('refuses bare secrets.<name> in every static text input, saying why', eachCase((entry, operation) => {
    const values = valuesFor(entry, operation);
    for (const property of freeTextInputs(entry.template, values)) {
      const { violations } = applyTemplate(entry.template, { ...values, [property.id as string]: 'rotate secrets.yaml' });
      expect(violations, `${entry.name} ${operation} ${property.id}`).toHaveLength(1);
      // typed inputs (sys_id, number, date...) refuse it by their format; free text says why
      if (patternOf(property)?.includes(SAFE_TEXT)) expect(violations[0]).toMatch(/bare secrets\.<name> \(write \{\{secrets\.NAME\}\}\)/);
    }
  }));

  it('refuses backslashes in static text and sends them intact as a FEEL string', eachCase((entry, operation) => {
    const values = valuesFor(entry, operation);
    for (const property of freeTextInputs(entry.template, values)) {
      const { violations } = applyTemplate(entry.template, { ...values, [property.id as string]: 'Disk full on D:\\backups\\new' });
      expect(violations, `${entry.name} ${operation} ${property.id}`).toHaveLength(1);
      // typed inputs (sys_id, number, date...) refuse it by their format; free text says why
      if (patternOf(property)?.includes(SAFE_TEXT)) expect(violations[0]).toMatch(/must not hold \\ \(write ="D:\\\\new"\)/);
    }
    if (!entry.table || (operation !== 'create' && operation !== 'update')) return;
    // A table marked through a date-time column still has free text (a journal, say) to send.
    const mark = marker(entry.template, entry.table, operation);
    const property = mark.kind === 'text' ? mark.property : freeTextInputs(entry.template, values).find((candidate) => fieldElement(candidate) && patternOf(candidate)?.includes(SAFE_TEXT));
    const field = property && fieldElement(property);
    if (!property || !field) throw new Error(`${entry.name} ${operation}: no free-text field to send backslashes through`);
    const request = proveRequest(entry.template, { ...values, [property.id as string]: '="Disk full on D:\\\\backups\\\\new"' }, { secrets: SECRETS });
    expect((request.body as Record<string, unknown>)[field], `${entry.name} ${operation} ${field}`).toBe('Disk full on D:\\backups\\new');
  }));

  it('fails loudly (an incident) on a redirect or an answer without result, for every operation and error handling', eachCase((entry, operation) => {
    for (const errorHandling of ['', 'none']) {
      const values = { ...valuesFor(entry, operation), errorHandling };
      const redirect = runJob(entry.template, values, { status: 302, headers: { Location: 'https://dev1.service-now.com/login.do' }, body: null });
      expect(redirect, `${entry.name} ${operation} ${errorHandling}`).toMatchObject({ kind: 'failed', retries: 0, message: expect.stringContaining('302 redirecting to https://dev1.service-now.com/login.do') });
      const page = runJob(entry.template, values, { status: 200, body: '<html>Log in</html>' });
      if (operation === 'delete') {
        // Delete asks for no result, but a page (a login page, a hibernating instance's) is no answer of the Table API.
        expect(page, `${entry.name} ${operation} ${errorHandling}`).toMatchObject({ kind: 'failed', retries: 0, message: expect.stringContaining('HTTP 200 with a web page') });
        expect(runJob(entry.template, values, { status: 204, body: null }).kind).toBe('completed');
        expect(runJob(entry.template, values, { status: 200, body: null }).kind).toBe('completed');
      } else {
        expect(page, `${entry.name} ${operation}`).toMatchObject({ kind: 'failed', retries: 0 });
        const status = operation === 'create' ? 201 : 200;
        const result = operation === 'query' ? [{ sys_id: SYS_ID }] : { sys_id: SYS_ID };
        expect(runJob(entry.template, values, { status, body: { result } }).kind).toBe('completed');
      }
    }
  }));

  it('fails loudly on a redirect also with result variables set: the error expression then gets the output variables, not the response', eachCase((entry, operation) => {
    // connectors ConnectorResult.SuccessResult.responseValue: once the result mapping set a variable, the error expression sees only those.
    for (const resultVariable of [undefined, 'raw']) {
      const values = { ...valuesFor(entry, operation), ...(resultVariable ? { resultVariable } : {}) };
      const redirect = runJob(entry.template, values, { status: 302, headers: { Location: 'https://dev1.service-now.com/login.do' }, body: null });
      expect(redirect, `${entry.name} ${operation} ${resultVariable}`).toMatchObject({ kind: 'failed', retries: 0, message: expect.stringContaining('302 redirecting') });
      const status = operation === 'create' ? 201 : 200;
      const answer = operation === 'delete' ? { status: 204, body: null } : { status, body: { result: operation === 'query' ? [{ sys_id: SYS_ID }] : { sys_id: SYS_ID } } };
      const completed = runJob(entry.template, values, answer);
      expect(completed.kind, `${entry.name} ${operation} ${resultVariable}`).toBe('completed');
      if (resultVariable && completed.kind === 'completed') expect(completed.variables[resultVariable]).toMatchObject({ status: answer.status });
    }
  }));

  it('a custom result expression the output helper writes still raises the incident on a redirect or an HTML page, and maps a record', eachCase((entry, operation) => {
    if (operation !== 'create' && operation !== 'get' && operation !== 'update') return;
    for (const errorHandling of ['', 'none']) {
      // given: what the helper writes for this task, inside the answer check of its preset error expression
      const base = { ...valuesFor(entry, operation), errorHandling, resultMapping: 'custom' };
      const rule = presetErrorRule(applyTemplate(entry.template, { ...base, resultExpression: '=' }).taskHeaders.errorExpression ?? '');
      expect(rule, `${entry.name} ${operation} ${errorHandling}`).toBeDefined();
      const values = { ...base, resultExpression: writeOutputVariables(undefined, 'recordSysId', false, parseFeelExpression, rule) };
      const status = operation === 'create' ? 201 : 200;

      // then
      expect(runJob(entry.template, values, { status: 302, headers: { Location: 'https://dev1.service-now.com/login.do' }, body: null }), `${entry.name} ${operation} ${errorHandling}`)
        .toMatchObject({ kind: 'failed', retries: 0, message: expect.stringContaining('302 redirecting to https://dev1.service-now.com/login.do') });
      expect(runJob(entry.template, values, { status, body: '<html>Log in</html>' })).toMatchObject({ kind: 'failed', retries: 0 });
      expect(runJob(entry.template, values, { status, body: { result: { sys_id: SYS_ID } } })).toMatchObject({ kind: 'completed', variables: { recordSysId: SYS_ID } });
    }
  }));

  it('accepts as Retry backoff only what java.time.Duration parses: the runtime fails the job without retries on the rest', eachCase((entry, operation) => {
    if (operation !== 'get') return;
    for (const retryBackoff of ['PT30S', 'PT1.5S', 'PT0.123456789S', 'PT0.1234567891S', 'P2DT3H4M5S', 'PT5M']) {
      const values = { ...valuesFor(entry, operation), retryBackoff };
      if (applyTemplate(entry.template, values).violations.length > 0) continue;
      expect(runJob(entry.template, values, { status: 200, body: { result: { sys_id: SYS_ID } } }), `${entry.name} ${retryBackoff}`).toMatchObject({ kind: 'completed' });
    }
  }));

  it('still maps ServiceNow errors after the change: 404 to a BPMN error, 408 and 5xx to retries', eachCase((entry, operation) => {
    const values = valuesFor(entry, operation);
    expect(runJob(entry.template, values, { status: 404, reason: 'Not Found', body: { error: { message: 'No Record found' } } })).toMatchObject({ kind: 'bpmnError', code: 'SERVICENOW_404', message: 'No Record found' });
    expect(runJob(entry.template, values, { transport: 'timeout' }, { retries: 3 })).toMatchObject({ kind: 'failed', retries: 2 });
  }));

  it('sets every connector input of 8.8, 8.9 and 8.10 itself, so process variables of those names change nothing', eachCase((entry, operation) => {
    const values = valuesFor(entry, operation);
    for (const runtime of ['8.8', '8.9', '8.10'] as ConnectorRuntime[]) {
      const clean = proveRequest(entry.template, values, { secrets: SECRETS, runtime });
      const exposed = proveRequest(entry.template, values, { secrets: SECRETS, runtime, variables: HOSTILE_PROCESS_VARIABLES });
      expect(Object.keys(clean.locals), `${entry.name} ${operation} ${runtime}`).toEqual(expect.arrayContaining([...CONNECTOR_INPUTS[runtime]]));
      expect(exposed.connectorInput, `${entry.name} ${operation} ${runtime}`).toEqual(clean.connectorInput);
      expect(exposed.connectorInput).toMatchObject({ storeResponse: false, ignoreNullValues: false, groupSetCookieHeaders: false, skipEncoding: 'false' });
    }
  }));

  it('queries few columns by default and states the 1.5 MB output cap where fields and limit are set', eachCase((entry, operation) => {
    if (operation !== 'query') return;
    const { persisted } = applyTemplate(entry.template, valuesFor(entry, operation));
    const byId = new Map([...persisted].map(([property, value]) => [property.id, { property, value }]));
    expect(String(byId.get('sysparm_fields')?.value), entry.name).toMatch(/^sys_id(,[a-z_]+)*$/);
    expect(Number(byId.get('sysparm_limit')?.value)).toBeLessThanOrEqual(50);
    expect(byId.get('sysparm_fields')?.property.description).toContain('1.5 MB');
    expect(byId.get('sysparm_limit')?.property.description).toContain('1.5 MB');
    // a full default page with the result variable set stays far below the cap
    const records = Array.from({ length: 50 }, () => ({ sys_id: SYS_ID, number: 'INC0010001', short_description: 'x'.repeat(160) }));
    expect(runJob(entry.template, { ...valuesFor(entry, operation), resultVariable: 'raw' }, { status: 200, body: { result: records } }).kind).toBe('completed');
  }));

  it('accepts the instance as a bare name, a URL with or without trailing slash, a custom domain, http:// as given, or a secret with the full URL', eachCase((entry, operation) => {
    const url = (instanceUrl: string, secrets: Record<string, string> = {}) => proveRequest(entry.template, { ...valuesFor(entry, operation), instanceUrl }, { secrets: { ...SECRETS, ...secrets } }).url;
    const path = new URL(url('https://dev1.service-now.com')).pathname;
    expect(url('ven1234')).toBe(`https://ven1234.service-now.com${path}`);
    expect(url('https://ven1234.service-now.com/')).toBe(`https://ven1234.service-now.com${path}`);
    expect(url('https://servicenow.example.com')).toBe(`https://servicenow.example.com${path}`);
    expect(url('http://localhost:8080/')).toBe(`http://localhost:8080${path}`);
    expect(url('{{secrets.SN_URL}}', { SN_URL: 'https://ven1234.service-now.com' })).toBe(`https://ven1234.service-now.com${path}`);
  }));

  it('states the lowest connector runtime it is proven for where the secrets are set', eachCase((entry, operation) => {
    if (operation !== 'create') return;
    const password = entry.template.properties.find((property) => property.id === 'authentication.password');
    expect(password?.description).toContain(`connector runtime ${LOWEST_CONNECTOR_RUNTIME} or later`);
    // a secret value starting with = is sent as it is (8.8.7+ bind the job without FEEL)
    const request = proveRequest(entry.template, valuesFor(entry, operation), { secrets: { ...SECRETS, SERVICENOW_PASSWORD: '=abc' } });
    expect(request.authentication?.password).toBe('=abc');
  }));

  it('raises an incident instead of sending an empty body when the payload or additional fields are no context', eachCase((entry, operation) => {
    if (operation !== 'create' && operation !== 'update') return;
    const values = valuesFor(entry, operation);
    const bad = entry.table ? { additionalFields: '="u_cost_center"' } : { payload: '="short_description"' };
    expect(() => proveRequest(entry.template, { ...values, ...bad }, { secrets: SECRETS }), entry.name).toThrow(IncidentRaised);
    expect(() => proveRequest(entry.template, { ...values, ...bad }, { secrets: SECRETS })).toThrow(/must be a FEEL context/);
  }));
});
