import { ServiceNowClient } from '../servicenow-http/client';
import { isHibernatingPage } from '../../core/instance-answers';
import { HIBERNATING_ADVICE, isServiceNowError, looksLikeHtml, roleHintFor, type ServiceNowError } from '../servicenow-http/errors';
import { CHECK_FIELDS, REQUIRED_FIELDS } from '../fetch-metadata/queries';

export interface CheckResult {
  step: string;
  ok: boolean;
  /** One line: what was found. */
  message: string;
  /** What to do, when it failed (or a warning when it passed). */
  details: string[];
}

const METADATA_TABLES = ['sys_db_object', 'sys_dictionary', 'sys_dictionary_override', 'sys_choice'] as const;
type MetadataTable = (typeof METADATA_TABLES)[number];
const isMetadataTable = (table: string): table is MetadataTable => (METADATA_TABLES as readonly string[]).includes(table);
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
        details: isHibernatingPage(answer.text)
          ? [HIBERNATING_ADVICE]
          : ['The instance is hibernating, behind a login page or a proxy. Wake a developer instance at developer.servicenow.com, or check the --instance URL.']
      };
    }
    const tls = baseUrl.startsWith('https:') ? ', TLS certificate accepted' : '';
    return { step, ok: true, message: `${new URL(baseUrl).host} answered (HTTP ${answer.status}${tls})`, details: [] };
  } catch (error) {
    if (!isServiceNowError(error)) throw error;
    return failure(error.kind === 'tls' ? 'TLS' : step, error);
  }
}

interface ReadCheck {
  rows?: number;
  /** X-Total-Count: the matching records before read ACLs dropped any. */
  counted?: number;
  /** Fields fetch-metadata needs that the first record came without (field ACLs). */
  hiddenFields?: string[];
  error?: ServiceNowError;
}

/** Reads one record, with the fields fetch-metadata needs for a metadata table, to see what ACLs let through. */
async function checkRead(client: ServiceNowClient, table: string): Promise<ReadCheck> {
  const required = isMetadataTable(table) ? [...REQUIRED_FIELDS[table], ...(CHECK_FIELDS[table] ?? [])] : [];
  try {
    const response = await client.getTable(table, { sysparm_limit: '1', sysparm_fields: [...new Set(['sys_id', ...required])].join(',') });
    const rows = Array.isArray(response.body.result) ? (response.body.result as Record<string, unknown>[]) : [];
    const total = response.headers.get('x-total-count');
    const first = rows[0];
    return {
      rows: rows.length,
      ...(total !== null && /^\d+$/.test(total) ? { counted: Number(total) } : {}),
      ...(first ? { hiddenFields: required.filter((field) => !(field in first)) } : {})
    };
  } catch (error) {
    if (isServiceNowError(error)) return { error };
    throw error;
  }
}

function readResult(table: string, read: ReadCheck): CheckResult {
  const step = `read ${table}`;
  if (read.error) return failure(step, read.error);
  const mustHaveRecords = isMetadataTable(table) && !MAY_BE_EMPTY.has(table);
  // ServiceNow counts before it applies read ACLs to the page (KB3047115): a count with no row is hidden rows, not an empty table.
  const hidden = read.rows === 0 && (read.counted ?? 0) > 0;
  if (hidden && isMetadataTable(table)) {
    return {
      step,
      ok: false,
      message: `allowed, but read ACLs hide its records (the instance counts ${read.counted}, none visible)`,
      details: [`Reading ${table} usually needs ${roleHintFor(table)}; ask an administrator to grant it to the integration user.`]
    };
  }
  if (read.rows === 0 && mustHaveRecords) {
    return {
      step,
      ok: false,
      message: 'allowed, but no record is visible',
      details: [`ServiceNow hides records the user may not read; reading ${table} usually needs ${roleHintFor(table)}.`]
    };
  }
  if (read.hiddenFields && read.hiddenFields.length > 0) {
    return {
      step,
      ok: false,
      message: `allowed, but field ACLs hide ${read.hiddenFields.join(', ')}`,
      details: [
        'ServiceNow leaves out the fields a user may not read; fetch-metadata needs them to tell mandatory, read-only and typed columns apart.',
        `Reading ${table} usually needs ${roleHintFor(table)}; or ask an administrator to check the read ACLs on ${read.hiddenFields.map((field) => `${table}.${field.split('.')[0]}`).join(', ')}.`
      ]
    };
  }
  if (hidden) {
    return { step, ok: true, message: `allowed (no records visible: read ACLs hide the ${read.counted} the instance counts)`, details: [`fetch-metadata reads only the metadata of ${table}; its records need ${roleHintFor(table)}.`] };
  }
  if (read.rows === 0) {
    return { step, ok: true, message: 'allowed (no records visible)', details: [`Either it is empty or ACLs hide its records (reading ${table} usually needs ${roleHintFor(table)}).`] };
  }
  return { step, ok: true, message: 'allowed', details: [] };
}

function failure(step: string, error: ServiceNowError): CheckResult {
  return { step, ok: false, message: error.message, details: error.details };
}
