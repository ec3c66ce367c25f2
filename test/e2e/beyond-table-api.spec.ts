import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOrderTemplate } from '../../core/catalog/build-order-template';
import type { CatalogItem } from '../../core/metadata/catalog';
import type { ElementTemplate } from '../../core/template/types';
import { NO_RECORD } from '../../scripts/emulator/responses';
import { startEmulator, type RunningEmulator } from '../../scripts/emulator/server';
import { loadEmulatorSnapshot } from '../../scripts/emulator/snapshot-source';
import { applyTemplate, evaluateError, evaluateResult, IncidentRaised, JobFailed, proveRequest, runJob } from '../helpers/request-proof';
import { DocumentStore, type DocumentReference } from './documents';
import { ConnectorError, EMULATOR_SECRETS as SECRETS, sendLikeRestConnector } from './rest-connector';

const TEMPLATES_DIR = join(__dirname, '..', '..', 'templates');
const load = (file: string) => JSON.parse(readFileSync(join(TEMPLATES_DIR, file), 'utf8')) as ElementTemplate;
const USER_SYS_ID = '6816f79cc0a8016401c5a33be04be441';
/** The Laptop Request's mandatory variables (metadata/item_option_new.json) but justification, as FEEL context entries. */
const MANDATORY_EXCEPT_JUSTIFICATION = '"laptop_type": "standard", "operating_system": "linux", "contact_name": "Ada Lovelace", "contact_email": "ada@example.com"';

