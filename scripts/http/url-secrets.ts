/**
 * URLs come from options, environment variables and redirect headers, and any
 * of them may carry a secret: `user:password@` before the host, a token in the
 * query (`?SAMLRequest=`, `?key=`) or in the fragment (`#access_token=`, as
 * OAuth's implicit flow sends it). One home for showing a URL in a message
 * without them, and for telling that one holds a user and password.
 */

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * `url` (resolved against `base` when relative) without user, password,
 * query and fragment. Text that does not parse as a URL is cut the same way,
 * so that a typo in a URL with a password does not print the password.
 */
export function urlWithoutSecrets(url: string, base?: string): string {
  try {
    const parsed = new URL(url, base);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    parsed.hash = '';
    return parsed.href;
  } catch {
    const beforeQuery = url.split(/[?#]/)[0] ?? '';
    const scheme = SCHEME.exec(beforeQuery)?.[0] ?? '';
    const at = beforeQuery.lastIndexOf('@');
    return at < 0 ? beforeQuery : `${scheme}${beforeQuery.slice(at + 1)}`;
  }
}

/** Whether `url` names a user (and password) before its host; for text that does not parse, whether it has an `@` before its query. */
export function hasUserInfo(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '';
  } catch {
    return (url.split(/[?#]/)[0] ?? '').includes('@');
  }
}

/**
 * `text` with the user and password of every URL in it masked, for messages
 * that quote what the user typed (an argument parseArgs refuses, a path that
 * does not exist): an instance URL typed in the wrong place still names its
 * host, never its password.
 */
export function textWithoutUserInfo(text: string): string {
  // Up to the last @ before the path: a password may hold an @ of its own.
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#'"]*@/gi, '$1***@');
}
