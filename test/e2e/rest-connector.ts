/**
 * Sends a proven request (test/helpers/request-proof.ts) over HTTP the way
 * the REST connector (`io.camunda:http-json:1`) does, per
 * /work/shared/reference/element-templates-and-rest-connector.md §5:
 * query parameters encoded exactly once (a null value as a bare name), a
 * Map body as JSON (nulls dropped with ignoreNullValues), no body for GET
 * and DELETE, Basic/bearer auth, and the OAuth client-credentials flow
 * (form-encoded token request, credentials in the body or a Basic header).
 * A status >= 400 becomes the connector's error: code = status, message =
 * reason phrase, variables.response = {headers, body}.
 */
import type { ProvenRequest, SampleError, SampleResponse } from '../helpers/request-proof';
import { DEFAULT_OAUTH_CLIENT, DEFAULT_USER } from '../../scripts/emulator/server';
import { multipartBody, type DocumentStore } from './documents';

/** The cluster secrets that hold the emulator's credentials. */
export const EMULATOR_SECRETS = {
  SERVICENOW_USERNAME: DEFAULT_USER.username,
  SERVICENOW_PASSWORD: DEFAULT_USER.password,
  SERVICENOW_CLIENT_ID: DEFAULT_OAUTH_CLIENT.clientId,
  SERVICENOW_CLIENT_SECRET: DEFAULT_OAUTH_CLIENT.clientSecret
};

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export class ConnectorError extends Error implements SampleError {
  constructor(readonly code: string, message: string, readonly variables: { response: { headers: Record<string, unknown>; body: unknown } }) {
    super(message);
  }
}

export async function sendLikeRestConnector(request: ProvenRequest, documents?: DocumentStore): Promise<SampleResponse> {
  const input = request.connectorInput;
  const timeoutMs = Number(input.readTimeoutInSeconds ?? input.connectionTimeoutInSeconds ?? 20) * 1000 || 20_000;
  const url = new URL(request.url);
  const query = Object.entries(request.queryParameters ?? {})
    .map(([name, value]) => (value === null || value === undefined ? encodeURIComponent(name) : `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`))
    .join('&');
  const target = `${url.origin}${url.pathname}${query ? `?${query}` : url.search}`;
  const headers: Record<string, string> = Object.fromEntries(Object.entries(request.headers ?? {}).map(([name, value]) => [name, String(value)]));
  const authorization = await authorize(request.authentication, timeoutMs);
  if (authorization) headers.Authorization = authorization;
  let body: string | FormData | undefined;
  const multipart = /^multipart\/form-data/i.test(String(headers['Content-Type'] ?? ''));
  if (BODY_METHODS.has(request.method)) {
    if (request.body === null || request.body === undefined) body = '';
    else if (multipart && documents && typeof request.body === 'object') {
      // fetch writes the boundary into the Content-Type itself, as the connector's MultipartEntityBuilder does.
      delete headers['Content-Type'];
      body = multipartBody(request.body as Record<string, unknown>, documents);
    }
    else if (typeof request.body === 'string') {
      body = request.body;
      headers['Content-Type'] ??= 'text/plain';
    } else {
      body = JSON.stringify(input.ignoreNullValues === true ? withoutNulls(request.body) : request.body);
      headers['Content-Type'] ??= 'application/json';
    }
  }
  const response = await fetch(target, { method: request.method, headers, ...(body !== undefined ? { body } : {}), redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  if (input.storeResponse === true && documents && response.status < 400) {
    const bytes = Buffer.from(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? undefined;
    return { status: response.status, headers: Object.fromEntries(response.headers.entries()), body: null, reason: response.statusText, document: documents.create(bytes, contentType ? { contentType } : {}) };
  }
  return toResult(response);
}

async function toResult(response: Response): Promise<SampleResponse> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text; // not JSON: the connector keeps the body as a string
  }
  const headers = Object.fromEntries(response.headers.entries());
  if (response.status >= 400) throw new ConnectorError(String(response.status), response.statusText || '[no reason]', { response: { headers, body } });
  return { status: response.status, headers, body, reason: response.statusText };
}

async function authorize(authentication: Record<string, unknown> | undefined, timeoutMs: number): Promise<string | undefined> {
  switch (authentication?.type) {
    case undefined:
    case 'noAuth':
      return undefined;
    case 'basic':
      return `Basic ${Buffer.from(`${String(authentication.username)}:${String(authentication.password)}`).toString('base64')}`;
    case 'bearer':
      return `Bearer ${String(authentication.token)}`;
    case 'oauth-client-credentials-flow':
      return `Bearer ${await clientCredentialsToken(authentication, timeoutMs)}`;
    default:
      throw new Error(`e2e: authentication type ${String(authentication?.type)} is not mirrored`);
  }
}

async function clientCredentialsToken(authentication: Record<string, unknown>, timeoutMs: number): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  if (authentication.audience) form.set('audience', String(authentication.audience));
  if (authentication.scopes) form.set('scope', String(authentication.scopes));
  if (authentication.clientAuthentication === 'basicAuthHeader') {
    headers.Authorization = `Basic ${Buffer.from(`${String(authentication.clientId)}:${String(authentication.clientSecret)}`).toString('base64')}`;
  } else {
    form.set('client_id', String(authentication.clientId));
    form.set('client_secret', String(authentication.clientSecret));
  }
  const response = await fetch(String(authentication.oauthTokenEndpoint), { method: 'POST', headers, body: form.toString(), signal: AbortSignal.timeout(timeoutMs) });
  const token = (await response.json()) as { access_token?: string };
  if (!response.ok || !token.access_token) throw new ConnectorError(String(response.status), 'OAuth token request failed', { response: { headers: {}, body: token } });
  return token.access_token;
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== null).map(([key, inner]) => [key, withoutNulls(inner)]));
  return value;
}
