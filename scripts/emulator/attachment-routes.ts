import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseQuery } from '../../core/query/index';
import { parseMultipart } from './multipart';
import { compileQuery } from './query';
import { errorBody, NO_RECORD } from './responses';
import { schemaFromRecords } from './schema';
import { glideDateTime, type TableStore } from './store';
import { baseUrl } from './table-routes';

export interface AttachmentRouteContext {
  store: TableStore;
  /** Bytes per attachment sys_id (the sys_attachment records live in the store). */
  files: Map<string, Buffer>;
  authenticate(request: FastifyRequest): string | undefined;
}

const COLUMNS = ['sys_id', 'file_name', 'content_type', 'size_bytes', 'size_compressed', 'table_name', 'table_sys_id', 'hash', 'download_link', 'sys_created_on', 'sys_created_by', 'sys_updated_on', 'sys_updated_by'];
export const ATTACHMENT_SCHEMA = schemaFromRecords('sys_attachment', [Object.fromEntries(COLUMNS.map((column) => [column, '']))]);

/**
 * The Attachment API (ServiceNow docs, c_AttachmentAPI): upload as a raw
 * body (`POST /file?table_name&table_sys_id&file_name`, the file's own
 * Content-Type) or as multipart/form-data (`POST /upload`: table_name,
 * table_sys_id, then the file part), list with `sysparm_query`, read the
 * metadata, download the bytes (`GET /{sys_id}/file`, with Content-Type and
 * X-Attachment-Metadata), delete. Bodies are taken as bytes here, whatever
 * their type, in a plugin scope of their own so the Table API keeps its JSON parser.
 */
export function registerAttachmentRoutes(app: FastifyInstance, context: AttachmentRouteContext): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    const { store, files } = context;

    const withUser = (handler: (request: FastifyRequest, reply: FastifyReply, user: string) => unknown) => (request: FastifyRequest, reply: FastifyReply) => {
      const user = context.authenticate(request);
      if (!user) return reply.code(401).send(errorBody('User Not Authenticated', 'Required to provide Auth information'));
      return handler(request, reply, user);
    };

    const create = (request: FastifyRequest, reply: FastifyReply, user: string, target: { table?: string; sysId?: string; fileName?: string; contentType?: string; data: Buffer }) => {
      if (!target.table || !target.sysId) return reply.code(400).send(errorBody('Missing table_name or table_sys_id', 'Both name the record the file is attached to'));
      if (!target.fileName) return reply.code(400).send(errorBody('Missing file_name', null));
      if (!store.schema(target.table)) return reply.code(400).send(errorBody(`Invalid table ${target.table}`, null));
      if (!store.get(target.table, target.sysId)) return reply.code(400).send(errorBody('Invalid table_sys_id', `No ${target.table} record ${target.sysId}`));
      const now = glideDateTime(new Date());
      const sysId = randomBytes(16).toString('hex');
      store.seed('sys_attachment', [{
        sys_id: sysId,
        file_name: target.fileName,
        content_type: target.contentType ?? 'application/octet-stream',
        size_bytes: String(target.data.length),
        size_compressed: String(target.data.length),
        table_name: target.table,
        table_sys_id: target.sysId,
        hash: createHash('sha256').update(target.data).digest('hex'),
        sys_created_on: now,
        sys_created_by: user,
        sys_updated_on: now,
        sys_updated_by: user
      }]);
      const record = store.get('sys_attachment', sysId) ?? {};
      record.download_link = `${baseUrl(request)}/api/now/attachment/${record.sys_id}/file`;
      files.set(record.sys_id ?? '', target.data);
      reply.header('Location', `${baseUrl(request)}/api/now/attachment/${record.sys_id}`);
      return reply.code(201).send({ result: record });
    };

    scope.post('/api/now/attachment/file', withUser((request, reply, user) => {
      const query = request.query as Record<string, string | undefined>;
      const data = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return create(request, reply, user, { table: query.table_name, sysId: query.table_sys_id, fileName: query.file_name, contentType: request.headers['content-type'], data });
    }));

    scope.post('/api/now/attachment/upload', withUser((request, reply, user) => {
      const parts = Buffer.isBuffer(request.body) ? parseMultipart(request.body, request.headers['content-type'] ?? '') : undefined;
      if (!parts) return reply.code(400).send(errorBody('Expected a multipart/form-data body', 'Send table_name, table_sys_id and the file as form parts'));
      const fileIndex = parts.findIndex((part) => part.fileName !== undefined);
      const file = parts[fileIndex];
      if (!file) return reply.code(400).send(errorBody('No file part in the form', null));
      // "Ensure that the file content is contained in the final part of the message only. Earlier parts should contain only metadata" (c_AttachmentAPI, POST /upload): fields after the file are not read.
      const field = (name: string) => parts.slice(0, fileIndex).find((part) => part.name === name)?.data.toString('utf8');
      return create(request, reply, user, { table: field('table_name'), sysId: field('table_sys_id'), fileName: file.fileName, contentType: file.contentType, data: file.data });
    }));

    scope.get('/api/now/attachment', withUser((request, reply) => {
      const query = request.query as Record<string, string | undefined>;
      let matching;
      try {
        const filter = compileQuery(parseQuery(query.sysparm_query ?? '').ast, ATTACHMENT_SCHEMA, { record: () => undefined, find: () => undefined, schema: () => undefined }, { invalidReturnsNoRows: false });
        matching = store.all('sys_attachment').filter((record) => filter.matches(record));
      } catch (error) {
        return reply.code(400).send(errorBody('Emulator: unsupported query', (error as Error).message));
      }
      const limit = /^\d+$/.test(query.sysparm_limit ?? '') ? Number(query.sysparm_limit) : 1000;
      return reply.header('X-Total-Count', String(matching.length)).send({ result: matching.slice(0, limit) });
    }));

    scope.get('/api/now/attachment/:sys_id', withUser((request, reply) => {
      const record = store.get('sys_attachment', (request.params as { sys_id: string }).sys_id);
      return record ? reply.send({ result: record }) : reply.code(404).send(NO_RECORD);
    }));

    scope.get('/api/now/attachment/:sys_id/file', withUser((request, reply) => {
      const sysId = (request.params as { sys_id: string }).sys_id;
      const record = store.get('sys_attachment', sysId);
      const data = files.get(sysId);
      if (!record || !data) return reply.code(404).send(NO_RECORD);
      return reply.header('Content-Type', record.content_type || 'application/octet-stream').header('X-Attachment-Metadata', JSON.stringify(record)).send(data);
    }));

    scope.delete('/api/now/attachment/:sys_id', withUser((request, reply) => {
      const sysId = (request.params as { sys_id: string }).sys_id;
      if (!store.delete('sys_attachment', sysId)) return reply.code(404).send(NO_RECORD);
      files.delete(sysId);
      return reply.code(204).send();
    }));
  });
}
