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
 * Mirrors camunda/connectors 8.8.16 / 8.9.7 connector-commons/http-client:
 * - the URL keeps its own query and the query parameters are appended to it
 *   (ApacheRequestQueryParametersBuilder `addParameter`; httpcore5
 *   ClassicRequestBuilder.build adds them to the URI's existing query);
 * - a body without a Content-Type header goes out as `application/json`,
 *   a String too (ApacheRequestHeadersBuilder adds the header for every
 *   non-null body; the String entity's text/plain does not replace it);
 * - only a JSON object or array is parsed, anything else (`123`, `"x"`,
 *   `null`, HTML) stays the text, and a blank body is null
 *   (HttpCommonResultResponseHandler.extractBody, JsonHelper.isJsonStringValid:
 *   `jsonNode.isObject() || jsonNode.isArray()`);
 * - the OAuth token request always carries `audience` (a bare name when
 *   unset: OAuthAuthentication.getDataForAuthRequestBody puts null), fails
 *   like any call (>= 400: code = status, message = reason), and a token
 *   answer without `access_token` sends `Bearer null`
 *   (ApacheRequestAuthenticationBuilder.fetchOAuthToken, OAuthService).
 */
import type { ConnectorRuntime, ProvenRequest, SampleError, SampleResponse } from '../helpers/request-proof';
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

/**
 * `runtime` (default 8.8, as the proof's) matters for a stored answer that
 * is an error: 8.8.16 stores every answer with an entity before it checks the
 * status (HttpCommonResultResponseHandler.handleResponse → FileResponseHandler.handle,
 * then CustomApacheHttpClient.execute → ConnectorExceptionMapper.from(result)),
 * so the error's response body is null; 8.9.7 checks the status first and
 * reads the error body (CustomResponseHandler.handleResponse).
 */
export async function sendLikeRestConnector(request: ProvenRequest, documents?: DocumentStore, options: { runtime?: ConnectorRuntime } = {}): Promise<SampleResponse> {
  const input = request.connectorInput;
  const timeoutMs = Number(input.readTimeoutInSeconds ?? input.connectionTimeoutInSeconds ?? 20) * 1000 || 20_000;
  const url = new URL(request.url);
  const query = Object.entries(request.queryParameters ?? {})
    .map(([name, value]) => (value === null || value === undefined ? encodeURIComponent(name) : `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`))
    .join('&');
  const search = [url.search.replace(/^\?/, ''), query].filter(Boolean).join('&');
  const target = `${url.origin}${url.pathname}${search ? `?${search}` : ''}`;
  const headers: Record<string, string> = Object.fromEntries(Object.entries(request.headers ?? {}).map(([name, value]) => [name, String(value)]));
  const authorization = await authorize(request.authentication, timeoutMs);
  if (authorization) headers.Authorization = authorization;
  let body: string | Blob | undefined;
  const multipart = /^multipart\/form-data/i.test(String(headers['Content-Type'] ?? ''));
  if (BODY_METHODS.has(request.method)) {
    if (request.body === null || request.body === undefined) {
      // ApacheRequestBodyBuilder EMPTY_BODY through ClassicRequestBuilder.setEntity(String): a StringEntity of ContentType.DEFAULT_TEXT.
      body = '';
      headers['Content-Type'] ??= 'text/plain; charset=ISO-8859-1';
    }
    else if (multipart && documents && typeof request.body === 'object') {
      // The connector drops a multipart Content-Type without boundary and sends the entity's own (ApacheRequestHeadersBuilder).
      const multipartEntity = multipartBody(request.body as Record<string, unknown>, documents);
      headers['Content-Type'] = multipartEntity.contentType;
      body = new Blob([new Uint8Array(multipartEntity.bytes)]);
    }
    else if (typeof request.body === 'string') {
      body = request.body;
      headers['Content-Type'] ??= 'application/json';
    } else {
      body = JSON.stringify(input.ignoreNullValues === true ? withoutNulls(request.body) : request.body);
      headers['Content-Type'] ??= 'application/json';
    }
  }
  const response = await fetch(target, { method: request.method, headers, ...(body !== undefined ? { body } : {}), redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  if (input.storeResponse === true && documents && (response.status < 400 || (options.runtime ?? '8.8') === '8.8')) {
    const bytes = Buffer.from(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? undefined;
    const stored = { status: response.status, headers: Object.fromEntries(response.headers.entries()), body: null, reason: response.statusText, document: documents.create(bytes, contentType ? { contentType } : {}) };
    if (response.status >= 400) throw new ConnectorError(String(response.status), response.statusText || '[no reason]', { response: { headers: stored.headers, body: null } });
    return stored;
  }
  return toResult(response);
}

async function toResult(response: Response): Promise<SampleResponse> {
  const body = responseBody(await response.text());
  const headers = Object.fromEntries(response.headers.entries());
  if (response.status >= 400) throw new ConnectorError(String(response.status), response.statusText || '[no reason]', { response: { headers, body } });
  return { status: response.status, headers, body, reason: response.statusText };
}

/**
 * The connector's body: a JSON object or array parsed, other text kept as it
 * is, a blank body null. Jackson reads the first JSON value only and ignores
 * what follows it (DeserializationFeature.FAIL_ON_TRAILING_TOKENS is off in
 * HttpClientObjectMapperSupplier, 8.8.16 and 8.9.7), so `{"a":1} <html>` is
 * the object.
 */
export function responseBody(text: string): unknown {
  if (!text.trim()) return null;
  try {
    const parsed: unknown = JSON.parse(firstJsonValue(text));
    return parsed !== null && typeof parsed === 'object' ? parsed : text;
  } catch {
    return text;
  }
}

/** The text up to the end of its first object or array (brackets outside strings counted), or the whole text. */
function firstJsonValue(text: string): string {
  const start = text.search(/\S/);
  if (text[start] !== '{' && text[start] !== '[') return text;
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const character = text[index];
    if (inString) {
      if (character === '\\') index++;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === '{' || character === '[') depth++;
    else if ((character === '}' || character === ']') && --depth === 0) return text.slice(0, index + 1);
  }
  return text;
}

async function authorize(authentication: Record<string, unknown> | undefined, timeoutMs: number): Promise<string | undefined> {
  switch (authentication?.type) {
    case undefined:
    case 'noAuth':
      return undefined;
    case 'basic':
      return `Basic ${Buffer.from(`${String(authentication.username)}:${basicPassword(authentication.password)}`).toString('base64')}`;
    case 'bearer':
      return `Bearer ${String(authentication.token)}`;
    case 'oauth-client-credentials-flow':
      return `Bearer ${await clientCredentialsToken(authentication, timeoutMs)}`;
    default:
      throw new Error(`e2e: authentication type ${String(authentication?.type)} is not mirrored`);
  }
}

/** A null password (or the old empty-password marker) goes out empty: connector-commons Base64Helper.java:37 `buildBasicAuthenticationHeader`. */
function basicPassword(password: unknown): string {
  return password === undefined || password === null || password === 'SPEC_PASSWORD_EMPTY_PATTERN' ? '' : String(password);
}

async function clientCredentialsToken(authentication: Record<string, unknown>, timeoutMs: number): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  const audience = authentication.audience === undefined || authentication.audience === null ? undefined : String(authentication.audience);
  if (audience !== undefined) form.set('audience', audience);
  if (typeof authentication.scopes === 'string' && authentication.scopes.trim()) form.set('scope', authentication.scopes);
  if (authentication.clientAuthentication === 'basicAuthHeader') {
    headers.Authorization = `Basic ${Buffer.from(`${String(authentication.clientId)}:${String(authentication.clientSecret)}`).toString('base64')}`;
  } else {
    form.set('client_id', String(authentication.clientId));
    form.set('client_secret', String(authentication.clientSecret));
  }
  // URLSearchParams has no bare name: the connector's form codec writes a null value as the name alone.
  const formText = [form.toString(), audience === undefined ? 'audience' : ''].filter(Boolean).join('&');
  const response = await fetch(String(authentication.oauthTokenEndpoint), { method: 'POST', headers, body: formText, signal: AbortSignal.timeout(timeoutMs) });
  const { body } = await toResult(response);
  return String(findValue(body, 'access_token') ?? null);
}

/** Jackson's `JsonNode.findValue`: field by field (item by item in an array), the field of that name or the first match inside it. */
function findValue(node: unknown, name: string): unknown {
  if (!node || typeof node !== 'object') return undefined;
  for (const [key, inner] of Object.entries(node)) {
    if (!Array.isArray(node) && key === name) return inner;
    const found = findValue(inner, name);
    if (found !== undefined) return found;
  }
  return undefined;
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== null).map(([key, inner]) => [key, withoutNulls(inner)]));
  return value;
}
