import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultRetryPolicy, parseRetryAfter } from '../../../scripts/servicenow-http/retry';

describe('scripts/servicenow-http - retry', () => {
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
    expect(parseRetryAfter(header, now)).toBe(expected);
  });

  it('doubles the delay per retry up to the cap', () => {
    // when
    const delays = [1, 2, 3, 4, 5, 6, 7].map((retry) => backoffDelay(defaultRetryPolicy, retry, () => 1));

    // then
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });
});
