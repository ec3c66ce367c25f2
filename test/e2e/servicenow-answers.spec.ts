/**
 * The incident template's presets over HTTP on loopback, answered the way
 * real instances answer (each fixture names where it was seen), sent and
 * received by the REST connector stand-in (rest-connector.ts), then run
 * through the connector runtime's job handling (test/helpers/runtime).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementTemplate } from '../../core/template/types';
import { proveRequest, runJob, type Answer, type JobOptions } from '../helpers/request-proof';
import { ConnectorError, EMULATOR_SECRETS, sendLikeRestConnector } from './rest-connector';

interface Reply {
  status: number;
  type?: string;
  text: string;
  headers?: Record<string, string>;
}

const SYS_ID = '46d44a5fa9fe198100c4bf8d1234abcd';
const RECORD_PATH = `/api/now/table/incident/${SYS_ID}`;
const TABLE_PATH = '/api/now/table/incident';
const JSON_TYPE = 'application/json;charset=UTF-8';

/**
 * A sleeping personal developer instance answers every path with HTTP 200
 * and this page: public integrations recognise it by its title
 * (demisto/content Packs/ServiceNow/Integrations/ServiceNowv2/ServiceNowv2.py
 * `send_request`: "Instance Hibernating page" in the text; a wake-up script
 * matches `<title>[\n\s]+Instance Hibernating page[\n\s]+</title>`).
 */
const HIBERNATING: Reply = { status: 200, type: 'text/html;charset=UTF-8', text: '<!DOCTYPE html>\n<html>\n<head>\n<title>\n    Instance Hibernating page\n</title>\n</head>\n<body><h1>Your instance is hibernating</h1></body>\n</html>' };

/** An SSO or login page served with 200 to an API call. */
const LOGIN_PAGE: Reply = { status: 200, type: 'text/html;charset=UTF-8', text: '<html><head><title>Log in | ServiceNow</title></head><body><form action="login.do"></form></body></html>' };

/**
 * ServiceNow KB1297438: a transaction quota that cancels a request which
 * already ran answers HTTP 200 with the records so far and, at the end,
 * `"error": {...}, "status": "failure"`, "likely ... not formatted as
 * expected since its transmission was cut off". The cut-off body is
 * StackVista/stackstate-agent-integrations servicenow/tests/test_servicenow.py
 * `mock_result_malformed_str_with_error_msg`.
 */
const CANCELLED_ERROR = '"error":{"detail":"Transaction cancelled: maximum execution time exceeded Check logs for error trace or enable glide.rest.debug property to verify REST request processing","message":"Transaction cancelled: maximum execution time exceeded"},"status":"failure"}';
const CANCELLED_CUT_OFF: Reply = { status: 200, type: JSON_TYPE, text: `{"result":[{"asset":{"name":"apc3276","sys_id":"375924dfdb6fb2882f74f12aaf9619b8"},}""],${CANCELLED_ERROR}` };
const CANCELLED_WELL_FORMED: Reply = { status: 200, type: JSON_TYPE, text: `{"result":[{"sys_id":"375924dfdb6fb2882f74f12aaf9619b8","number":"INC0010001"}],${CANCELLED_ERROR}` };
/** KB1297438: a request the quota cancels while it still waits for a semaphore gets HTTP 500. */
const CANCELLED_QUEUED: Reply = { status: 500, type: JSON_TYPE, text: `{${CANCELLED_ERROR}` };

/** ServiceNowDocs markdown/api-reference/rest-api-explorer/inbound-REST-API-rate-limiting.md: the body, 429 and Retry After in seconds. */
const RATE_LIMITED: Reply = { status: 429, type: JSON_TYPE, text: '{"error":{"message":"Rate limit exceeded","detail":"Rate limit of 10 requests per hour for Table API exceeded"},"status":"failure"}', headers: { 'Retry-After': '1250', 'X-RateLimit-Limit': '10', 'X-RateLimit-Rule': 'd4bd3aa6db10330028ab6b5aa896196b' } };
/** KB1297438: a request refused because the semaphore queue is full gets 429, with no rate limit rule behind it. */
const SEMAPHORE_FULL: Reply = { status: 429, type: JSON_TYPE, text: '{"error":{"message":"Too Many Requests","detail":null},"status":"failure"}' };

