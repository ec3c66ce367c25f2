import { describe, expect, it } from 'vitest';
import { exponentialDelays, parseRetryAfter, withJitter } from '../../../scripts/http/retry';

describe('scripts/http - retry', () => {
  it.each([
    ['120', 120],
    ['0', 0],
    ['Wed, 25 Nov 2026 09:01:00 GMT', 60],
    ['soon', undefined],
    [null, undefined]
  ])('reads Retry-After %j as %j seconds', (header, expected) => {
    // given
    const now = () => Date.parse('2026-11-25T09:00:00Z');

    // when / then
    expect(parseRetryAfter(header, now)).toBe(expected === undefined ? undefined : expected * 1000);
  });

  it('doubles the delay per retry up to the cap', () => {
    // when
    const delays = exponentialDelays(500, 8_000, 7).map((delay) => withJitter(delay, () => 1));

    // then
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('jitters a delay by at most 20 % downwards', () => {
    // when / then
    expect([withJitter(1000, () => 0), withJitter(1000, () => 0.5), withJitter(1000, () => 1)]).toEqual([800, 900, 1000]);
  });
});
