import { PassThrough, Readable } from 'node:stream';
import type { Command } from '../../../scripts/cli/command';
import { reportError } from '../../../scripts/cli/main';
import type { CliResult } from '../../helpers/cli';

/**
 * Runs one command object in-process the way `main` does (same error
 * reporting and exit codes), so that tests can pass a command built with
 * injected dependencies (a sleep that does not wait) and a fake terminal.
 */
export async function runCommand(command: Command, argv: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; tty?: boolean } = {}): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  stdout.on('data', (chunk: Buffer) => chunks.stdout.push(chunk));
  stderr.on('data', (chunk: Buffer) => chunks.stderr.push(chunk));
  const io = { stdout, stderr, stdin: Readable.from([]), env: options.env ?? {}, cwd: options.cwd ?? process.cwd() };
  let code: number;
  try {
    code = await command.run(argv, io);
  } catch (error) {
    code = reportError(error, `camunda-servicenow ${command.name}`, io);
  }
  return { code, stdout: Buffer.concat(chunks.stdout).toString('utf8'), stderr: Buffer.concat(chunks.stderr).toString('utf8') };
}
