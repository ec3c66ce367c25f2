/** What a token endpoint granted. */
export interface GrantedToken {
  accessToken: string;
  /** `expires_in` of the answer; the cache assumes `defaultLifetimeSeconds` when the server gives none. */
  expiresInSeconds?: number;
}

export interface TokenCacheOptions {
  now?: () => number;
  /** Renew this long before the token expires, so that a request never carries a token that dies in flight. */
  refreshMarginMs?: number;
  defaultLifetimeSeconds?: number;
}

/**
 * A bearer token kept in memory for the run: requested on first use, shared
 * by concurrent callers, renewed shortly before it expires and after the
 * server rejected it (`invalidate`). Tokens are credentials: never logged,
 * never written anywhere.
 */
export class TokenCache {
  /** How many tokens were requested (for tests and summaries). */
  requests = 0;
  private cached: { value: string; expiresAt: number } | undefined;
  private readonly granted: string[] = [];
  private pending: Promise<{ value: string; expiresAt: number }> | undefined;
  private readonly now: () => number;
  private readonly refreshMarginMs: number;
  private readonly defaultLifetimeSeconds: number;

  constructor(
    private readonly grant: () => Promise<GrantedToken>,
    options: TokenCacheOptions = {}
  ) {
    this.now = options.now ?? Date.now;
    this.refreshMarginMs = options.refreshMarginMs ?? 30_000;
    this.defaultLifetimeSeconds = options.defaultLifetimeSeconds ?? 300;
  }

  async token(): Promise<string> {
    if (this.cached && this.now() < this.cached.expiresAt) return this.cached.value;
    this.pending ??= this.request().finally(() => {
      this.pending = undefined;
    });
    this.cached = await this.pending;
    return this.cached.value;
  }

  /** Every token granted this run, so that error messages can mask one that a server echoes. */
  issued(): readonly string[] {
    return this.granted;
  }

  /** Drops the cached token, e.g. after the API rejected it as expired or revoked. */
  invalidate(): void {
    this.cached = undefined;
  }

  private async request(): Promise<{ value: string; expiresAt: number }> {
    this.requests += 1;
    const granted = await this.grant();
    this.granted.push(granted.accessToken);
    const seconds = granted.expiresInSeconds !== undefined && Number.isFinite(granted.expiresInSeconds) ? granted.expiresInSeconds : this.defaultLifetimeSeconds;
    const lifetimeMs = Math.max(0, seconds) * 1000;
    // Short-lived tokens: never renew earlier than half their lifetime.
    const margin = Math.min(this.refreshMarginMs, lifetimeMs / 2);
    return { value: granted.accessToken, expiresAt: this.now() + lifetimeMs - margin };
  }
}
