import type { Credentials } from './credentials';
import { ServiceNowError } from './errors';

/** A bearer token from /oauth_token.do and when to stop using it. */
export interface OAuthToken {
  accessToken: string;
  expiresAt: number;
}

/** Sends one form-encoded POST without authentication; the client supplies retries and error mapping. */
export type FormPost = (path: string, form: URLSearchParams) => Promise<unknown>;

/**
 * Obtains a token from `/oauth_token.do`. ServiceNow needs the parameters
 * form-encoded (JSON "results in an unspecified error"); client id and
 * secret go in the body, as ServiceNow's OAuth docs show.
 */
export async function requestOAuthToken(post: FormPost, credentials: Extract<Credentials, { kind: 'oauth' }>, now: () => number): Promise<OAuthToken> {
  const form = new URLSearchParams({ grant_type: credentials.grant, client_id: credentials.clientId, client_secret: credentials.clientSecret });
  if (credentials.grant === 'password') {
    form.set('username', credentials.username);
    form.set('password', credentials.password);
  }
  const body = await post('/oauth_token.do', form);
  const token = body as { access_token?: unknown; expires_in?: unknown };
  if (typeof token.access_token !== 'string' || token.access_token.length === 0) {
    throw new ServiceNowError('unauthorized', '/oauth_token.do answered without an access_token', {
      details: ['Check that the OAuth application is active and that the grant type is enabled for it.']
    });
  }
  const seconds = typeof token.expires_in === 'number' ? token.expires_in : Number(token.expires_in ?? 1799);
  // Renew a little early so that a long fetch never sends an expired token.
  const lifetimeMs = Math.max(0, (Number.isFinite(seconds) ? seconds : 1799) - 30) * 1000;
  return { accessToken: token.access_token, expiresAt: now() + lifetimeMs };
}

export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}
