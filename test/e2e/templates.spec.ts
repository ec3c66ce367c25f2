import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Metadata, Table } from '../../core/metadata/model';
import type { ElementTemplate } from '../../core/template/types';
import { DEFAULT_OAUTH_CLIENT, DEFAULT_USER, startEmulator, type RunningEmulator } from '../../scripts/emulator/server';
import { loadEmulatorSnapshot } from '../../scripts/emulator/snapshot-source';
import { readSnapshot } from '../../scripts/metadata/read-snapshot';
import { evaluateError, evaluateResult, proveRequest, type SampleResponse } from '../helpers/request-proof';
import { ConnectorError, sendLikeRestConnector } from './rest-connector';
import { createValues, marker } from './sample-values';

const TEMPLATES_DIR = join(__dirname, '..', '..', 'templates');
const SECRETS = {
  SERVICENOW_USERNAME: DEFAULT_USER.username,
  SERVICENOW_PASSWORD: DEFAULT_USER.password,
  SERVICENOW_CLIENT_ID: DEFAULT_OAUTH_CLIENT.clientId,
  SERVICENOW_CLIENT_SECRET: DEFAULT_OAUTH_CLIENT.clientSecret
};
const AUDIT_COLUMNS = ['sys_updated_on', 'sys_updated_by', 'sys_mod_count'];

interface TableTemplate {
  file: string;
  template: ElementTemplate;
  table: string;
}

/** Every generated single-table template, with the table its create URL targets. */
const tableTemplates: TableTemplate[] = readdirSync(TEMPLATES_DIR)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ file, template: JSON.parse(readFileSync(join(TEMPLATES_DIR, file), 'utf8')) as ElementTemplate }))
  .flatMap(({ file, template }) => {
    const url = template.properties.find((property) => property.id === 'url.create')?.value;
    const table = /"\/api\/now\/table\/" \+ "([a-z0-9_]+)"/.exec(String(url))?.[1];
    return table ? [{ file, template, table }] : [];
  });

const camel = (table: string) => table.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

