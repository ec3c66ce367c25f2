import { describe, expect, it } from 'vitest';
import { DateTimeParseException, parseJavaDuration } from './java-duration';

describe('java.time.Duration.parse as modelled', () => {
  it('reads the examples of its Javadoc', () => {
    // source: https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/time/Duration.html#parse(java.lang.CharSequence)
    expect(parseJavaDuration('PT20.345S')).toBeCloseTo(20.345);
    expect(parseJavaDuration('PT15M')).toBe(900);
    expect(parseJavaDuration('PT10H')).toBe(36000);
    expect(parseJavaDuration('P2D')).toBe(172800);
    expect(parseJavaDuration('P2DT3H4M')).toBe(183840);
    expect(parseJavaDuration('PT-6H3M')).toBe(-21420);
    expect(parseJavaDuration('-PT6H3M')).toBe(-21780);
    expect(parseJavaDuration('-PT-6H+3M')).toBe(21420);
    expect(parseJavaDuration('pt1h')).toBe(3600);
  });

  it('refuses what it refuses: no section, a T without a time section, years, the empty text', () => {
    for (const text of ['', 'P', 'PT', 'P1DT', 'P1Y', 'P1M', 'T1H', 'PT1H ']) expect(() => parseJavaDuration(text), text).toThrow(DateTimeParseException);
  });

  it('reads letters in either case and a comma, and a lone lower-case "t", as its charMatch lets through', () => {
    expect(parseJavaDuration('pt1,5s')).toBeCloseTo(1.5);
    expect(parseJavaDuration('PT1.S')).toBe(1);
    expect(parseJavaDuration('P1Dt')).toBe(86400);
    expect(() => parseJavaDuration('P1DT')).toThrow(DateTimeParseException);
  });

  it('refuses a number beyond a long, and a sum of sections beyond one (parseNumber, create)', () => {
    expect(() => parseJavaDuration('PT9223372036854775808S')).toThrow('cannot be parsed to a Duration: seconds');
    expect(() => parseJavaDuration('P106751991167301D')).toThrow('cannot be parsed to a Duration: days');
    expect(() => parseJavaDuration('PT1M9223372036854775807S')).toThrow('cannot be parsed to a Duration: overflow');
    expect(parseJavaDuration('PT9223372036854775807S')).toBe(Number(2n ** 63n - 1n));
  });
});
