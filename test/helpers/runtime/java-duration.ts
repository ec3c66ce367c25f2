/**
 * java.time.Duration.parse, which the connector runtime applies to the
 * retryBackoff header, intervals and message TTLs (openjdk/jdk
 * src/java.base/share/classes/java/time/Duration.java, parse): its
 * PATTERN, case-insensitive, matched whole; a time section that is exactly
 * "T" refused (charMatch compares with an upper-case 'T' only, so a lower-
 * case "t" alone slips through); every number a `long` (parseNumber:
 * Long.parseLong, multiplyExact) and their sum too (create: addExact).
 */
const PATTERN = /^([-+]?)P(?:([-+]?[0-9]+)D)?(T(?:([-+]?[0-9]+)H)?(?:([-+]?[0-9]+)M)?(?:([-+]?[0-9]+)(?:[.,]([0-9]{0,9}))?S)?)?$/i;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

export class DateTimeParseException extends Error {}

/** Math.addExact / multiplyExact on longs: the exact result, or the ArithmeticException as a parse failure. */
function exact(value: bigint, text: string, what: string): bigint {
  if (value < LONG_MIN || value > LONG_MAX) throw new DateTimeParseException(`Text '${text}' cannot be parsed to a Duration: ${what}`);
  return value;
}

function parseNumber(text: string, part: string | undefined, multiplier: bigint, what: string): bigint {
  return part === undefined ? 0n : exact(exact(BigInt(part), text, what) * multiplier, text, what);
}

/** The duration in seconds, or a thrown DateTimeParseException as the JDK throws it. */
export function parseJavaDuration(text: string): number {
  const match = PATTERN.exec(text);
  const [, sign, days, time, hours, minutes, seconds, fraction] = match ?? [];
  if (!match || time === 'T' || [days, hours, minutes, seconds].every((part) => part === undefined)) {
    throw new DateTimeParseException(`Text '${text}' cannot be parsed to a Duration`);
  }
  const [daysAsSecs, hoursAsSecs, minsAsSecs, secs] = [parseNumber(text, days, 86400n, 'days'), parseNumber(text, hours, 3600n, 'hours'), parseNumber(text, minutes, 60n, 'minutes'), parseNumber(text, seconds, 1n, 'seconds')];
  // create(): addExact(days, addExact(hours, addExact(mins, secs))), in that order
  const whole = exact(daysAsSecs + exact(hoursAsSecs + exact(minsAsSecs + secs, text, 'overflow'), text, 'overflow'), text, 'overflow');
  const secondsSign = seconds?.startsWith('-') ? -1 : 1;
  const total = Number(whole) + secondsSign * Number(`0.${fraction ?? ''}`);
  return sign === '-' ? -total : total;
}

/** Duration#toMillis as the Zeebe client calls it for a backoff or a TTL: an ArithmeticException past a long of milliseconds. */
export function fitsInMillis(seconds: number): boolean {
  return Math.abs(seconds) * 1000 <= Number(LONG_MAX);
}
