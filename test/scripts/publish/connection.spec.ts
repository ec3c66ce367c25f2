import { describe, expect, it } from 'vitest';
import { connectionFromEnvironment } from '../../../scripts/publish/connection';

const credentials = { CAMUNDA_CONSOLE_CLIENT_ID: 'id', CAMUNDA_CONSOLE_CLIENT_SECRET: 'secret' };

describe('scripts/publish - connection', () => {
  it('defaults to Camunda SaaS with the api.cloud.camunda.io audience, as the Web Modeler API docs do', () => {
    // when
    const connection = connectionFromEnvironment(credentials);

    // then
    expect(connection).toEqual({
      baseUrl: 'https://modeler.camunda.io/api',
      oauth: { tokenUrl: 'https://login.cloud.camunda.io/oauth/token', clientId: 'id', clientSecret: 'secret', audience: 'api.cloud.camunda.io' }
    });
  });

  it('sends no audience to a Self-Managed identity unless one is set, like @camunda8/sdk', () => {
    // given
    const env = { ...credentials, CAMUNDA_OAUTH_URL: 'http://localhost:18080/auth/realms/camunda-platform/protocol/openid-connect/token' };

    // when / then
    expect(connectionFromEnvironment(env).oauth.audience).toBeUndefined();
    expect(connectionFromEnvironment({ ...env, CAMUNDA_CONSOLE_OAUTH_AUDIENCE: 'web-modeler-api' }).oauth.audience).toBe('web-modeler-api');
    expect(connectionFromEnvironment({ ...env, CAMUNDA_MODELER_OAUTH_AUDIENCE: 'modeler', CAMUNDA_CONSOLE_OAUTH_AUDIENCE: 'console' }).oauth.audience).toBe('modeler');
  });

  it('falls back to the cluster client (ZEEBE_CLIENT_ID/SECRET) when no console client is set', () => {
    // when
    const { oauth } = connectionFromEnvironment({ ZEEBE_CLIENT_ID: 'zeebe-id', ZEEBE_CLIENT_SECRET: 'zeebe-secret' });

    // then
    expect([oauth.clientId, oauth.clientSecret]).toEqual(['zeebe-id', 'zeebe-secret']);
  });

  it.each([
    ['http://localhost:8070/api/v1', 'http://localhost:8070/api'],
    ['https://hub.cloud.camunda.io/api/v2/', 'https://hub.cloud.camunda.io/api'],
    ['https://modeler.camunda.io/api', 'https://modeler.camunda.io/api']
  ])('takes the API root %s as %s, the version being probed', (given, expected) => {
    // when / then
    expect(connectionFromEnvironment({ ...credentials, CAMUNDA_MODELER_BASE_URL: given }).baseUrl).toBe(expected);
  });

  it('names the variables to set when credentials are missing, and rejects a malformed base URL', () => {
    // when / then
    expect(() => connectionFromEnvironment({ CAMUNDA_CONSOLE_CLIENT_ID: 'id' })).toThrow('set CAMUNDA_CONSOLE_CLIENT_SECRET');
    expect(() => connectionFromEnvironment(credentials, 'modeler.example')).toThrow(/base URL "modeler.example" is not a URL/);
  });

  it.each([
    [{ CAMUNDA_MODELER_BASE_URL: 'https://admin:Url-Pa55@modeler.example.com/api' }, /base URL must not contain a user name or password; set CAMUNDA_MODELER_BASE_URL/],
    [{ CAMUNDA_MODELER_BASE_URL: 'https://admin:Url-Pa55@modeler example.com/api' }, /base URL must not contain a user name or password/],
    [{ CAMUNDA_OAUTH_URL: 'https://admin:Url-Pa55@login.example.com/token' }, /token URL must not contain a user name or password; set CAMUNDA_OAUTH_URL/],
    [{ CAMUNDA_OAUTH_URL: 'https://login example.com/token?key=Url-Pa55' }, /token URL "https:\/\/login example.com\/token" is not a URL/]
  ])('refuses %j without quoting its secret', (env, message) => {
    // when
    let thrown: unknown;
    try {
      connectionFromEnvironment({ ...credentials, ...env });
    } catch (error) {
      thrown = error;
    }

    // then
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain('Url-Pa55');
  });
});
