import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { CliIo } from '../cli/command';
import type { SecretPrompt } from './credentials';

/**
 * A prompt on the terminal (standard error, so standard output stays data),
 * echoing nothing for secrets; undefined when either end is not a terminal.
 */
export function terminalPrompt(io: CliIo): SecretPrompt | undefined {
  const stdin = io.stdin as CliIo['stdin'] & { isTTY?: boolean };
  if (!stdin.isTTY || !io.stderr.isTTY) return undefined;
  return (question, { hidden }) =>
    new Promise((resolve) => {
      let muted = false;
      const output = new Writable({
        write(chunk, encoding, callback) {
          if (!muted) io.stderr.write(chunk, encoding);
          callback();
        }
      });
      const readline = createInterface({ input: io.stdin, output, terminal: true });
      readline.question(question, (answer) => {
        readline.close();
        if (hidden) io.stderr.write('\n');
        resolve(answer);
      });
      muted = hidden;
    });
}
