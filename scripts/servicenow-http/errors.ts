import { UserError } from '../../core/errors';
import { HIBERNATING_PAGE_TITLE, isHibernatingPage } from '../../core/instance-answers';
import { transportReason, type TransportFailure } from '../http/transport';
import { withoutSecrets } from '../http/secret-text';
import { urlWithoutSecrets } from '../http/url-secrets';

/**
 * What went wrong talking to an instance, in the terms a user acts on.
 * `retriable` kinds are retried by the client before they are reported.
 */
export type ServiceNowErrorKind =
  | 'unauthorized'      // 401: credentials refused
  | 'forbidden'         // 403: ACL or role missing
  | 'not-found'         // 404
  | 'bad-request'       // other 4xx
  | 'rate-limited'      // 429
  | 'server'            // 5xx
  | 'html'              // an HTML page instead of JSON (login, hibernation)
  | 'invalid-json'      // a body that does not parse (truncated)
  | 'cancelled'         // a 200 whose transaction a quota rule cut short: the page is incomplete
  | 'timeout'
  | 'connection-reset'
  | 'unreachable'       // DNS, refused connection
  | 'tls';

const RETRIABLE: ReadonlySet<ServiceNowErrorKind> = new Set(['rate-limited', 'server', 'invalid-json', 'timeout', 'connection-reset']);

export class ServiceNowError extends UserError {
  override name = 'UserError';
  readonly kind: ServiceNowErrorKind;
  readonly status?: number;
  /** The table the request was about, when there was one. */
  readonly table?: string;
  /** Seconds from a 429's Retry-After header. */
  readonly retryAfterSeconds?: number;

  constructor(kind: ServiceNowErrorKind, message: string, options: { status?: number; table?: string; details?: string[]; retryAfterSeconds?: number } = {}) {
    super(message, options.details ?? []);
    this.kind = kind;
    if (options.status !== undefined) this.status = options.status;
    if (options.table !== undefined) this.table = options.table;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get retriable(): boolean {
    // A 5xx HTML page is a node restarting or waking up; a 200 one is a login page.
    return RETRIABLE.has(this.kind) || (this.kind === 'html' && (this.status ?? 0) >= 500);
  }
}

export function isServiceNowError(error: unknown): error is ServiceNowError {
  return error instanceof ServiceNowError;
}

/** The role that reading a metadata table usually needs (ServiceNow's out-of-box ACLs). */
export function roleHintFor(table: string | undefined): string {
  switch (table) {
    case 'sys_db_object':
    case 'sys_dictionary':
    case 'sys_dictionary_override':
      return 'admin or personalize_dictionary';
    case 'sys_choice':
      return 'admin or personalize_choices';
    case 'sys_properties':
      return 'admin';
    // The catalog tables fetch-metadata --catalog-items reads (README: usually catalog_admin or admin).
    case 'sc_cat_item':
    case 'item_option_new':
    case 'item_option_new_set':
    case 'io_set_item':
    case 'question_choice':
      return 'catalog_admin or admin';
    case undefined:
      return 'a role that grants read access';
    default:
      return `a role whose ACLs allow reading ${table} (for example itil for task tables)`;
  }
}

/** Maps an HTTP error response to a ServiceNowError with a message saying what to do. */
export function errorFromResponse(input: {
  status: number;
  statusText: string;
  contentType: string;
  body: string;
  url: string;
  table?: string;
  retryAfterSeconds?: number;
  /** The Location header of a redirect. */
  location?: string;
  /** The credentials' secrets: a server that echoes the request (a proxy, a custom error page) must not show them. */
  secrets?: readonly string[];
}): ServiceNowError {
  const { status, table } = input;
  const where = table ? ` reading ${table}` : '';
  const said = serviceNowMessage(input.body);
  const serverSays = said === undefined ? undefined : withoutSecrets(said, input.secrets ?? []);
  const details = serverSays ? [`ServiceNow said: ${serverSays}`] : [];
  const common = { status, details, ...(table ? { table } : {}) };
  if (status >= 300 && status < 400) {
    return new ServiceNowError('html', `the instance redirected ${new URL(input.url).pathname} (HTTP ${status}${input.location ? ` to ${urlWithoutSecrets(input.location, input.url)}` : ''}) instead of answering`, {
      ...common,
      details: ['Usually a single sign-on or login page: use a local integration user that may sign in with Basic auth or OAuth, and check the --instance URL.']
    });
  }
  if (looksLikeHtml(input.contentType, input.body)) {
    return htmlError(status, input.url, table, input.body);
  }
  if (status === 401) {
    return new ServiceNowError('unauthorized', `the instance refused the credentials (HTTP 401)${where}`, {
      ...common,
      details: [...details, 'Check SERVICENOW_USERNAME/SERVICENOW_PASSWORD (or the OAuth client id and secret), and that the user is active and not locked out.']
    });
  }
  if (status === 403) {
    return new ServiceNowError('forbidden', `access denied (HTTP 403)${where}: the user lacks the role to read ${table ?? 'this resource'}`, {
      ...common,
      details: [...details, `Reading ${table ?? 'it'} usually needs ${roleHintFor(table)}; ask an administrator to grant it to the integration user.`]
    });
  }
  if (status === 404) return new ServiceNowError('not-found', `not found (HTTP 404)${where}`, common);
  if (status === 429) {
    const wait = input.retryAfterSeconds !== undefined ? `; the instance asked to wait ${input.retryAfterSeconds} s` : '';
    return new ServiceNowError('rate-limited', `rate limit exceeded (HTTP 429)${where}${wait}`, {
      ...common,
      ...(input.retryAfterSeconds !== undefined ? { retryAfterSeconds: input.retryAfterSeconds } : {}),
      details: [...details, 'Try again later, or ask an administrator to raise the inbound REST rate limit for this user.']
    });
  }
  if (status >= 500) {
    return new ServiceNowError('server', `the instance failed with HTTP ${status}${input.statusText ? ` ${input.statusText}` : ''}${where}`, {
      ...common,
      details: [...details, 'This is usually temporary; try again in a few minutes.']
    });
  }
  return new ServiceNowError('bad-request', `the instance rejected the request with HTTP ${status}${where}`, common);
}

export function htmlError(status: number, url: string, table?: string, body = ''): ServiceNowError {
  const path = new URL(url).pathname;
  return new ServiceNowError('html', `the instance answered ${path} with an HTML page (HTTP ${status}) instead of JSON`, {
    status,
    ...(table ? { table } : {}),
    details: isHibernatingPage(body)
      ? [HIBERNATING_ADVICE]
      : [
          'This is a login page, a hibernating developer instance or a proxy in between.',
          'Open the instance in a browser (wake a hibernating PDI at developer.servicenow.com) and check the --instance URL.'
        ]
  });
}

/** What to do about the page a hibernating developer instance answers every request with (core/instance-answers.ts). */
export const HIBERNATING_ADVICE = `It is the "${HIBERNATING_PAGE_TITLE}": the developer instance is hibernating; sign in at developer.servicenow.com, wake it, then try again.`;

/** Says what a request that got no answer at all means for an instance. */
export function errorFromTransport(failure: TransportFailure, url: string, timeoutMs: number, table?: string): ServiceNowError {
  const where = table ? ` reading ${table}` : '';
  const host = new URL(url).host;
  const options = table ? { table } : {};
  const { code } = failure;
  if (failure.kind === 'timeout') {
    return new ServiceNowError('timeout', `no answer from ${host} within ${timeoutMs / 1000} s${where}`, {
      ...options,
      details: ['The instance may be overloaded or waking up; try again, or raise --timeout.']
    });
  }
  if (failure.kind === 'unreachable' && (code === 'ENOTFOUND' || code === 'EAI_AGAIN')) {
    return new ServiceNowError('unreachable', `cannot resolve ${host}`, { ...options, details: ['Check the --instance URL and your network or proxy settings.'] });
  }
  if (failure.kind === 'unreachable') {
    return new ServiceNowError('unreachable', `cannot connect to ${host} (${code})`, { ...options, details: ['Check the --instance URL, the port and any firewall in between.'] });
  }
  if (failure.kind === 'tls' && code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code)) {
    return new ServiceNowError('tls', `the TLS certificate of ${host} was not accepted (${code})`, {
      ...options,
      details: ['A proxy that intercepts TLS needs its CA in NODE_EXTRA_CA_CERTS; otherwise check the --instance host name.']
    });
  }
  if (failure.kind === 'tls') {
    return new ServiceNowError('tls', `the TLS handshake with ${host} failed (${code})`, {
      ...options,
      details: ['The server may not speak HTTPS on this port, or a proxy in between breaks TLS; check the --instance URL.']
    });
  }
  return new ServiceNowError('connection-reset', `the connection to ${host} broke${where} (${transportReason(failure)})`, {
    ...options,
    details: ['Usually a network hiccup or a proxy; try again.']
  });
}

