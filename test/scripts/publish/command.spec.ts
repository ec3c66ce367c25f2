import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportError } from '../../../scripts/cli/main';
import { createPublishCommand } from '../../../scripts/publish/command';
import { runCli } from '../../helpers/cli';
import { UNPINNED, WebModelerEmulator, type EmulatorOptions } from './web-modeler-emulator';

const FIXTURES = join(import.meta.dirname, 'command');
const INCIDENT = 'servicenow-incident.json';
const CHANGE = 'servicenow-change_request.json';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  sleeps: number[];
}

let emulator: WebModelerEmulator;
let workdir: string;

async function startEmulator(options: EmulatorOptions): Promise<WebModelerEmulator> {
  emulator = await new WebModelerEmulator(options).start();
  return emulator;
}

/** Runs `publish` in-process like the CLI does, with recorded (not real) retry delays. */
async function publish(args: string[], env: NodeJS.ProcessEnv = emulator.env(), now?: () => number): Promise<Run> {
  const sleeps: number[] = [];
  const command = createPublishCommand({
    retry: { delaysMs: [100, 200, 400], maxRetryAfterMs: 5_000, sleep: async (ms) => void sleeps.push(ms) },
    random: () => 1,
    ...(now ? { now } : {})
  });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const io = { stdout, stderr, stdin: Readable.from([]), env, cwd: workdir };
  let code: number;
  try {
    code = await command.run(args, io);
  } catch (error) {
    code = reportError(error, 'camunda-servicenow publish', io);
  }
  return { code, stdout: out, stderr: err, sleeps };
}

async function useFixtures(...names: string[]): Promise<void> {
  for (const name of names) await copyFile(join(FIXTURES, name), join(workdir, name));
}

function storedTemplates(): Array<Record<string, unknown>> {
  return [...emulator.files.values()].map((file) => JSON.parse(file.content) as Record<string, unknown>);
}

beforeEach(async () => {
  workdir = await mkdtemp(join(tmpdir(), 'publish-'));
});

afterEach(async () => {
  await emulator?.stop();
  await rm(workdir, { recursive: true, force: true });
});

