import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HIBERNATING_PAGE, LOGIN_PAGE, type FaultAction, type FaultInjector } from './faults';
import { isAdminPath, pathOf, tableInPath } from './paths';
import { METADATA_TABLES, type StoredRecord } from './records';
import { errorBody } from './responses';
import type { TableStore } from './store';

/** The sys_id the emulator's one rate limit rule (sys_rate_limit_rules) would have. */
const EMULATOR_RATE_LIMIT_RULE = 'e0a1b2c3d4e5f60718293a4b5c6d7e8f';

/** Delayed answers still waiting, so that closing the emulator does not wait for them. */
export type PendingDelays = Set<{ timer: NodeJS.Timeout; resolve: () => void }>;

/**
 * Applies the injected faults: answers (status, 429, HTML, redirect) and
 * resets before authentication, as a proxy or an overloaded node would;
 * delays; and on the way out truncates JSON or changes the table paged.
 */
export function registerFaultHooks(app: FastifyInstance, faults: FaultInjector, store: TableStore, pendingDelays: PendingDelays): void {
  const applied = new WeakMap<FastifyRequest, FaultAction>();

  app.addHook('onRequest', async (request, reply) => {
    const path = pathOf(request.url);
    if (isAdminPath(path)) return;
    const table = tableInPath(path);
    const fault = faults.take({ method: request.method, path, ...(table ? { table } : {}) });
    if (!fault) return;
    applied.set(request, fault);
    switch (fault.kind) {
      case 'status':
        return reply.code(fault.status).send(errorBody(fault.message ?? defaultMessage(fault.status), fault.detail ?? defaultDetail(fault.status, table)));
      case 'rate-limit':
        return reply
          .code(429)
          // ServiceNowDocs inbound-REST-API-rate-limiting.md: Reset is the Unix time of the next reset, Rule the rule's sys_id.
          .headers({
            'Retry-After': String(fault.retryAfterSeconds),
            'X-RateLimit-Limit': '100',
            'X-RateLimit-Reset': String(Math.floor(Date.now() / 1000) + fault.retryAfterSeconds),
            'X-RateLimit-Rule': EMULATOR_RATE_LIMIT_RULE
          })
          .send(errorBody('Rate limit exceeded', 'Rate limit of 100 requests per hour for Table API exceeded'));
      case 'redirect':
        return reply.code(302).header('Location', fault.location).type('text/html; charset=UTF-8').send('');
      case 'html':
        return reply.code(fault.status).type('text/html; charset=UTF-8').send(fault.page === 'login' ? LOGIN_PAGE : HIBERNATING_PAGE);
      case 'slow':
        await new Promise<void>((resolve) => {
          const entry = { timer: setTimeout(() => { pendingDelays.delete(entry); resolve(); }, fault.delayMs), resolve };
          pendingDelays.add(entry);
        });
        return;
      case 'reset':
        reply.hijack();
        request.raw.socket.destroy();
        return;
      default:
        return; // the others act on the way out
    }
  });

  app.addHook('onSend', async (request, _reply, payload) => {
    const fault = applied.get(request);
    if (!fault || typeof payload !== 'string') return payload;
    if (fault.kind === 'truncated-json') return payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
    if (fault.kind === 'cancelled-transaction') return cancelledPage(payload, fault.cutOff ?? false);
    if (fault.kind === 'acl-hide-rows' || fault.kind === 'acl-hide-fields') return withAclApplied(payload, fault);
    return payload;
  });

  app.addHook('onResponse', async (request) => {
    const table = tableInPath(pathOf(request.url));
    if (applied.get(request)?.kind === 'change-between-pages' && table) changeTable(store, table);
  });
}

/** What a Transaction Quota Rule appends to the answer it cancels (ServiceNow KB1297438). */
const CANCELLED = {
  message: 'Transaction cancelled: maximum execution time exceeded',
  detail: 'Transaction cancelled: maximum execution time exceeded Check logs for error trace or enable glide.rest.debug property to verify REST request processing'
};

/** Half the page, then the error: well-formed, or cut mid-record as the KB shows it. */
function cancelledPage(payload: string, cutOff: boolean): string {
  const trailer = `"error":${JSON.stringify(CANCELLED)},"status":"failure"}`;
  if (cutOff) return `${payload.slice(0, Math.max(1, Math.floor(payload.length / 2)))}${trailer}`;
  const body = JSON.parse(payload) as { result?: unknown };
  const rows = Array.isArray(body.result) ? body.result : [];
  return JSON.stringify({ result: rows.slice(0, Math.floor(rows.length / 2)), error: CANCELLED, status: 'failure' });
}

/** The rows and fields read ACLs would hide, taken out of a list answer after paging, headers untouched. */
function withAclApplied(payload: string, fault: Extract<FaultAction, { kind: 'acl-hide-rows' | 'acl-hide-fields' }>): string {
  const body = JSON.parse(payload) as { result?: unknown };
  if (!Array.isArray(body.result)) return payload;
  const rows = body.result as Record<string, unknown>[];
  const plain = (value: unknown) => (typeof value === 'object' && value !== null && 'value' in value ? (value as { value: unknown }).value : value);
  if (fault.kind === 'acl-hide-rows') {
    const hidden = (row: Record<string, unknown>) => Object.entries(fault.match).every(([field, value]) => plain(row[field]) === value);
    return JSON.stringify({ ...body, result: rows.filter((row) => !hidden(row)) });
  }
  for (const row of rows) {
    for (const field of fault.fields) {
      if (!(field in row)) continue;
      if (fault.blank) row[field] = '';
      else delete row[field];
    }
  }
  return JSON.stringify(body);
}

/** Someone adds a record to the table while a client pages through it. */
function changeTable(store: TableStore, table: string): void {
  if (!(METADATA_TABLES as readonly string[]).includes(table)) {
    store.insert(table, {}, 'someone.else');
    return;
  }
  const template = store.all(table)[0] ?? {};
  const added: StoredRecord = { ...template, sys_id: '' };
  if ('element' in template) added.element = `u_added_${store.all(table).length}`;
  store.seed(table, [added]);
}

/** What a real instance says on a table-level ACL failure (seen in ServiceNow community reports). */
function defaultDetail(status: number, table: string | undefined): string | null {
  return status === 403 && table ? `User is unauthorized to access table: ${table}` : null;
}

function defaultMessage(status: number): string {
  switch (status) {
    case 401: return 'User Not Authenticated';
    case 403: return 'User Not Authorized';
    case 404: return 'No Record found';
    case 400: return 'Bad Request';
    default: return 'Internal Server Error';
  }
}
