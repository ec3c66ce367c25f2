/**
 * An ISO-8601 duration as java.time.Duration.parse reads it (JDK 21
 * java/time/Duration.java PATTERN: days, hours, minutes, seconds with at
 * most nine fraction digits; no years or months; "P" or "PT" alone
 * refused). The connector runtime parses the `retryBackoff` header, the
 * polling intervals and the message TTL with it, and fails the job or the
 * subscription on text it refuses, so the Modeler must refuse it first.
 */
export const JAVA_DURATION = 'P(?=\\d|T\\d)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d{1,9})?S)?)?';
