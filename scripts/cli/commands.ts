import type { Command } from './command';

/**
 * Every subcommand, loaded lazily so that `check-query` does not pay for the
 * template validator. Add one line per command.
 */
export const commands: Record<string, () => Promise<Command>> = {
  metadata: async () => (await import('../metadata/command')).command,
  publish: async () => (await import('../publish/command')).command
};