describe('scripts/publish - command', () => {
  it('is registered with the CLI and documents the environment variables', async () => {
    // when
    const result = await runCli(['publish', '--help']);

    // then
    expect(result.code).toBe(0);
    for (const name of ['CAMUNDA_CONSOLE_CLIENT_ID', 'CAMUNDA_CONSOLE_CLIENT_SECRET', 'CAMUNDA_OAUTH_URL', 'CAMUNDA_MODELER_BASE_URL']) {
      expect(result.stdout).toContain(name);
    }
  });

  describe.each(['v2', 'v1'] as const)('against the %s API', (api) => {
    it('creates each template once, then reports it unchanged without writing', async () => {
      // given
      await startEmulator({ api });
      await useFixtures(INCIDENT, CHANGE);

      // when
      const first = await publish(['--web-modeler', '--project', 'proj-1', '.']);
      const writesAfterFirst = emulator.writes().length;
      const second = await publish(['--web-modeler', '--project', 'proj-1', '.']);

      // then
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(new RegExp(`API ${api} .*project "ServiceNow"`));
      expect(first.stdout).toContain('2 files: 2 created, 0 updated, 0 unchanged, 0 failed');
      expect(emulator.files.size).toBe(2);
      expect(storedTemplates().map((template) => template.name).sort()).toEqual(['ServiceNow: change request', 'ServiceNow: incident']);
      expect(second.code).toBe(0);
      expect(second.stdout).toContain('2 files: 0 created, 0 updated, 2 unchanged, 0 failed');
      const apiRequests = emulator.log.filter((line) => !line.includes('/oauth')).length;
      expect(Number(/; (\d+) Web Modeler API requests/.exec(first.stdout)![1]) + Number(/; (\d+) Web Modeler API requests/.exec(second.stdout)![1])).toBe(apiRequests);
      expect(emulator.writes().length).toBe(writesAfterFirst);
      expect(emulator.files.size).toBe(2);
    });

    it('updates a changed template in place instead of duplicating it', async () => {
      // given
      await startEmulator({ api });
      await useFixtures(INCIDENT);
      await publish(['--web-modeler', '--project', 'proj-1', INCIDENT]);
      const [before] = [...emulator.files.values()].map((file) => ({ ...file }));
      const template = JSON.parse(await readFile(join(workdir, INCIDENT), 'utf8')) as { description: string };
      template.description = 'Now with a better description';
      await writeFile(join(workdir, INCIDENT), JSON.stringify(template, null, 2));

      // when
      const result = await publish(['--web-modeler', '--project', 'proj-1', INCIDENT]);

      // then
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/updated\s+servicenow-incident\.json/);
      expect(emulator.files.size).toBe(1);
      const [after] = [...emulator.files.values()];
      expect(after?.id).toBe(before?.id);
      expect(after?.revision).toBe((before?.revision ?? 0) + 1);
      expect(JSON.parse(after?.content ?? '{}').description).toBe('Now with a better description');
    });
  });

  it('on a v1 server that rewrites template ids, finds the file again by name', async () => {
    // given
    await startEmulator({ api: 'v1', v1RewritesIds: true });
    await useFixtures(INCIDENT);
    await publish(['--web-modeler', '--project', 'proj-1', INCIDENT]);

    // when
    const again = await publish(['--web-modeler', '--project', 'proj-1', INCIDENT]);

    // then
    expect(again.stdout).toContain('1 file: 0 created, 0 updated, 1 unchanged, 0 failed');
    expect(emulator.files.size).toBe(1);
  });

  it('--dry-run reports what would happen and writes nothing', async () => {
    // given
    await startEmulator({ api: 'v2' });
    await useFixtures(INCIDENT, CHANGE);
    const incident = JSON.parse(await readFile(join(workdir, INCIDENT), 'utf8')) as { name: string };
    emulator.addFile({ name: incident.name, projectId: 'proj-1', content: JSON.stringify({ ...incident, description: 'old' }) });

    // when
    const result = await publish(['--web-modeler', '--project', 'ServiceNow', '--dry-run', '.']);

    // then
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Dry run \(nothing written\)/);
    expect(result.stdout).toMatch(/would create\s+servicenow-change_request\.json/);
    expect(result.stdout).toMatch(/would update\s+servicenow-incident\.json/);
    expect(emulator.writes()).toEqual([]);
    expect(emulator.files.size).toBe(1);
  });

  it('checks Web Modeler limits per file and still publishes the good ones', async () => {
    // given
    await startEmulator({ api: 'v2' });
    await useFixtures(INCIDENT);
    const good = JSON.parse(await readFile(join(FIXTURES, CHANGE), 'utf8')) as Record<string, unknown>;
    const bigIcon = `data:image/svg+xml;base64,${Buffer.alloc(9000, 'a').toString('base64')}`;
    await writeFile(join(workdir, 'pinned.json'), JSON.stringify({ ...good, id: 'a', $schema: UNPINNED.replace('schema/', 'schema@0.40.0/') }));
    await writeFile(join(workdir, 'list-of-one.json'), JSON.stringify([{ ...good, id: 'b' }]));
    await writeFile(join(workdir, 'list-of-two.json'), JSON.stringify([{ ...good, id: 'c' }, { ...good, id: 'd' }]));
    await writeFile(join(workdir, 'big-icon.json'), JSON.stringify({ ...good, id: 'e', icon: { contents: bigIcon } }));
    await writeFile(join(workdir, 'not-a-template.json'), JSON.stringify({ $schema: UNPINNED, name: 'x' }));
    await writeFile(join(workdir, 'broken.json'), '{ "name": ');

    // when
    const result = await publish(['--web-modeler', '--project', 'proj-1', '--json', '.']);

    // then
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { files: Array<{ file: string; action: string; problems?: string[] }>; summary: Record<string, number> };
    const problems = Object.fromEntries(report.files.map((file) => [file.file, (file.problems ?? []).join(' | ')]));
    expect(problems['pinned.json']).toContain('pins version 0.40.0');
    expect(problems['list-of-one.json']).toContain('remove the list brackets');
    expect(problems['list-of-two.json']).toContain('split it into 2 files');
    expect(problems['big-icon.json']).toMatch(/icon is 12026 bytes as stored in the template; Web Modeler accepts at most 8 KB/);
    expect(problems['not-a-template.json']).toContain('missing template id');
    expect(problems['broken.json']).toContain('not valid JSON');
    expect(report.summary).toEqual({ created: 1, updated: 0, unchanged: 0, failed: 6 });
    expect(storedTemplates().map((template) => template.id)).toEqual(['io.example.servicenow.incident']);
  });

  it('renews an expired token once and carries on', async () => {
    // given
    await startEmulator({ api: 'v2' });
    await useFixtures(INCIDENT, CHANGE);
    emulator.expireTokensAfterRequests = 3;

    // when
    const result = await publish(['--web-modeler', '--project', 'proj-1', '.']);

    // then
    expect(result.code).toBe(0);
    expect(emulator.tokensIssued).toEqual(['token-1', 'token-2']);
    expect(emulator.files.size).toBe(2);
  });

  it('stops with a clear message when the OAuth server refuses the credentials, without printing the secret', async () => {
    // given
    await startEmulator({ api: 'v2' });
    await useFixtures(INCIDENT);
    const env = { ...emulator.env(), CAMUNDA_CONSOLE_CLIENT_SECRET: 'wrong-secret-123' };

    // when
    const result = await publish(['--web-modeler', '--project', 'proj-1', '.'], env);

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refused a token for client "publisher" \(HTTP 401\).*CAMUNDA_CONSOLE_CLIENT_SECRET/);
    expect(result.stdout + result.stderr).not.toContain('wrong-secret-123');
  });

  it('stops after one renewal when the API keeps refusing the tokens (401)', async () => {
    // given
    await startEmulator({ api: 'v2' });
    await useFixtures(INCIDENT);
    emulator.rejectedClients.add(emulator.clientId);

    // when
    const result = await publish(['--web-modeler', '--project', 'proj-1', '.']);

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Web Modeler rejected the credentials while reading /info (HTTP 401)');
    expect(emulator.tokensIssued).toHaveLength(2);
  });

  it('names the missing environment variables', async () => {
    // given
    await startEmulator({ api: 'v2' });
    await useFixtures(INCIDENT);

    // when
    const result = await publish(['--web-modeler', '--project', 'proj-1', '.'], { CAMUNDA_MODELER_BASE_URL: emulator.baseUrl });

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('set CAMUNDA_CONSOLE_CLIENT_ID and CAMUNDA_CONSOLE_CLIENT_SECRET');
  });

  it('reports a client without write permission (403) per file', async () => {
    // given
    await startEmulator({ api: 'v2' });
    await useFixtures(INCIDENT, CHANGE);
    emulator.readOnlyClients.add(emulator.clientId);

    // when
    const result = await publish(['--web-modeler', '--project', 'proj-1', '.']);

    // then
    expect(result.code).toBe(1);
    expect(result.stdout.match(/HTTP 403\); grant it the Web Modeler API/g)).toHaveLength(2);
    expect(result.stdout).toContain('0 created, 0 updated, 0 unchanged, 2 failed');
  });

  it('reports a 409 on create for that file and publishes the others', async () => {
    // given: the incident id is already used by a file in another project
    await startEmulator({ api: 'v2', projects: [{ id: 'proj-1', name: 'ServiceNow' }, { id: 'proj-2', name: 'Other' }] });
    await useFixtures(INCIDENT, CHANGE);
    emulator.addFile({ name: 'elsewhere', projectId: 'proj-2', content: await readFile(join(FIXTURES, INCIDENT), 'utf8') });

    // when
    const result = await publish(['--web-modeler', '--project', 'proj-1', '.']);

    // then
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/failed\s+servicenow-incident\.json[^\n]*\n\s+Web Modeler refused the change \(HTTP 409: template id already in use\)/);
    expect(result.stdout).toMatch(/created\s+servicenow-change_request\.json/);
  });

  it('re-reads the file after a 409 on update (concurrent edit) and retries with the new revision', async () => {
    // given
    await startEmulator({ api: 'v2' });
    await useFixtures(INCIDENT);
    const stored = emulator.addFile({ name: 'ServiceNow: incident', projectId: 'proj-1', content: JSON.stringify({ id: 'io.example.servicenow.incident', old: true }) });
    emulator.fail('PATCH', /^\/files\//, 409, 1, { sideEffect: () => void (stored.revision += 1) });

    // when
    const result = await publish(['--web-modeler', '--project', 'proj-1', '.']);

    // then
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/updated\s+servicenow-incident\.json/);
    expect(stored.revision).toBe(3);
    expect(JSON.parse(stored.content).old).toBeUndefined();
  });

  it('retries 429 and 5xx with the injected delays, honouring Retry-After', async () => {
    // given
    await startEmulator({ api: 'v2' });
    await useFixtures(INCIDENT);
    emulator.fail('POST', /^\/files$/, 429, 1, { retryAfter: '2' });
    emulator.fail('POST', /^\/files$/, 503, 1);

    // when
    const result = await publish(['--web-modeler', '--project', 'proj-1', '.']);

    // then
    expect(result.code).toBe(0);
    expect(result.sleeps).toEqual([2000, 200]);
    expect(emulator.files.size).toBe(1);
  });

  it('honours a Retry-After given as an HTTP date, on the injected clock', async () => {
    // given
    await startEmulator({ api: 'v2' });
    await useFixtures(INCIDENT);
    emulator.fail('POST', /^\/files$/, 503, 1, { retryAfter: 'Wed, 25 Nov 2026 09:00:03 GMT' });

    // when
    const result = await publish(['--web-modeler', '--project', 'proj-1', '.'], emulator.env(), () => Date.parse('2026-11-25T09:00:00Z'));

    // then
    expect(result.code).toBe(0);
    expect(result.sleeps).toEqual([3000]);
    expect(emulator.files.size).toBe(1);
  });

  it('gives up on a file after the last retry and goes on with the next', async () => {
    // given
    await startEmulator({ api: 'v2' });
    await useFixtures(CHANGE, INCIDENT);
    emulator.fail('POST', /^\/files$/, 500, 4);

    // when
    const result = await publish(['--web-modeler', '--project', 'proj-1', '.']);

    // then
    expect(result.code).toBe(1);
    expect(result.sleeps).toEqual([100, 200, 400]);
    expect(result.stdout).toMatch(/failed\s+servicenow-change_request\.json[^\n]*\n\s+POST \/v2\/files answered HTTP 500/);
    expect(result.stdout).toMatch(/created\s+servicenow-incident\.json/);
  });

  it('reports every file failed, with one line and exit 1, when Web Modeler keeps answering 503 while the project is read', async () => {
    // given
    await startEmulator({ api: 'v2' });
    await useFixtures(CHANGE, INCIDENT);
    emulator.fail('POST', /^\/files\/search$/, 503, 100);

    // when
    const result = await publish(['--web-modeler', '--project', 'proj-1', '.']);

    // then
    expect(result.code).toBe(1);
    expect(result.sleeps).toEqual([100, 200, 400]);
    expect(result.stdout).toMatch(/failed\s+servicenow-change_request\.json[^\n]*\n\s+cannot read the project's templates: POST \/v2\/files\/search answered HTTP 503/);
    expect(result.stdout).toMatch(/failed\s+servicenow-incident\.json/);
    expect(result.stdout).toContain('2 files: 0 created, 0 updated, 0 unchanged, 2 failed');
    expect(result.stderr).toBe('');
    expect(emulator.writes()).toEqual([]);
  });

  it('stops with a one-line user error (exit 1, no stack trace) when Web Modeler keeps answering 503 for the project', async () => {
    // given
    await startEmulator({ api: 'v2' });
    await useFixtures(INCIDENT);
    emulator.fail('GET', /^\/projects\//, 503, 100);

    // when
    const result = await publish(['--web-modeler', '--project', 'proj-1', '.']);

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^camunda-servicenow publish: GET \/v2\/projects\/proj-1 answered HTTP 503[^\n]*\n$/);
    expect(result.sleeps).toEqual([100, 200, 400]);
  });

  it('does not duplicate a template when the server stored it but answered 500', async () => {
    // given
    await startEmulator({ api: 'v2' });
    await useFixtures(INCIDENT);
    emulator.fail('POST', /^\/files$/, 500, 1, {
      sideEffect: (request) => {
        const body = request.body as { name: string; content: string };
        emulator.createStored(body.name, 'proj-1', body.content);
      }
    });

    // when
    const result = await publish(['--web-modeler', '--project', 'proj-1', '.']);

    // then
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/created\s+servicenow-incident\.json/);
    expect(emulator.files.size).toBe(1);
  });

  it('uses the element_template file type on a v1 server that refuses connector_template', async () => {
    // given
    await startEmulator({ api: 'v1', v1FileType: 'element_template' });
    await useFixtures(INCIDENT, CHANGE);

    // when
    const result = await publish(['--web-modeler', '--project', 'proj-1', '.']);

    // then
    expect(result.code).toBe(0);
    expect(emulator.files.size).toBe(2);
  });

  it('says which URL it cannot reach', async () => {
    // given: tokens from one emulator, and the API URL of a second one that has stopped
    await startEmulator({ api: 'v2' });
    await useFixtures(INCIDENT);
    const gone = await new WebModelerEmulator({ api: 'v2' }).start();
    await gone.stop();

    // when
    const result = await publish(['--web-modeler', '--project', 'proj-1', '.'], { ...emulator.env(), CAMUNDA_MODELER_BASE_URL: gone.baseUrl });

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cannot reach Web Modeler: GET ${gone.baseUrl}/v2/info failed: ECONNREFUSED; check CAMUNDA_MODELER_BASE_URL`);
    // A refused connection is a wrong URL or a stopped server, not a hiccup: the one HTTP stack
    // (as for ServiceNow) reports it at once instead of after 7.5 s of retries.
    expect(result.sleeps).toEqual([]);
  });

  it('does not overwrite a newer template version in Web Modeler with an older file', async () => {
    // given
    await startEmulator({ api: 'v2' });
    await useFixtures(INCIDENT);
    const local = JSON.parse(await readFile(join(workdir, INCIDENT), 'utf8')) as Record<string, unknown>;
    const stored = emulator.addFile({ name: 'ServiceNow: incident', projectId: 'proj-1', content: JSON.stringify({ ...local, version: 3 }) });

    // when
    const result = await publish(['--web-modeler', '--project', 'proj-1', '.']);

    // then
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Web Modeler holds version 3 of this template, newer than version 1 in the file');
    expect(stored.revision).toBe(1);
  });

  it('explains a base URL that answers with a web page instead of the API', async () => {
    // given: a login page on loopback where the API should be
    await startEmulator({ api: 'v2' });
    await useFixtures(INCIDENT);
    const page = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>'));
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    const { port } = page.address() as { port: number };

    // when
    const result = await publish(['--web-modeler', '--project', 'proj-1', '--base-url', `http://127.0.0.1:${port}/api`, '.']);
    await new Promise((resolve) => page.close(resolve));

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('did not answer as the API: GET /v2/info answered HTTP 200: not JSON (text/html); is the base URL the Web Modeler API?');
  });

  it('keeps the token and the client secret out of an error answer that echoes them', async () => {
    // given: a gateway in front of Web Modeler that quotes the header it refused and the request body it saw
    await startEmulator({ api: 'v2' });
    await useFixtures(INCIDENT);
    const gateway = createServer((request, response) => {
      response.writeHead(400, { 'content-type': 'text/plain' }).end(`Bad Request: header field too large: authorization: ${request.headers.authorization ?? ''}; secret ${emulator.clientSecret}`);
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const { port } = gateway.address() as { port: number };

    // when
    const result = await publish(['--web-modeler', '--project', 'proj-1', '--base-url', `http://127.0.0.1:${port}/api`, '.']);
    await new Promise((resolve) => gateway.close(resolve));

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Bad Request: header field too large: authorization: Bearer ***; secret ***');
    expect(emulator.tokensIssued.length).toBeGreaterThan(0);
    for (const token of emulator.tokensIssued) expect(result.stderr + result.stdout).not.toContain(token);
    expect(result.stderr + result.stdout).not.toContain(emulator.clientSecret);
  });

  it('stops when the project does not exist', async () => {
    // given
    await startEmulator({ api: 'v1' });
    await useFixtures(INCIDENT);

    // when
    const result = await publish(['--web-modeler', '--project', 'Nope', '.']);

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no project with id or name "Nope"');
    expect(emulator.writes()).toEqual([]);
  });

  it('prints a JSON report naming the API it chose', async () => {
    // given
    await startEmulator({ api: 'v1' });
    await useFixtures(INCIDENT);

    // when
    const result = await publish(['--web-modeler', '--project', 'ServiceNow', '--json', INCIDENT]);

    // then
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      api: 'v1',
      project: { id: 'proj-1', name: 'ServiceNow' },
      dryRun: false,
      files: [{ file: INCIDENT, templateId: 'io.example.servicenow.incident', action: 'created' }],
      summary: { created: 1, updated: 0, unchanged: 0, failed: 0 }
    });
  });
});
