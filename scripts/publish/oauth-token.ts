import { UserError } from '../../core/errors';
import { HttpClient, type Attempt, type Verdict } from '../http/client';
import { TokenCache, type GrantedToken } from '../http/token-cache';
import { isTransient, transportReason } from '../http/transport';
import { urlWithoutSecrets } from '../http/url-secrets';
import type { OAuthSettings } from './connection';

export interface TokenSourceOptions {
  /** The shared HTTP stack (retries, timeouts); a default one when absent. */
  http?: HttpClient;
  now?: () => number;
  /** Renew this long before the token expires, so that a request never carries a token that dies in flight. */
  refreshMarginMs?: number;
}

/**
 * OAuth 2.0 client-credentials tokens of the Camunda identity provider,
 * cached in memory for the run and renewed when they are about to expire
 * or when the API answered 401.
 */
export class TokenSource {
  readonly cache: TokenCache;
  private readonly http: HttpClient;

  constructor(
    private readonly settings: OAuthSettings,
    options: TokenSourceOptions = {}
  ) {
    this.http = options.http ?? new HttpClient();
    this.cache = new TokenCache(() => this.requestToken(), {
      ...(options.now ? { now: options.now } : {}),
      ...(options.refreshMarginMs !== undefined ? { refreshMarginMs: options.refreshMarginMs } : {})
    });
  }

  /** How many tokens were requested (for tests and the `--json` summary). */
  get requests(): number {
    return this.cache.requests;
  }

  token(): Promise<string> {
    return this.cache.token();
  }

  invalidate(): void {
    this.cache.invalidate();
  }

  /** What an answer must not show: the client secret and every token granted this run. */
  secrets(): string[] {
    return [this.settings.clientSecret, ...this.cache.issued()];
  }

  private async requestToken(): Promise<GrantedToken> {
    const { tokenUrl, clientId, clientSecret, audience, scope } = this.settings;
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    if (audience) body.set('audience', audience);
    if (scope) body.set('scope', scope);
    return this.http.send(
      { method: 'POST', url: tokenUrl, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: body.toString() },
      (attempt) => this.read(attempt)
    );
  }

  private read(attempt: Attempt): Verdict<GrantedToken> {
    const { clientId } = this.settings;
    // Its query may carry a key; the user knows the endpoint by its path.
    const tokenUrl = urlWithoutSecrets(this.settings.tokenUrl);
    if (attempt.failure) {
      return { error: new UserError(`cannot reach the OAuth server ${tokenUrl}: ${transportReason(attempt.failure)}; check CAMUNDA_OAUTH_URL`), retriable: isTransient(attempt.failure) };
    }
    const { status, text } = attempt.answer;
    if (status < 200 || status >= 300) {
      const refused = status === 400 || status === 401;
      const hint = refused ? 'check CAMUNDA_CONSOLE_CLIENT_ID and CAMUNDA_CONSOLE_CLIENT_SECRET (and the audience)' : 'try again later';
      return { error: new UserError(`the OAuth server ${tokenUrl} refused a token for client "${clientId}" (HTTP ${status}); ${hint}`), retriable: status >= 500 || status === 429 };
    }
    let parsed: { access_token?: unknown; expires_in?: unknown };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      return { error: new UserError(`the OAuth server ${tokenUrl} answered without JSON; check CAMUNDA_OAUTH_URL points at the token endpoint`), retriable: false };
    }
    if (typeof parsed.access_token !== 'string' || parsed.access_token === '') {
      return { error: new UserError(`the OAuth server ${tokenUrl} answered without an access_token; check CAMUNDA_OAUTH_URL`), retriable: false };
    }
    return { value: { accessToken: parsed.access_token, ...(typeof parsed.expires_in === 'number' ? { expiresInSeconds: parsed.expires_in } : {}) } };
  }
}
