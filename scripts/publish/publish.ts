import { readFile } from 'node:fs/promises';
import { isUserError } from '../../core/errors';
import { ApiError } from './api-client';
import { checkTemplateText, type ElementTemplate } from './template-checks';
import { describeAccessError, type Project, type RemoteFile, type WebModelerApi } from './web-modeler-api';

export type PublishAction = 'created' | 'updated' | 'unchanged' | 'failed';

export interface FileOutcome {
  /** The file as the user named it (relative to the working directory when inside it). */
  file: string;
  templateId?: string;
  templateName?: string;
  action: PublishAction;
  /** The Web Modeler file id (v1) or key (v2) that was created, updated or left alone. */
  remoteId?: string;
  problems?: string[];
}

export interface PublishRequest {
  files: ReadonlyArray<{ path: string; display: string }>;
  project: Project;
  api: WebModelerApi;
  dryRun: boolean;
}

interface LocalTemplate {
  display: string;
  text: string;
  template: ElementTemplate;
}

/**
 * Publishes each file on its own: a failure is recorded and the next file
 * goes on. Idempotent: a template whose `id` (or, on v1 which rewrites ids,
 * whose name) already exists in the project is updated in place, and one
 * whose content is unchanged is not written at all.
 */
export async function publishTemplates(request: PublishRequest): Promise<FileOutcome[]> {
  const { local, outcomes } = await checkLocally(request.files);
  const inOrder = () => request.files.map(({ display }) => outcomes.get(display)).filter((outcome): outcome is FileOutcome => outcome !== undefined);
  if (local.length === 0) return inOrder();
  const remote = await RemoteIndex.load(request.api, request.project).catch((error: unknown) => {
    if (!isUserError(error)) throw error;
    // Without the project's files no upload can tell create from update: each file fails with the reason.
    const problem = explainFailure(describeAccessError(error, 'reading the project\'s templates') as Error);
    for (const item of local) outcomes.set(item.display, { ...outcomes.get(item.display)!, problems: [`cannot read the project's templates: ${problem}`] });
    return undefined;
  });
  if (!remote) return inOrder();
  for (const item of local) {
    outcomes.set(item.display, await publishOne(item, remote, request));
  }
  return inOrder();
}

async function checkLocally(files: PublishRequest['files']): Promise<{ local: LocalTemplate[]; outcomes: Map<string, FileOutcome> }> {
  const outcomes = new Map<string, FileOutcome>();
  const local: LocalTemplate[] = [];
  const firstFileById = new Map<string, string>();
  for (const { path, display } of files) {
    const text = await readFile(path, 'utf8').catch((error: Error) => error);
    if (text instanceof Error) {
      outcomes.set(display, { file: display, action: 'failed', problems: [`cannot read the file: ${text.message}`] });
      continue;
    }
    const result = checkTemplateText(text);
    if (!result.ok) {
      outcomes.set(display, { file: display, action: 'failed', problems: result.problems });
      continue;
    }
    const { template } = result;
    const earlier = firstFileById.get(template.id);
    if (earlier) {
      outcomes.set(display, {
        file: display,
        templateId: template.id,
        action: 'failed',
        problems: [`has the same template id "${template.id}" as ${earlier}; Web Modeler keeps one file per id: publish one of them`]
      });
      continue;
    }
    firstFileById.set(template.id, display);
    outcomes.set(display, { file: display, templateId: template.id, templateName: template.name, action: 'failed' });
    local.push({ display, text, template });
  }
  return { local, outcomes };
}

async function publishOne(item: LocalTemplate, remote: RemoteIndex, request: PublishRequest): Promise<FileOutcome> {
  const { template } = item;
  const base = { file: item.display, templateId: template.id, templateName: template.name };
  try {
    const existing = remote.find(template);
    if (!existing) {
      if (request.dryRun) return { ...base, action: 'created' };
      return { ...base, action: 'created', remoteId: await create(item, remote, request) };
    }
    if (sameTemplate(existing.content, item.text, request.api.serverManagedFields)) {
      return { ...base, action: 'unchanged', remoteId: existing.id };
    }
    const newer = newerRemoteVersion(existing.content, template, request.api);
    if (newer !== undefined) {
      return {
        ...base,
        action: 'failed',
        remoteId: existing.id,
        problems: [`Web Modeler holds version ${newer} of this template, newer than version ${template.version ?? 'none'} in the file; regenerate or raise "version" instead of overwriting it with an older one`]
      };
    }
    if (!request.dryRun) await update(existing, item, request.api);
    return { ...base, action: 'updated', remoteId: existing.id };
  } catch (error) {
    if (isUserError(error)) {
      const described = describeAccessError(error, `publishing ${item.display}`) as Error;
      return { ...base, action: 'failed', problems: [explainFailure(described)] };
    }
    throw error;
  }
}

