import type { TokenSource } from './oauth-token';

export interface RetryPolicy {
  /** Waits before each retry; the number of entries is the number of retries. */
  delaysMs: readonly number[];
  /** Injected so that tests do not wait. */
  sleep: (ms: number) => Promise<void>;
  /** A server's Retry-After is honoured up to this bound. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  delaysMs: [500, 2_000, 5_000],
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  maxRetryAfterMs: 30_000
};

/** An HTTP answer the caller has to deal with (after retries and token renewal). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly detail: string
  ) {
    super(`${method} ${path} answered HTTP ${status}${detail ? `: ${detail}` : ''}`);
  }
}

/** The request never got an HTTP answer (connection refused, reset, DNS). */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

export interface RequestOptions {
  body?: unknown;
  /** Asked before a retry of a request that may have taken effect (a POST); false stops retrying. */
  shouldRetry?: () => Promise<boolean>;
}

/**
 * JSON over HTTP with bearer tokens: retries 5xx, 429 and network failures
 * with the injected delays, and renews the token once when the API says 401
 * (an expired or revoked token). Every request goes through here.
 */
export class ApiClient {
  /** Counts requests per "METHOD path" (for the dry-run proof and the `--json` summary). */
  readonly calls: string[] = [];

  constructor(
    private readonly root: string,
    private readonly tokens: TokenSource,
    private readonly retry: RetryPolicy = DEFAULT_RETRY_POLICY,
    private readonly fetchImpl: typeof fetch = globalThis.fetch
  ) {}

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    let renewedToken = false;
    for (let attempt = 0; ; attempt += 1) {
      const outcome = await this.attempt(method, path, options.body);
      if (outcome.kind === 'ok') return outcome.value as T;
      if (outcome.kind === 'unauthorized' && !renewedToken) {
        renewedToken = true;
        this.tokens.invalidate();
        attempt -= 1; // a renewed token is not a retry
        continue;
      }
      const retryable = outcome.kind === 'network' || (outcome.kind === 'http' && (outcome.error.status >= 500 || outcome.error.status === 429));
      const delay = this.retry.delaysMs[attempt];
      if (!retryable || delay === undefined || (options.shouldRetry && !(await options.shouldRetry()))) {
        throw outcome.error;
      }
      const retryAfter = outcome.kind === 'http' ? outcome.retryAfterMs : undefined;
      await this.retry.sleep(Math.min(retryAfter ?? delay, this.retry.maxRetryAfterMs));
    }
  }

  private async attempt(
    method: string,
    path: string,
    body: unknown
  ): Promise<
    | { kind: 'ok'; value: unknown }
    | { kind: 'unauthorized'; error: ApiError }
    | { kind: 'http'; error: ApiError; retryAfterMs?: number }
    | { kind: 'network'; error: NetworkError }
  > {
    const token = await this.tokens.token();
    this.calls.push(`${method} ${path}`);
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.root}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' })
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) })
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { kind: 'network', error: new NetworkError(`${method} ${this.root}${path} failed: ${cause?.code ?? cause?.message ?? (error as Error).message}`) };
    }
    const text = await response.text();
    if (response.ok) {
      try {
        return { kind: 'ok', value: text ? (JSON.parse(text) as unknown) : undefined };
      } catch {
        // A proxy or login page answering 200 with HTML: not something a retry fixes.
        return { kind: 'http', error: new ApiError(response.status, method, path, `not JSON (${response.headers.get('content-type') ?? 'no content type'}); is the base URL the Web Modeler API?`) };
      }
    }
    const error = new ApiError(response.status, method, path, problemDetail(text));
    if (response.status === 401) return { kind: 'unauthorized', error };
    return { kind: 'http', error, ...retryAfter(response.headers.get('retry-after')) };
  }
}

/** RFC 9457 problem details (Hub API) or Spring's `{message}` (v1); falls back to the raw text. */
function problemDetail(text: string): string {
  try {
    const body = JSON.parse(text) as { detail?: unknown; message?: unknown; title?: unknown };
    for (const candidate of [body.detail, body.message, body.title]) if (typeof candidate === 'string' && candidate) return candidate;
  } catch {
    // not JSON
  }
  return text.slice(0, 200).trim();
}

function retryAfter(header: string | null): { retryAfterMs?: number } {
  if (!header) return {};
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? { retryAfterMs: seconds * 1000 } : {};
}
