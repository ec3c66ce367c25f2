import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryProperties } from '../../../core/template/runtime';
import { jobRetries } from '../../helpers/runtime/job-retries';

const retries = retryProperties().find((property) => property.id === 'retryCount');
const pattern = retries?.constraints?.pattern;
const accepts = (text: string) => new RegExp(typeof pattern === 'object' ? pattern.value : '(?!)').test(text);

describe('core/template/runtime - Retries as Zeebe stores them', () => {
  it('accepts exactly the whole numbers the job keeps as written (0 to 2147483647)', () => {
    const digits = fc.oneof(fc.stringMatching(/^[0-9]{1,12}$/), fc.bigInt({ min: 0n, max: 2n ** 33n }).map(String), fc.constantFrom('2147483647', '2147483648', '02147483647', '4294967299', '0'));
    fc.assert(fc.property(digits, (text) => {
      expect(accepts(text), text).toBe(String(jobRetries(text)) === String(BigInt(text)));
    }), { numRuns: 5000 });
  });

  it('refuses what is not a whole number', () => {
    for (const text of ['', '-1', '+3', '3.0', '1e3', ' 3', '=retries']) expect(accepts(text), text).toBe(false);
  });
});
