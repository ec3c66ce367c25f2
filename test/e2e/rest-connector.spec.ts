/**
 * The REST connector stand-in against a local server: what goes on the wire
 * and what comes back, each case as camunda/connectors 8.8.16 / 8.9.7
 * connector-commons/http-client does it (the sources are named in
 * rest-connector.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeelExpression } from '../../core/feel/parse';
import { deferUnexpectedAnswer } from '../../core/template/answer-guard';
import { presetErrorRule } from '../../core/template/error-handling';
import type { ElementTemplate } from '../../core/template/types';
import { writeOutputVariables } from '../../lint/diagram/result-expression-writer';
import { applyTemplate, proveRequest, runJob, type JobOptions, type ProvenRequest } from '../helpers/request-proof';
import { DocumentStore } from './documents';
import { ConnectorError, EMULATOR_SECRETS, responseBody, sendLikeRestConnector } from './rest-connector';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  raw: Buffer;
}

let server: Server;
let base = '';
const seen: Seen[] = [];
/** What the server answers per path. */
const answers = new Map<string, { status: number; type?: string; text: string; headers?: Record<string, string> }>();

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), raw: Buffer.concat(chunks) });
      const answer = answers.get(new URL(request.url ?? '/', 'http://x').pathname) ?? { status: 200, type: 'application/json', text: '{"result":{}}' };
      response.writeHead(answer.status, { ...(answer.type ? { 'Content-Type': answer.type } : {}), ...answer.headers });
      response.end(answer.text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function request(overrides: Partial<ProvenRequest>): ProvenRequest {
  return { method: 'GET', url: `${base}/api`, queryParameters: undefined, headers: undefined, body: null, authentication: undefined, connectorInput: {}, locals: {}, warnings: [], ...overrides };
}

const last = () => seen[seen.length - 1] as Seen;

describe('e2e/rest-connector - the request on the wire', () => {
  it('appends the query parameters to a query the URL already has', async () => {
    await sendLikeRestConnector(request({ url: `${base}/api/x_flow?mode=async`, queryParameters: { sysparm_limit: '1' } }));
    expect(last().url).toBe('/api/x_flow?mode=async&sysparm_limit=1');
  });

  it('sends an empty text entity for a null body of POST, and no entity for GET', async () => {
    await sendLikeRestConnector(request({ method: 'POST', body: null }));
    expect(last()).toMatchObject({ method: 'POST', body: '', headers: { 'content-type': 'text/plain; charset=ISO-8859-1', 'content-length': '0' } });
    await sendLikeRestConnector(request({ method: 'GET', body: { ignored: true } }));
    expect(last().headers['content-type']).toBeUndefined();
  });

  it('writes a multipart body as httpclient5 LEGACY mode does: headers and text parts in ISO-8859-1 (other characters as ?), quotes in a file name escaped', async () => {
    // given
    const documents = new DocumentStore();
    const body = {
      note: 'Größe',
      latin: documents.create(Buffer.from('a'), { fileName: 'Prüfbericht "final".pdf', contentType: 'application/pdf' }),
      cjk: documents.create(Buffer.from('b'), { fileName: '发票.pdf', contentType: 'application/pdf' })
    };

    // when
    await sendLikeRestConnector(request({ method: 'POST', headers: { 'Content-Type': 'multipart/form-data' }, body }), documents);

    // then
    const wire = last().raw.toString('latin1');
    expect(wire).toContain('Content-Disposition: form-data; name="note"\r\n\r\nGröße\r\n');
    expect(last().raw.includes(Buffer.from('Größe', 'latin1'))).toBe(true);
    expect(wire).toContain('Content-Disposition: form-data; name="latin"; filename="Prüfbericht \\"final\\".pdf"\r\nContent-Type: application/pdf\r\n');
    expect(wire).toContain('filename="??.pdf"');
  });

  it('fails building a multipart body with a document that has no content type, as httpcore5 ContentType.create(null) throws', async () => {
    // given
    const documents = new DocumentStore();
    const body = { file: documents.create(Buffer.from('a'), { fileName: 'a.bin' }) };

    // when
    const sent = seen.length;
    const error = await sendLikeRestConnector(request({ method: 'POST', headers: { 'Content-Type': 'multipart/form-data' }, body }), documents).then(() => undefined, (thrown: unknown) => thrown);

    // then
    expect(String(error)).toMatch(/NullPointerException.*MIME type/);
    expect(seen.length).toBe(sent);
  });

  it('sends a String body without Content-Type header as application/json', async () => {
    await sendLikeRestConnector(request({ method: 'POST', body: '{"short_description":"x"}' }));
    expect(last().headers['content-type']).toMatch(/^application\/json/);
    expect(last().body).toBe('{"short_description":"x"}');
  });
});

describe('e2e/rest-connector - the answer', () => {
  it('parses only JSON objects and arrays; other text stays text and a blank body is null', async () => {
    expect(responseBody('{"a":1}')).toEqual({ a: 1 });
    expect(responseBody('[1]')).toEqual([1]);
    expect(responseBody('123')).toBe('123');
    expect(responseBody('"x"')).toBe('"x"');
    expect(responseBody('null')).toBe('null');
    expect(responseBody('  \n')).toBeNull();
    // Jackson reads the first value and ignores what follows (FAIL_ON_TRAILING_TOKENS is off in HttpClientObjectMapperSupplier).
    expect(responseBody(' {"a":"}"} <html>')).toEqual({ a: '}' });
    expect(responseBody('[1]]')).toEqual([1]);
    expect(responseBody('{"a":1')).toBe('{"a":1');
    expect(responseBody('1 {"a":1}')).toBe('1 {"a":1}');
    answers.set('/number', { status: 200, type: 'application/json', text: '42' });
    expect((await sendLikeRestConnector(request({ url: `${base}/number` }))).body).toBe('42');
  });
});

describe('e2e/rest-connector - Basic authentication', () => {
  it('sends a null password as an empty one, not as the text null', async () => {
    await sendLikeRestConnector(request({ authentication: { type: 'basic', username: 'u', password: null } }));
    expect(last().headers.authorization).toBe(`Basic ${Buffer.from('u:').toString('base64')}`);
    await sendLikeRestConnector(request({ authentication: { type: 'basic', username: 'u', password: 'p' } }));
    expect(last().headers.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
  });
});

describe('e2e/rest-connector - OAuth client credentials', () => {
  const oauth = (endpoint: string) => ({ type: 'oauth-client-credentials-flow', oauthTokenEndpoint: `${base}${endpoint}`, clientId: 'id', clientSecret: 's', clientAuthentication: 'credentialsBody' });

  it('always sends audience, as a bare name when unset', async () => {
    answers.set('/token', { status: 200, type: 'application/json', text: '{"access_token":"t1"}' });
    await sendLikeRestConnector(request({ authentication: oauth('/token') }));
    const token = seen.find((entry) => entry.url === '/token') as Seen;
    expect(token.body.split('&')).toContain('audience');
    expect(last().headers.authorization).toBe('Bearer t1');
  });

  it('fails a refused token request like any call: code = status, message = reason, the response in variables', async () => {
    answers.set('/refused', { status: 401, type: 'application/json', text: '{"error":"invalid_client"}' });
    const failure = await sendLikeRestConnector(request({ authentication: oauth('/refused') })).then(() => undefined, (thrown: unknown) => thrown);
    expect(failure).toBeInstanceOf(ConnectorError);
    expect(failure).toMatchObject({ code: '401', message: 'Unauthorized', variables: { response: { body: { error: 'invalid_client' } } } });
  });

  it('sends Bearer null when the token answer has no access_token', async () => {
    answers.set('/empty', { status: 200, type: 'application/json', text: '{"token_type":"Bearer"}' });
    await sendLikeRestConnector(request({ authentication: oauth('/empty') }));
    expect(last().headers.authorization).toBe('Bearer null');
  });
});

describe('e2e/rest-connector - a custom result expression and an unexpected answer', () => {
  const incident = [JSON.parse(readFileSync(join(__dirname, '../../templates/servicenow-incident.json'), 'utf8'))].flat()[0] as ElementTemplate;
  const SYS_ID = '46d44a5fa9fe198100c4bf8d1234abcd';
  const path = `/api/now/table/incident/${SYS_ID}`;
  const get = (resultExpression: string) => ({ instanceUrl: base, operation: 'get', sysId: SYS_ID, resultMapping: 'custom', resultExpression });
  /** The answer rule of the task's preset error expression, as the output helper and the lint rule read it. */
  const answerRule = () => {
    const rule = presetErrorRule(applyTemplate(incident, get('=')).taskHeaders.errorExpression ?? '');
    if (!rule) throw new Error('the incident template\'s Get has no preset error expression');
    return rule;
  };
  /** What the output helper writes for this task: its entries inside that rule's answer check. */
  const helperWritten = () => writeOutputVariables(undefined, 'incidentSysId', true, parseFeelExpression, answerRule()) as string;
  /** Sends the task's request over HTTP, then runs the job on the answer as the connector runtime does. */
  const run = async (values: Record<string, unknown>, options: JobOptions = {}) => {
    const response = await sendLikeRestConnector(proveRequest(incident, values, { secrets: EMULATOR_SECRETS }));
    return runJob(incident, values, response, options);
  };

  it('guarded by the helper, a redirect to the login page and an HTML page raise an incident, a JSON record maps its outputs', async () => {
    // given
    const values = get(helperWritten());

    // when: the instance URL reaches a login redirect
    answers.set(path, { status: 302, text: '', headers: { Location: 'https://dev1.service-now.com/login.do' } });
    // then
    expect(await run(values)).toMatchObject({ kind: 'failed', retries: 0, message: expect.stringContaining('ServiceNow answered HTTP 302 redirecting to https://dev1.service-now.com/login.do instead of 200') });

    // when: a login page (HTML, 200)
    answers.set(path, { status: 200, type: 'text/html', text: '<html><body>Log in</body></html>' });
    // then
    expect(await run(values)).toMatchObject({ kind: 'failed', retries: 0, message: expect.stringContaining('ServiceNow answered HTTP 200 without a result') });

    // when: the Table API's record
    answers.set(path, { status: 200, type: 'application/json', text: JSON.stringify({ result: { sys_id: SYS_ID, number: 'INC0010001' } }) });
    // then
    expect(await run(values)).toEqual({ kind: 'completed', variables: { incidentSysId: SYS_ID, incidentNumber: 'INC0010001' }, warnings: [] });
  });

  it('the Result expression field\'s own example, copied into a Create task, raises the incident for a redirect and maps a created record', async () => {
    // given: the example as the field's description shows it (Web Modeler has no lint to add the check)
    const description = incident.properties.find((property) => property.id === 'resultExpression')?.description ?? '';
    const example = /e\.g\. <code>(=[^<]+)<\/code> for Create/.exec(description)?.[1];
    expect(example).toBeDefined();
    const create = { instanceUrl: base, operation: 'create', 'field.short_description': 'Printer on fire', resultMapping: 'custom', resultExpression: example };
    const collection = '/api/now/table/incident';

    // when: a login redirect
    answers.set(collection, { status: 302, text: '', headers: { Location: 'https://dev1.service-now.com/login.do' } });
    // then
    expect(await run(create)).toMatchObject({ kind: 'failed', retries: 0, message: expect.stringContaining('ServiceNow answered HTTP 302 redirecting to https://dev1.service-now.com/login.do instead of 201') });

    // when: the created record
    answers.set(collection, { status: 201, type: 'application/json', text: JSON.stringify({ result: { sys_id: SYS_ID, number: 'INC0010002' } }) });
    // then
    expect(await run(create)).toEqual({ kind: 'completed', variables: { incidentSysId: SYS_ID }, warnings: [] });
  });

  it('unguarded, the same redirect completes the task with null outputs (what the lint rule reports); the rule\'s fix raises the incident', async () => {
    // given: the Result expression field's example, no result variable
    const mine = '={incidentSysId: body.result.sys_id}';
    answers.set(path, { status: 302, text: '', headers: { Location: 'https://dev1.service-now.com/login.do' } });

    // when: missing fields read as null, as in the runtime
    const outcome = await run(get(mine), { strict: false });

    // then
    expect(outcome).toMatchObject({ kind: 'completed', variables: { incidentSysId: null } });

    // when: the expression inside the answer check, as the lint rule's fix writes it
    const fixed = await run(get(deferUnexpectedAnswer(mine, answerRule())));

    // then
    expect(fixed).toMatchObject({ kind: 'failed', retries: 0, message: expect.stringContaining('ServiceNow answered HTTP 302 redirecting to https://dev1.service-now.com/login.do') });
  });
});
