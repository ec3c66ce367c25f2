import { UserError } from '../../core/errors';

/** How to authenticate against an instance. Never logged, never written. */
export type Credentials =
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'oauth'; clientId: string; clientSecret: string; grant: 'client_credentials' }
  | { kind: 'oauth'; clientId: string; clientSecret: string; grant: 'password'; username: string; password: string };

export type AuthPreference = 'auto' | 'basic' | 'oauth';

/** Reads one secret without echoing it (a terminal prompt); absent when there is no terminal. */
export type SecretPrompt = (question: string, options: { hidden: boolean }) => Promise<string>;

export const CREDENTIAL_VARIABLES = ['SERVICENOW_USERNAME', 'SERVICENOW_PASSWORD', 'SERVICENOW_CLIENT_ID', 'SERVICENOW_CLIENT_SECRET'] as const;

/**
 * Picks the credentials from the environment, asking for missing ones on a
 * terminal. OAuth when a client id is set (password grant when a user is set
 * too, client-credentials grant otherwise), Basic otherwise.
 */
export async function resolveCredentials(env: NodeJS.ProcessEnv, preference: AuthPreference, prompt?: SecretPrompt): Promise<Credentials> {
  const value = (name: string) => (env[name] ?? '').length > 0 ? env[name] : undefined;
  const ask = async (variable: string, question: string, hidden: boolean): Promise<string> => {
    const fromEnv = value(variable);
    if (fromEnv !== undefined) return fromEnv;
    if (!prompt) {
      throw new UserError(`${variable} is not set and there is no terminal to ask for it`, [
        'Credentials come from the environment (never from the command line):',
        'Basic: SERVICENOW_USERNAME and SERVICENOW_PASSWORD; OAuth: SERVICENOW_CLIENT_ID and SERVICENOW_CLIENT_SECRET (plus the user variables for the password grant).'
      ]);
    }
    const answer = await prompt(question, { hidden });
    if (!answer) throw new UserError(`no ${question.replace(/:\s*$/, '').toLowerCase()} given`);
    return answer;
  };
  const oauth = preference === 'oauth' || (preference === 'auto' && value('SERVICENOW_CLIENT_ID') !== undefined);
  if (!oauth) {
    const username = await ask('SERVICENOW_USERNAME', 'ServiceNow user name: ', false);
    const password = await ask('SERVICENOW_PASSWORD', 'ServiceNow password: ', true);
    return { kind: 'basic', username, password };
  }
  const clientId = await ask('SERVICENOW_CLIENT_ID', 'OAuth client id: ', false);
  const clientSecret = await ask('SERVICENOW_CLIENT_SECRET', 'OAuth client secret: ', true);
  const username = value('SERVICENOW_USERNAME');
  if (username === undefined) return { kind: 'oauth', clientId, clientSecret, grant: 'client_credentials' };
  const password = await ask('SERVICENOW_PASSWORD', 'ServiceNow password: ', true);
  return { kind: 'oauth', clientId, clientSecret, grant: 'password', username, password };
}

/** Every secret string in the credentials, for scrubbing text before it is shown. */
export function secretsOf(credentials: Credentials): string[] {
  const secrets = credentials.kind === 'basic'
    ? [credentials.password]
    : credentials.grant === 'password' ? [credentials.clientSecret, credentials.password] : [credentials.clientSecret];
  return secrets.filter((secret) => secret.length > 0);
}

/** Describes the credentials without revealing any part of them, not even the user name. */
export function describeCredentials(credentials: Credentials): string {
  if (credentials.kind === 'basic') return 'Basic auth (SERVICENOW_USERNAME/SERVICENOW_PASSWORD)';
  return credentials.grant === 'password'
    ? 'OAuth password grant (SERVICENOW_CLIENT_ID/SECRET + SERVICENOW_USERNAME/PASSWORD)'
    : 'OAuth client-credentials grant (SERVICENOW_CLIENT_ID/SERVICENOW_CLIENT_SECRET)';
}

/** Options that look like credentials are refused before parsing, without echoing their value. */
export function refuseCredentialOptions(args: readonly string[]): void {
  const offending = args.find((arg) => /^--?(password|passwd|pass|secret|client-secret|client_secret|token|username|user|client-id|client_id)(=|$)/i.test(arg));
  if (offending) {
    const option = offending.split('=')[0];
    throw new UserError(`${option} is not accepted: credentials on the command line land in shell history`, [
      'Set SERVICENOW_USERNAME/SERVICENOW_PASSWORD or SERVICENOW_CLIENT_ID/SERVICENOW_CLIENT_SECRET in the environment, or run in a terminal to be asked.'
    ]);
  }
}
