import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseQuery } from '../../core/query/index';
import { compileQuery, UnsupportedQueryError, type CompiledQuery } from './query';
import { renderRecord, storeResolver, type DisplayValueMode, type RenderOptions, type Resolver } from './render';
import { errorBody, NO_RECORD } from './responses';
import type { StoredRecord } from './records';
import type { TableSchema } from './schema';
import type { TableStore } from './store';

export interface TableRouteContext {
  store: TableStore;
  /** The user a request acts as, or undefined when its credentials are missing or wrong. */
  authenticate(request: FastifyRequest): string | undefined;
  invalidQueryReturnsNoRows: boolean;
}

type Params = { version?: string; table: string; sys_id?: string };
type QueryString = Record<string, string | undefined>;

const DEFAULT_LIMIT = 10_000;

/**
 * `/api/now/table/{table}` and `/api/now/table/{table}/{sys_id}` (also under
 * `/api/now/v1/` and `/api/now/v2/`), with the Table API's status codes,
 * headers and error bodies.
 */
export function registerTableRoutes(app: FastifyInstance, context: TableRouteContext): void {
  const { store } = context;
  const resolver: Resolver = storeResolver(store);

  for (const prefix of ['/api/now/table', '/api/now/:version/table']) {
    app.get(`${prefix}/:table`, (request, reply) => guarded(request, reply, context, (user, schema) => list(request, reply, schema, user)));
    app.post(`${prefix}/:table`, (request, reply) => guarded(request, reply, context, (user, schema) => {
      const record = store.insert(schema.name, bodyObject(request), user);
      reply.header('Location', `${baseUrl(request)}/api/now/table/${schema.name}/${record.sys_id}`);
      return sendRecord(request, reply.code(201), schema, record);
    }));
    app.get(`${prefix}/:table/:sys_id`, (request, reply) => guarded(request, reply, context, (_user, schema) => {
      const record = store.get(schema.name, params(request).sys_id ?? '');
      return record ? sendRecord(request, reply, schema, record) : reply.code(404).send(NO_RECORD);
    }));
    for (const method of ['put', 'patch'] as const) {
      app[method](`${prefix}/:table/:sys_id`, (request, reply) => guarded(request, reply, context, (user, schema) => {
        const record = store.update(schema.name, params(request).sys_id ?? '', bodyObject(request), user);
        return record ? sendRecord(request, reply, schema, record) : reply.code(404).send(NO_RECORD);
      }));
    }
    app.delete(`${prefix}/:table/:sys_id`, (request, reply) => guarded(request, reply, context, (_user, schema) => {
      return store.delete(schema.name, params(request).sys_id ?? '') ? reply.code(204).send() : reply.code(404).send(NO_RECORD);
    }));
  }

  function list(request: FastifyRequest, reply: FastifyReply, schema: TableSchema, _user: string) {
    const query = request.query as QueryString;
    let filter: CompiledQuery;
    let pairs: CompiledQuery;
    try {
      filter = compileQuery(parseQuery(query.sysparm_query ?? '').ast, schema, resolver, { invalidReturnsNoRows: context.invalidQueryReturnsNoRows });
      pairs = compileQuery(parseQuery(namePairsQuery(query)).ast, schema, resolver, { invalidReturnsNoRows: context.invalidQueryReturnsNoRows });
    } catch (error) {
      return reply.code(400).send(errorBody('Emulator: unsupported query', (error as Error).message));
    }
    let matching: StoredRecord[];
    try {
      matching = store.all(schema.name).filter((record) => filter.matches(record) && pairs.matches(record));
    } catch (error) {
      if (error instanceof UnsupportedQueryError) return reply.code(400).send(errorBody('Emulator: unsupported query', error.message));
      throw error;
    }
    matching = matching.map((record, index) => ({ record, index }))
      .sort((a, b) => filter.compare(a.record, b.record) || a.index - b.index)
      .map(({ record }) => record);
    const limit = positiveInteger(query.sysparm_limit) ?? DEFAULT_LIMIT;
    const offset = positiveInteger(query.sysparm_offset) ?? 0;
    const page = matching.slice(offset, offset + limit);
    if (query.sysparm_no_count !== 'true') reply.header('X-Total-Count', String(matching.length));
    if (query.sysparm_suppress_pagination_header !== 'true') {
      reply.header('Link', linkHeader(request, matching.length, offset, limit));
    }
    if (page.length === 0 && params(request).version === 'v1') return reply.code(404).send(NO_RECORD);
    const options = renderOptions(request);
    return reply.code(200).send({ result: page.map((record) => renderRecord(record, schema, resolver, options)) });
  }

  function sendRecord(request: FastifyRequest, reply: FastifyReply, schema: TableSchema, record: StoredRecord) {
    if (request.headers['x-no-response-body'] === 'true') return reply.send();
    return reply.send({ result: renderRecord(record, schema, resolver, renderOptions(request)) });
  }
}

