import { afterEach, describe, expect, it } from 'vitest';
import { TokenSource } from '../../../scripts/publish/oauth-token';
import { WebModelerEmulator } from './web-modeler-emulator';

let emulator: WebModelerEmulator;

afterEach(async () => {
  await emulator.stop();
});

async function tokenSource(clock: { now: number }, lifetimeSeconds: number) {
  emulator = await new WebModelerEmulator({ api: 'v2', tokenLifetimeSeconds: lifetimeSeconds }).start();
  return new TokenSource(
    { tokenUrl: emulator.tokenUrl, clientId: emulator.clientId, clientSecret: emulator.clientSecret, audience: 'api.cloud.camunda.io' },
    { now: () => clock.now, refreshMarginMs: 30_000 }
  );
}

describe('scripts/publish - oauth-token', () => {
  it('names the token endpoint in its errors without the query, which may carry a key', async () => {
    // given: a token URL the server does not know, with a key in its query
    emulator = await new WebModelerEmulator({ api: 'v2' }).start();
    const tokenUrl = `${emulator.tokenUrl}-missing?key=Query-K3y`;
    const tokens = new TokenSource({ tokenUrl, clientId: emulator.clientId, clientSecret: emulator.clientSecret });

    // when
    const error = await tokens.token().then(() => undefined, (thrown: unknown) => thrown as Error);

    // then
    expect(error?.message).toContain(`the OAuth server ${emulator.tokenUrl}-missing `);
    expect(error?.message).not.toContain('Query-K3y');
  });

  it('caches the token until shortly before it expires, then requests a new one', async () => {
    // given
    const clock = { now: 0 };
    const tokens = await tokenSource(clock, 300);

    // when
    const first = await tokens.token();
    clock.now = 269_000; // 31 s before expiry: still inside the lifetime minus the margin
    const cached = await tokens.token();
    clock.now = 271_000; // 29 s before expiry: renew
    const renewed = await tokens.token();

    // then
    expect([first, cached, renewed]).toEqual(['token-1', 'token-1', 'token-2']);
    expect(tokens.requests).toBe(2);
  });

  it('renews short-lived tokens no earlier than half their lifetime', async () => {
    // given
    const clock = { now: 0 };
    const tokens = await tokenSource(clock, 20);

    // when
    await tokens.token();
    clock.now = 9_000;
    const beforeHalf = await tokens.token();
    clock.now = 10_000;
    const atHalf = await tokens.token();

    // then
    expect([beforeHalf, atHalf]).toEqual(['token-1', 'token-2']);
  });

  it('shares one token request between concurrent callers and renews after invalidate()', async () => {
    // given
    const tokens = await tokenSource({ now: 0 }, 300);

    // when
    const concurrent = await Promise.all([tokens.token(), tokens.token(), tokens.token()]);
    tokens.invalidate();
    const afterInvalidate = await tokens.token();

    // then
    expect(concurrent).toEqual(['token-1', 'token-1', 'token-1']);
    expect(afterInvalidate).toBe('token-2');
    expect(emulator.tokensIssued).toHaveLength(2);
  });
});
