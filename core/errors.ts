/**
 * An error the user can fix: bad input, a missing file, an unknown table.
 * The CLI prints its message on one line and exits with code 1; anything
 * else that is thrown is an internal error (exit code 2).
 */
export class UserError extends Error {
  override name = 'UserError';
  /** Extra lines (for example one per bad record) shown below the message. */
  readonly details: string[];

  constructor(message: string, details: string[] = []) {
    super(message);
    this.details = details;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError || (error instanceof Error && error.name === 'UserError');
}
