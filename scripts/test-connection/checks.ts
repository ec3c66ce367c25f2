import { ServiceNowClient } from '../servicenow-http/client';
import { isServiceNowError, looksLikeHtml, roleHintFor, type ServiceNowError } from '../servicenow-http/errors';

export interface CheckResult {
  step: string;
  ok: boolean;
  /** One line: what was found. */
  message: string;
  /** What to do, when it failed (or a warning when it passed). */
  details: string[];
}

const METADATA_TABLES = ['sys_db_object', 'sys_dictionary', 'sys_dictionary_override', 'sys_choice'];
/** Tables that may legitimately hold no record at all. */
const MAY_BE_EMPTY = new Set(['sys_dictionary_override']);

/**
 * Runs the checks in order and stops at the first one that makes the rest
 * meaningless: reachability and TLS, then credentials, then read access to
 * each metadata table (and to the tables given).
 */
export async function runChecks(client: ServiceNowClient, options: { tables: readonly string[] }): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const reachability = await checkReachable(client);
  results.push(reachability);
  if (!reachability.ok) return results;

  const credentials = await checkRead(client, 'sys_db_object');
  if (credentials.error?.kind === 'unauthorized' || (credentials.error && credentials.error.kind !== 'forbidden')) {
    results.push(failure('credentials', credentials.error));
    return results;
  }
  results.push({ step: 'credentials', ok: true, message: 'accepted by the instance', details: [] });

  for (const table of [...METADATA_TABLES, ...options.tables]) {
    const read = table === 'sys_db_object' ? credentials : await checkRead(client, table);
    results.push(readResult(table, read));
  }
  return results;
}

async function checkReachable(client: ServiceNowClient): Promise<CheckResult> {
  const { baseUrl } = client;
  const step = 'reachable (DNS, connection, TLS)';
  try {
    const answer = await client.reach('/api/now/table/sys_db_object?sysparm_limit=1&sysparm_fields=name');
    if (looksLikeHtml(answer.headers.get('content-type') ?? '', answer.text)) {
      return {
        step,
        ok: false,
        message: `${new URL(baseUrl).host} answered with an HTML page (HTTP ${answer.status}), not the Table API`,
        details: ['The instance is hibernating, behind a login page or a proxy. Wake a developer instance at developer.servicenow.com, or check the --instance URL.']
      };
    }
    const tls = baseUrl.startsWith('https:') ? ', TLS certificate accepted' : '';
    return { step, ok: true, message: `${new URL(baseUrl).host} answered (HTTP ${answer.status}${tls})`, details: [] };
  } catch (error) {
    if (!isServiceNowError(error)) throw error;
    return failure(error.kind === 'tls' ? 'TLS' : step, error);
  }
}

async function checkRead(client: ServiceNowClient, table: string): Promise<{ rows?: number; error?: ServiceNowError }> {
  try {
    const response = await client.getTable(table, { sysparm_limit: '1', sysparm_fields: 'sys_id' });
    return { rows: Array.isArray(response.body.result) ? response.body.result.length : 0 };
  } catch (error) {
    if (isServiceNowError(error)) return { error };
    throw error;
  }
}

function readResult(table: string, read: { rows?: number; error?: ServiceNowError }): CheckResult {
  const step = `read ${table}`;
  if (read.error) return failure(step, read.error);
  const mustHaveRecords = METADATA_TABLES.includes(table) && !MAY_BE_EMPTY.has(table);
  if (read.rows === 0 && mustHaveRecords) {
    return {
      step,
      ok: false,
      message: 'allowed, but no record is visible',
      details: [`ServiceNow hides records the user may not read; reading ${table} usually needs ${roleHintFor(table)}.`]
    };
  }
  if (read.rows === 0) {
    return { step, ok: true, message: 'allowed (no records visible)', details: [`Either it is empty or ACLs hide its records (reading ${table} usually needs ${roleHintFor(table)}).`] };
  }
  return { step, ok: true, message: 'allowed', details: [] };
}

function failure(step: string, error: ServiceNowError): CheckResult {
  return { step, ok: false, message: error.message, details: error.details };
}
