import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * An emulator of the documented Web Modeler API v1 and Camunda Hub API v2
 * endpoints that `publish` uses, plus a client-credentials token endpoint,
 * on 127.0.0.1. It keeps its own clock so that tests can expire tokens, and
 * lets tests inject the failures the real service produces (5xx, 409, 403).
 */
export interface EmulatorOptions {
  api: 'v1' | 'v2';
  clientId?: string;
  clientSecret?: string;
  /** Seconds a token lives (expires_in). */
  tokenLifetimeSeconds?: number;
  /** v1 per its API description: `content.id` becomes the file id and `version` is managed by the server. */
  v1RewritesIds?: boolean;
  projects?: Array<{ id: string; name: string }>;
  /** The fileType a v1 server accepts on create (servers differ by release). */
  v1FileType?: 'connector_template' | 'element_template';
}

export interface StoredFile {
  id: string;
  name: string;
  projectId: string;
  folderId: string | null;
  revision: number;
  type: string;
  content: string;
}

interface Fault {
  method: string;
  path: RegExp;
  status: number;
  remaining: number;
  retryAfter?: string;
  /** Runs when the fault fires, e.g. to store the file before answering 500. */
  sideEffect?: (request: FastifyRequest) => void;
}

export const UNPINNED = 'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json';

export class WebModelerEmulator {
  readonly files = new Map<string, StoredFile>();
  readonly log: string[] = [];
  readonly tokensIssued: string[] = [];
  /** The emulator's clock in ms; tests move it to expire tokens. */
  now = 1_000_000;
  readOnlyClients = new Set<string>();
  /** Clients whose tokens the API never accepts (e.g. no Web Modeler API scope), though the token server issues them. */
  rejectedClients = new Set<string>();
  /** When set, every token dies once this many API requests have been served (a token expiring mid-run). */
  expireTokensAfterRequests: number | undefined;
  private apiRequests = 0;
  private readonly tokens = new Map<string, { clientId: string; expiresAt: number }>();
  private readonly faults: Fault[] = [];
  private nextId = 1;
  private app: FastifyInstance | undefined;
  baseUrl = '';
  tokenUrl = '';

  constructor(readonly options: EmulatorOptions) {}

  get clientId(): string {
    return this.options.clientId ?? 'publisher';
  }

  get clientSecret(): string {
    return this.options.clientSecret ?? 's3cr3t-value';
  }

  get projects(): Array<{ id: string; name: string }> {
    return this.options.projects ?? [{ id: 'proj-1', name: 'ServiceNow' }];
  }

  /** Environment for the CLI, with the variable names Camunda's tools use. */
  env(): NodeJS.ProcessEnv {
    return {
      CAMUNDA_CONSOLE_CLIENT_ID: this.clientId,
      CAMUNDA_CONSOLE_CLIENT_SECRET: this.clientSecret,
      CAMUNDA_OAUTH_URL: this.tokenUrl,
      CAMUNDA_MODELER_BASE_URL: this.baseUrl
    };
  }

  fail(method: string, path: RegExp, status: number, times = 1, extra: Pick<Fault, 'retryAfter' | 'sideEffect'> = {}): void {
    this.faults.push({ method, path, status, remaining: times, ...extra });
  }

  /** Expires every token issued so far, as a server-side clock past their lifetime would. */
  expireAllTokens(): void {
    for (const token of this.tokens.values()) token.expiresAt = this.now - 1;
  }

  addFile(file: Omit<StoredFile, 'id' | 'revision' | 'folderId' | 'type'> & Partial<StoredFile>): StoredFile {
    const stored: StoredFile = {
      id: file.id ?? `file-${this.nextId++}`,
      revision: file.revision ?? 1,
      folderId: file.folderId ?? null,
      type: file.type ?? (this.options.api === 'v1' ? 'CONNECTOR_TEMPLATE' : 'element-template'),
      name: file.name,
      projectId: file.projectId,
      content: file.content
    };
    this.files.set(stored.id, stored);
    return stored;
  }

  writes(): string[] {
    return this.log.filter((line) => /^(POST|PATCH) .*\/files(\/[^/]+)?$/.test(line) && !line.endsWith('/search'));
  }

