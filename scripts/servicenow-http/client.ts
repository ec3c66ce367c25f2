import { basicAuthorization, requestOAuthToken, type OAuthToken } from './auth';
import type { Credentials } from './credentials';
import { errorFromResponse, errorFromTransport, htmlError, looksLikeHtml, ServiceNowError } from './errors';
import { parseLinkHeader, withStableOrder } from './paging';
import { backoffDelay, defaultRetryPolicy, parseRetryAfter, type RetryPolicy } from './retry';

export interface ClientOptions {
  /** From parseInstanceUrl: origin plus optional prefix, no trailing slash. */
  baseUrl: string;
  credentials: Credentials;
  /** Per attempt, body included. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  /** Told about every retry, for progress displays ("retrying in 2 s: HTTP 503"). */
  onRetry?: (event: { attempt: number; delayMs: number; error: ServiceNowError }) => void;
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
  /** HTTP requests sent so far, token requests and retries included. */
  requestCount = 0;
  private readonly options: Required<Pick<ClientOptions, 'timeoutMs' | 'now' | 'random'>> & ClientOptions;
  private readonly retry: RetryPolicy;
  private token: OAuthToken | undefined;

  constructor(options: ClientOptions) {
    this.options = { timeoutMs: 30_000, now: Date.now, random: Math.random, ...options };
    this.retry = { ...defaultRetryPolicy, ...options.retry };
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
      for (const row of rows as TableRecord[]) {
        const id = typeof row.sys_id === 'string' ? row.sys_id : undefined;
        if (id) records.set(id, row);
        else unkeyed.push(row);
      }
      const totalHeader = response.headers.get('x-total-count');
      const total = totalHeader !== null && /^\d+$/.test(totalHeader) ? Number(totalHeader) : undefined;
      if (page === 1) firstTotal = total;
      else if (total !== undefined && firstTotal !== undefined && total !== firstTotal) return { records: [], consistent: false };
      options.onPage?.({ table, page, records: records.size + unkeyed.length, ...(total !== undefined ? { total } : {}) });

      const next = nextPageUrl(response.headers.get('link'), url, this.options.baseUrl);
      const offset = Number(url.searchParams.get('sysparm_offset') ?? 0);
      if (next) {
        if (Number(next.searchParams.get('sysparm_offset') ?? -1) <= offset) break;
        url = next;
        continue;
      }
      const reachedTotal = total !== undefined && offset + rows.length >= total;
      if (rows.length < pageSize || reachedTotal || rows.length === 0) break;
      url.searchParams.set('sysparm_offset', String(offset + rows.length));
    }
    return { records: [...records.values(), ...unkeyed], consistent: true };
  }

  /** One request with retries; resolves with the parsed JSON body of a 2xx answer. */
  async send<T>(method: string, url: string, table?: string, body?: { form: URLSearchParams }): Promise<JsonResponse<T>> {
    let refreshedToken = false;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt<T>(method, url, table, body);
      } catch (error) {
        if (!(error instanceof ServiceNowError)) throw error;
        if (error.kind === 'unauthorized' && this.token && !refreshedToken && !body) {
          // An OAuth token may have been revoked or expired early: get a new one once.
          this.token = undefined;
          refreshedToken = true;
          continue;
        }
        if (!error.retriable || attempt >= this.retry.maxAttempts) throw error;
        const delayMs = this.delayBefore(attempt, error);
        if (delayMs === undefined) throw error;
        this.options.onRetry?.({ attempt, delayMs, error });
        await this.retry.sleep(delayMs);
      }
    }
  }

  private delayBefore(attempt: number, error: ServiceNowError): number | undefined {
    if (error.kind === 'rate-limited' && error.retryAfterSeconds !== undefined) {
      const ms = error.retryAfterSeconds * 1000;
      return ms <= this.retry.maxRetryAfterMs ? ms : undefined;
    }
    return backoffDelay(this.retry, attempt, this.options.random);
  }

  private async attempt<T>(method: string, url: string, table: string | undefined, body?: { form: URLSearchParams }): Promise<JsonResponse<T>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    else headers.Authorization = await this.authorization();
    const fetchImpl = this.options.fetch ?? fetch;
    this.requestCount++;
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(url, {
        method,
        headers,
        ...(body ? { body: body.form.toString() } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs)
      });
      text = await response.text();
    } catch (error) {
      throw errorFromTransport(error, url, this.options.timeoutMs, table);
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (response.status >= 300) {
      if (body && (response.status === 401 || response.status === 400)) throw oauthRefused(response.status);
      const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'), this.options.now);
      throw errorFromResponse({
        status: response.status,
        statusText: response.statusText,
        contentType,
        body: text,
        url,
        ...(table ? { table } : {}),
        ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
        ...(response.headers.get('location') ? { location: response.headers.get('location') ?? '' } : {})
      });
    }
    if (looksLikeHtml(contentType, text)) throw htmlError(response.status, url, table);
    try {
      return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as T };
    } catch {
      throw new ServiceNowError('invalid-json', `the answer from ${new URL(url).pathname} is not valid JSON (${text.length} bytes, cut off?)`, {
        status: response.status,
        ...(table ? { table } : {}),
        details: ['A proxy or an unstable connection may have truncated it; try again.']
      });
    }
  }

  private async authorization(): Promise<string> {
    const { credentials } = this.options;
    if (credentials.kind === 'basic') return basicAuthorization(credentials.username, credentials.password);
    if (!this.token || this.token.expiresAt <= this.options.now()) {
      this.token = await requestOAuthToken(
        async (path, form) => (await this.send('POST', `${this.options.baseUrl}${path}`, undefined, { form })).body,
        credentials,
        this.options.now
      );
    }
    return `Bearer ${this.token.accessToken}`;
  }
}

function oauthRefused(status: number): ServiceNowError {
  return new ServiceNowError('unauthorized', `/oauth_token.do refused the OAuth credentials (HTTP ${status})`, {
    status,
    details: [
      'Check SERVICENOW_CLIENT_ID and SERVICENOW_CLIENT_SECRET (System OAuth > Application Registry), and for the password grant the user too.',
      'The client-credentials grant also needs glide.oauth.inbound.client.credential.grant_type.enabled=true and an OAuth application user.'
    ]
  });
}

/** The next page from a Link header, kept on the instance's own origin so credentials never go elsewhere. */
function nextPageUrl(header: string | null, current: URL, baseUrl: string): URL | undefined {
  const next = parseLinkHeader(header).get('next');
  if (!next) return undefined;
  let target: URL;
  try {
    target = new URL(next, current);
  } catch {
    return undefined;
  }
  const base = new URL(baseUrl);
  return new URL(`${target.pathname}${target.search}`, base.origin);
}
