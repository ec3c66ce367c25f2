/**
 * The REST connector stand-in against a local server: what goes on the wire
 * and what comes back, each case as camunda/connectors 8.8.16 / 8.9.7
 * connector-commons/http-client does it (the sources are named in
 * rest-connector.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProvenRequest } from '../helpers/request-proof';
import { ConnectorError, responseBody, sendLikeRestConnector } from './rest-connector';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let base = '';
const seen: Seen[] = [];
/** What the server answers per path. */
const answers = new Map<string, { status: number; type?: string; text: string }>();

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = answers.get(new URL(request.url ?? '/', 'http://x').pathname) ?? { status: 200, type: 'application/json', text: '{"result":{}}' };
      response.writeHead(answer.status, answer.type ? { 'Content-Type': answer.type } : {});
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
    answers.set('/number', { status: 200, type: 'application/json', text: '42' });
    expect((await sendLikeRestConnector(request({ url: `${base}/number` }))).body).toBe('42');
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
