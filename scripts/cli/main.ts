import { isUserError } from '../../core/errors';
import type { CliIo } from './command';
import { commands } from './commands';
import { fileSystemUserError } from '../io/file-errors';
import { packageVersion } from '../io/package-root';
import { textWithoutUserInfo } from '../http/url-secrets';

const PROGRAM = 'camunda-servicenow';

/** Runs one command line and returns the exit code (0 ok, 1 user error, 2 internal error). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(await overview());
    return name ? 0 : 1;
  }
  if (name === '--version') {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    io.stderr.write(`${PROGRAM}: unknown command "${name}". Run "${PROGRAM} --help" for the list of commands.\n`);
    return 1;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return reportError(error, `${PROGRAM} ${name}`, io, { json: rest.includes('--json') || rest.includes('--jsonl') });
  }
}

/**
 * Prints a failure on stderr and returns its exit code: 1 for what the user
 * can fix (bad input, file-system problems), 2 for a bug. With --json the
 * same goes out as one JSON object, {"error": {"kind", "message", "details"}}.
 */
export function reportError(thrown: unknown, prefix: string, io: CliIo, options: { json?: boolean } = {}): number {
  const error = fileSystemUserError(thrown) ?? thrown;
  // Messages may quote what the user typed, and that may be a URL with a password in it.
  const report = (kind: 'user' | 'internal', message: string, details: string[], text: string) => {
    const masked = { kind, message: textWithoutUserInfo(message), details: details.map(textWithoutUserInfo) };
    io.stderr.write(options.json ? `${JSON.stringify({ error: masked })}\n` : textWithoutUserInfo(text));
  };
  if (isUserError(error)) {
    report('user', error.message, error.details ?? [], `${prefix}: ${error.message}\n${(error.details ?? []).map((line) => `  ${line}\n`).join('')}`);
    return 1;
  }
  if (isArgumentError(error)) {
    const message = (error as Error).message;
    report('user', message, [`Run "${prefix} --help" for usage.`], `${prefix}: ${message}. Run "${prefix} --help" for usage.\n`);
    return 1;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  report('internal', `internal error, please report it: ${error instanceof Error ? error.message : String(error)}`, message.split('\n').slice(1).map((line) => line.trim()), `${prefix}: internal error, please report it: ${message}\n`);
  return 2;
}

/** node:util parseArgs throws these for unknown or malformed options. */
function isArgumentError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  return code.startsWith('ERR_PARSE_ARGS_');
}

async function overview(): Promise<string> {
  const lines = [`Usage: ${PROGRAM} <command> [options]`, '', 'Commands:'];
  for (const [name, load] of Object.entries(commands)) {
    const command = await load();
    lines.push(`  ${name.padEnd(16)} ${command.summary}`);
  }
  lines.push('', `Run "${PROGRAM} <command> --help" for the options of a command.`, '');
  return lines.join('\n');
}
