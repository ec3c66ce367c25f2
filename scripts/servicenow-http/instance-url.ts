import { UserError } from '../../core/errors';
import { hasUserInfo, urlWithoutSecrets } from '../http/url-secrets';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Turns what a user types for `--instance` into the instance's base URL
 * (origin plus an optional path prefix, no trailing slash). Accepts
 * `https://acme.service-now.com`, `acme.service-now.com` and the bare
 * instance name `acme`. Refuses credentials in the URL (they would land in
 * shell history) and plain http except on loopback (they would travel in clear).
 */
export function parseInstanceUrl(text: string | undefined): string {
  const raw = (text ?? '').trim();
  if (!raw) throw new UserError('missing --instance: give the instance URL, e.g. --instance https://acme.service-now.com');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : /^[a-z0-9-]+$/i.test(raw) ? `https://${raw}.service-now.com` : `https://${raw}`;
  // Checked before parsing: the message of a URL that does not parse quotes it, password and all.
  if (hasUserInfo(withScheme)) {
    throw new UserError('--instance must not contain credentials; set SERVICENOW_USERNAME and SERVICENOW_PASSWORD in the environment instead');
  }
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new UserError(`--instance "${urlWithoutSecrets(raw)}" is not a URL; give it as https://<name>.service-now.com`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserError(`--instance must be an https:// URL, not ${url.protocol}`);
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new UserError(`--instance ${url.origin} uses plain http, which would send credentials in clear; use https://${url.host}`);
  }
  const prefix = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${prefix}`;
}

/** The instance's host name, for default output folders and messages. */
export function instanceName(baseUrl: string): string {
  const host = new URL(baseUrl).hostname;
  const serviceNowName = /^([a-z0-9-]+)\.service-now\.com$/i.exec(host)?.[1];
  return (serviceNowName ?? host).replace(/[^a-z0-9.-]+/gi, '-').toLowerCase();
}
