import { HttpClient, type Attempt, type HttpAnswer, type HttpClientOptions, type Verdict } from '../http/client';
import { parseRetryAfter, SERVICENOW_RETRY } from '../http/retry';
import { TokenCache, type GrantedToken } from '../http/token-cache';
import { basicAuthorization, requestOAuthToken } from './auth';
import { secretsOf, type Credentials } from './credentials';
import { cancelledError, errorFromResponse, roleHintFor, errorFromTransport, htmlError, looksLikeHtml, messageOf, ServiceNowError } from './errors';
import { withoutSecrets } from '../http/secret-text';
import { parseLinkHeader, withStableOrder } from './paging';
import { CANCELLED_TRANSACTION } from '../../core/instance-answers';

/** The shared HTTP stack's options (timeouts, retries, clock) plus where and as whom. */
export interface ClientOptions extends HttpClientOptions {
  /** From parseInstanceUrl: origin plus optional prefix, no trailing slash. */
  baseUrl: string;
  credentials: Credentials;
}

export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ListOptions {
  query?: string;
  fields?: readonly string[];
  pageSize?: number;
  /** Called after each page, for progress. */
  onPage?: (event: { table: string; page: number; records: number; total?: number }) => void;
}

type TableRecord = Record<string, unknown>;

const MAX_RESTARTS = 3;

/**
 * A small Table API client: authentication (Basic, or OAuth with a cached
 * token), retries with backoff for the transient failures, paging, and
 * errors that say what to do. It never puts a credential into an error.
 */
export class ServiceNowClient {
  private readonly http: HttpClient;
  private readonly tokens: TokenCache;

