import type { Readable, Writable } from 'node:stream';

/** What a command may touch: injected so that tests run commands in-process. */
export interface CliIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  stdin: Readable;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** One subcommand of `camunda-servicenow`. */
export interface Command {
  name: string;
  /** One line for the overview. */
  summary: string;
  /** The full `--help` text. */
  help: string;
  /** Returns the exit code: 0 success, 1 a user error it reported itself. */
  run(args: string[], io: CliIo): Promise<number>;
}
