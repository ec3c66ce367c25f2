import { UserError } from '../../core/errors';
import { hasUserInfo, urlWithoutSecrets } from '../http/url-secrets';

/** SaaS defaults, as in the Web Modeler API authentication docs and `@camunda8/sdk`. */
export const SAAS_OAUTH_URL = 'https://login.cloud.camunda.io/oauth/token';
export const SAAS_AUDIENCE = 'api.cloud.camunda.io';
export const DEFAULT_MODELER_BASE_URL = 'https://modeler.camunda.io/api';

export interface OAuthSettings {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  audience?: string;
  scope?: string;
}

export interface Connection {
  /** The API root without version, e.g. `https://modeler.camunda.io/api`. */
  baseUrl: string;
  oauth: OAuthSettings;
}

/**
 * Reads the connection from the environment variables Camunda's own tools use
 * (`@camunda8/sdk` Configuration and the Web Modeler / Hub API authentication docs):
 * the console (administration API) client first, the cluster client as the
 * Self-Managed fallback, exactly as the SDK's OAuthProvider chooses them.
 */
export function connectionFromEnvironment(env: NodeJS.ProcessEnv, baseUrlOverride?: string): Connection {
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw ? raw : undefined;
  };
  const clientId = value('CAMUNDA_CONSOLE_CLIENT_ID') ?? value('ZEEBE_CLIENT_ID');
  const clientSecret = value('CAMUNDA_CONSOLE_CLIENT_SECRET') ?? value('ZEEBE_CLIENT_SECRET');
  const missing = [
    clientId ? undefined : 'CAMUNDA_CONSOLE_CLIENT_ID',
    clientSecret ? undefined : 'CAMUNDA_CONSOLE_CLIENT_SECRET'
  ].filter((name): name is string => name !== undefined);
  if (missing.length > 0 || !clientId || !clientSecret) {
    throw new UserError(`missing OAuth client credentials: set ${missing.join(' and ')}`, [
      'Create an API client with Web Modeler API (or Camunda Hub API) access, then export:',
      'CAMUNDA_CONSOLE_CLIENT_ID, CAMUNDA_CONSOLE_CLIENT_SECRET,',
      `CAMUNDA_OAUTH_URL (default ${SAAS_OAUTH_URL}) and CAMUNDA_MODELER_BASE_URL (default ${DEFAULT_MODELER_BASE_URL}).`
    ]);
  }
  const tokenUrl = value('CAMUNDA_OAUTH_URL') ?? SAAS_OAUTH_URL;
  checkedUrl(tokenUrl, 'the OAuth token URL', 'set CAMUNDA_OAUTH_URL', SAAS_OAUTH_URL);
  const saas = isSaasTokenUrl(tokenUrl);
  // The SDK sends no audience to a Self-Managed identity unless one is configured.
  const audience = value('CAMUNDA_MODELER_OAUTH_AUDIENCE') ?? value('CAMUNDA_CONSOLE_OAUTH_AUDIENCE') ?? (saas ? SAAS_AUDIENCE : undefined);
  const scope = value('CAMUNDA_TOKEN_SCOPE');
  const baseUrl = normaliseBaseUrl(baseUrlOverride ?? value('CAMUNDA_MODELER_BASE_URL') ?? DEFAULT_MODELER_BASE_URL);
  return {
    baseUrl,
    oauth: { tokenUrl, clientId, clientSecret, ...(audience ? { audience } : {}), ...(scope ? { scope } : {}) }
  };
}

/** Accepts the API root with or without a trailing `/v1` or `/v2`; the version is chosen by probing. */
export function normaliseBaseUrl(url: string): string {
  return checkedUrl(url, 'the Web Modeler base URL', 'set CAMUNDA_MODELER_BASE_URL or --base-url', DEFAULT_MODELER_BASE_URL).href.replace(/\/+$/, '').replace(/\/v[12]$/, '');
}

/**
 * A URL from the environment or an option, parsed. A user and password in it
 * are refused: the client id and secret are the credentials, and the URL is
 * shown in messages and in the report. Messages never quote such parts.
 */
function checkedUrl(url: string, what: string, fix: string, example: string): URL {
  if (hasUserInfo(url)) throw new UserError(`${what} must not contain a user name or password; ${fix} without them (the client id and secret are the credentials)`);
  try {
    return new URL(url);
  } catch {
    throw new UserError(`${what} "${urlWithoutSecrets(url)}" is not a URL; ${fix}, e.g. ${example}`);
  }
}

function isSaasTokenUrl(url: string): boolean {
  try {
    return new URL(url).hostname.endsWith('.cloud.camunda.io');
  } catch {
    return false;
  }
}