describe('e2e - order, attachment, flow and count templates against the emulator', () => {
  let emulator: RunningEmulator;
  const documents = new DocumentStore();

  const run = async (template: ElementTemplate, values: Record<string, unknown>, variables: Record<string, unknown> = {}) => {
    const all = { instanceUrl: emulator.url, ...values };
    const request = proveRequest(template, all, { secrets: SECRETS, variables });
    expect(request.warnings).toEqual([]);
    const response = await sendLikeRestConnector(request, documents);
    // The connector runs the error expression after a success too: the answer must complete the job.
    expect(runJob(template, all, response)).toMatchObject({ kind: 'completed' });
    return { request, response, result: evaluateResult(template, all, response) };
  };
  const failure = async (template: ElementTemplate, values: Record<string, unknown>) => {
    const all = { instanceUrl: emulator.url, ...values };
    const error = await sendLikeRestConnector(proveRequest(template, all, { secrets: SECRETS }), documents).then(() => undefined, (thrown: unknown) => thrown);
    if (!(error instanceof ConnectorError)) throw new Error(`expected the connector to fail, got ${String(error)}`);
    return { error, outcome: evaluateError(template, all, error) };
  };

  beforeAll(async () => {
    emulator = await startEmulator({ snapshot: await loadEmulatorSnapshot() });
  });
  afterAll(async () => {
    await emulator.close();
  });

  describe('servicenow-order-laptop-request.json', () => {
    const template = load('servicenow-order-laptop-request.json');
    const complete = {
      'variable.laptop_type': 'performance',
      'variable.operating_system': 'linux',
      'variable.justification': 'New engineer',
      'variable.contact_name': 'Ada Lovelace',
      'variable.contact_email': 'ada@example.com',
      'variable.needed_by': '2026-12-24',
      'variable.include_dock': false,
      'variable.terms_accepted': true
    };

    it('orders the item: the request, its requested item and the typed variables, with request_id and request_number in the preset variables', async () => {
      // when
      const { response, result, request } = await run(template, { ...complete, quantity: '2', requestedFor: USER_SYS_ID });

      // then
      expect(request.url).toBe(`${emulator.url}/api/sn_sc/servicecatalog/items/7c2e81106c4331ecd3c6f7cc7f1c1b09/order_now`);
      expect(response.status).toBe(200);
      const order = emulator.orders.at(-1);
      expect(order).toMatchObject({ quantity: 2, requestedFor: USER_SYS_ID });
      expect(order?.variables).toEqual({
        laptop_type: 'performance', operating_system: 'linux', justification: 'New engineer', contact_name: 'Ada Lovelace', contact_email: 'ada@example.com',
        needed_by: '2026-12-24', include_dock: 'No', terms_accepted: 'true'
      });
      expect(order?.requestItemSysIds).toHaveLength(2);
      expect(emulator.store.get('sc_req_item', order?.requestItemSysIds[0] ?? '')).toMatchObject({ request: order?.requestSysId, cat_item: '7c2e81106c4331ecd3c6f7cc7f1c1b09' });
      expect(result).toEqual({ requestSysId: order?.requestSysId, requestNumber: emulator.store.get('sc_request', order?.requestSysId ?? '')?.number });
      expect(String(result.requestNumber)).toMatch(/^REQ\d{7}$/);
    });

    it('offers select boxes by label, and names the reference table and the date format', () => {
      const property = (id: string) => template.properties.find((candidate) => candidate.id === id);
      expect(property('variable.laptop_type')?.choices?.map((choice) => choice.name)).toEqual(['-- Select --', 'Standard (Business)', 'High Performance (Engineering)', 'Ultrabook (Executive)']);
      expect(property('variable.assigned_user')?.description).toContain('<code>sys_user</code>');
      expect(property('variable.needed_by')?.description).toContain('yyyy-MM-dd');
      expect(property('variable.include_dock')).toMatchObject({ type: 'Boolean', value: true });
      expect(template.properties.some((candidate) => candidate.id === 'variable.laptop_details_start' || candidate.id === 'variable.supporting_doc')).toBe(false);
    });

    it('an order without a mandatory variable is refused in the Modeler before anything is sent', () => {
      // given
      const withoutJustification = { ...complete, 'variable.justification': '' };
      const sent = emulator.requests.length;

      // when
      const { violations } = applyTemplate(template, { instanceUrl: emulator.url, ...withoutJustification });

      // then
      expect(violations).toEqual(['variable.justification: must not be empty']);
      expect(() => proveRequest(template, { instanceUrl: emulator.url, ...withoutJustification }, { secrets: SECRETS })).toThrow(/Modeler would reject/);
      expect(emulator.requests.length).toBe(sent);
    });

    it('an unknown item is refused as ServiceNow refuses it, 400 "Security constraints prevent ordering of Item", which becomes SERVICENOW_400', async () => {
      // given
      const generic = load('servicenow-api-order-catalog-item.json');

      // when
      const { error, outcome } = await failure(generic, { catalogItem: '0123456789abcdef0123456789abcdef', variables: '={}' });

      // then: the add_to_cart status codes of c_ServiceCatalogAPI (order_now orders the same cart item)
      expect(error.code).toBe('400');
      expect(outcome).toMatchObject({ errorType: 'bpmnError', code: 'SERVICENOW_400', message: expect.stringContaining('Security constraints prevent ordering of Item') });
    });

    it('an order by sys_id without a mandatory variable is refused with 400 "Mandatory Variables are required", and nothing is created', async () => {
      // given
      const generic = load('servicenow-api-order-catalog-item.json');
      const orders = emulator.orders.length;

      // when
      const { outcome } = await failure(generic, { catalogItem: '7c2e81106c4331ecd3c6f7cc7f1c1b09', variables: `={${MANDATORY_EXCEPT_JUSTIFICATION}}` });

      // then
      expect(outcome).toMatchObject({ errorType: 'bpmnError', code: 'SERVICENOW_400', message: expect.stringContaining('Mandatory Variables are required') });
      expect(String((outcome as { message?: string }).message)).toContain('justification');
      expect(emulator.orders.length).toBe(orders);
    });
  });

  it('an instance with two-step checkout answers order_now with a cart and no request: an incident naming the property, not a completed task without requestSysId', async () => {
    // given: glide.sc.checkout.twostep on (the emulator answers as ServiceNow Community m-p/3441243 reports)
    const own = await startEmulator({ snapshot: await loadEmulatorSnapshot(), properties: { 'glide.buildtag': 'glide-emulator', 'glide.sc.checkout.twostep': 'true' } });
    try {
      const cases = {
        'servicenow-order-laptop-request.json': { 'variable.laptop_type': 'standard', 'variable.operating_system': 'linux', 'variable.justification': 'x', 'variable.contact_name': 'A', 'variable.contact_email': 'a@example.com' },
        'servicenow-api-order-catalog-item.json': { catalogItem: '7c2e81106c4331ecd3c6f7cc7f1c1b09', variables: `={${MANDATORY_EXCEPT_JUSTIFICATION}, "justification": "x"}` }
      };
      for (const [file, inputs] of Object.entries(cases)) {
        const template = load(file);
        const values = { instanceUrl: own.url, ...inputs };

        // when
        const response = await sendLikeRestConnector(proveRequest(template, values, { secrets: SECRETS }), documents);

        // then
        expect(response).toMatchObject({ status: 200, body: { result: { cart_id: expect.stringMatching(/^[0-9a-f]{32}$/) } } });
        for (const errorHandling of ['', 'none']) {
          expect(runJob(template, { ...values, errorHandling }, response), `${file} ${errorHandling}`).toMatchObject({ kind: 'failed', retries: 0, message: expect.stringContaining('glide.sc.checkout.twostep') });
        }
        expect(own.orders).toEqual([]);
      }
    } finally {
      await own.close();
    }
  });

  it('servicenow-api-order-catalog-item.json orders an item by sys_id with variables from a FEEL context, null entries dropped', async () => {
    // given
    const template = load('servicenow-api-order-catalog-item.json');

    // when
    const { result } = await run(template, { catalogItem: '7c2e81106c4331ecd3c6f7cc7f1c1b09', variables: `={${MANDATORY_EXCEPT_JUSTIFICATION}, "justification": reason, "needed_by": null}` }, { reason: 'Replacement' });

    // then
    expect(emulator.orders.at(-1)?.variables).toEqual({ laptop_type: 'standard', operating_system: 'linux', contact_name: 'Ada Lovelace', contact_email: 'ada@example.com', justification: 'Replacement' });
    expect(result.requestSysId).toBe(emulator.orders.at(-1)?.requestSysId);
  });

  /** An emulator whose catalog has `item` besides the bundled example (the order route serves the snapshot's resolved items). */
  const withItem = async (item: CatalogItem, test: (own: RunningEmulator) => Promise<void>) => {
    const snapshot = await loadEmulatorSnapshot();
    if (!snapshot.metadata) throw new Error('e2e: the bundled snapshot has no metadata');
    snapshot.metadata = { ...snapshot.metadata, catalogItems: [...(snapshot.metadata.catalogItems ?? []), item] };
    const own = await startEmulator({ snapshot });
    try {
      await test(own);
    } finally {
      await own.close();
    }
  };
  const column = (name: string, typeCode: string, kind: 'text' | 'yesNo' | 'reference') => ({ sysId: name.padEnd(32, '0').slice(0, 32), name, label: name, typeCode, kind, mandatory: false, order: 100, choices: [] });

  it('an item with a multi-row variable set: the rows reach order_now under the set\'s internal name as the JSON text ServiceNow keeps', async () => {
    // given: an item whose rows are a multi-row set (item_option_new_set type one_to_many)
    const item: CatalogItem = { sysId: 'abcdefabcdefabcdefabcdefabcdef01', name: 'Onboarding', variables: [], rowSets: [{ sysId: 'f'.repeat(32), name: 'new_hires', label: 'New hires', order: 100, variables: [column('employee_name', '6', 'text'), column('laptop', '1', 'yesNo')] }] };
    await withItem(item, async (own) => {
      const template = buildOrderTemplate(item, { idPrefix: 'community.servicenow', version: 1 });
      const values = { instanceUrl: own.url, 'rowSet.new_hires': '=[{"employee_name": "Ada Lovelace", "laptop": "Yes"}, {"employee_name": "Grace Hopper", "laptop": "No"}]' };

      // when
      const request = proveRequest(template, values, { secrets: SECRETS });
      const response = await sendLikeRestConnector(request, documents);

      // then
      expect(request.warnings).toEqual([]);
      expect(response.status).toBe(200);
      expect(JSON.parse(String(own.orders.at(-1)?.variables.new_hires))).toEqual([{ employee_name: 'Ada Lovelace', laptop: 'Yes' }, { employee_name: 'Grace Hopper', laptop: 'No' }]);
      expect(evaluateResult(template, values, response).requestNumber).toMatch(/^REQ\d{7}$/);
    });
  });

  it('an item with a Requested For variable offers Also request for: one request, a requested item for each user', async () => {
    // given
    const item: CatalogItem = { sysId: 'abcdefabcdefabcdefabcdefabcdef02', name: 'Access badge', variables: [{ ...column('requested_for', '31', 'reference'), reference: 'sys_user' }], rowSets: [] };
    const others = ['1'.repeat(32), '2'.repeat(32)];
    await withItem(item, async (own) => {
      const template = buildOrderTemplate(item, { idPrefix: 'community.servicenow', version: 1 });

      // when
      const request = proveRequest(template, { instanceUrl: own.url, requestedFor: USER_SYS_ID, alsoRequestFor: others.join(','), 'variable.requested_for': USER_SYS_ID }, { secrets: SECRETS });
      await sendLikeRestConnector(request, documents);

      // then
      expect(request.body).toMatchObject({ sysparm_requested_for: USER_SYS_ID, sysparm_also_request_for: others.join(',') });
      const order = own.orders.at(-1);
      expect(order?.alsoRequestFor).toEqual(others);
      expect(order?.requestItemSysIds.map((sysId) => own.store.get('sc_req_item', sysId)?.requested_for)).toEqual([USER_SYS_ID, ...others]);
      expect(new Set(order?.requestItemSysIds.map((sysId) => own.store.get('sc_req_item', sysId)?.request))).toEqual(new Set([order?.requestSysId]));
    });
    expect(load('servicenow-order-laptop-request.json').properties.some((property) => property.id === 'alsoRequestFor')).toBe(false);
  });

  it('Also request for an item without a Requested For variable is rejected by ServiceNow, which the error handling names', async () => {
    // given
    const generic = load('servicenow-api-order-catalog-item.json');

    // when
    const { outcome } = await failure(generic, { catalogItem: '7c2e81106c4331ecd3c6f7cc7f1c1b09', variables: `={${MANDATORY_EXCEPT_JUSTIFICATION}, "justification": "x"}`, alsoRequestFor: '1'.repeat(32) });

    // then
    expect(outcome).toMatchObject({ errorType: 'bpmnError', code: 'SERVICENOW_400', message: expect.stringContaining('has no Requested For variable') });
  });

  describe('servicenow-api-attachment.json', () => {
    const template = load('servicenow-api-attachment.json');

    it('the emulator reads the form fields only before the file part, as the Attachment API asks: the template sends them first', async () => {
      // given
      const incident = emulator.store.insert('incident', { short_description: 'Order of parts' }, 'admin');
      const form = (fieldsFirst: boolean) => {
        const data = new FormData();
        const file = () => data.append('uploadFile', new Blob(['x'], { type: 'text/plain' }), 'a.txt');
        if (!fieldsFirst) file();
        data.append('table_name', 'incident');
        data.append('table_sys_id', String(incident.sys_id));
        if (fieldsFirst) file();
        return data;
      };
      const post = (body: FormData) => fetch(`${emulator.url}/api/now/attachment/upload`, { method: 'POST', body, headers: { Authorization: `Basic ${Buffer.from(`${SECRETS.SERVICENOW_USERNAME}:${SECRETS.SERVICENOW_PASSWORD}`).toString('base64')}` } });

      // when
      const fileFirst = await post(form(false));
      const fieldsFirst = await post(form(true));

      // then
      expect(fileFirst.status).toBe(400);
      expect(fieldsFirst.status).toBe(201);
      const request = proveRequest(template, { instanceUrl: emulator.url, attachmentOperation: 'upload', tableName: 'incident', recordSysId: incident.sys_id, document: '=doc' }, { secrets: SECRETS, variables: { doc: documents.create(Buffer.from('x'), { fileName: 'a.txt', contentType: 'text/plain' }) } });
      expect(Object.keys(request.body as object).at(-1)).toBe('uploadFile');
    });

    it('uploads a document to an incident, lists it, downloads the same bytes as a document, deletes it', async () => {
      // given
      const incident = emulator.store.insert('incident', { short_description: 'With a file' }, 'admin');
      const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10, 0x80]);
      const invoice: DocumentReference = documents.create(bytes, { contentType: 'application/pdf', fileName: 'invoice.pdf' });

      // when
      const uploaded = await run(template, { attachmentOperation: 'upload', tableName: 'incident', recordSysId: incident.sys_id, document: '=invoice' }, { invoice });
      const stored = { ...emulator.store.get('sys_attachment', String(uploaded.result.attachmentSysId)) };
      const listed = await run(template, { attachmentOperation: 'list', recordSysId: incident.sys_id });
      const downloaded = await run(template, { attachmentOperation: 'download', attachmentSysId: uploaded.result.attachmentSysId });
      const deleted = await run(template, { attachmentOperation: 'delete', attachmentSysId: uploaded.result.attachmentSysId });
      const gone = await failure(template, { attachmentOperation: 'download', attachmentSysId: uploaded.result.attachmentSysId });

      // then
      expect(uploaded.response).toMatchObject({ status: 201 });
      expect(stored).toMatchObject({ file_name: 'invoice.pdf', content_type: 'application/pdf', table_name: 'incident', table_sys_id: incident.sys_id, size_bytes: '8' });
      expect((listed.result.attachments as { sys_id: string }[]).map((record) => record.sys_id)).toEqual([uploaded.result.attachmentSysId]);
      const document = downloaded.result.attachmentDocument as DocumentReference;
      expect(document.metadata.contentType).toBe('application/pdf');
      expect(documents.read(document).equals(bytes)).toBe(true);
      expect(JSON.parse(String(downloaded.response.headers?.['x-attachment-metadata']))).toMatchObject({ file_name: 'invoice.pdf' });
      expect(deleted.response.status).toBe(204);
      expect(gone.outcome).toMatchObject({ errorType: 'bpmnError', code: 'SERVICENOW_404' });
    });

    it('a download of a missing attachment: 8.8 stores the error answer too, so the BPMN error has the reason phrase only; 8.9 reads ServiceNow\'s message', async () => {
      // given
      const values = { instanceUrl: emulator.url, attachmentOperation: 'download', attachmentSysId: 'fedcba9876543210fedcba9876543210' };
      const send = (runtime: '8.8' | '8.9') => sendLikeRestConnector(proveRequest(template, values, { secrets: SECRETS, runtime }), documents, { runtime }).then(() => undefined, (thrown: unknown) => thrown as ConnectorError);

      // when
      const [old, current] = [await send('8.8'), await send('8.9')];

      // then
      expect(old).toBeInstanceOf(ConnectorError);
      expect(old?.variables.response.body).toBeNull();
      expect(evaluateError(template, values, old as ConnectorError)).toMatchObject({ errorType: 'bpmnError', code: 'SERVICENOW_404', message: 'Not Found' });
      expect(evaluateError(template, values, current as ConnectorError)).toMatchObject({ errorType: 'bpmnError', code: 'SERVICENOW_404', message: expect.stringContaining(NO_RECORD.error.message) });
    });

    it('a download answered with a web page (login, hibernating instance) raises an incident, though the connector stores the page and hands on no body', async () => {
      // With storeResponse the body is null (8.8.16 HttpCommonResultResponseHandler.java:88, 8.9.7 HttpCommonResultMapper.java:74):
      // only the headers tell the file from a page, and the Attachment API sends X-Attachment-Metadata with every file (c_AttachmentAPI).
      for (const page of ['login', 'hibernating'] as const) {
        for (const errorHandling of ['', 'none']) {
          // given
          emulator.faults.add({ kind: 'html', status: 200, page, path: '/api/now/attachment/' });
          const values = { instanceUrl: emulator.url, attachmentOperation: 'download', attachmentSysId: '0123456789abcdef0123456789abcdef', errorHandling };

          // when
          const response = await sendLikeRestConnector(proveRequest(template, values, { secrets: SECRETS }), documents);

          // then
          expect(response).toMatchObject({ status: 200, body: null });
          expect(runJob(template, values, response), `${page} ${errorHandling}`).toMatchObject({ kind: 'failed', retries: 0, message: expect.stringContaining('does not reach the Attachment API') });
        }
      }
    });

    it('re-uploads a downloaded document, which has no file name, under the File name given; a content type with parameters loses them', async () => {
      // given: what storeResponse stores (HttpCommonResultMapper.storeDocument: content type from the response, no file name)
      const incident = emulator.store.insert('incident', { short_description: 'Forwarded file' }, 'admin');
      const bytes = Buffer.from('id;amount\n1;20\n');
      const report = documents.create(bytes, { contentType: 'text/csv; charset=UTF-8' });

      // when
      const uploaded = await run(template, { attachmentOperation: 'upload', tableName: 'incident', recordSysId: incident.sys_id, document: '=report', fileName: 'report.csv' }, { report });

      // then
      expect(emulator.store.get('sys_attachment', String(uploaded.result.attachmentSysId))).toMatchObject({ file_name: 'report.csv', content_type: 'text/csv', size_bytes: String(bytes.length) });
      expect(emulator.attachments.get(String(uploaded.result.attachmentSysId))?.equals(bytes)).toBe(true);
    });

    it('uploads a document with an ISO-8859-1 name: the connector declares that charset on the body, and the name arrives whole', async () => {
      // given
      const incident = emulator.store.insert('incident', { short_description: 'Latin-1 name' }, 'admin');
      const report = documents.create(Buffer.from('x'), { contentType: 'application/pdf', fileName: 'Prüfbericht Nr. 5.pdf' });

      // when
      const { request, result } = await run(template, { attachmentOperation: 'upload', tableName: 'incident', recordSysId: incident.sys_id, document: '=report' }, { report });

      // then
      expect(emulator.requests.at(-1)?.contentType).toMatch(/^multipart\/form-data; charset=ISO-8859-1; boundary=/);
      expect(emulator.store.get('sys_attachment', String(result.attachmentSysId))).toMatchObject({ file_name: 'Prüfbericht Nr. 5.pdf' });
      expect(request.headers).toMatchObject({ 'Content-Type': 'multipart/form-data' });
    });

    it('a document without a file name and no File name raises an incident naming the fix, before anything is sent', () => {
      // given
      const incident = emulator.store.insert('incident', { short_description: 'Nameless file' }, 'admin');
      const nameless = documents.create(Buffer.from('x'), { contentType: 'application/octet-stream' });
      const sent = emulator.requests.length;

      // when
      const prove = () => proveRequest(template, { instanceUrl: emulator.url, attachmentOperation: 'upload', tableName: 'incident', recordSysId: incident.sys_id, document: '=nameless' }, { secrets: SECRETS, variables: { nameless } });

      // then
      expect(prove).toThrow(IncidentRaised);
      expect(prove).toThrow(/the document has no file name .* set File name/);
      expect(emulator.requests.length).toBe(sent);
    });

    it('sends a nameless document the way the connector does, as a plain form field, which ServiceNow does not take as a file', async () => {
      // given: the body the template would send without its file-name check
      const incident = emulator.store.insert('incident', { short_description: 'Field, not file' }, 'admin');
      const nameless = documents.create(Buffer.from('x'), { contentType: 'application/pdf' });
      const request = proveRequest(template, { instanceUrl: emulator.url, attachmentOperation: 'upload', tableName: 'incident', recordSysId: incident.sys_id, document: '=nameless', fileName: 'n.pdf' }, { secrets: SECRETS, variables: { nameless } });
      const body = { ...(request.body as Record<string, unknown>), uploadFile: nameless };

      // when
      const error = await sendLikeRestConnector({ ...request, body }, documents).then(() => undefined, (thrown: unknown) => thrown);

      // then
      expect(error).toBeInstanceOf(ConnectorError);
      expect((error as ConnectorError).code).toBe('400');
    });
  });

  describe('servicenow-api-start-flow.json', () => {
    const template = load('servicenow-api-start-flow.json');

    it('starts the flow through its REST trigger with headers, query and body, and maps its response', async () => {
      // when
      const { result } = await run(template, {
        triggerPath: '/api/sn_cico/flow_starter/my_flow',
        headers: '={"X-Correlation-Id": "order-42"}',
        queryParameters: '={"source": "camunda"}',
        body: '={"short_description": "From Camunda"}'
      });

      // then
      const started = emulator.flowRuns.at(-1);
      expect(started).toMatchObject({ method: 'POST', query: { source: 'camunda' }, body: { short_description: 'From Camunda' } });
      expect(started?.headers['x-correlation-id']).toBe('order-42');
      expect(result.flowExecutionId).toBe(started?.executionId);
      // The trigger's answer as the docs show it (Integration Hub, rest-trigger): the execution ID alone.
      expect(result.flowResponse).toEqual({ result: { executionId: started?.executionId } });
      expect(result.flowExecutionId).toMatch(/^[A-Za-z]{32}$/);
    });

    it('query parameters holding a nested context fail the job without retries before anything is sent, as the connector binds them as text', () => {
      // given
      const sent = emulator.requests.length;

      // when
      const prove = () => proveRequest(template, { instanceUrl: emulator.url, triggerPath: '/api/sn_cico/flow_starter/my_flow', queryParameters: '={"filter": {"state": "new"}}' }, { secrets: SECRETS });

      // then
      expect(prove).toThrow(JobFailed);
      expect(prove).toThrow(/queryParameters\.filter/);
      expect(emulator.requests.length).toBe(sent);
    });

    it('with OAuth, and a 500 from the trigger is left to the retries', async () => {
      // given
      emulator.faults.add({ kind: 'status', status: 500, path: '/api/sn_cico/' });

      // when
      const { error, outcome } = await failure(template, { triggerPath: '/api/sn_cico/flow_starter/my_flow', 'authentication.type': 'oauth-client-credentials-flow' });

      // then
      expect(error.code).toBe('500');
      expect(outcome).toBeNull();
      expect(emulator.requests.at(-2)).toMatchObject({ path: '/oauth_token.do', status: 200 });
    });
  });

  it('an answer that is not the API\'s (a login redirect) raises an incident instead of completing with empty variables', () => {
    // given
    const template = load('servicenow-order-laptop-request.json');
    const values = { instanceUrl: 'https://acme.service-now.com', 'variable.laptop_type': 'standard', 'variable.operating_system': 'linux', 'variable.justification': 'x', 'variable.contact_name': 'A', 'variable.contact_email': 'a@example.com' };

    // when
    const outcome = runJob(template, values, { status: 302, headers: { Location: 'https://acme.service-now.com/login.do' }, body: '' });

    // then
    expect(outcome).toMatchObject({ kind: 'failed', retries: 0, message: 'ServiceNow answered HTTP 302 redirecting to https://acme.service-now.com/login.do instead of 200: the instance URL does not reach the Service Catalog API (use the instance\'s https:// address)' });
  });

  describe('Count on the Aggregate API', () => {
    const template = load('servicenow-incident.json');

    it('counts the records an encoded query matches into incidentCount, a number, and groups with sysparm_group_by', async () => {
      // given
      const tag = `count${Math.random().toString(16).slice(2, 8)}`;
      for (const urgency of ['1', '1', '3']) emulator.store.insert('incident', { short_description: tag, urgency }, 'admin');

      // when
      const total = await run(template, { operation: 'count', sysparm_query: `short_description=${tag}` });
      const grouped = await run(template, { operation: 'count', sysparm_query: `short_description=${tag}`, sysparm_group_by: 'urgency' });

      // then
      expect(total.request.url).toBe(`${emulator.url}/api/now/stats/incident`);
      expect(total.request.queryParameters).toEqual({ sysparm_count: 'true', sysparm_query: `short_description=${tag}` });
      expect(total.result).toEqual({ incidentCount: 3, incidentCountGroups: null });
      expect(grouped.result).toEqual({
        incidentCount: 3,
        incidentCountGroups: [{ fields: [{ field: 'urgency', value: '1' }], count: 2 }, { fields: [{ field: 'urgency', value: '3' }], count: 1 }]
      });
    });

    it('a count of nothing is 0, and a rate limit on stats is retried after Retry-After', async () => {
      // given
      emulator.faults.add({ kind: 'rate-limit', retryAfterSeconds: 7, path: '/api/now/stats/' });

      // when
      const limited = await failure(template, { operation: 'count', sysparm_query: 'short_description=nothing-like-this' });
      const none = await run(template, { operation: 'count', sysparm_query: 'short_description=nothing-like-this' });

      // then
      expect(limited.outcome).toMatchObject({ errorType: 'jobError', retryBackoff: 'PT7S' });
      expect(none.result.incidentCount).toBe(0);
    });
  });
});
