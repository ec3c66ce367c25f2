/**
 * Why a request got no HTTP answer at all. `unreachable` and `tls` are
 * configuration problems that a retry does not fix; the others are transient.
 */
export type TransportKind = 'timeout' | 'unreachable' | 'tls' | 'reset';

export interface TransportFailure {
  kind: TransportKind;
  /** The system error code (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED, ...), when there is one. */
  code?: string;
  /** The fetch() error, for a message when there is no code. */
  cause: unknown;
}

export function isTransient(failure: TransportFailure): boolean {
  return failure.kind === 'timeout' || failure.kind === 'reset';
}

/** Classifies a fetch() rejection (undici wraps the system error in `cause`). */
export function classifyTransport(error: unknown): TransportFailure {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'timeout', cause: error };
  const code = causeCode(error);
  const withCode = code ? { code } : {};
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return { kind: 'unreachable', ...withCode, cause: error };
  }
  if (code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|SSL|TLS|EPROTO/.test(code)) return { kind: 'tls', ...withCode, cause: error };
  return { kind: 'reset', ...withCode, cause: error };
}

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (code === 'UND_ERR_SOCKET') return 'ECONNRESET';
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The code, or the error's own words when there is no code. */
export function transportReason(failure: TransportFailure): string {
  return failure.code ?? (failure.cause instanceof Error ? failure.cause.message : 'unknown');
}
