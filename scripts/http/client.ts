import { CAMUNDA_RETRY, parseRetryAfter, withJitter, type RetryPolicy } from './retry';
import type { TokenCache } from './token-cache';
import { classifyTransport, type TransportFailure } from './transport';

export interface HttpClientOptions {
  /** Per attempt, body included. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  /** Told about every retry, for progress displays ("retrying in 2 s: HTTP 503"). */
  onRetry?: (event: { attempt: number; delayMs: number; error: Error }) => void;
}

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | URLSearchParams;
  /** Sends `Authorization: Bearer <token>`; the token is renewed once when the answer is 401. */
  token?: TokenCache;
  /** `Authorization` header for schemes without renewal (Basic). */
  authorization?: string;
  /** Asked before retrying a request that may have taken effect (a POST); false stops retrying. */
  mayRetry?: () => Promise<boolean>;
  /** Called before each attempt is sent (request counters). */
  onSend?: () => void;
}

/** An HTTP answer with its body read. Redirects are never followed: they would carry credentials elsewhere. */
export interface HttpAnswer {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
}

/** One attempt: an answer, or why there was none. */
export type Attempt = { answer: HttpAnswer; failure?: undefined } | { failure: TransportFailure; answer?: undefined };

/** How an API reads an attempt: a value, or an error and whether a retry may help. */
export type Verdict<T> = { value: T } | { error: Error; retriable: boolean };

/**
 * The one HTTP stack of the command line (ServiceNow, Web Modeler and the
 * Camunda API): per-attempt timeouts, retries with jittered backoff or the
 * server's Retry-After (seconds or HTTP date), bearer tokens renewed after a
 * 401. What an answer means is the caller's `read`; the mechanics are here.
 */
export class HttpClient {
  /** HTTP requests sent so far, retries included. */
  requestCount = 0;
  readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly options: HttpClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retry = { ...CAMUNDA_RETRY, ...options.retry };
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  async send<T>(request: HttpRequest, read: (attempt: Attempt) => Verdict<T>): Promise<T> {
    let renewedToken = false;
    for (let retry = 0; ; ) {
      const attempt = await this.attempt(request);
      const verdict = read(attempt);
      if ('value' in verdict) return verdict.value;
      if (attempt.answer?.status === 401 && request.token && !renewedToken) {
        // A token may be revoked or expire early: get a new one once (not counted as a retry).
        renewedToken = true;
        request.token.invalidate();
        continue;
      }
      if (!verdict.retriable) throw verdict.error;
      const delayMs = this.delayBefore(retry, attempt.answer);
      if (delayMs === undefined) throw verdict.error;
      if (request.mayRetry && !(await request.mayRetry())) throw verdict.error;
      retry += 1;
      this.options.onRetry?.({ attempt: retry, delayMs, error: verdict.error });
      await this.retry.sleep(delayMs);
    }
  }

  /** The server's Retry-After when it sent one (and it is not too long), else the planned backoff. */
  private delayBefore(retry: number, answer: HttpAnswer | undefined): number | undefined {
    const planned = this.retry.delaysMs[retry];
    if (planned === undefined) return undefined;
    const retryAfterMs = answer ? parseRetryAfter(answer.headers.get('retry-after'), this.now) : undefined;
    if (retryAfterMs !== undefined) return retryAfterMs <= this.retry.maxRetryAfterMs ? retryAfterMs : undefined;
    return withJitter(planned, this.random);
  }

  private async attempt(request: HttpRequest): Promise<Attempt> {
    const headers: Record<string, string> = { ...request.headers };
    if (request.token) headers.authorization = `Bearer ${await request.token.token()}`;
    else if (request.authorization) headers.authorization = request.authorization;
    request.onSend?.();
    this.requestCount++;
    try {
      const response = await this.fetchImpl(request.url, {
        method: request.method,
        headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs)
      });
      const text = await response.text();
      return { answer: { status: response.status, statusText: response.statusText, headers: response.headers, text } };
    } catch (error) {
      return { failure: classifyTransport(error) };
    }
  }
}
