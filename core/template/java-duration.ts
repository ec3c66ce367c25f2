/** A section's number: at most ten digits after leading zeros, so that any duration fits java.time.Duration#toMillis. */
const NUMBER = '0*\\d{1,10}';

/**
 * An ISO-8601 duration that java.time.Duration.parse reads (JDK
 * java/time/Duration.java: days, hours, minutes and seconds in that
 * order, letters in either case, a fraction of at most nine digits after
 * `.` or `,`; "P" or "PT" alone refused) and that the runtime can use: no
 * signs (a negative wait means nothing) and no number so large that
 * `toMillis` overflows, which is what the Zeebe client sends for a
 * backoff or a message TTL. The connector runtime parses the
 * `retryBackoff` header, the polling intervals and the message TTL with
 * it, and fails the job or the subscription on text it refuses, so the
 * Modeler must refuse it first.
 */
export const JAVA_DURATION = `[Pp](?=\\d|[Tt]\\d)(?:${NUMBER}[Dd])?(?:[Tt](?=\\d)(?:${NUMBER}[Hh])?(?:${NUMBER}[Mm])?(?:${NUMBER}(?:[.,]\\d{0,9})?[Ss])?)?`;

/**
 * A JAVA_DURATION of at least one millisecond: a delay given to
 * ScheduledExecutorService.scheduleWithFixedDelay as `toMillis()`, which
 * throws on 0 (the HTTP Polling connector's ProcessInstancesFetcherTask
 * then reports the element down on every cycle and never polls). Either a
 * section's whole number has a non-zero digit, or the seconds' fraction
 * does within its first three digits.
 */
export const JAVA_DURATION_OF_A_MILLISECOND_OR_MORE = `(?=[^.,]*[1-9]|.*[.,]\\d{0,2}[1-9])${JAVA_DURATION}`;
