import { UserError } from '../errors';
import type { MetadataWarning } from './model';

/** One broken input record: which file, which record, what is wrong. */
export interface Problem {
  file: string;
  /** `record 3 (incident.caller_id, sys_id …)`, or absent for a whole-file problem. */
  record?: string;
  message: string;
}

/**
 * Collects every problem of a snapshot instead of stopping at the first, so
 * that one run tells the user everything to fix.
 */
export class Problems {
  readonly errors: Problem[] = [];
  readonly warnings: MetadataWarning[] = [];

  error(file: string, record: string | undefined, message: string): void {
    this.errors.push(record === undefined ? { file, message } : { file, record, message });
  }

  warn(file: string, record: string | undefined, message: string): void {
    this.warnings.push(record === undefined ? { file, message } : { file, record, message });
  }

  /**
   * Parses a snapshot file's JSON; on a syntax error reports it (with what the
   * file should hold) and returns `undefined`, so the caller skips the file.
   */
  parseJson(file: string, text: string, expected?: string): unknown {
    try {
      return JSON.parse(text);
    } catch (error) {
      this.error(file, undefined, `not valid JSON (${(error as Error).message})${expected ? `; expected ${expected}` : ''}`);
      return undefined;
    }
  }

  /** Throws one UserError listing every error, when there is any. */
  throwIfAny(source: string): void {
    if (this.errors.length === 0) return;
    const count = this.errors.length === 1 ? '1 problem' : `${this.errors.length} problems`;
    throw new UserError(
      `The metadata snapshot ${source} is invalid (${count}); fix the records below or fetch the snapshot again.`,
      this.errors.map(formatProblem)
    );
  }
}

export function formatProblem(problem: { file?: string; record?: string; message: string }): string {
  const where = [problem.file, problem.record].filter(Boolean).join(' ');
  return where ? `${where}: ${problem.message}` : problem.message;
}
