/**
 * Ctrl-C or a SIGTERM that arrives while a few renames make a set of files
 * visible would leave half the set new and half old. Held for those
 * milliseconds, the signal is raised again once they are done, so the
 * command still dies of it (130/143, never 0) with the set complete.
 */
const HELD: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export async function withSignalsHeld<T>(work: () => Promise<T>): Promise<T> {
  let received: NodeJS.Signals | undefined;
  const hold = (signal: NodeJS.Signals) => {
    received ??= signal;
  };
  for (const signal of HELD) process.on(signal, hold);
  try {
    return await work();
  } finally {
    // A signal that came during the last step reaches its listener on the loop's next turn; stop listening only after it.
    await new Promise((resolve) => setImmediate(resolve));
    for (const signal of HELD) process.removeListener(signal, hold);
    if (received) process.kill(process.pid, received);
  }
}