export function looksLikeHtml(contentType: string, body: string): boolean {
  return /text\/html/i.test(contentType) || /^\s*<(!doctype html|html)/i.test(body);
}

/** `{"error":{"message","detail"}}` from a ServiceNow error body, when there is one. */
export function serviceNowMessage(body: string): string | undefined {
  try {
    return messageOf(JSON.parse(body));
  } catch {
    return undefined; // not JSON: nothing to quote
  }
}

/** The same from a body already parsed. */
export function messageOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const parsed = body as { error?: { message?: unknown; detail?: unknown } | string; error_description?: unknown };
  if (typeof parsed.error === 'object' && parsed.error) {
    const message = typeof parsed.error.message === 'string' ? parsed.error.message : '';
    const detail = typeof parsed.error.detail === 'string' ? parsed.error.detail : '';
    return [message, detail].filter(Boolean).join(': ') || undefined;
  }
  if (typeof parsed.error_description === 'string') return parsed.error_description;
  if (typeof parsed.error === 'string') return parsed.error;
  return undefined;
}

/**
 * A 2xx answer that ends in `"error": {...}, "status": "failure"`: a
 * Transaction Quota Rule cancelled the request after part of the page was
 * sent (ServiceNow KB1297438), so the records it holds are not all there.
 */
export function cancelledError(status: number, url: string, said: string | undefined, table?: string): ServiceNowError {
  const where = table ? ` reading ${table}` : ` for ${new URL(url).pathname}`;
  return new ServiceNowError('cancelled', `the instance cancelled the request${where} part-way (HTTP ${status}), so its records are incomplete`, {
    status,
    ...(table ? { table } : {}),
    details: [
      ...(said ? [`ServiceNow said: ${said}`] : []),
      'A transaction quota rule ends REST requests that run too long (ServiceNow KB1297438); fetch fewer records per request with a smaller --page-size, e.g. --page-size 200.'
    ]
  });
}
