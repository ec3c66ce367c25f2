import { UserError } from '../../core/errors';
import { ApiError, NetworkError, type ApiClient } from './api-client';

export interface Project {
  id: string;
  name: string;
}

export interface RemoteFileSummary {
  id: string;
  name: string;
}

export interface RemoteFile extends RemoteFileSummary {
  revision: number;
  content: string;
  projectId: string;
  folderId: string | null;
}

/**
 * What publishing needs from Web Modeler, over either API generation:
 * v1 (`/api/v1`, Web Modeler ≤ 8.11, "connector_template" files) or
 * v2 (`/api/v2`, Camunda Hub API from 8.10, "element-template" files).
 */
export interface WebModelerApi {
  readonly version: 'v1' | 'v2';
  /**
   * Template fields the server owns and rewrites, so they are left out when
   * deciding whether a file is unchanged. v1 replaces `$schema`, and (per its
   * API description) the `id` with the file id and `version` with its own count.
   */
  readonly serverManagedFields: readonly string[];
  resolveProject(idOrName: string): Promise<Project>;
  listTemplateFiles(project: Project): Promise<RemoteFileSummary[]>;
  getFile(id: string): Promise<RemoteFile>;
  createFile(project: Project, name: string, content: string, shouldRetry?: () => Promise<boolean>): Promise<RemoteFileSummary>;
  updateFile(file: RemoteFile, name: string, content: string): Promise<void>;
}

const PAGE_SIZE = 50; // v1's maximum page size

/** Asks the server which API it offers: the Hub API v2 if present, else Web Modeler API v1. */
export async function detectApi(client: ApiClient): Promise<WebModelerApi> {
  for (const api of [new HubApiV2(client), new WebModelerApiV1(client)]) {
    try {
      await client.request('GET', `/${api.version}/info`);
      return api;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 405)) continue;
      if (error instanceof NetworkError) {
        throw new UserError(`cannot reach Web Modeler: ${error.message}; check CAMUNDA_MODELER_BASE_URL (or --base-url) and the network`);
      }
      const described = describeAccessError(error, 'reading /info');
      if (described instanceof ApiError) throw new UserError(`the server at the Web Modeler base URL did not answer as the API: ${described.message}`);
      throw described;
    }
  }
  throw new UserError('the server offers neither the Camunda Hub API v2 nor the Web Modeler API v1 (GET /v2/info and /v1/info answered 404)', [
    'Set CAMUNDA_MODELER_BASE_URL (or --base-url) to the API root, e.g. https://modeler.camunda.io/api (SaaS), https://hub.cloud.camunda.io/api (Camunda Hub) or http://localhost:8070/api (Self-Managed).'
  ]);
}

/** Turns 401/403 into an actionable message; other errors pass through. */
export function describeAccessError(error: unknown, doing: string): unknown {
  if (!(error instanceof ApiError)) return error;
  if (error.status === 401) {
    return new UserError(`Web Modeler rejected the credentials while ${doing} (HTTP 401); check the client id/secret and CAMUNDA_CONSOLE_OAUTH_AUDIENCE`);
  }
  if (error.status === 403) {
    return new UserError(`the API client may not do this while ${doing} (HTTP 403); grant it the Web Modeler API (Camunda Hub API) permissions create/read/update`);
  }
  return error;
}

abstract class BaseApi {
  constructor(protected readonly client: ApiClient) {}

  async resolveProject(idOrName: string): Promise<Project> {
    const byId = await this.getProject(idOrName).catch((error: unknown) => {
      if (error instanceof ApiError && [400, 404].includes(error.status)) return undefined;
      throw describeAccessError(error, `reading project "${idOrName}"`);
    });
    if (byId) return byId;
    const matches = (await this.searchProjectsByName(idOrName)).filter((project) => project.name === idOrName);
    if (matches.length === 1 && matches[0]) return matches[0];
    if (matches.length > 1) {
      throw new UserError(`${matches.length} projects are named "${idOrName}"; pass the id instead: --project <id>`, matches.map((p) => `${p.id}  ${p.name}`));
    }
    throw new UserError(`no project with id or name "${idOrName}" is visible to this API client; check the name, or grant the client access to the project`);
  }

  protected abstract getProject(id: string): Promise<Project>;
  protected abstract searchProjectsByName(name: string): Promise<Project[]>;
}

interface V1Metadata {
  id: string;
  name: string;
  projectId: string;
  folderId?: string | null;
  revision: number;
  type: string;
}

export class WebModelerApiV1 extends BaseApi implements WebModelerApi {
  readonly version = 'v1' as const;
  readonly serverManagedFields = ['$schema', 'id', 'version'];

  protected async getProject(id: string): Promise<Project> {
    const body = await this.client.request<{ metadata: { id: string; name: string } }>('GET', `/v1/projects/${encodeURIComponent(id)}`);
    return { id: body.metadata.id, name: body.metadata.name };
  }

  protected async searchProjectsByName(name: string): Promise<Project[]> {
    const body = await this.client.request<{ items: Array<{ id: string; name: string }> }>('POST', '/v1/projects/search', {
      body: { filter: { name }, page: 0, size: PAGE_SIZE }
    });
    return body.items.map(({ id, name: projectName }) => ({ id, name: projectName }));
  }

