import type { Command } from './command';

/**
 * Every subcommand, loaded lazily so that `check-query` does not pay for the
 * template validator. Add one line per command.
 */
export const commands: Record<string, () => Promise<Command>> = {
  generate: async () => (await import('../generate/command')).command,
  validate: async () => (await import('../validate/command')).command,
  metadata: async () => (await import('../metadata/command')).command,
  'fetch-metadata': async () => (await import('../fetch-metadata/command')).command,
  'test-connection': async () => (await import('../test-connection/command')).command,
  publish: async () => (await import('../publish/command')).command,
  lint: async () => (await import('../lint/command')).command,
  'check-query': async () => (await import('../check-query/command')).command,
  'servicenow-artifacts': async () => (await import('../servicenow-artifacts/command')).command
};
