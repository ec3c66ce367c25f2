import { describe, expect, it } from 'vitest';
import { refuseCredentialOptions, resolveCredentials } from '../../../scripts/servicenow-http/credentials';

describe('scripts/servicenow-http - credentials', () => {
  it.each([
    [{ SERVICENOW_USERNAME: 'u', SERVICENOW_PASSWORD: 'p' }, 'auto', { kind: 'basic', username: 'u', password: 'p' }],
    [{ SERVICENOW_CLIENT_ID: 'c', SERVICENOW_CLIENT_SECRET: 's' }, 'auto', { kind: 'oauth', clientId: 'c', clientSecret: 's', grant: 'client_credentials' }],
    [{ SERVICENOW_CLIENT_ID: 'c', SERVICENOW_CLIENT_SECRET: 's', SERVICENOW_USERNAME: 'u', SERVICENOW_PASSWORD: 'p' }, 'auto', { kind: 'oauth', clientId: 'c', clientSecret: 's', grant: 'password', username: 'u', password: 'p' }],
    [{ SERVICENOW_CLIENT_ID: 'c', SERVICENOW_CLIENT_SECRET: 's', SERVICENOW_USERNAME: 'u', SERVICENOW_PASSWORD: 'p' }, 'basic', { kind: 'basic', username: 'u', password: 'p' }]
  ] as const)('picks the credentials from %j with --auth %s', async (env, preference, expected) => {
    expect(await resolveCredentials(env, preference)).toEqual(expected);
  });

  it('asks on a terminal for what the environment lacks, hiding secrets', async () => {
    // given
    const asked: [string, boolean][] = [];
    const prompt = async (question: string, { hidden }: { hidden: boolean }) => {
      asked.push([question, hidden]);
      return hidden ? 'typed-secret' : 'typed-user';
    };

    // when
    const credentials = await resolveCredentials({}, 'auto', prompt);

    // then
    expect(credentials).toEqual({ kind: 'basic', username: 'typed-user', password: 'typed-secret' });
    expect(asked.map(([, hidden]) => hidden)).toEqual([false, true]);
  });

  it('says which variable to set when there is no terminal', async () => {
    await expect(resolveCredentials({ SERVICENOW_USERNAME: 'u' }, 'auto')).rejects.toThrow('SERVICENOW_PASSWORD is not set and there is no terminal to ask for it');
  });

  it.each([['--password=hunter2'], ['--client-secret'], ['--token=abc'], ['--user']])('refuses the credential option %s without echoing its value', (option) => {
    expect(() => refuseCredentialOptions(['--instance', 'x', option])).toThrow(/not accepted: credentials on the command line land in shell history/);
    expect(() => refuseCredentialOptions([option])).toThrow(expect.objectContaining({ message: expect.not.stringContaining('hunter2') }));
  });
});