  constructor(private readonly options: ClientOptions) {
    this.http = new HttpClient({
      timeoutMs: options.timeoutMs ?? 30_000,
      retry: { ...SERVICENOW_RETRY, ...options.retry },
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.random ? { random: options.random } : {}),
      ...(options.onRetry ? { onRetry: options.onRetry } : {})
    });
    // ServiceNow's default access token lifetime is 1800 s (System OAuth > Application Registry).
    this.tokens = new TokenCache(() => this.requestToken(), { ...(options.now ? { now: options.now } : {}), defaultLifetimeSeconds: 1799 });
  }

  /** HTTP requests sent so far, token requests and retries included. */
  get requestCount(): number {
    return this.http.requestCount;
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  /** GET /api/now/table/{table} with the given parameters (one page). */
  async getTable<T = TableRecord[]>(table: string, params: Record<string, string>): Promise<JsonResponse<{ result: T }>> {
    return this.getJson(`/api/now/table/${encodeURIComponent(table)}`, params, table);
  }

  async getJson<T>(path: string, params: Record<string, string>, table?: string): Promise<JsonResponse<T>> {
    const url = new URL(`${this.options.baseUrl}${path}`);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return this.send<T>('GET', url.toString(), table);
  }

  /**
   * Reads every record matching a query, page by page: follows the `Link`
   * header's next page when there is one, else advances sysparm_offset.
   * If the total count changes between pages (records were added or
   * removed meanwhile), offset paging may skip or repeat records, so the
   * listing starts again.
   */
  async listAll(table: string, options: ListOptions = {}): Promise<TableRecord[]> {
    for (let restart = 0; ; restart++) {
      const result = await this.listOnce(table, options);
      if (result.consistent) return result.records;
      if (restart + 1 >= MAX_RESTARTS) {
        throw new ServiceNowError('server', `the records of ${table} kept changing while they were read (${MAX_RESTARTS} attempts)`, {
          table,
          details: ['Someone is changing the dictionary right now (an update set being applied?); try again when it is done.']
        });
      }
    }
  }

  private async listOnce(table: string, options: ListOptions): Promise<{ records: TableRecord[]; consistent: boolean }> {
    const pageSize = options.pageSize ?? 1000;
    const params: Record<string, string> = {
      sysparm_query: withStableOrder(options.query ?? ''),
      sysparm_exclude_reference_link: 'true',
      sysparm_limit: String(pageSize),
      sysparm_offset: '0'
    };
    if (options.fields?.length) params.sysparm_fields = [...new Set([...options.fields, 'sys_id'])].join(',');
    let url = new URL(`${this.options.baseUrl}/api/now/table/${encodeURIComponent(table)}`);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);

    const records = new Map<string, TableRecord>();
    const unkeyed: TableRecord[] = [];
    let firstTotal: number | undefined;
    for (let page = 1; ; page++) {
      const response = await this.send<{ result?: unknown }>('GET', url.toString(), table);
      const rows = response.body.result;
      if (!Array.isArray(rows)) {
        throw new ServiceNowError('invalid-json', `the answer for ${table} has no "result" list`, { table, status: response.status });
      }
      const before = records.size + unkeyed.length;
      for (const row of rows as TableRecord[]) {
        const id = typeof row.sys_id === 'string' ? row.sys_id : undefined;
        if (id) records.set(id, row);
        else unkeyed.push(row);
      }
      const repeated = rows.length > 0 && records.size + unkeyed.length === before;
      const totalHeader = response.headers.get('x-total-count');
      const total = totalHeader !== null && /^\d+$/.test(totalHeader) ? Number(totalHeader) : undefined;
      if (page === 1) firstTotal = total;
      else if (total !== undefined && firstTotal !== undefined && total !== firstTotal) return { records: [], consistent: false };
      options.onPage?.({ table, page, records: records.size + unkeyed.length, ...(total !== undefined ? { total } : {}) });

      const next = nextPageUrl(response.headers.get('link'), url);
      const offset = Number(url.searchParams.get('sysparm_offset') ?? 0);
      if (next) {
        const nextOffset = Number(next.searchParams.get('sysparm_offset') ?? -1);
        // Past X-Total-Count there is nothing to read, whatever the header says.
        if (nextOffset <= offset || (total !== undefined && nextOffset >= total)) break;
        url = next;
        continue;
      }
      // Without a Link header, page as the Table API docs say: sysparm_offset + sysparm_limit. The limit "is applied
      // before ACL evaluation", so a page short of rows the user may not read is not the end; X-Total-Count is.
      const limit = Number(url.searchParams.get('sysparm_limit') ?? pageSize);
      if (repeated) {
        // Only records already read: the offset was not applied, and paging on would loop.
        throw new ServiceNowError('bad-request', `the instance sent the same records of ${table} again at sysparm_offset ${offset}`, {
          table,
          details: ['Something in between (a proxy or gateway) seems to drop sysparm_offset or the Link header; check the --instance URL and any proxy.']
        });
      }
      if (total !== undefined ? offset + limit >= total : rows.length === 0) break;
      url.searchParams.set('sysparm_offset', String(offset + limit));
    }
    const all = [...records.values(), ...unkeyed];
    if (firstTotal !== undefined && all.length < firstTotal) throw hiddenRecordsError(table, firstTotal, all.length);
    return { records: all, consistent: true };
  }

  /**
   * One GET without credentials or retries, for reachability checks: any HTTP
   * answer counts as reached; no answer at all is a ServiceNowError.
   */
  async reach(path: string): Promise<HttpAnswer> {
    const url = `${this.options.baseUrl}${path}`;
    return this.http.send<HttpAnswer>({ method: 'GET', url, headers: { Accept: 'application/json' } }, (attempt) =>
      attempt.answer ? { value: attempt.answer } : { error: errorFromTransport(attempt.failure, url, this.http.timeoutMs), retriable: false }
    );
  }

  /** One request with retries; resolves with the parsed JSON body of a 2xx answer. */
  async send<T>(method: string, url: string, table?: string): Promise<JsonResponse<T>> {
    const { credentials } = this.options;
    return this.http.send<JsonResponse<T>>(
      {
        method,
        url,
        headers: { Accept: 'application/json' },
        ...(credentials.kind === 'basic' ? { authorization: basicAuthorization(credentials.username, credentials.password) } : { token: this.tokens })
      },
      (attempt) => readTableAnswer<T>(attempt, url, this.http.timeoutMs, this.secrets(), table)
    );
  }

  /** What an answer must not show: the credentials, the Basic header made of them, and every token granted this run. */
  private secrets(): string[] {
    const { credentials } = this.options;
    const basic = credentials.kind === 'basic' ? [basicAuthorization(credentials.username, credentials.password).slice('Basic '.length)] : [];
    return [...secretsOf(credentials), ...basic, ...this.tokens.issued()];
  }

  private async requestToken(): Promise<GrantedToken> {
    const { credentials } = this.options;
    if (credentials.kind !== 'oauth') throw new Error('an OAuth token was asked for Basic credentials');
    return requestOAuthToken(
      (path, form) =>
        this.http.send(
          { method: 'POST', url: `${this.options.baseUrl}${path}`, headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() },
          (attempt) => {
            if (attempt.answer && (attempt.answer.status === 401 || attempt.answer.status === 400)) {
              return { error: oauthRefused(attempt.answer.status, oauthMessage(attempt.answer.text, this.secrets())), retriable: false };
            }
            return readTableAnswer<unknown>(attempt, `${this.options.baseUrl}${path}`, this.http.timeoutMs, this.secrets());
          }
        ).then((response) => response.body),
      credentials
    );
  }
}