describe('e2e - every table template against the Table API emulator', () => {
  let emulator: RunningEmulator;
  let metadata: Metadata;

  /** Proves the request, sends it like the REST connector, and evaluates the result expression on the real answer. */
  const run = async (template: ElementTemplate, values: Record<string, unknown>) => {
    const all = { instanceUrl: emulator.url, ...values };
    const request = proveRequest(template, all, { secrets: SECRETS });
    expect(request.warnings).toEqual([]);
    const response = await sendLikeRestConnector(request);
    return { request, response, result: evaluateResult(template, all, response) };
  };
  const failure = async (template: ElementTemplate, values: Record<string, unknown>) => {
    const all = { instanceUrl: emulator.url, ...values };
    const error = await sendLikeRestConnector(proveRequest(template, all, { secrets: SECRETS })).then(
      () => undefined,
      (thrown: unknown) => thrown
    );
    if (!(error instanceof ConnectorError)) throw new Error(`expected the connector to fail, got ${String(error)}`);
    return { error, outcome: evaluateError(template, all, error) };
  };
  const tableOf = (name: string): Table => {
    const table = metadata.tables.get(name);
    if (!table) throw new Error(`the bundled snapshot has no table ${name}`);
    return table;
  };
  const resultRecord = (response: SampleResponse) => (response.body as { result: Record<string, string> }).result;

  beforeAll(async () => {
    emulator = await startEmulator({ snapshot: await loadEmulatorSnapshot() });
    metadata = await readSnapshot();
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('covers every generated table template and every operation they offer', () => {
    expect(tableTemplates.length).toBeGreaterThanOrEqual(10);
    expect(tableTemplates.map(({ table }) => table)).toEqual(expect.arrayContaining(['incident', 'change_request', 'sc_req_item', 'sys_user']));
    const offered = new Set(tableTemplates.flatMap(({ template }) => template.properties.find((property) => property.id === 'operation')?.choices?.map((choice) => choice.value) ?? []));
    expect([...offered].sort()).toEqual(['count', 'create', 'delete', 'get', 'query', 'update']);
  });

  describe.each(tableTemplates)('$file ($table)', ({ template, table }) => {
    it('Create returns a sys_id that the emulator holds, mapped to <table>SysId by the output preset, with nulls dropped from the body', async () => {
      // given
      const values = createValues(template, tableOf(table), 'Email server down');
      const mark = marker(template, tableOf(table), 'create');

      // when
      const { response, result, request } = await run(template, values);

      // then
      expect(response.status).toBe(201);
      const sysId = resultRecord(response).sys_id;
      expect(result[`${camel(table)}SysId`]).toBe(sysId);
      const stored = emulator.store.get(table, sysId ?? '');
      expect(stored?.[mark.column]).toBe(mark.value('Email server down'));
      expect(Object.values(request.body as Record<string, unknown>)).not.toContain(null);
      const sent = emulator.requests.at(-1)?.body as Record<string, unknown>;
      expect(Object.keys(sent).sort()).toEqual(Object.keys(request.body as object).sort());
      for (const [column, value] of Object.entries(sent)) {
        if (emulator.store.schema(table)?.writable.has(column)) expect(stored?.[column]).toBe(String(value));
      }
    });

    it('Get by sys_id returns the record', async () => {
      // given
      const created = resultRecord((await run(template, createValues(template, tableOf(table), 'Read me'))).response);

      // when
      const { response, result } = await run(template, { operation: 'get', sysId: created.sys_id });

      // then
      expect(response.status).toBe(200);
      expect(resultRecord(response)).toMatchObject({ sys_id: created.sys_id });
      expect(result[`${camel(table)}SysId`]).toBe(created.sys_id);
    });

    it('Update changes only the fields that were set', async () => {
      // given
      const created = resultRecord((await run(template, createValues(template, tableOf(table), 'Before'))).response);
      const before = { ...emulator.store.get(table, created.sys_id ?? '') };
      const mark = marker(template, tableOf(table), 'update');

      // when
      const { response, result } = await run(template, { operation: 'update', sysId: created.sys_id, [mark.property.id ?? '']: mark.value('After') });

      // then
      expect(response.status).toBe(200);
      expect(result[`${camel(table)}SysId`]).toBe(created.sys_id);
      const after = emulator.store.get(table, created.sys_id ?? '') ?? {};
      const changed = Object.keys(after).filter((column) => after[column] !== before[column]);
      expect(changed.filter((column) => !AUDIT_COLUMNS.includes(column))).toEqual([mark.column]);
      expect(after[mark.column]).toBe(mark.value('After'));
    });

    it('Query with spaces and ^OR returns exactly the matching records, the query encoded once', async () => {
      // given
      const { column, value } = marker(template, tableOf(table), 'create');
      const tag = `q${Math.random().toString(16).slice(2, 8)}`;
      const [down, jam, quota] = [`${tag} mail server down`, `${tag} printer jam`, `${tag} mail quota`];
      for (const text of [down, jam, quota]) {
        await run(template, createValues(template, tableOf(table), text));
      }
      const query = `${column}=${value(down)}^OR${column}=${value(jam)}^ORDERBY${column}`;

      // when
      const { response, result } = await run(template, { operation: 'query', sysparm_query: query, sysparm_fields: `sys_id,${column}` });

      // then
      expect(response.status).toBe(200);
      expect(emulator.requests.at(-1)?.query.sysparm_query).toBe(query);
      const records = result[`${camel(table)}Records`] as Record<string, string>[];
      expect(records.map((record) => record[column])).toEqual([value(down), value(jam)]);
    });

    it('Delete removes the record, and a 404 then becomes the BPMN error the error preset promises', async () => {
      // given
      const created = resultRecord((await run(template, createValues(template, tableOf(table), 'Delete me'))).response);

      // when
      const { response } = await run(template, { operation: 'delete', sysId: created.sys_id });
      const { error, outcome } = await failure(template, { operation: 'get', sysId: created.sys_id });

      // then
      expect(response.status).toBe(204);
      expect(emulator.store.get(table, created.sys_id ?? '')).toBeUndefined();
      expect(error.code).toBe('404');
      expect(outcome).toMatchObject({
        errorType: 'bpmnError',
        code: 'SERVICENOW_404',
        message: "No Record found: Record doesn't exist or ACL restricts the record retrieval",
        variables: { serviceNowError: { status: 404, message: 'No Record found' } }
      });
    });

    it.each(['credentialsBody', 'basicAuthHeader'])('OAuth (client credentials in %s) obtains a token and uses it', async (clientAuthentication) => {
      // given
      const issued = emulator.oauth.issued;
      const values = { ...createValues(template, tableOf(table), 'Via OAuth'), 'authentication.type': 'oauth-client-credentials-flow', 'authentication.clientAuthentication': clientAuthentication };

      // when
      const { response, result } = await run(template, values);

      // then
      expect(response.status).toBe(201);
      expect(emulator.oauth.issued).toBe(issued + 1);
      expect(emulator.requests.at(-2)).toMatchObject({ path: '/oauth_token.do', status: 200, contentType: 'application/x-www-form-urlencoded' });
      expect(emulator.requests.at(-1)).toMatchObject({ method: 'POST', table, auth: 'bearer', status: 201 });
      expect(result[`${camel(table)}SysId`]).toBe(resultRecord(response).sys_id);
    });
  });

  describe('servicenow-any-table.json', () => {
    const file = join(TEMPLATES_DIR, 'servicenow-any-table.json');
    const template = JSON.parse(readFileSync(file, 'utf8')) as ElementTemplate;

    it('creates, reads, updates, queries and deletes a record of a table named at modelling time', async () => {
      // when
      const created = await run(template, { operation: 'create', table: 'incident', payload: '={"short_description": "Any table", "impact": "2", "caller_id": null}' });
      const sysId = resultRecord(created.response).sys_id ?? '';
      const read = await run(template, { operation: 'get', table: 'incident', sysId });
      await run(template, { operation: 'update', table: 'incident', sysId, payload: '={"urgency": "1"}' });
      const queried = await run(template, { operation: 'query', table: 'incident', sysparm_query: 'short_description=Any table^urgency=1' });
      await run(template, { operation: 'delete', table: 'incident', sysId });
      const missing = await failure(template, { operation: 'get', table: 'incident', sysId });

      // then
      expect(created.result.recordSysId).toBe(sysId);
      expect(emulator.requests.find((request) => request.method === 'POST' && request.table === 'incident' && (request.body as Record<string, unknown>).short_description === 'Any table')?.body).toEqual({ short_description: 'Any table', impact: '2' });
      expect(resultRecord(read.response)).toMatchObject({ short_description: 'Any table', impact: '2' });
      expect((queried.response.body as { result: { sys_id: string }[] }).result.map((record) => record.sys_id)).toEqual([sysId]);
      expect(emulator.store.get('incident', sysId)).toBeUndefined();
      expect(missing.outcome).toMatchObject({ errorType: 'bpmnError', code: 'SERVICENOW_404' });
    });
  });
});
