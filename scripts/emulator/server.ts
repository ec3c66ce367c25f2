import Fastify, { type FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import type { Metadata } from '../../core/metadata/model';
import { FaultInjector } from './faults';
import { registerFaultHooks, type PendingDelays } from './fault-hooks';
import { isAdminPath, pathOf, tableInPath } from './paths';
import { OAuthServer, type EmulatorOAuthClient, type EmulatorUser } from './oauth';
import { METADATA_TABLES, type SnapshotRecords } from './records';
import { CATALOG_TABLES, type CatalogRecords } from '../metadata/snapshot-files';
import { buildSchemas, schemaFromRecords } from './schema';
import { TableStore, type StoreOptions } from './store';
import { registerTableRoutes } from './table-routes';
import { registerAdminRoutes } from './admin-routes';
import type { LoggedRequest } from './logged-request';
import { errorBody } from './responses';
import { registerStatsRoutes } from './stats-routes';
import { registerCatalogRoutes, type EmulatedOrder } from './catalog-routes';
import { ATTACHMENT_SCHEMA, registerAttachmentRoutes } from './attachment-routes';
import { DEFAULT_FLOW_TRIGGERS, registerFlowRoutes, type EmulatedFlowTrigger, type FlowRun } from './flow-routes';

export interface EmulatorSnapshot {
  /** The raw records of the four metadata tables, served as they are. */
  records: SnapshotRecords;
  /** The resolved tables; each becomes a writable data table. */
  metadata?: Metadata;
  /** Raw Service Catalog records, served as tables (metadata/README.md, "Catalog files"). */
  catalog?: CatalogRecords;
}

export interface EmulatorOptions extends StoreOptions {
  snapshot: EmulatorSnapshot;
  /** 0 (the default) picks a free port. The emulator only ever listens on 127.0.0.1. */
  port?: number;
  users?: EmulatorUser[];
  oauthClients?: EmulatorOAuthClient[];
  /** sys_properties records served (the build tag fetch-metadata records). */
  properties?: Record<string, string>;
  /** ServiceNow's glide.invalid_query.returns_no_rows: false (the default) drops unknown conditions silently. */
  invalidQueryReturnsNoRows?: boolean;
  /** Flow REST API triggers served (default: the official Flow Starter's example path). */
  flowTriggers?: EmulatedFlowTrigger[];
}

export type { LoggedRequest };

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>`, the instance URL to give clients. */
  url: string;
  store: TableStore;
  faults: FaultInjector;
  oauth: OAuthServer;
  requests: LoggedRequest[];
  /** Catalog orders received through order_now. */
  orders: EmulatedOrder[];
  /** Attachment bytes by sys_attachment sys_id. */
  attachments: Map<string, Buffer>;
  /** Flow executions started through a REST trigger. */
  flowRuns: FlowRun[];
  close(): Promise<void>;
}

export const DEFAULT_USER: EmulatorUser = { username: 'admin', password: 'emulator-admin-password' };
export const DEFAULT_OAUTH_CLIENT: EmulatorOAuthClient = { clientId: 'emulator-client', clientSecret: 'emulator-client-secret', user: 'admin' };

/** Starts a ServiceNow Table API emulator on 127.0.0.1 (see README: live instances). */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const properties = Object.entries(options.properties ?? { 'glide.buildtag': 'glide-emulator', 'glide.buildname': 'Emulator' }).map(([name, value]) => ({ name, value }));
  const schemas = buildSchemas(options.snapshot.records, options.snapshot.metadata);
  schemas.set('sys_properties', schemaFromRecords('sys_properties', properties));
  const store = new TableStore(schemas, options);
  for (const table of METADATA_TABLES) store.seed(table, options.snapshot.records[table]);
  linkSuperClasses(store);
  store.seed('sys_properties', properties);
  schemas.set('sys_attachment', ATTACHMENT_SCHEMA);
  for (const table of options.snapshot.catalog ? CATALOG_TABLES : []) {
    const rows = options.snapshot.catalog?.[table] ?? [];
    if (!schemas.has(table)) schemas.set(table, schemaFromRecords(table, rows));
    store.seed(table, rows);
  }
  const users = options.users ?? [DEFAULT_USER];
  const oauth = new OAuthServer(users, options.oauthClients ?? [DEFAULT_OAUTH_CLIENT]);
  const faults = new FaultInjector();
  const requests: LoggedRequest[] = [];
  const pendingDelays: PendingDelays = new Set();

  const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 10 * 1024 * 1024 });
  await app.register(formbody);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    try {
      done(null, text.trim() ? JSON.parse(text) : {});
    } catch {
      done(Object.assign(new Error('The payload is not valid JSON.'), { statusCode: 400 }), undefined);
    }
  });

  registerFaultHooks(app, faults, store, pendingDelays);

  app.addHook('onResponse', async (request, reply) => {
    const path = pathOf(request.url);
    if (isAdminPath(path)) return;
    const table = tableInPath(path);
    const auth = /^basic /i.test(request.headers.authorization ?? '') ? 'basic' : /^bearer /i.test(request.headers.authorization ?? '') ? 'bearer' : 'none';
    requests.push({
      method: request.method,
      path,
      query: { ...(request.query as Record<string, string>) },
      ...(table ? { table } : {}),
      auth,
      status: reply.statusCode,
      ...(request.headers['content-type'] ? { contentType: request.headers['content-type'] } : {}),
      ...(request.body !== undefined && !path.startsWith('/oauth_token.do') ? { body: request.body } : {}),
      ...(path.startsWith('/oauth_token.do') ? { grantType: String((request.body as Record<string, unknown> | undefined)?.grant_type ?? '') } : {})
    });
  });

  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    const message = status === 400 ? 'Exception while reading request' : status === 415 ? 'Unsupported Media Type' : 'Internal Server Error';
    return reply.code(status).send(errorBody(message, error.message));
  });
  app.setNotFoundHandler((_request, reply) => reply.code(400).send(errorBody('Requested URI does not represent any resource', null)));

  app.post('/oauth_token.do', async (request, reply) => {
    if (!/application\/x-www-form-urlencoded/i.test(request.headers['content-type'] ?? '')) {
      return reply.code(401).send({ error: 'server_error', error_description: 'access_denied' });
    }
    const form = { ...((request.body ?? {}) as Record<string, string>), ...basicClientCredentials(request.headers.authorization) };
    const result = oauth.grant(form);
    return reply.code(result.ok ? 200 : result.status).send(result.body);
  });

  registerAdminRoutes(app, faults, requests);
  registerTableRoutes(app, {
    store,
    authenticate: (request) => authenticate(request, users, oauth),
    invalidQueryReturnsNoRows: options.invalidQueryReturnsNoRows ?? false
  });
  const authenticateRequest = (request: FastifyRequest) => authenticate(request, users, oauth);
  registerStatsRoutes(app, { store, authenticate: authenticateRequest, invalidQueryReturnsNoRows: options.invalidQueryReturnsNoRows ?? false });
  const orders: EmulatedOrder[] = [];
  registerCatalogRoutes(app, { store, items: options.snapshot.metadata?.catalogItems ?? [], orders, authenticate: authenticateRequest });
  const attachments = new Map<string, Buffer>();
  registerAttachmentRoutes(app, { store, files: attachments, authenticate: authenticateRequest });
  const flowRuns: FlowRun[] = [];
  registerFlowRoutes(app, options.flowTriggers ?? DEFAULT_FLOW_TRIGGERS, flowRuns, authenticateRequest);

  const address = await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  return {
    url: address.replace('localhost', '127.0.0.1'),
    store,
    faults,
    oauth,
    requests,
    orders,
    attachments,
    flowRuns,
    async close() {
      for (const entry of pendingDelays) {
        clearTimeout(entry.timer);
        entry.resolve();
      }
      await app.close();
    }
  };
}

/** OAuth clients may authenticate with HTTP Basic instead of body parameters (RFC 6749 §2.3.1). */
function basicClientCredentials(header: string | undefined): Record<string, string> {
  const encoded = /^basic\s+(.+)$/i.exec(header ?? '')?.[1];
  if (!encoded) return {};
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return {};
  return { client_id: decodeURIComponent(decoded.slice(0, colon)), client_secret: decodeURIComponent(decoded.slice(colon + 1)) };
}

/** The user a request acts as (Basic or a bearer token), or undefined. */
function authenticate(request: FastifyRequest, users: readonly EmulatorUser[], oauth: OAuthServer): string | undefined {
  const header = request.headers.authorization ?? '';
  const basic = /^basic\s+(.+)$/i.exec(header);
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const user = users.find((candidate) => candidate.username === decoded.slice(0, colon) && candidate.password === decoded.slice(colon + 1));
    return colon > 0 ? user?.username : undefined;
  }
  const bearer = /^bearer\s+(.+)$/i.exec(header);
  return bearer?.[1] ? oauth.userFor(bearer[1]) : undefined;
}

/**
 * On an instance `sys_db_object.super_class` is a reference: the parent's
 * sys_id, with the name only through the `super_class.name` dot-walk.
 * Snapshot rows carry just the name, so the sys_id is filled in from it.
 */
function linkSuperClasses(store: TableStore): void {
  const tables = store.all('sys_db_object');
  const idOf = new Map(tables.map((row) => [row.name ?? '', row.sys_id ?? '']));
  for (const row of tables) {
    const parent = row['super_class.name'];
    if (parent && !row.super_class) row.super_class = idOf.get(parent) ?? '';
  }
}
