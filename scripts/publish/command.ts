import { relative, isAbsolute } from 'node:path';
import { parseOptions } from '../cli/parse-options';
import { UserError } from '../../core/errors';
import { UNPINNED_SCHEMA_URL } from '../../core/template/check/schema-and-icon';
import type { CliIo, Command } from '../cli/command';
import { HttpClient } from '../http/client';
import type { RetryPolicy } from '../http/retry';
import { ApiClient } from './api-client';
import { connectionFromEnvironment } from './connection';
import { TokenSource } from './oauth-token';
import { publishTemplates, type FileOutcome, type PublishAction } from './publish';
import { collectTemplateFiles } from '../io/template-files';
import { detectApi } from './web-modeler-api';

const HELP = `Usage: camunda-servicenow publish --web-modeler --project <id or name> [--dry-run] [--json] [--base-url <url>] <files or folders>

Uploads element templates to a Web Modeler project, one template per file.
A template whose id already exists in the project is updated, an identical
one is left alone; each file is reported as created, updated, unchanged or
failed, and the exit code is 0 only when no file failed. A folder stands for
the .json files directly in it (templates/ publishes the current templates,
not templates/versioned/).

Checked before upload, per file: one template (not a list), the unpinned
$schema ${UNPINNED_SCHEMA_URL},
an icon of at most 8 KB, and the official element template schema.

Options:
  --web-modeler        publish to Web Modeler (the only target for now)
  --project <id|name>  the Web Modeler project (Camunda Hub: project key) or its exact name
  --dry-run            read the project (credentials needed) and report what would happen; write nothing
  --json               print the result as JSON
  --base-url <url>     the API root; overrides CAMUNDA_MODELER_BASE_URL

Environment (the names of @camunda8/sdk and the Web Modeler API docs):
  CAMUNDA_CONSOLE_CLIENT_ID, CAMUNDA_CONSOLE_CLIENT_SECRET   API client credentials
                         (ZEEBE_CLIENT_ID / ZEEBE_CLIENT_SECRET are used when these are unset)
  CAMUNDA_OAUTH_URL      token endpoint (default https://login.cloud.camunda.io/oauth/token)
  CAMUNDA_CONSOLE_OAUTH_AUDIENCE or CAMUNDA_MODELER_OAUTH_AUDIENCE
                         token audience (default api.cloud.camunda.io on SaaS, none on Self-Managed)
  CAMUNDA_TOKEN_SCOPE    optional OAuth scope
  CAMUNDA_MODELER_BASE_URL  API root (default https://modeler.camunda.io/api; Camunda Hub:
                         https://hub.cloud.camunda.io/api; Self-Managed: http://localhost:8070/api)

The server is asked which API it offers: the Camunda Hub API v2 (/v2, Camunda 8.10+)
when present, otherwise the Web Modeler API v1 (/v1, deprecated in 8.10, removed in 8.12).
`;

/** Seams for tests: no real waiting, no jitter, an injected fetch. */
export interface PublishDependencies {
  retry?: Partial<RetryPolicy>;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
}

export function createPublishCommand(dependencies: PublishDependencies = {}): Command {
  return {
    name: 'publish',
    summary: 'Upload element templates to a Web Modeler project (idempotent create/update)',
    help: HELP,
    run: (args, io) => run(args, io, dependencies)
  };
}

export const command: Command = createPublishCommand();

async function run(args: string[], io: CliIo, dependencies: PublishDependencies): Promise<number> {
  const { values, positionals } = parseOptions({
    args,
    allowPositionals: true,
    options: {
      'web-modeler': { type: 'boolean', default: false },
      project: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'base-url': { type: 'string' }
    }
  });
  if (!values['web-modeler']) throw new UserError('choose where to publish: --web-modeler');
  if (!values.project) throw new UserError('name the Web Modeler project: --project <id or name>');
  if (positionals.length === 0) throw new UserError('name the template files or folders to publish, for example: templates/');
  const paths = await collectTemplateFiles(positionals, io.cwd, { depth: 'top', refuseEmptyFolder: true });
  const connection = connectionFromEnvironment(io.env, values['base-url']);
  const http = new HttpClient(dependencies);
  const tokens = new TokenSource(connection.oauth, { http, ...(dependencies.now ? { now: dependencies.now } : {}) });
  const client = new ApiClient(connection.baseUrl, tokens, http);
  const api = await detectApi(client);
  const project = await api.resolveProject(values.project);
  const dryRun = values['dry-run'];
  const outcomes = await publishTemplates({
    files: paths.map(({ path }) => ({ path, display: displayPath(path, io.cwd) })),
    project,
    api,
    dryRun
  });
  const summary = countActions(outcomes);
  if (values.json) {
    io.stdout.write(`${JSON.stringify({ api: api.version, baseUrl: connection.baseUrl, project, dryRun, files: outcomes, summary, requests: client.calls.length }, null, 2)}\n`);
  } else {
    io.stdout.write(formatReport(outcomes, summary, { api: api.version, baseUrl: connection.baseUrl, project: project.name, dryRun, requests: client.calls.length }));
  }
  return summary.failed === 0 ? 0 : 1;
}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function countActions(outcomes: FileOutcome[]): Record<PublishAction, number> {
  const counts: Record<PublishAction, number> = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  for (const outcome of outcomes) counts[outcome.action] += 1;
  return counts;
}

function formatReport(
  outcomes: FileOutcome[],
  summary: Record<PublishAction, number>,
  context: { api: string; baseUrl: string; project: string; dryRun: boolean; requests: number }
): string {
  const verb = (action: PublishAction) => (context.dryRun && (action === 'created' || action === 'updated') ? `would ${action === 'created' ? 'create' : 'update'}` : action);
  const lines = [
    `${context.dryRun ? 'Dry run (nothing written): ' : ''}Web Modeler API ${context.api} at ${context.baseUrl}, project "${context.project}"`
  ];
  for (const outcome of outcomes) {
    const id = outcome.templateId ? `  ${outcome.templateId}` : '';
    lines.push(`${verb(outcome.action).padEnd(13)}${outcome.file}${id}`);
    for (const problem of outcome.problems ?? []) lines.push(`    ${problem}`);
  }
  const total = outcomes.length;
  lines.push(
    `${total} file${total === 1 ? '' : 's'}: ${summary.created} ${verb('created')}, ${summary.updated} ${verb('updated')}, ${summary.unchanged} unchanged, ${summary.failed} failed; ${context.requests} Web Modeler API requests`,
    ''
  );
  return lines.join('\n');
}
