import { UserError } from '../../core/errors';

/** Help lines for the connection options shared by fetch-metadata and test-connection. */
export const connectionOptions = `  --auth <kind>        auto (default: OAuth when SERVICENOW_CLIENT_ID is set), basic or oauth
  --timeout <seconds>  per request (default 30)
  --retries <n>        retries of transient failures: 429, 5xx, resets, timeouts (default 4)`;

export interface ConnectionOptions {
  auth: 'auto' | 'basic' | 'oauth';
  timeoutMs: number;
  retries: number;
}

/** The parseArgs option definitions and their reading, shared so both commands behave alike. */
export const parseConnectionOptions = {
  options: {
    auth: { type: 'string', default: 'auto' },
    timeout: { type: 'string', default: '30' },
    retries: { type: 'string', default: '4' }
  } as const,
  read(values: { auth?: string | boolean; timeout?: string | boolean; retries?: string | boolean }): ConnectionOptions {
    const auth = String(values.auth ?? 'auto');
    if (auth !== 'auto' && auth !== 'basic' && auth !== 'oauth') throw new UserError(`--auth must be auto, basic or oauth, not "${auth}"`);
    const timeout = Number(values.timeout ?? 30);
    if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 600) throw new UserError('--timeout must be a number of seconds from 0 to 600');
    const retries = Number(values.retries ?? 4);
    if (!Number.isInteger(retries) || retries < 0 || retries > 10) throw new UserError('--retries must be a whole number from 0 to 10');
    return { auth, timeoutMs: Math.round(timeout * 1000), retries };
  }
};
