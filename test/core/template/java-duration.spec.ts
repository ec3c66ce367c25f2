import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JAVA_DURATION, JAVA_DURATION_OF_A_MILLISECOND_OR_MORE } from '../../../core/template/java-duration';
import { fitsInMillis, parseJavaDuration } from '../../helpers/runtime/java-duration';

const accepts = (text: string) => new RegExp(`^${JAVA_DURATION}$`).test(text);
const acceptsAsDelay = (text: string) => new RegExp(`^${JAVA_DURATION_OF_A_MILLISECOND_OR_MORE}$`).test(text);

function parses(text: string): number | undefined {
  try {
    return parseJavaDuration(text);
  } catch {
    return undefined;
  }
}

/** Texts near the grammar: its letters in both cases, signs, separators and digits, with long runs of digits now and then. */
const durationLike = fc.array(fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'PTDHMSptdhms.,+-0123456789'.split('')) },
  { weight: 1, arbitrary: fc.stringMatching(/^[0-9]{9,21}$/) }
), { maxLength: 12 }).map((parts) => parts.join(''));
/** Well-formed durations as people write them, in any case, with numbers up to 21 digits. */
const number = fc.oneof(fc.stringMatching(/^[0-9]{1,3}$/), fc.stringMatching(/^0*[0-9]{1,21}$/));
const wellFormed = fc.tuple(fc.option(number), fc.option(number), fc.option(number), fc.option(fc.tuple(number, fc.option(fc.stringMatching(/^[.,][0-9]{0,9}$/)))), fc.boolean())
  .map(([days, hours, minutes, seconds, lower]) => {
    const time = `${hours === null ? '' : `${hours}H`}${minutes === null ? '' : `${minutes}M`}${seconds === null ? '' : `${seconds[0]}${seconds[1] ?? ''}S`}`;
    const text = `P${days === null ? '' : `${days}D`}${time ? `T${time}` : ''}`;
    return lower ? text.toLowerCase() : text;
  });

/** A lone lower-case "t" after the days, which Duration.parse lets through only because its check for an empty time section compares with 'T'. */
const loneLowerT = (text: string) => /[dD]t$/.test(text);
const significantDigits = (text: string) => Math.max(0, ...(text.split(/[.,][0-9]*|[^0-9]+/).map((digits) => digits.replace(/^0+/, '').length)));

describe('core/template/java-duration - the Modeler pattern against java.time.Duration.parse', () => {
  it('accepts only what the runtime parses to a duration it can use: not negative, within a long of milliseconds', () => {
    fc.assert(fc.property(fc.oneof(durationLike, wellFormed), (text) => {
      if (!accepts(text)) return;
      const seconds = parses(text);
      expect(seconds, text).toBeDefined();
      expect(seconds!, text).toBeGreaterThanOrEqual(0);
      expect(fitsInMillis(seconds!), text).toBe(true);
    }), { numRuns: 3000 });
  });

  it('accepts everything the runtime parses that has no sign and numbers of at most ten digits', () => {
    fc.assert(fc.property(fc.oneof(durationLike, wellFormed), (text) => {
      if (parses(text) === undefined || /[+-]/.test(text) || loneLowerT(text) || significantDigits(text) > 10) return;
      expect(accepts(text), text).toBe(true);
    }), { numRuns: 3000 });
  });

  it('takes the spellings the runtime reads, and refuses signs and numbers past ten digits', () => {
    for (const text of ['PT30S', 'pt30s', 'PT1,5S', 'PT1.S', 'P2DT3H4M5S', 'PT0.123456789S', 'P0000000000001D', 'PT9999999999S']) expect(accepts(text), text).toBe(true);
    for (const text of ['-PT5M', 'PT-5M', '+PT5M', 'PT99999999999S', 'PT', 'P', 'P1DT', 'PT1.1234567891S', 'P1Y', 'PT1M1H', ' PT1H']) expect(accepts(text), text).toBe(false);
  });

  it('takes as a scheduling delay exactly the durations whose toMillis is at least 1', () => {
    fc.assert(fc.property(fc.oneof(durationLike, wellFormed), (text) => {
      const seconds = parses(text);
      const usable = accepts(text);
      expect(acceptsAsDelay(text), text).toBe(usable && seconds !== undefined && Math.trunc(seconds * 1000) >= 1);
    }), { numRuns: 3000 });
    for (const text of ['PT0S', 'P0D', 'PT0.0009S', 'PT0,000S']) expect(acceptsAsDelay(text), text).toBe(false);
    for (const text of ['PT0.001S', 'pt0m1s', 'P1D']) expect(acceptsAsDelay(text), text).toBe(true);
  });
});
