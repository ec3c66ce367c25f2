/**
 * A query written in a URL (`…/api/now/table/incident?sysparm_query=active%3Dtrue&sysparm_limit=5`)
 * is checked as ServiceNow reads it: decoded once, whether it was written
 * percent-encoded or not. Camunda's REST connector parses the URL with
 * google-http-client's GenericUrl, which decodes each query parameter (`%XX`
 * as UTF-8, `+` as a space) and encodes it again before sending
 * (camunda/connectors connector-commons/http-client/src/main/java/io/camunda/
 * connector/http/client/client/apache/builder/parts/UrlEncoder.java, and its
 * UrlEncoderTest: `?query=hello%3Fworld?` is sent as `?query=hello?world?`,
 * `?hello+world` as `?hello%20world`). Diagnostics are mapped back onto the
 * URL as written, a percent-escape standing for the character it decodes to.
 */
import type { CheckOptions, CheckResult } from './check-result';
import { buildSent, mapBack, type Push, type Sent } from './sent-text';

type Check = (text: string, options: CheckOptions) => CheckResult;

const PARAMETER = 'sysparm_query';

/** Whether the URL text names a `sysparm_query` parameter (plain, or in a FEEL string literal). */
export function hasUrlQuery(url: string): boolean {
  return /[?&]sysparm_query=/.test(url);
}

/**
 * Checks the `sysparm_query` value of a URL's query string; undefined when
 * it has none. The query string runs from the first `?` to a `#`;
 * parameters are split at `&` and named up to their first `=`, as GenericUrl
 * reads them (so an encoded `%26` stays inside the value).
 */
export function checkUrlText(url: string, options: CheckOptions, check: Check): CheckResult | undefined {
  const span = queryValueSpan(url);
  if (!span) return undefined;
  const sent = decodeQueryValue(url, span.start, span.end);
  return mapBack(check(sent.text, options), sent, span.end, escapeQueryValue);
}

function queryValueSpan(url: string): { start: number; end: number } | undefined {
  const question = url.indexOf('?');
  if (question < 0) return undefined;
  const hash = url.indexOf('#', question);
  const end = hash < 0 ? url.length : hash;
  let from = question + 1;
  while (from <= end) {
    const amp = url.indexOf('&', from);
    const to = amp < 0 || amp > end ? end : amp;
    if (url.startsWith(`${PARAMETER}=`, from)) return { start: from + PARAMETER.length + 1, end: to };
    from = to + 1;
  }
  return undefined;
}

/** The value decoded as ServiceNow reads it, each character with the range of the URL it was written as. */
function decodeQueryValue(url: string, start: number, end: number): Sent {
  return buildSent((push) => {
    for (let index = start; index < end;) {
      const bytes: { byte: number; at: number }[] = [];
      while (index < end && isEscape(url, index)) {
        bytes.push({ byte: parseInt(url.slice(index + 1, index + 3), 16), at: index });
        index += 3;
      }
      if (bytes.length > 0) {
        pushDecoded(bytes, push);
        continue;
      }
      const char = url.charAt(index);
      // A `%` that starts no escape is kept as written.
      push(char === '+' ? ' ' : char, index, index + 1);
      index++;
    }
  });
}

function isEscape(url: string, index: number): boolean {
  return url.charAt(index) === '%' && /^[0-9A-Fa-f]{2}$/.test(url.slice(index + 1, index + 3));
}

/** A run of `%XX` escapes read as UTF-8: each character spans the escapes of its bytes. */
function pushDecoded(bytes: { byte: number; at: number }[], push: Push): void {
  const text = new TextDecoder().decode(Uint8Array.from(bytes.map((each) => each.byte)));
  const encoder = new TextEncoder();
  let used = 0;
  for (const char of text) {
    const length = Math.max(1, Math.min(encoder.encode(char).length, bytes.length - used));
    const first = bytes[Math.min(used, bytes.length - 1)]!;
    const last = bytes[Math.min(used + length, bytes.length) - 1]!;
    // An astral character is two UTF-16 units of the checked text: both stand for its escapes.
    for (const unit of char.split('')) push(unit, first.at, last.at + 3);
    used += length;
  }
}

/** A suggestion as it is written into the URL: the characters that would decode to something else are escaped. */
function escapeQueryValue(text: string): string {
  return text.replace(/[%&+#\s]/g, (char) => encodeURIComponent(char));
}
