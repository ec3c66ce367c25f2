import { UserError } from '../../core/errors';
import type { OAuthSettings } from './connection';

export interface TokenSourceOptions {
  fetch?: typeof fetch;
  now?: () => number;
  /** Renew this long before the token expires, so that a request never carries a token that dies in flight. */
  refreshMarginMs?: number;
}

interface CachedToken {
  value: string;
  expiresAt: number;
}

/**
 * OAuth 2.0 client-credentials tokens, cached in memory for the run and
 * renewed when they are about to expire or when the API answered 401.
 * Tokens are never written to disk or printed: they are credentials.
 */
export class TokenSource {
  private cached: CachedToken | undefined;
  private pending: Promise<CachedToken> | undefined;
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  private readonly refreshMarginMs: number;
  /** How many tokens were requested (for tests and the `--json` summary). */
  requests = 0;

  constructor(
    private readonly settings: OAuthSettings,
    options: TokenSourceOptions = {}
  ) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? Date.now;
    this.refreshMarginMs = options.refreshMarginMs ?? 30_000;
  }

  async token(): Promise<string> {
    if (this.cached && this.now() < this.cached.expiresAt) return this.cached.value;
    // Concurrent callers share one token request.
    this.pending ??= this.requestToken().finally(() => {
      this.pending = undefined;
    });
    this.cached = await this.pending;
    return this.cached.value;
  }

  /** Drops the cached token, e.g. after the API rejected it as expired. */
  invalidate(): void {
    this.cached = undefined;
  }

  private async requestToken(): Promise<CachedToken> {
    const { tokenUrl, clientId, clientSecret, audience, scope } = this.settings;
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    if (audience) body.set('audience', audience);
    if (scope) body.set('scope', scope);
    this.requests += 1;
    let response: Response;
    try {
      response = await this.fetch(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body
      });
    } catch (error) {
      throw new UserError(`cannot reach the OAuth server ${tokenUrl}: ${(error as Error).message}; check CAMUNDA_OAUTH_URL`);
    }
    const text = await response.text();
    if (!response.ok) {
      const hint =
        response.status === 400 || response.status === 401
          ? 'check CAMUNDA_CONSOLE_CLIENT_ID and CAMUNDA_CONSOLE_CLIENT_SECRET (and the audience)'
          : 'try again later';
      throw new UserError(`the OAuth server ${tokenUrl} refused a token for client "${clientId}" (HTTP ${response.status}); ${hint}`);
    }
    let parsed: { access_token?: unknown; expires_in?: unknown };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      throw new UserError(`the OAuth server ${tokenUrl} answered without JSON; check CAMUNDA_OAUTH_URL points at the token endpoint`);
    }
    if (typeof parsed.access_token !== 'string' || parsed.access_token === '') {
      throw new UserError(`the OAuth server ${tokenUrl} answered without an access_token; check CAMUNDA_OAUTH_URL`);
    }
    const lifetimeMs = (typeof parsed.expires_in === 'number' ? parsed.expires_in : 300) * 1000;
    // Short-lived tokens: never renew earlier than half their lifetime.
    const margin = Math.min(this.refreshMarginMs, lifetimeMs / 2);
    return { value: parsed.access_token, expiresAt: this.now() + lifetimeMs - margin };
  }
}
