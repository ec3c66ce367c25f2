import { UserError } from '../../core/errors';
import type { Attempt, HttpClient, Verdict } from '../http/client';
import { withoutSecrets } from '../http/secret-text';
import { isTransient, transportReason } from '../http/transport';
import type { TokenSource } from './oauth-token';

/**
 * An HTTP answer the caller has to deal with (after retries and token
 * renewal). A user error: the CLI prints it on one line and exits 1.
 */
export class ApiError extends UserError {
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

/** The request never got an HTTP answer (connection refused, reset, DNS, timeout). */
export class NetworkError extends UserError {
  override name = 'NetworkError';
}

export interface RequestOptions {
  body?: unknown;
  /** Asked before a retry of a request that may have taken effect (a POST); false stops retrying. */
  shouldRetry?: () => Promise<boolean>;
}

/**
 * JSON over the shared HTTP stack with bearer tokens, for Web Modeler and
 * the Camunda Hub API: retries 5xx, 429, resets and timeouts, and renews the
 * token once when the API says 401 (an expired or revoked token).
 */
export class ApiClient {
  /** Counts requests per "METHOD path" (for the dry-run proof and the `--json` summary). */
  readonly calls: string[] = [];

  constructor(
    private readonly root: string,
    private readonly tokens: TokenSource,
    private readonly http: HttpClient
  ) {}

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const { body, shouldRetry } = options;
    return this.http.send<T>(
      {
        method,
        url: `${this.root}${path}`,
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        token: this.tokens.cache,
        ...(shouldRetry ? { mayRetry: shouldRetry } : {}),
        onSend: () => this.calls.push(`${method} ${path}`)
      },
      (attempt) => this.read<T>(attempt, method, path)
    );
  }

  private read<T>(attempt: Attempt, method: string, path: string): Verdict<T> {
    if (attempt.failure) {
      return { error: new NetworkError(`${method} ${this.root}${path} failed: ${transportReason(attempt.failure)}`), retriable: isTransient(attempt.failure) };
    }
    const { status, headers, text } = attempt.answer;
    if (status >= 200 && status < 300) {
      try {
        return { value: (text ? JSON.parse(text) : undefined) as T };
      } catch {
        // A proxy or login page answering 200 with HTML: not something a retry fixes.
        return { error: new ApiError(status, method, path, `not JSON (${headers.get('content-type') ?? 'no content type'}); is the base URL the Web Modeler API?`), retriable: false };
      }
    }
    return { error: new ApiError(status, method, path, problemDetail(withoutSecrets(text, this.tokens.secrets()))), retriable: status >= 500 || status === 429 };
  }
}

/** RFC 9457 problem details (Hub API) or Spring's `{message}` (v1); falls back to the raw text. Secrets are masked first: cutting the text could leave half of one. */
function problemDetail(text: string): string {
  try {
    const body = JSON.parse(text) as { detail?: unknown; message?: unknown; title?: unknown };
    for (const candidate of [body.detail, body.message, body.title]) if (typeof candidate === 'string' && candidate) return candidate;
  } catch {
    // not JSON
  }
  return text.slice(0, 200).replace(/\s+/g, ' ').trim();
}
