import type { GrantedToken } from '../http/token-cache';
import type { Credentials } from './credentials';
import { ServiceNowError } from './errors';

/** Sends one form-encoded POST without authentication; the client supplies retries and error mapping. */
export type FormPost = (path: string, form: URLSearchParams) => Promise<unknown>;

/**
 * Obtains a token from `/oauth_token.do`. ServiceNow needs the parameters
 * form-encoded (JSON "results in an unspecified error"); client id and
 * secret go in the body, as ServiceNow's OAuth docs show.
 */
export async function requestOAuthToken(post: FormPost, credentials: Extract<Credentials, { kind: 'oauth' }>): Promise<GrantedToken> {
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
  // ServiceNow sends expires_in as a number or a numeric string; the cache renews the token shortly before it ends.
  const seconds = typeof token.expires_in === 'number' ? token.expires_in : Number(token.expires_in);
  return { accessToken: token.access_token, ...(Number.isFinite(seconds) ? { expiresInSeconds: seconds } : {}) };
}

export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}
