import { describe, expect, it } from 'vitest';
import { TokenCache } from '../../../scripts/http/token-cache';

describe('scripts/http - token-cache', () => {
  it('assumes the default lifetime when the server names none, and renews a margin before its end', async () => {
    // given
    const clock = { now: 0 };
    let granted = 0;
    const tokens = new TokenCache(async () => ({ accessToken: `token-${++granted}` }), { now: () => clock.now, defaultLifetimeSeconds: 1799, refreshMarginMs: 30_000 });

    // when
    const first = await tokens.token();
    clock.now = 1_768_999;
    const cached = await tokens.token();
    clock.now = 1_769_000;
    const renewed = await tokens.token();

    // then
    expect([first, cached, renewed]).toEqual(['token-1', 'token-1', 'token-2']);
  });
});
