import { describe, expect, it } from 'vitest';
import { jobRetries } from './job-retries';

describe('the retries Zeebe gives a job from a static retries attribute, as modelled', () => {
  it('keeps an int as written and wraps anything larger to its low 32 bits (Long.intValue)', () => {
    expect(jobRetries('3')).toBe(3);
    expect(jobRetries('007')).toBe(7);
    expect(jobRetries('2147483647')).toBe(2147483647);
    expect(jobRetries('2147483648')).toBe(-2147483648);
    expect(jobRetries('4294967299')).toBe(3);
  });
});
