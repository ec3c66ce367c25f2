import { randomBytes } from 'node:crypto';

export interface EmulatorUser {
  username: string;
  password: string;
}

export interface EmulatorOAuthClient {
  clientId: string;
  clientSecret: string;
  /** The OAuth application user that client-credentials tokens act as. */
  user: string;
}

interface IssuedToken {
  user: string;
  expiresAt: number;
}

export type TokenResult =
  | { ok: true; body: { access_token: string; refresh_token?: string; scope: string; token_type: 'Bearer'; expires_in: number } }
  | { ok: false; status: number; body: { error: string; error_description: string } };

/**
 * `/oauth_token.do` as ServiceNow implements it: form-encoded parameters,
 * `client_credentials` and `password` grants, bearer tokens valid 1799 s.
 */
export class OAuthServer {
  private readonly tokens = new Map<string, IssuedToken>();
  /** Tokens issued so far, for tests that prove a token was really obtained. */
  issued = 0;

  constructor(
    private readonly users: readonly EmulatorUser[],
    private readonly clients: readonly EmulatorOAuthClient[],
    private readonly now: () => number = Date.now
  ) {}

  grant(form: Record<string, string | undefined>): TokenResult {
    const client = this.clients.find((candidate) => candidate.clientId === form.client_id && candidate.clientSecret === form.client_secret);
    if (!client) return denied();
    let user: string;
    if (form.grant_type === 'client_credentials') {
      user = client.user;
    } else if (form.grant_type === 'password') {
      const match = this.users.find((candidate) => candidate.username === form.username && candidate.password === form.password);
      if (!match) return denied();
      user = match.username;
    } else {
      return { ok: false, status: 400, body: { error: 'unsupported_grant_type', error_description: `grant_type ${form.grant_type ?? '(none)'} is not supported` } };
    }
    const accessToken = randomBytes(24).toString('base64url');
    this.tokens.set(accessToken, { user, expiresAt: this.now() + 1799_000 });
    this.issued++;
    return {
      ok: true,
      body: {
        access_token: accessToken,
        ...(form.grant_type === 'password' ? { refresh_token: randomBytes(24).toString('base64url') } : {}),
        scope: 'useraccount',
        token_type: 'Bearer',
        expires_in: 1799
      }
    };
  }

  /** The user a bearer token acts as, or undefined when it is unknown or expired. */
  userFor(accessToken: string): string | undefined {
    const token = this.tokens.get(accessToken);
    if (!token || token.expiresAt <= this.now()) return undefined;
    return token.user;
  }

  revokeAll(): void {
    this.tokens.clear();
  }
}

/** What /oauth_token.do answers wrong client or user credentials with, as reported from real instances (e.g. https://openillumi.com/?p=87705). */
function denied(): TokenResult {
  return { ok: false, status: 401, body: { error: 'server_error', error_description: 'access_denied' } };
}