  async listTemplateFiles(project: Project): Promise<RemoteFileSummary[]> {
    const found: RemoteFileSummary[] = [];
    for (let page = 0; ; page += 1) {
      const body = await this.client.request<{ items: V1Metadata[]; total: number }>('POST', '/v1/files/search', {
        body: { filter: { projectId: project.id }, page, size: PAGE_SIZE }
      });
      for (const item of body.items) if (isTemplateType(item.type)) found.push({ id: item.id, name: item.name });
      if (body.items.length < PAGE_SIZE || (page + 1) * PAGE_SIZE >= body.total) return found;
    }
  }

  async getFile(id: string): Promise<RemoteFile> {
    const body = await this.client.request<{ metadata: V1Metadata; content: string }>('GET', `/v1/files/${encodeURIComponent(id)}`);
    const { metadata } = body;
    return { id: metadata.id, name: metadata.name, revision: metadata.revision, content: body.content, projectId: metadata.projectId, folderId: metadata.folderId ?? null };
  }

  /** The file type v1 servers took last time; `connector_template` is the documented one (@camunda8/sdk 8.8). */
  private fileType: 'connector_template' | 'element_template' = 'connector_template';

  async createFile(project: Project, name: string, content: string, shouldRetry?: () => Promise<boolean>): Promise<RemoteFileSummary> {
    const post = () =>
      this.client.request<V1Metadata | { metadata: V1Metadata }>('POST', '/v1/files', {
        body: { name, projectId: project.id, content, fileType: this.fileType },
        ...(shouldRetry ? { shouldRetry } : {})
      });
    let body: V1Metadata | { metadata: V1Metadata };
    try {
      body = await post();
    } catch (error) {
      // Web Modeler renamed connector templates to element templates (8.8); a server that
      // refuses the old type name gets the new one.
      if (!(error instanceof ApiError && error.status === 400 && /file ?type/i.test(error.detail) && this.fileType === 'connector_template')) throw error;
      this.fileType = 'element_template';
      body = await post();
    }
    const metadata = 'metadata' in body ? body.metadata : body;
    return { id: metadata.id, name: metadata.name };
  }

  async updateFile(file: RemoteFile, name: string, content: string): Promise<void> {
    await this.client.request('PATCH', `/v1/files/${encodeURIComponent(file.id)}`, {
      body: { name, content, revision: file.revision, projectId: file.projectId, folderId: file.folderId }
    });
  }
}

interface V2File {
  fileKey: string;
  name: string;
  projectKey: string | null;
  folderKey: string | null;
  revision: number;
  type: string;
  content: string | null;
}

export class HubApiV2 extends BaseApi implements WebModelerApi {
  readonly version = 'v2' as const;
  readonly serverManagedFields = ['$schema'];

  protected async getProject(key: string): Promise<Project> {
    const body = await this.client.request<{ project?: V2Project } & V2Project>('GET', `/v2/projects/${encodeURIComponent(key)}`);
    const project = body.project ?? body;
    return { id: project.projectKey, name: project.name };
  }

  protected async searchProjectsByName(name: string): Promise<Project[]> {
    const body = await this.client.request<{ items: V2Project[] }>('POST', '/v2/projects/search', {
      body: { filter: { name: { $eq: name } }, page: { from: 0, limit: 100 } }
    });
    return body.items.map((project) => ({ id: project.projectKey, name: project.name }));
  }

  async listTemplateFiles(project: Project): Promise<RemoteFileSummary[]> {
    const found: RemoteFileSummary[] = [];
    const limit = 100;
    for (let from = 0; ; from += limit) {
      const body = await this.client.request<{ items: V2File[]; page?: { totalItems?: number } }>('POST', '/v2/files/search', {
        body: { filter: { projectKey: { $eq: project.id }, type: { $eq: 'element-template' } }, page: { from, limit } }
      });
      for (const item of body.items) if (isTemplateType(item.type)) found.push({ id: item.fileKey, name: item.name });
      if (body.items.length < limit || from + limit >= (body.page?.totalItems ?? 0)) return found;
    }
  }

  async getFile(key: string): Promise<RemoteFile> {
    const file = await this.client.request<V2File>('GET', `/v2/files/${encodeURIComponent(key)}`);
    return { id: file.fileKey, name: file.name, revision: file.revision, content: file.content ?? '', projectId: file.projectKey ?? '', folderId: file.folderKey };
  }

  async createFile(project: Project, name: string, content: string, shouldRetry?: () => Promise<boolean>): Promise<RemoteFileSummary> {
    const file = await this.client.request<V2File>('POST', '/v2/files', {
      body: { name, projectKey: project.id, type: 'element-template', content },
      ...(shouldRetry ? { shouldRetry } : {})
    });
    return { id: file.fileKey, name: file.name };
  }

  async updateFile(file: RemoteFile, name: string, content: string): Promise<void> {
    await this.client.request('PATCH', `/v2/files/${encodeURIComponent(file.id)}`, {
      body: { name, projectKey: file.projectId, folderKey: file.folderId, revision: file.revision, content }
    });
  }
}

interface V2Project {
  projectKey: string;
  name: string;
}

/** v1 reports CONNECTOR_TEMPLATE (or ELEMENT_TEMPLATE on newer servers), v2 element-template. */
function isTemplateType(type: string): boolean {
  return /^(connector|element)[-_]template$/i.test(type);
}