  async start(): Promise<this> {
    const app = Fastify();
    await app.register(formbody);
    app.addHook('onRequest', async (request) => {
      this.log.push(`${request.method} ${request.url}`);
    });
    app.post('/oauth/token', (request, reply) => this.issueToken(request, reply));
    const prefix = `/api/${this.options.api}`;
    app.register(
      async (api) => {
        api.addHook('preHandler', async (request, reply) => {
          this.apiRequests += 1;
          if (this.expireTokensAfterRequests !== undefined && this.apiRequests > this.expireTokensAfterRequests) {
            this.expireTokensAfterRequests = undefined;
            this.expireAllTokens();
          }
          const denied = this.authorize(request);
          if (denied) return this.problem(reply, denied, denied === 401 ? 'Unauthorized' : 'Forbidden');
          const fault = this.takeFault(request);
          if (fault) {
            fault.sideEffect?.(request);
            if (fault.retryAfter) reply.header('retry-after', fault.retryAfter);
            return this.problem(reply, fault.status, `injected ${fault.status}`);
          }
          return undefined;
        });
        api.get('/info', async () => ({ version: this.options.api, authorizedOrganization: 'org-1' }));
        if (this.options.api === 'v1') this.routesV1(api);
        else this.routesV2(api);
      },
      { prefix }
    );
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('emulator did not bind a TCP port');
    this.baseUrl = `http://127.0.0.1:${address.port}/api`;
    this.tokenUrl = `http://127.0.0.1:${address.port}/oauth/token`;
    this.app = app;
    return this;
  }

  async stop(): Promise<void> {
    await this.app?.close();
  }

  private issueToken(request: FastifyRequest, reply: FastifyReply) {
    const body = request.body as Record<string, string>;
    if (body.grant_type !== 'client_credentials' || body.client_id !== this.clientId || body.client_secret !== this.clientSecret) {
      return reply.code(401).send({ error: 'invalid_client', error_description: 'Invalid client credentials' });
    }
    const token = `token-${this.tokensIssued.length + 1}`;
    const lifetime = this.options.tokenLifetimeSeconds ?? 300;
    this.tokens.set(token, { clientId: body.client_id, expiresAt: this.now + lifetime * 1000 });
    this.tokensIssued.push(token);
    return reply.send({ access_token: token, expires_in: lifetime, token_type: 'Bearer' });
  }

  private authorize(request: FastifyRequest): 401 | 403 | undefined {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const known = token ? this.tokens.get(token) : undefined;
    if (!known || known.expiresAt <= this.now || this.rejectedClients.has(known.clientId)) return 401;
    const writes = request.method !== 'GET' && !request.url.endsWith('/search');
    if (writes && this.readOnlyClients.has(known.clientId)) return 403;
    return undefined;
  }

  private takeFault(request: FastifyRequest): Fault | undefined {
    const path = request.url.replace(/^\/api\/v[12]/, '');
    const fault = this.faults.find((candidate) => candidate.remaining > 0 && candidate.method === request.method && candidate.path.test(path));
    if (fault) fault.remaining -= 1;
    return fault;
  }

  private problem(reply: FastifyReply, status: number, detail: string) {
    return reply.code(status).type('application/problem+json').send({ type: 'about:blank', title: detail, status, detail, instance: '' });
  }

  private project(id: string) {
    return this.projects.find((project) => project.id === id);
  }

  /** Both APIs refuse a template id that another file already carries (Web Modeler's publish rule). */
  private idTakenByOtherFile(content: string, exceptFileId?: string): boolean {
    const id = (JSON.parse(content) as { id?: string }).id;
    return [...this.files.values()].some((file) => file.id !== exceptFileId && (JSON.parse(file.content) as { id?: string }).id === id);
  }

  createStored(name: string, projectId: string, content: string): StoredFile {
    const id = `file-${this.nextId++}`;
    const template = JSON.parse(content) as Record<string, unknown>;
    template.$schema = UNPINNED;
    template.name = name;
    if (this.options.api === 'v1' && this.options.v1RewritesIds) {
      template.id = id;
      template.version = 1;
    }
    return this.addFile({ id, name, projectId, content: JSON.stringify(template, null, 2) });
  }

