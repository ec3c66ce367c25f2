import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseQuery } from '../../core/query/index';
import { compileQuery, UnsupportedQueryError } from './query';
import { storeResolver, type Resolver } from './render';
import { errorBody } from './responses';
import type { TableSchema } from './schema';
import { guarded, type TableRouteContext } from './table-routes';

type QueryString = Record<string, string | undefined>;

/**
 * The Aggregate API's count: `GET /api/now/stats/{table}` with
 * `sysparm_count=true`, `sysparm_query` and an optional `sysparm_group_by`
 * (ServiceNow docs, c_AggregateAPI): `{"result":{"stats":{"count":"3"}}}`,
 * or per group `{"stats":{"count"},"groupby_fields":[{"field","value"}]}`.
 * Counts are strings, as ServiceNow sends them.
 */
export function registerStatsRoutes(app: FastifyInstance, context: TableRouteContext): void {
  const resolver: Resolver = storeResolver(context.store);
  for (const prefix of ['/api/now/stats', '/api/now/:version/stats']) {
    app.get(`${prefix}/:table`, (request, reply) => guarded(request, reply, context, (_user, schema) => stats(request, reply, schema)));
  }

  function stats(request: FastifyRequest, reply: FastifyReply, schema: TableSchema) {
    const query = request.query as QueryString;
    let matching;
    try {
      const filter = compileQuery(parseQuery(query.sysparm_query ?? '').ast, schema, resolver, { invalidReturnsNoRows: context.invalidQueryReturnsNoRows });
      matching = context.store.all(schema.name).filter((record) => filter.matches(record));
    } catch (error) {
      if (error instanceof UnsupportedQueryError || error instanceof Error) return reply.code(400).send(errorBody('Emulator: unsupported query', error.message));
      throw error;
    }
    const counted = query.sysparm_count === 'true';
    const groupBy = (query.sysparm_group_by ?? '').split(',').map((column) => column.trim()).filter(Boolean);
    const unknown = groupBy.filter((column) => !schema.columns.has(column));
    if (unknown.length > 0) return reply.code(400).send(errorBody(`Invalid group by field(s): ${unknown.join(', ')}`, null));
    const statsOf = (count: number) => (counted ? { count: String(count) } : {});
    if (groupBy.length === 0) return reply.send({ result: { stats: statsOf(matching.length) } });
    const groups = new Map<string, { values: string[]; count: number }>();
    for (const record of matching) {
      const values = groupBy.map((column) => record[column] ?? '');
      const key = JSON.stringify(values);
      const group = groups.get(key) ?? { values, count: 0 };
      group.count++;
      groups.set(key, group);
    }
    const result = [...groups.values()]
      .sort((a, b) => (a.values.join('\u0000') < b.values.join('\u0000') ? -1 : 1))
      .map((group) => ({ stats: statsOf(group.count), groupby_fields: groupBy.map((field, index) => ({ field, value: group.values[index] ?? '' })) }));
    return reply.send({ result });
  }
}
