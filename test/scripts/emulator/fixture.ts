import { DEFAULT_OAUTH_CLIENT, DEFAULT_USER, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../scripts/emulator/server';
import { emulatorSnapshotFromRecords } from '../../../scripts/emulator/snapshot-source';
import { syntheticSnapshot, type SyntheticOptions } from '../../../scripts/emulator/synthetic';

/** An emulator serving a synthetic instance (task, sys_user and the given custom tables). */
export async function startSyntheticEmulator(synthetic: SyntheticOptions, options: Omit<EmulatorOptions, 'snapshot'> = {}): Promise<RunningEmulator> {
  const records = syntheticSnapshot(synthetic);
  const complete = records.sys_db_object.map((table) => table.name ?? '');
  return startEmulator({ snapshot: emulatorSnapshotFromRecords(records, complete), ...options });
}

export const basicHeader = `Basic ${Buffer.from(`${DEFAULT_USER.username}:${DEFAULT_USER.password}`).toString('base64')}`;

/** The emulator's default credentials as the environment variables the CLI reads. */
export const basicEnv = { SERVICENOW_USERNAME: DEFAULT_USER.username, SERVICENOW_PASSWORD: DEFAULT_USER.password };
export const oauthEnv = { SERVICENOW_CLIENT_ID: DEFAULT_OAUTH_CLIENT.clientId, SERVICENOW_CLIENT_SECRET: DEFAULT_OAUTH_CLIENT.clientSecret };
export const allSecrets = [DEFAULT_USER.password, DEFAULT_OAUTH_CLIENT.clientSecret, basicHeader.slice('Basic '.length)];

/** A JSON request to the emulator with Basic auth. */
export async function call(emulator: RunningEmulator, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; json: unknown; text: string }> {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { Authorization: basicHeader, Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {})
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}
