/** How a client retries transient failures. `sleep` is injectable so that tests never really wait. */
export interface RetryPolicy {
  /** The wait before each retry, in order; their count is the number of retries. */
  delaysMs: readonly number[];
  /** The longest Retry-After the client waits for; a server asking for more fails the request at once. */
  maxRetryAfterMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** `retries` delays doubling from `firstMs`, each at most `capMs`. */
export function exponentialDelays(firstMs: number, capMs: number, retries: number): number[] {
  return Array.from({ length: retries }, (_, index) => Math.min(capMs, firstMs * 2 ** index));
}

/** ServiceNow: four retries, 0.5 s doubling (fetch-metadata's `--retries` sets the count). */
export const SERVICENOW_RETRY: RetryPolicy = { delaysMs: exponentialDelays(500, 8_000, 4), maxRetryAfterMs: 120_000, sleep: realSleep };

/** Web Modeler and the Camunda API: three retries (0.5 s, 2 s, 5 s), as the README promises for `publish`. */
export const CAMUNDA_RETRY: RetryPolicy = { delaysMs: [500, 2_000, 5_000], maxRetryAfterMs: 30_000, sleep: realSleep };

/**
 * Up to 20 % less than the planned delay, so that many clients that failed at
 * the same moment do not all come back at the same moment.
 */
export function withJitter(delayMs: number, random: () => number): number {
  return Math.round(delayMs * (0.8 + 0.2 * random()));
}

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: () => number = Date.now): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now()) / 1000)) * 1000;
}
