/**
 * Faults a test sets on the emulator to see how a client copes. Each fault
 * matches requests (by method, path prefix or table), may skip the first
 * `after` matching ones and fires `times` times (default once).
 */
export type FaultAction =
  | { kind: 'status'; status: 401 | 403 | 404 | 400 | 500 | 502 | 504; message?: string; detail?: string }
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  /** An HTML page: a hibernating developer instance's (default) or a login page. */
  | { kind: 'html'; status: number; page?: 'hibernating' | 'login' }
  /** A single sign-on redirect, as instances with SSO answer API calls without a session. */
  | { kind: 'redirect'; location: string }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'reset' }
  | { kind: 'truncated-json' }
  /** After serving a page of this table, insert one record into it (as if someone changed it meanwhile). */
  | { kind: 'change-between-pages' }
  /**
   * A Transaction Quota Rule cancelling the request part-way: HTTP 200, half
   * the page, then `"error": {...}, "status": "failure"` (ServiceNow
   * KB1297438); `cutOff` sends the page cut mid-record, as the KB shows.
   */
  | { kind: 'cancelled-transaction'; cutOff?: boolean }
  /**
   * Read ACLs on rows: the rows whose fields have these values are dropped
   * from each page after the count and the paging, HTTP 200 with
   * X-Total-Count and Link unchanged: the Table API docs (GET /now/table)
   * say sysparm_limit "is applied before ACL evaluation" (also KB3047115).
   */
  | { kind: 'acl-hide-rows'; match: Record<string, string> }
  /**
   * Field ACLs: the fields are left out of every row, HTTP 200, as
   * ServiceNow does for a field the user may not read (KB2971488);
   * `blank` sends them as "" instead, as a dot-walk into a record the user
   * may not read comes back.
   */
  | { kind: 'acl-hide-fields'; fields: string[]; blank?: boolean };

export interface FaultMatch {
  method?: string;
  /** A table name from /api/now/table/{table}. */
  table?: string;
  /** A path prefix, e.g. `/oauth_token.do`. */
  path?: string;
}

export type Fault = FaultAction & FaultMatch & { times?: number; after?: number };

interface ActiveFault {
  fault: Fault;
  seen: number;
  fired: number;
}

export interface RequestFacts {
  method: string;
  path: string;
  table?: string;
}

export class FaultInjector {
  private active: ActiveFault[] = [];

  /** Adds a fault; returns a function that removes it. */
  add(fault: Fault): () => void {
    const entry = { fault, seen: 0, fired: 0 };
    this.active.push(entry);
    return () => {
      this.active = this.active.filter((candidate) => candidate !== entry);
    };
  }

  clear(): void {
    this.active = [];
  }

  /** The fault to apply to this request, if any (counts it as fired). */
  take(request: RequestFacts): FaultAction | undefined {
    for (const entry of this.active) {
      const { fault } = entry;
      if (!matches(fault, request)) continue;
      entry.seen++;
      if (entry.seen <= (fault.after ?? 0)) continue;
      if (entry.fired >= (fault.times ?? 1)) continue;
      entry.fired++;
      return fault;
    }
    return undefined;
  }

  /** How many times each fault fired, for tests that prove a fault was really hit. */
  firedCounts(): number[] {
    return this.active.map((entry) => entry.fired);
  }
}

function matches(fault: FaultMatch, request: RequestFacts): boolean {
  if (fault.method && fault.method.toUpperCase() !== request.method.toUpperCase()) return false;
  if (fault.table && fault.table !== request.table) return false;
  if (fault.path && !request.path.startsWith(fault.path)) return false;
  return true;
}

/** What a hibernating developer instance serves instead of JSON. */
export const HIBERNATING_PAGE = `<!DOCTYPE html>
<html><head><title>Instance Hibernating page</title></head>
<body><h1>Your instance is hibernating</h1><p>Sign in to developer.servicenow.com to wake it up.</p></body></html>
`;

/** A sign-in page, as an instance behind single sign-on or a login proxy serves instead of JSON. */
export const LOGIN_PAGE = `<!DOCTYPE html>
<html><head><title>Log in | ServiceNow</title></head>
<body><form action="login.do" method="post"><input name="user_name"><input name="user_password" type="password"></form></body></html>
`;

const STATUSES = [401, 403, 404, 400, 500, 502, 504];
const isCount = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/**
 * What is wrong with a fault posted to the admin route (empty when it is
 * well-formed), so that a malformed one is refused with 400 up front instead
 * of failing later as a 500 or a `retry-after: undefined` header.
 */
export function faultProblems(fault: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const need = (key: string, ok: (value: unknown) => boolean, what: string) => {
    if (!ok(fault[key])) problems.push(`${key} must be ${what}`);
  };
  const optional = (key: string, ok: (value: unknown) => boolean, what: string) => {
    if (fault[key] !== undefined) need(key, ok, what);
  };
  switch (fault['kind']) {
    case 'status':
      need('status', (value) => STATUSES.includes(value as number), `one of ${STATUSES.join(', ')}`);
      optional('message', (value) => typeof value === 'string', 'a string');
      optional('detail', (value) => typeof value === 'string', 'a string');
      break;
    case 'rate-limit':
      need('retryAfterSeconds', isCount, 'a whole number of seconds (0 or more)');
      break;
    case 'html':
      need('status', (value) => typeof value === 'number' && Number.isInteger(value) && value >= 200 && value <= 599, 'an HTTP status from 200 to 599');
      optional('page', (value) => value === 'hibernating' || value === 'login', 'hibernating or login');
      break;
    case 'redirect':
      need('location', (value) => typeof value === 'string' && value !== '', 'a URL');
      break;
    case 'slow':
      need('delayMs', isCount, 'a whole number of milliseconds (0 or more)');
      break;
    case 'cancelled-transaction':
      optional('cutOff', (value) => typeof value === 'boolean', 'true or false');
      break;
    case 'acl-hide-rows':
      need('match', (value) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((entry) => typeof entry === 'string') && Object.keys(value).length > 0, 'an object of field names to string values');
      break;
    case 'acl-hide-fields':
      need('fields', (value) => Array.isArray(value) && value.length > 0 && value.every((entry) => typeof entry === 'string'), 'a list of field names');
      optional('blank', (value) => typeof value === 'boolean', 'true or false');
      break;
  }
  optional('times', (value) => isCount(value) && (value as number) > 0, 'a whole number above 0');
  optional('after', isCount, 'a whole number (0 or more)');
  for (const key of ['method', 'table', 'path']) optional(key, (value) => typeof value === 'string', 'a string');
  return problems;
}
