import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { resolveCredentials } from '../../../scripts/servicenow-http/credentials';
import { terminalPrompt } from '../../../scripts/servicenow-http/prompt';

function terminal(input: string[]) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const stderr = Object.assign(new PassThrough(), { isTTY: true });
  const shown: string[] = [];
  stderr.on('data', (chunk: Buffer) => shown.push(chunk.toString('utf8')));
  // Type each answer once the previous question is on screen.
  let next = 0;
  stderr.on('data', () => {
    const line = input[next];
    if (line !== undefined) {
      next++;
      setImmediate(() => stdin.write(`${line}\n`));
    }
  });
  return { io: { stdin, stderr, stdout: new PassThrough(), env: {}, cwd: '/' }, shown };
}

describe('scripts/servicenow-http - prompt', () => {
  it('asks for the user name with echo and the password without', async () => {
    // given
    const { io, shown } = terminal(['integration.user', 'Sup3r-Secret']);

    // when
    const credentials = await resolveCredentials({}, 'auto', terminalPrompt(io));

    // then
    expect(credentials).toEqual({ kind: 'basic', username: 'integration.user', password: 'Sup3r-Secret' });
    const screen = shown.join('');
    expect(screen).toContain('ServiceNow user name: ');
    expect(screen).toContain('ServiceNow password: ');
    expect(screen).not.toContain('Sup3r-Secret');
  });

  it('does not prompt when standard input is not a terminal', () => {
    // given
    const io = { stdin: new PassThrough(), stderr: Object.assign(new PassThrough(), { isTTY: true }), stdout: new PassThrough(), env: {}, cwd: '/' };

    // then
    expect(terminalPrompt(io)).toBeUndefined();
  });
});
