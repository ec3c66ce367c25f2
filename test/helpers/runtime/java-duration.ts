/**
 * java.time.Duration.parse, which the connector runtime applies to
 * intervals and message TTLs (JDK 21 java/time/Duration.java: its PATTERN,
 * case-insensitive, matched whole; a "T" without a time section or a text
 * without any section is refused with "Text cannot be parsed to a Duration").
 */
const PATTERN = /^([-+]?)P(?:([-+]?[0-9]+)D)?(T(?:([-+]?[0-9]+)H)?(?:([-+]?[0-9]+)M)?(?:([-+]?[0-9]+)(?:[.,]([0-9]{0,9}))?S)?)?$/i;

export class DateTimeParseException extends Error {}

/** The duration in seconds, or a thrown DateTimeParseException as the JDK throws it. */
export function parseJavaDuration(text: string): number {
  const match = PATTERN.exec(text);
  const [, sign, days, time, hours, minutes, seconds, fraction] = match ?? [];
  if (!match || time?.toUpperCase() === 'T' || [days, hours, minutes, seconds].every((part) => part === undefined)) {
    throw new DateTimeParseException(`Text '${text}' cannot be parsed to a Duration`);
  }
  const secondsSign = seconds?.startsWith('-') ? -1 : 1;
  const total = Number(days ?? 0) * 86400 + Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0) + secondsSign * Number(`0.${fraction ?? ''}`);
  return sign === '-' ? -total : total;
}
