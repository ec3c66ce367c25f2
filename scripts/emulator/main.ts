/**
 * `npm run emulator [-- --metadata <dir>] [--port <n>]`: starts the Table API
 * emulator on 127.0.0.1 with the bundled snapshot (or the given one) and
 * prints its URL and the credentials it accepts, until Ctrl+C.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_OAUTH_CLIENT, DEFAULT_USER, startEmulator } from './server';
import { loadEmulatorSnapshot } from './snapshot-source';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { metadata: { type: 'string' }, port: { type: 'string', default: '0' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be a port number (0 picks a free one)');
  const snapshot = await loadEmulatorSnapshot(values.metadata);
  const emulator = await startEmulator({ snapshot, port });
  const tables = [...(snapshot.metadata?.tables.keys() ?? [])].sort();
  process.stdout.write(
    [
      `ServiceNow Table API emulator listening on ${emulator.url}`,
      `  tables: ${tables.join(', ')} (+ sys_db_object, sys_dictionary, sys_dictionary_override, sys_choice)`,
      `  Basic: SERVICENOW_USERNAME=${DEFAULT_USER.username} SERVICENOW_PASSWORD=${DEFAULT_USER.password}`,
      `  OAuth: SERVICENOW_CLIENT_ID=${DEFAULT_OAUTH_CLIENT.clientId} SERVICENOW_CLIENT_SECRET=${DEFAULT_OAUTH_CLIENT.clientSecret}`,
      `  try:   camunda-servicenow test-connection --instance ${emulator.url}`,
      `  faults: curl -X POST -H 'Content-Type: application/json' -d '{"kind":"rate-limit","retryAfterSeconds":5}' ${emulator.url}/__emulator/faults`,
      'Press Ctrl+C to stop.',
      ''
    ].join('\n')
  );
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