/** What an answer of the Table API (or /oauth_token.do) means: its JSON body, or a ServiceNowError saying what to do. */
function readTableAnswer<T>(attempt: Attempt, url: string, timeoutMs: number, secrets: readonly string[], table?: string): Verdict<JsonResponse<T>> {
  const refused = (error: ServiceNowError): Verdict<JsonResponse<T>> => ({ error, retriable: error.retriable });
  if (attempt.failure) return refused(errorFromTransport(attempt.failure, url, timeoutMs, table));
  const { status, statusText, headers, text } = attempt.answer;
  const contentType = headers.get('content-type') ?? '';
  if (status >= 300) {
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
    return refused(
      errorFromResponse({
        status,
        statusText,
        contentType,
        body: text,
        url,
        secrets,
        ...(table ? { table } : {}),
        ...(retryAfterMs !== undefined ? { retryAfterSeconds: retryAfterMs / 1000 } : {}),
        ...(headers.get('location') ? { location: headers.get('location') ?? '' } : {})
      })
    );
  }
  if (looksLikeHtml(contentType, text)) return refused(htmlError(status, url, table, text));
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    // A cancelled transaction's error is appended to a page cut off mid-record (KB1297438), so the whole no longer parses.
    if (CANCELLED.test(text)) return refused(cancelledError(status, url, withoutSecrets(CANCELLED.exec(text)?.[0] ?? '', secrets), table));
    return refused(
      new ServiceNowError('invalid-json', `the answer from ${new URL(url).pathname} is not valid JSON (${text.length} bytes, cut off?)`, {
        status,
        ...(table ? { table } : {}),
        details: ['A proxy or an unstable connection may have truncated it; try again.']
      })
    );
  }
  // ServiceNow answers 200 with an error beside (part of) the result when a quota rule cancelled the transaction.
  if (isFailure(body)) {
    const said = messageOf(body);
    return refused(cancelledError(status, url, said === undefined ? undefined : withoutSecrets(said, secrets), table));
  }
  return { value: { status, headers, body: body as T } };
}

/** ServiceNow's message for a request a Transaction Quota Rule cancelled. */
const CANCELLED = new RegExp(`${CANCELLED_TRANSACTION}[^"\\\\]*`);

/** A 2xx body that carries ServiceNow's error shape, `{"error": {...}, "status": "failure"}`. */
function isFailure(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { error, status } = body as { error?: unknown; status?: unknown };
  return (typeof error === 'object' && error !== null) || status === 'failure';
}

/**
 * ServiceNow counts the matching records (X-Total-Count) and applies
 * sysparm_limit before ACL evaluation, then drops the rows the user may not
 * read from each page with HTTP 200 (Table API docs, GET /now/table;
 * KB3047115): fewer records than counted means hidden ones.
 */
function hiddenRecordsError(table: string, counted: number, received: number): ServiceNowError {
  return new ServiceNowError('forbidden', `the instance counted ${counted} matching records of ${table} but sent ${received}: read ACLs hide ${counted - received} from this user`, {
    table,
    details: [
      'ServiceNow drops the records a user may not read from each page instead of refusing the request, so what arrived is incomplete.',
      `Reading ${table} usually needs ${roleHintFor(table)}; ask an administrator to grant it to the integration user, then try again.`
    ]
  });
}

/** `error` and `error_description` of an OAuth error answer (RFC 6749 section 5.2; ServiceNow sends e.g. server_error: access_denied). */
function oauthMessage(text: string, secrets: readonly string[]): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null) return undefined;
  const { error, error_description: description } = body as { error?: unknown; error_description?: unknown };
  const said = [error, description].filter((part): part is string => typeof part === 'string' && part !== '').join(': ');
  return said ? withoutSecrets(said, secrets) : undefined;
}

function oauthRefused(status: number, said: string | undefined): ServiceNowError {
  return new ServiceNowError('unauthorized', `/oauth_token.do refused the OAuth credentials (HTTP ${status})`, {
    status,
    details: [
      ...(said ? [`ServiceNow said: ${said}`] : []),
      'Check SERVICENOW_CLIENT_ID and SERVICENOW_CLIENT_SECRET (System OAuth > Application Registry), and for the password grant the user too.',
      'The client-credentials grant also needs glide.oauth.inbound.client.credential.grant_type.enabled=true and an OAuth application user.'
    ]
  });
}

/**
 * The next page from a Link header: its query on the current request's URL.
 * The instance names its own URL there, which is neither the --instance
 * origin behind a load balancer nor its path prefix behind a gateway; the
 * path is the same for every page, and credentials never go elsewhere.
 */
function nextPageUrl(header: string | null, current: URL): URL | undefined {
  const next = parseLinkHeader(header).get('next');
  if (!next) return undefined;
  let target: URL;
  try {
    target = new URL(next, current);
  } catch {
    return undefined;
  }
  const url = new URL(current);
  url.search = target.search;
  return url;
}
