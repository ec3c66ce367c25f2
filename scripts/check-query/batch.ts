/**
 * `check-query --jsonl`: one `{"table": "incident" | null, "query": "..."}`
 * per input line (optionally `"feel": true` for a FEEL expression), one
 * result line per input line, in order. Lines are
 * processed as they arrive, so large inputs stream.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { checkFeelQuery, checkQuery, type CheckOptions } from '../../core/query/index';
import type { Metadata } from '../../core/metadata/model';
import { resultJson } from './format';

export interface BatchOutcome {
  lines: number;
  /** Lines with an error diagnostic or unreadable input. */
  failed: number;
}

export async function runBatch(input: Readable, output: Writable, loadMetadata: () => Promise<Metadata>): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { lines: 0, failed: 0 };
  let metadata: Metadata | undefined;
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    outcome.lines++;
    const request = readRequest(line, lineNumber);
    if (typeof request === 'string') {
      outcome.failed++;
      output.write(`${JSON.stringify({ ok: false, diagnostics: [], explanation: '', error: request })}\n`);
      continue;
    }
    const options: CheckOptions = {};
    if (request.table !== null) {
      metadata ??= await loadMetadata();
      options.table = request.table;
      options.metadata = metadata;
    }
    const result = request.feel ? checkFeelQuery(request.query, options) : checkQuery(request.query, options);
    if (!result.ok) outcome.failed++;
    output.write(`${JSON.stringify(resultJson(result))}\n`);
  }
  return outcome;
}

/** The request on one line, or why it cannot be read. */
function readRequest(line: string, lineNumber: number): { table: string | null; query: string; feel: boolean } | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `line ${lineNumber} is not JSON (${(error as Error).message}); expected {"table": "incident" | null, "query": "..."}`;
  }
  const record = value as { table?: unknown; query?: unknown; feel?: unknown } | null;
  if (record === null || typeof record !== 'object' || Array.isArray(record) || typeof record.query !== 'string') {
    return `line ${lineNumber} has no "query" string; expected {"table": "incident" | null, "query": "..."}`;
  }
  if (record.table !== undefined && record.table !== null && typeof record.table !== 'string') {
    return `line ${lineNumber}: "table" must be a table name or null`;
  }
  return { table: typeof record.table === 'string' ? record.table : null, query: record.query, feel: record.feel === true };
}
