import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { RunningEmulator } from '../../../scripts/emulator/server';
import { createTestConnectionCommand } from '../../../scripts/test-connection/command';
import { runCli } from '../../helpers/cli';
import { basicEnv, oauthEnv, startSyntheticEmulator } from '../emulator/fixture';
import { runCommand } from '../fetch-metadata/run-command';

const command = createTestConnectionCommand({ sleep: async () => undefined });

describe('scripts/test-connection - command', () => {
  let emulator: RunningEmulator;

  beforeEach(async () => {
    emulator = await startSyntheticEmulator({ tables: ['u_asset_request'] });
  });
  afterEach(async () => {
    await emulator.close();
  });

  it('passes every step against a healthy instance and exits 0', async () => {
    // when
    const result = await runCli(['test-connection', '--instance', emulator.url, '--tables', 'u_asset_request'], { env: basicEnv });

    // then
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter((line) => line.startsWith('ok  ')).map((line) => line.split(':')[0])).toEqual([
      'ok   reachable (DNS, connection, TLS)',
      'ok   credentials',
      'ok   read sys_db_object',
      'ok   read sys_dictionary',
      'ok   read sys_dictionary_override',
      'ok   read sys_choice',
      'ok   read u_asset_request'
    ]);
    expect(result.stdout).toContain('All checks passed');
  });

  it('reports the results as JSON, with OAuth', async () => {
    // when
    const result = await runCommand(command, ['--instance', emulator.url, '--json'], { env: oauthEnv });

    // then
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { ok: boolean; auth: string; checks: { step: string; ok: boolean }[] };
    expect(report).toMatchObject({ ok: true, auth: expect.stringContaining('OAuth client-credentials') });
    expect(report.checks).toHaveLength(6);
    expect(emulator.requests.some((request) => request.path === '/oauth_token.do')).toBe(true);
  });

  it('stops at the credentials step when they are refused', async () => {
    // when
    const result = await runCommand(command, ['--instance', emulator.url], { env: { ...basicEnv, SERVICENOW_PASSWORD: 'wrong-password' } });

    // then
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FAIL credentials: the instance refused the credentials (HTTP 401)');
    expect(result.stdout).toContain('Stopped: credentials failed.');
    expect(result.stdout).not.toContain('read sys_dictionary');
    expect(result.stdout + result.stderr).not.toContain('wrong-password');
  });

  it('stops at the credentials step when /oauth_token.do refuses the client', async () => {
    // when
    const result = await runCommand(command, ['--instance', emulator.url], { env: { ...oauthEnv, SERVICENOW_CLIENT_SECRET: 'not-the-secret' } });

    // then
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL credentials: \/oauth_token\.do refused the OAuth credentials \(HTTP 401\)\n\s+ServiceNow said: server_error: access_denied\n[\s\S]*Application Registry/);
    expect(result.stdout + result.stderr).not.toContain('not-the-secret');
  });

  it('names the table and the role when read access is denied', async () => {
    // given
    emulator.faults.add({ kind: 'status', status: 403, table: 'sys_choice', times: 10 });

    // when
    const result = await runCommand(command, ['--instance', emulator.url], { env: basicEnv });

    // then
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL read sys_choice: access denied \(HTTP 403\)[\s\S]*admin or personalize_choices/);
    expect(result.stdout).toContain('ok   read sys_dictionary:');
  });

  it('reports a table that answers but shows no record (ACL hiding rows)', async () => {
    // given
    for (const record of emulator.store.all('sys_choice')) emulator.store.delete('sys_choice', record.sys_id ?? '');

    // when
    const result = await runCommand(command, ['--instance', emulator.url], { env: basicEnv });

    // then
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FAIL read sys_choice: allowed, but no record is visible');
  });

  it('tells records that read ACLs hide (counted, none sent) from an empty table', async () => {
    // given: ServiceNow counts the matches, then drops the rows the user may not read from the page (KB3047115)
    emulator.faults.add({ kind: 'acl-hide-rows', table: 'sys_choice', match: { language: 'en' }, times: 10 });
    const record = emulator.store.insert('u_asset_request', {}, 'someone');
    emulator.faults.add({ kind: 'acl-hide-rows', table: 'u_asset_request', match: { sys_id: record.sys_id ?? '' }, times: 10 });

    // when
    const result = await runCommand(command, ['--instance', emulator.url, '--tables', 'u_asset_request'], { env: basicEnv });

    // then
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL read sys_choice: allowed, but read ACLs hide its records \(the instance counts 9, none visible\)\n\s+Reading sys_choice usually needs admin or personalize_choices/);
    expect(result.stdout).toContain('ok   read u_asset_request: allowed (no records visible: read ACLs hide the 1 the instance counts)');
  });

  it('reports the fields that field ACLs leave out of the metadata fetch-metadata reads', async () => {
    // given: ServiceNow leaves out a field the user may not read, HTTP 200 (KB2971488)
    emulator.faults.add({ kind: 'acl-hide-fields', table: 'sys_dictionary', fields: ['internal_type', 'mandatory'], times: 10 });

    // when
    const result = await runCommand(command, ['--instance', emulator.url], { env: basicEnv });

    // then
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL read sys_dictionary: allowed, but field ACLs hide internal_type, mandatory\n[\s\S]*read ACLs on sys_dictionary\.internal_type, sys_dictionary\.mandatory/);
    expect(result.stdout).toContain('ok   read sys_choice: allowed');
  });

  it('reports a hibernating instance at the reachability step', async () => {
    // given: the page public clients detect a sleeping PDI by
    emulator.faults.add({ kind: 'html', status: 200, page: 'hibernating' });

    // when
    const result = await runCommand(command, ['--instance', emulator.url], { env: basicEnv });

    // then
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL reachable \(DNS, connection, TLS\): 127\.0\.0\.1:\d+ answered with an HTML page \(HTTP 200\), not the Table API\n\s+It is the "Instance Hibernating page": the developer instance is hibernating; sign in at developer\.servicenow\.com, wake it/);
  });

  it('reports a login page at the reachability step without calling it hibernation', async () => {
    // given
    emulator.faults.add({ kind: 'html', status: 200, page: 'login' });

    // when
    const result = await runCommand(command, ['--instance', emulator.url], { env: basicEnv });

    // then
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL reachable \(DNS, connection, TLS\): 127\.0\.0\.1:\d+ answered with an HTML page \(HTTP 200\), not the Table API\n\s+The instance is hibernating, behind a login page or a proxy/);
  });

  it('reports an instance that cannot be reached', async () => {
    // given
    const url = emulator.url;
    await emulator.close();
    emulator = await startSyntheticEmulator({ tables: 1 });

    // when
    const result = await runCommand(command, ['--instance', url], { env: basicEnv });

    // then
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL reachable \(DNS, connection, TLS\): cannot connect to 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });

  describe('TLS', () => {
    let server: Server;
    let directory: string;
    beforeEach(async () => {
      directory = await mkdtemp(join(tmpdir(), 'tls-'));
    });
    afterEach(async () => {
      await new Promise((resolve) => server.close(resolve));
      await rm(directory, { recursive: true, force: true });
    });

    it('reports a certificate the client does not trust at the TLS step', async () => {
      // given: an HTTPS server with a self-signed certificate
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', join(directory, 'key.pem'), '-out', join(directory, 'cert.pem')], { stdio: 'ignore' });
      server = createHttpsServer({ key: await readFile(join(directory, 'key.pem')), cert: await readFile(join(directory, 'cert.pem')) }, (_request, response) => response.end('{}'));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

      // when
      const result = await runCommand(command, ['--instance', `https://127.0.0.1:${(server.address() as AddressInfo).port}`, '--timeout', '2'], { env: basicEnv });

      // then
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/FAIL TLS: the TLS certificate of 127\.0\.0\.1:\d+ was not accepted \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\)[\s\S]*NODE_EXTRA_CA_CERTS/);
    });

    it('reports a server that does not speak TLS at the TLS step', async () => {
      // given: a plain HTTP server behind an https:// URL on loopback
      server = createServer((_request, response) => response.end('plain'));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

      // when
      const result = await runCommand(command, ['--instance', `https://127.0.0.1:${(server.address() as AddressInfo).port}`, '--timeout', '2'], { env: basicEnv });

      // then
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/FAIL TLS: the TLS handshake with 127\.0\.0\.1:\d+ failed \(ERR_SSL_WRONG_VERSION_NUMBER\)/);
    });
  });
});