/**
 * oauth_token.do refusing a client-credentials token (e.g. with
 * glide.oauth.inbound.client.credential.grant_type.enabled off): 401 with
 * OAuth's error strings, as quoted at https://openillumi.com/?p=87705 and in
 * the ServiceNow community ("Token request failed with status 401").
 */
const TOKEN_REFUSED: Reply = { status: 401, type: 'application/json;charset=UTF-8', text: '{"error_description":"access_denied","error":"server_error"}' };

const incident = [JSON.parse(readFileSync(join(__dirname, '../../templates/servicenow-incident.json'), 'utf8'))].flat()[0] as ElementTemplate;
const replies = new Map<string, Reply>();
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const reply = replies.get(new URL(request.url ?? '/', 'http://x').pathname) ?? { status: 500, text: 'no reply set' };
      response.writeHead(reply.status, { ...(reply.type ? { 'Content-Type': reply.type } : {}), ...reply.headers });
      response.end(reply.text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** What reaches the job handler: the response, or the connector's error turned back into the answer it came from. */
async function send(values: Record<string, unknown>): Promise<Answer> {
  try {
    return await sendLikeRestConnector(proveRequest(incident, values, { secrets: EMULATOR_SECRETS }));
  } catch (thrown) {
    if (!(thrown instanceof ConnectorError)) throw thrown;
    return { status: Number(thrown.code), reason: thrown.message, headers: thrown.variables.response.headers, body: thrown.variables.response.body };
  }
}

async function run(values: Record<string, unknown>, path: string, reply: Reply, options: JobOptions = {}) {
  replies.set(path, reply);
  const all = { instanceUrl: base, ...values };
  return runJob(incident, all, await send(all), options);
}

const get = { operation: 'get', sysId: SYS_ID };
const query = { operation: 'query' };
const remove = { operation: 'delete', sysId: SYS_ID };

describe('e2e/servicenow-answers - what the presets make of real answers', () => {
  it('a hibernating developer instance raises an incident that says so, for every operation, Delete included', async () => {
    for (const [values, path] of [[get, RECORD_PATH], [query, TABLE_PATH], [remove, RECORD_PATH], [{ operation: 'create', 'field.short_description': 'x', 'field.caller_id': SYS_ID }, TABLE_PATH]] as const) {
      // when
      const outcome = await run(values, path, HIBERNATING);

      // then
      expect(outcome, values.operation).toMatchObject({ kind: 'failed', retries: 0, message: 'The instance is hibernating: wake it, then retry' });
    }
  });

  it('a login page answered with 200 no longer completes Delete; a 204 still does', async () => {
    expect(await run(remove, RECORD_PATH, LOGIN_PAGE)).toMatchObject({ kind: 'failed', retries: 0, message: 'ServiceNow answered HTTP 200 with a web page: the instance URL does not reach the Table API' });
    expect(await run(remove, RECORD_PATH, { status: 204, text: '' })).toEqual({ kind: 'completed', variables: {}, warnings: [] });
  });

  it('a 200 that ends with a cancelled transaction\'s error raises an incident naming it, cut off or well formed, with or without a result variable', async () => {
    for (const reply of [CANCELLED_CUT_OFF, CANCELLED_WELL_FORMED]) {
      for (const resultVariable of [undefined, 'raw']) {
        // when
        const outcome = await run({ ...query, ...(resultVariable ? { resultVariable } : {}) }, TABLE_PATH, reply);

        // then: the records so far are no answer
        expect(outcome, `${reply.text.slice(0, 40)} ${resultVariable}`).toMatchObject({ kind: 'failed', retries: 0, message: 'ServiceNow answered HTTP 200 with a cancelled transaction: ask for fewer records or columns' });
      }
    }
  });

  it('a transaction cancelled while queued (500) is left to the retries with the task\'s backoff', async () => {
    expect(await run(query, TABLE_PATH, CANCELLED_QUEUED, { retries: 3 })).toMatchObject({ kind: 'failed', retries: 2, retryBackoff: 'PT30S', message: 'Internal Server Error' });
  });

  it('a 429 waits as long as Retry-After says, however the server spells the header, and a minute without it', async () => {
    // when
    const limited = await run(get, RECORD_PATH, RATE_LIMITED, { retries: 3 });
    const queueFull = await run(get, RECORD_PATH, SEMAPHORE_FULL, { retries: 3 });

    // then
    expect(limited).toMatchObject({ kind: 'failed', retries: 2, retryBackoff: 'PT20M50S', message: 'ServiceNow rate limit: Rate limit exceeded: Rate limit of 10 requests per hour for Table API exceeded' });
    expect(queueFull).toMatchObject({ kind: 'failed', retries: 2, retryBackoff: 'PT1M', message: 'ServiceNow rate limit: Too Many Requests' });
    // The connector keeps the server's header names (connectors HeadersHelper.flattenHeaders); fetch here lowercases them.
    for (const name of ['Retry-After', 'retry-after', 'Retry-after']) {
      const answer = { status: 429, reason: 'Too Many Requests', headers: { [name]: '7' }, body: JSON.parse(RATE_LIMITED.text) as unknown };
      expect(runJob(incident, { instanceUrl: base, ...get }, answer), name).toMatchObject({ kind: 'failed', retryBackoff: 'PT7S' });
    }
  });

  it('a refused OAuth token becomes SERVICENOW_401 with the token endpoint\'s error, not only "Unauthorized"', async () => {
    // given
    replies.set('/oauth_token.do', TOKEN_REFUSED);
    const values = { instanceUrl: base, ...get, 'authentication.type': 'oauth-client-credentials-flow', 'authentication.clientAuthentication': 'credentialsBody' };

    // when
    const outcome = runJob(incident, values, await send(values));

    // then
    expect(outcome).toMatchObject({
      kind: 'bpmnError',
      code: 'SERVICENOW_401',
      message: 'server_error: access_denied',
      variables: { serviceNowError: { status: 401, message: 'server_error', detail: 'access_denied' } }
    });
  });

  it('a 401 without a body gives the reason phrase, whether the runtime hands the body over as null (8.8) or as "" (8.9); a load balancer\'s 503 page is retried', async () => {
    // 8.8.16 HttpCommonResultResponseHandler.extractBody: blank is null; 8.9.7 ConnectorExceptionMapper.from: the text as read, "" included.
    for (const body of [null, '']) {
      const answer = { status: 401, reason: 'Unauthorized', headers: { 'WWW-Authenticate': 'BASIC realm="Service-now"' }, body };
      expect(runJob(incident, { instanceUrl: base, ...get }, answer), JSON.stringify(body)).toMatchObject({ kind: 'bpmnError', code: 'SERVICENOW_401', message: 'Unauthorized' });
    }
    expect(await run(get, RECORD_PATH, { status: 503, type: 'text/html', text: '<html><body><h1>503 Service Unavailable</h1></body></html>' }, { retries: 3 })).toMatchObject({ kind: 'failed', retries: 2, retryBackoff: 'PT30S', message: 'Service Unavailable' });
  });

  it('the Table API\'s own error body still becomes the BPMN error with its message and detail', async () => {
    // ServiceNow's answer to a sys_id it cannot read (KB0717149's message; demisto/content ServiceNowv2.py `send_request` matches 'No Record found').
    const notFound = { status: 404, type: JSON_TYPE, text: '{"error":{"message":"No Record found","detail":"Record doesn\'t exist or ACL restricts the record retrieval"},"status":"failure"}' };
    expect(await run(get, RECORD_PATH, notFound)).toMatchObject({ kind: 'bpmnError', code: 'SERVICENOW_404', message: 'No Record found: Record doesn\'t exist or ACL restricts the record retrieval' });
  });
});