export function guarded(
  request: FastifyRequest,
  reply: FastifyReply,
  context: TableRouteContext,
  handle: (user: string, schema: TableSchema) => unknown
) {
  const user = context.authenticate(request);
  if (!user) {
    return reply.code(401).header('WWW-Authenticate', 'BASIC realm="Service-now"').send(errorBody('User Not Authenticated', 'Required to provide Auth information'));
  }
  const { table, version } = params(request);
  if (version !== undefined && !/^v[12]$/.test(version)) return reply.code(400).send(errorBody('Requested URI does not represent any resource', null));
  const schema = context.store.schema(table);
  if (!schema) return reply.code(400).send(errorBody(`Invalid table ${table}`, null));
  return handle(user, schema);
}

function params(request: FastifyRequest): Params {
  return request.params as Params;
}

function bodyObject(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

function renderOptions(request: FastifyRequest): RenderOptions {
  const query = request.query as QueryString;
  const fields = query.sysparm_fields?.split(',').map((field) => field.trim()).filter(Boolean);
  const mode = query.sysparm_display_value;
  const displayValue: DisplayValueMode = mode === 'true' || mode === 'all' ? mode : 'false';
  return { ...(fields?.length ? { fields } : {}), displayValue, excludeReferenceLink: query.sysparm_exclude_reference_link === 'true', baseUrl: baseUrl(request) };
}

/** `name=value` parameters other than sysparm_* filter too (documented Table API shorthand). */
function namePairsQuery(query: QueryString): string {
  return Object.entries(query)
    .filter(([key, value]) => !key.startsWith('sysparm_') && value !== undefined)
    .map(([key, value]) => `${key}=${value}`)
    .join('^');
}

function linkHeader(request: FastifyRequest, total: number, offset: number, limit: number): string {
  const url = new URL(`${baseUrl(request)}${request.url}`);
  const at = (target: number) => {
    url.searchParams.set('sysparm_limit', String(limit));
    url.searchParams.set('sysparm_offset', String(target));
    return url.toString();
  };
  const lastOffset = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
  // "prev" is offset - limit, named down to -1: instances answer the first page at limit 1 with `sysparm_offset=-1>;rel="prev"`
  // (curl -v of a PDI in vdesabou/kafka-docker-playground connect/connect-servicenow-source, 2021; dev130168 in 2022),
  // the first page at limit 10000 without a prev (ServiceNowITOM/ansible-sn-inventory#15). The docs say never to send
  // a negative sysparm_offset: clients must not follow it. VERIFY the rule between those two limits on a PDI.
  const links = [`<${at(0)}>;rel="first"`];
  if (offset - limit >= -1) links.push(`<${at(offset - limit)}>;rel="prev"`);
  if (offset + limit < total) links.push(`<${at(offset + limit)}>;rel="next"`);
  links.push(`<${at(lastOffset)}>;rel="last"`);
  return links.join(',');
}

export function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? '127.0.0.1'}`;
}

function positiveInteger(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}