async function create(item: LocalTemplate, remote: RemoteIndex, request: PublishRequest): Promise<string> {
  // A 5xx after the server stored the file must not lead to a duplicate: look before retrying.
  const createdMeanwhile = async () => (await remote.reload()).find(item.template);
  try {
    const created = await request.api.createFile(request.project, item.template.name, item.text, async () => !(await createdMeanwhile()));
    return created.id;
  } catch (error) {
    const found = error instanceof ApiError && error.status >= 500 ? await createdMeanwhile() : undefined;
    if (found) return found.id;
    throw error;
  }
}

/** A 409 means someone changed the file since we read it: re-read once and try again with the new revision. */
async function update(existing: RemoteFile, item: LocalTemplate, api: WebModelerApi): Promise<void> {
  try {
    await api.updateFile(existing, item.template.name, item.text);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 409)) throw error;
    const fresh = await api.getFile(existing.id);
    if (sameTemplate(fresh.content, item.text, api.serverManagedFields)) return;
    await api.updateFile(fresh, item.template.name, item.text);
  }
}

/** The remote template's version when it is newer than ours (only where the server does not manage versions itself). */
function newerRemoteVersion(remoteText: string, template: ElementTemplate, api: WebModelerApi): number | undefined {
  if (api.serverManagedFields.includes('version')) return undefined;
  try {
    const remote = (JSON.parse(remoteText) as { version?: unknown }).version;
    return typeof remote === 'number' && remote > (template.version ?? 0) ? remote : undefined;
  } catch {
    return undefined;
  }
}

function explainFailure(error: Error): string {
  if (error instanceof ApiError && error.status === 409) {
    return `Web Modeler refused the change (HTTP 409${error.detail ? `: ${error.detail}` : ''}); the id may be taken by a published template in another file, or the file keeps changing: check it in Web Modeler, then run again`;
  }
  if (error instanceof ApiError && error.status === 400) {
    return `Web Modeler rejected the template (HTTP 400${error.detail ? `: ${error.detail}` : ''})`;
  }
  return error.message;
}

/** Compares two template texts as JSON, ignoring key order and the fields the server manages. */
export function sameTemplate(remoteText: string, localText: string, ignoredFields: readonly string[]): boolean {
  try {
    return canonical(JSON.parse(remoteText), ignoredFields) === canonical(JSON.parse(localText), ignoredFields);
  } catch {
    return false;
  }
}

function canonical(value: unknown, ignoredTopLevel: readonly string[] = []): string {
  if (Array.isArray(value)) return `[${value.map((entry) => canonical(entry)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !ignoredTopLevel.includes(key))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonical(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The project's template files, read once, looked up by template id and by file name. */
class RemoteIndex {
  private byId = new Map<string, RemoteFile>();
  private byName = new Map<string, RemoteFile>();

  private constructor(
    private readonly api: WebModelerApi,
    private readonly project: Project
  ) {}

  static async load(api: WebModelerApi, project: Project): Promise<RemoteIndex> {
    return new RemoteIndex(api, project).reload();
  }

  async reload(): Promise<RemoteIndex> {
    const byId = new Map<string, RemoteFile>();
    const byName = new Map<string, RemoteFile>();
    for (const summary of await this.api.listTemplateFiles(this.project)) {
      const file = await this.api.getFile(summary.id);
      const id = templateIdOf(file.content);
      if (id !== undefined && !byId.has(id)) byId.set(id, file);
      if (!byName.has(file.name)) byName.set(file.name, file);
    }
    this.byId = byId;
    this.byName = byName;
    return this;
  }

  /** By id first; by name only for servers that replaced the id with their file id (v1). */
  find(template: ElementTemplate): RemoteFile | undefined {
    const byId = this.byId.get(template.id);
    if (byId) return byId;
    const byName = this.byName.get(template.name);
    if (byName && this.api.serverManagedFields.includes('id') && templateIdOf(byName.content) === byName.id) return byName;
    return undefined;
  }
}

function templateIdOf(content: string): string | undefined {
  try {
    const id = (JSON.parse(content) as { id?: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
