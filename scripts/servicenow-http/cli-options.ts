import { UserError } from '../../core/errors';
import { exponentialDelays } from '../http/retry';
import type { CliIo } from '../cli/command';
import { ServiceNowClient, type ClientOptions } from './client';
import { resolveCredentials, type Credentials } from './credentials';
import { parseInstanceUrl } from './instance-url';
import { terminalPrompt } from './prompt';

/** Help lines for the connection options shared by fetch-metadata and test-connection. */
export const connectionHelp = `  --instance <url>     https://<name>.service-now.com (or just <name>)
  --auth <kind>        auto (default: OAuth when SERVICENOW_CLIENT_ID is set), basic or oauth
  --timeout <seconds>  per request (default 30)
  --retries <n>        retries of transient failures: 429, 5xx, resets, timeouts (default 4)`;

/** parseArgs definitions of the shared connection options. */
export const connectionOptions = {
  instance: { type: 'string' },
  auth: { type: 'string', default: 'auto' },
  timeout: { type: 'string', default: '30' },
  retries: { type: 'string', default: '4' }
} as const;

/** What tests replace: the wait between retries (so that no test really waits). */
export interface ConnectionDependencies {
  sleep?: (ms: number) => Promise<void>;
}

export interface Connection {
  baseUrl: string;
  credentials: Credentials;
  client: ServiceNowClient;
  timeoutMs: number;
}

/**
 * Reads the shared options, takes the credentials from the environment (or
 * a terminal prompt) and builds the client, so both commands behave alike.
 */
export async function connect(
  values: { instance?: string; auth?: string; timeout?: string; retries?: string },
  io: CliIo,
  dependencies: ConnectionDependencies,
  onRetry?: ClientOptions['onRetry']
): Promise<Connection> {
  const baseUrl = parseInstanceUrl(values.instance);
  const auth = values.auth ?? 'auto';
  if (auth !== 'auto' && auth !== 'basic' && auth !== 'oauth') throw new UserError(`--auth must be auto, basic or oauth, not "${auth}"`);
  const timeout = Number(values.timeout ?? 30);
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 600) throw new UserError(`--timeout "${values.timeout}" must be a number of seconds above 0 and at most 600`);
  const retries = Number(values.retries ?? 4);
  if (!Number.isInteger(retries) || retries < 0 || retries > 10) throw new UserError('--retries must be a whole number from 0 to 10');
  const credentials = await resolveCredentials(io.env, auth, terminalPrompt(io));
  const timeoutMs = Math.round(timeout * 1000);
  const client = new ServiceNowClient({
    baseUrl,
    credentials,
    timeoutMs,
    retry: { delaysMs: exponentialDelays(500, 8_000, retries), ...(dependencies.sleep ? { sleep: dependencies.sleep } : {}) },
    ...(onRetry ? { onRetry } : {})
  });
  return { baseUrl, credentials, client, timeoutMs };
}