  private routesV1(api: FastifyInstance): void {
    const metadata = (file: StoredFile) => ({ id: file.id, name: file.name, projectId: file.projectId, folderId: file.folderId ?? file.projectId, revision: file.revision, type: file.type });
    api.get('/projects/:id', async (request, reply) => {
      const project = this.project((request.params as { id: string }).id);
      if (!project) return this.problem(reply, 404, 'Project not found');
      return { metadata: project, content: { folders: [], files: [] } };
    });
    api.post('/projects/search', async (request) => {
      const { filter } = request.body as { filter: { name?: string } };
      const items = this.projects.filter((project) => filter.name === undefined || project.name === filter.name);
      return { items, total: items.length };
    });
    api.post('/files/search', async (request) => {
      const { filter, page = 0, size = 10 } = request.body as { filter: { projectId?: string }; page?: number; size?: number };
      const all = [...this.files.values()].filter((file) => file.projectId === filter.projectId);
      return { items: all.slice(page * size, (page + 1) * size).map(metadata), total: all.length };
    });
    api.get('/files/:id', async (request, reply) => {
      const file = this.files.get((request.params as { id: string }).id);
      if (!file) return this.problem(reply, 404, 'File not found');
      return { metadata: metadata(file), content: file.content };
    });
    api.post('/files', async (request, reply) => {
      const body = request.body as { name: string; projectId: string; content: string; fileType: string };
      const accepted = this.options.v1FileType ?? 'connector_template';
      if (body.fileType !== accepted) return this.problem(reply, 400, `fileType must be ${accepted}, not ${body.fileType}`);
      if (!this.project(body.projectId)) return this.problem(reply, 404, 'Project not found');
      if (!this.options.v1RewritesIds && this.idTakenByOtherFile(body.content)) return this.problem(reply, 409, 'template id already in use');
      return metadata(this.createStored(body.name, body.projectId, body.content));
    });
    api.patch('/files/:id', async (request, reply) => this.patch(request, reply, (file) => ({ metadata: metadata(file), content: file.content })));
  }

  private routesV2(api: FastifyInstance): void {
    const flat = (file: StoredFile, withContent: boolean) => ({
      fileKey: file.id,
      name: file.name,
      projectKey: withContent ? file.projectId : null,
      folderKey: file.folderId,
      revision: file.revision,
      type: file.type,
      content: withContent ? file.content : null
    });
    api.get('/projects/:key', async (request, reply) => {
      const project = this.project((request.params as { key: string }).key);
      if (!project) return this.problem(reply, 404, 'Project not found');
      return { projectKey: project.id, name: project.name };
    });
    api.post('/projects/search', async (request) => {
      const { filter } = request.body as { filter: { name?: { $eq: string } } };
      const items = this.projects.filter((project) => !filter.name || project.name === filter.name.$eq).map((project) => ({ projectKey: project.id, name: project.name }));
      return { items, page: { totalItems: items.length, hasMoreTotalItems: false } };
    });
    api.post('/files/search', async (request) => {
      const { filter, page } = request.body as { filter: { projectKey: { $eq: string }; type?: { $eq: string } }; page: { from: number; limit: number } };
      const all = [...this.files.values()].filter((file) => file.projectId === filter.projectKey.$eq && (!filter.type || file.type === filter.type.$eq));
      return { items: all.slice(page.from, page.from + page.limit).map((file) => flat(file, false)), page: { totalItems: all.length, hasMoreTotalItems: false } };
    });
    api.get('/files/:key', async (request, reply) => {
      const file = this.files.get((request.params as { key: string }).key);
      if (!file) return this.problem(reply, 404, 'File not found');
      return flat(file, true);
    });
    api.post('/files', async (request, reply) => {
      const body = request.body as { name: string; projectKey: string; type: string; content: string };
      if (body.type !== 'element-template') return this.problem(reply, 400, `unsupported type ${body.type}`);
      if (!this.project(body.projectKey)) return this.problem(reply, 404, 'Project not found');
      if (this.idTakenByOtherFile(body.content)) return this.problem(reply, 409, 'template id already in use');
      return flat(this.createStored(body.name, body.projectKey, body.content), true);
    });
    api.patch('/files/:key', async (request, reply) => this.patch(request, reply, (file) => flat(file, true)));
  }

  private async patch(request: FastifyRequest, reply: FastifyReply, render: (file: StoredFile) => unknown) {
    const file = this.files.get((request.params as { id?: string; key?: string }).id ?? (request.params as { key: string }).key);
    if (!file) return this.problem(reply, 404, 'File not found');
    const body = request.body as { name: string; content: string; revision: number };
    if (body.revision !== file.revision) return this.problem(reply, 409, `revision ${body.revision} is stale; current is ${file.revision}`);
    const template = JSON.parse(body.content) as Record<string, unknown>;
    const previous = JSON.parse(file.content) as Record<string, unknown>;
    template.$schema = UNPINNED;
    if (this.options.api === 'v1' && this.options.v1RewritesIds) {
      template.id = previous.id;
      template.version = Number(previous.version ?? 0) + 1;
    }
    file.content = JSON.stringify(template, null, 2);
    file.name = body.name;
    file.revision += 1;
    return render(file);
  }
}
