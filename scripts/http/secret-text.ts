/**
 * Servers echo what they refuse: a proxy's or gateway's error page quotes the
 * request, a header field it found too large (Apache httpd's "Size of a
 * request header field exceeds server limit.<pre>Authorization: ...</pre>",
 * server/protocol.c), a form it could not read. One home for taking the
 * credentials out of such text before it is shown.
 */

/** `text` with every secret, as sent and as encoded in a URL, a form or a Basic header, replaced by `***`. */
export function withoutSecrets(text: string, secrets: readonly string[]): string {
  let scrubbed = text;
  // Longest first, so that a secret inside another (a password inside its Basic header) leaves no part behind.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret === '') continue;
    for (const form of new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)])) scrubbed = scrubbed.split(form).join('***');
  }
  return scrubbed;
}
