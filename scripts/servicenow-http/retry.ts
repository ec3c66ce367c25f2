/** How the client retries retriable failures. Delays are injectable so tests never really wait. */
export interface RetryPolicy {
  /** Total attempts per request, the first included. */
  maxAttempts: number;
  /** The first backoff delay; doubled on each further attempt. */
  baseDelayMs: number;
  /** The cap on one backoff delay. */
  maxDelayMs: number;
  /** The longest Retry-After the client accepts to wait; longer ones fail at once. */
  maxRetryAfterMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 120_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
};

/** Capped exponential backoff with a little jitter (deterministic when `random` is fixed). */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, retry - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);
  return Math.round(capped * (0.8 + 0.2 * random()));
}

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3), in seconds; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: () => number = Date.now): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now()) / 1000));
}
