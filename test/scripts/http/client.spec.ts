import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient, type Attempt, type Verdict } from '../../../scripts/http/client';
import { TokenCache } from '../../../scripts/http/token-cache';

/** A loopback server answering each request with the next scripted answer (the last one repeats). */
async function serve(answers: Array<(request: IncomingMessage, response: ServerResponse) => void>): Promise<{ url: string; seen: IncomingMessage[] }> {
  const seen: IncomingMessage[] = [];
  server = createServer((request, response) => {
    seen.push(request);
    const answer = answers[Math.min(seen.length - 1, answers.length - 1)];
    answer?.(request, response);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/thing`, seen };
}

const status = (code: number, headers: Record<string, string> = {}) => (_: IncomingMessage, response: ServerResponse) => response.writeHead(code, headers).end(`{"status":${code}}`);

/** Reads 2xx as its text; 5xx and 429 as retriable; the rest as final. */
function read(attempt: Attempt): Verdict<string> {
  if (attempt.failure) return { error: new Error(`no answer: ${attempt.failure.kind}`), retriable: attempt.failure.kind === 'timeout' };
  const { status: code, text } = attempt.answer;
  if (code < 300) return { value: text };
  return { error: new Error(`HTTP ${code}`), retriable: code >= 500 || code === 429 };
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

describe('scripts/http - client', () => {
  const sleeps: number[] = [];
  const client = (options: ConstructorParameters<typeof HttpClient>[0] = {}) => {
    sleeps.length = 0;
    return new HttpClient({ random: () => 1, retry: { delaysMs: [100, 200], maxRetryAfterMs: 10_000, sleep: async (ms) => void sleeps.push(ms) }, ...options });
  };

  it('retries with the planned delays and gives up with the last error', async () => {
    // given
    const { url, seen } = await serve([status(503)]);

    // when
    const error = await client().send({ method: 'GET', url }, read).catch((thrown: Error) => thrown);

    // then
    expect((error as Error).message).toBe('HTTP 503');
    expect(sleeps).toEqual([100, 200]);
    expect(seen).toHaveLength(3);
  });

  it('waits as long as Retry-After says, in seconds or as an HTTP date on the injected clock', async () => {
    // given
    const { url } = await serve([status(429, { 'retry-after': '3' }), status(503, { 'retry-after': 'Wed, 25 Nov 2026 09:00:07 GMT' }), status(200)]);

    // when
    const body = await client({ now: () => Date.parse('2026-11-25T09:00:00Z') }).send({ method: 'GET', url }, read);

    // then
    expect(body).toBe('{"status":200}');
    expect(sleeps).toEqual([3000, 7000]);
  });

  it('fails at once when the server asks to wait longer than the client accepts', async () => {
    // given
    const { url, seen } = await serve([status(429, { 'retry-after': '3600' }), status(200)]);

    // when
    const error = await client().send({ method: 'GET', url }, read).catch((thrown: Error) => thrown);

    // then
    expect((error as Error).message).toBe('HTTP 429');
    expect(sleeps).toEqual([]);
    expect(seen).toHaveLength(1);
  });

  it('asks before retrying a request that may have taken effect', async () => {
    // given
    const { url, seen } = await serve([status(500), status(200)]);

    // when
    const error = await client().send({ method: 'POST', url, body: '{}', mayRetry: async () => false }, read).catch((thrown: Error) => thrown);

    // then
    expect((error as Error).message).toBe('HTTP 500');
    expect(seen).toHaveLength(1);
  });

  it('renews a cached bearer token once after a 401, not counting it as a retry', async () => {
    // given
    const { url, seen } = await serve([status(401), status(200)]);
    let granted = 0;
    const tokens = new TokenCache(async () => ({ accessToken: `token-${++granted}`, expiresInSeconds: 300 }));

    // when
    await client().send({ method: 'GET', url, token: tokens }, read);

    // then
    expect(seen.map((request) => request.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(sleeps).toEqual([]);
  });

  it('does not renew more than once when the server keeps refusing the token', async () => {
    // given
    const { url, seen } = await serve([status(401)]);
    const tokens = new TokenCache(async () => ({ accessToken: 'token' }));

    // when
    const error = await client().send({ method: 'GET', url, token: tokens }, read).catch((thrown: Error) => thrown);

    // then
    expect((error as Error).message).toBe('HTTP 401');
    expect(seen).toHaveLength(2);
    expect(tokens.requests).toBe(2);
  });

  it('ends an attempt at the timeout and classifies it, so that it can be retried', async () => {
    // given: a server that never answers the first request
    const { url, seen } = await serve([() => undefined, status(200)]);

    // when
    const body = await client({ timeoutMs: 200 }).send({ method: 'GET', url }, read);

    // then
    expect(body).toBe('{"status":200}');
    expect(seen).toHaveLength(2);
    expect(sleeps).toEqual([100]);
  });

  it('never follows a redirect (it would carry the credentials elsewhere)', async () => {
    // given
    const { url, seen } = await serve([status(302, { location: 'http://127.0.0.1:1/elsewhere' })]);

    // when
    const error = await client().send({ method: 'GET', url, authorization: 'Basic c2VjcmV0' }, read).catch((thrown: Error) => thrown);

    // then
    expect((error as Error).message).toBe('HTTP 302');
    expect(seen).toHaveLength(1);
  });
});
