import { rmSync } from 'node:fs';

/**
 * Ctrl-C or a SIGTERM that arrives while a few renames make a set of files
 * visible would leave half the set new and half old. Held for those
 * milliseconds, the signal is raised again once they are done, so the
 * command still dies of it (130/143, never 0) with the set complete.
 * Outside those renames a signal ends the command at once, after removing
 * the temporary files it staged (`removedOnSignal`), so that an interrupted
 * run leaves no debris next to the user's files.
 */
const HELD: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

let holding = 0;

export async function withSignalsHeld<T>(work: () => Promise<T>): Promise<T> {
  let received: NodeJS.Signals | undefined;
  const hold = (signal: NodeJS.Signals) => {
    received ??= signal;
  };
  for (const signal of HELD) process.on(signal, hold);
  holding += 1;
  try {
    return await work();
  } finally {
    // A signal that came during the last step reaches its listener on the loop's next turn; stop listening only after it.
    await new Promise((resolve) => setImmediate(resolve));
    holding -= 1;
    for (const signal of HELD) process.removeListener(signal, hold);
    if (received) dieOf(received);
  }
}

/** Temporary files and folders staged so far, removed when a signal ends the command. */
const staged = new Set<string>();
let listening = false;

const onSignal = (signal: NodeJS.Signals): void => {
  // During the renames withSignalsHeld raises the signal again when they are done.
  if (holding === 0) dieOf(signal);
};

/**
 * Removes what is still staged and dies of `signal`, with no listener left, so
 * the default action ends the process at once. Listeners are only removed
 * here: a signal that libuv caught but whose listener was removed before it
 * ran would be dropped, and the command would go on to exit 0.
 */
function dieOf(signal: NodeJS.Signals): void {
  for (const path of staged) rmSync(path, { recursive: true, force: true });
  staged.clear();
  for (const each of HELD) process.removeListener(each, onSignal);
  listening = false;
  process.kill(process.pid, signal);
}

/**
 * Removes `path` (a temporary file or folder this run staged) if a signal ends
 * the command before the returned function is called, i.e. before the path
 * was renamed into place or removed by the command itself.
 */
export function removedOnSignal(path: string): () => void {
  if (!listening) for (const signal of HELD) process.on(signal, onSignal);
  listening = true;
  staged.add(path);
  return () => void staged.delete(path);
}
