/**
 * `check-query --jsonl`: one `{"table": "incident" | null, "query": "..."}`
 * per input line (optionally `"feel": true | false`, default --feel), one
 * result line per input line (blank and unreadable ones too), in order. Lines are
 * processed as they arrive, so large inputs stream.
 */
import { createInterface } from 'node:readline';
import { utf8Text } from '../io/text-file';
import type { Readable, Writable } from 'node:stream';
import { checkQuery, type CheckOptions } from '../../core/query/index';
import { checkFeelExpression } from './check-feel';
import type { Metadata } from '../../core/metadata/model';
import { resultJson } from './format';
import { unknownTable } from './unknown-table';

export interface BatchOutcome {
  lines: number;
  /** Lines with an error diagnostic or unreadable input. */
  failed: number;
}

export async function runBatch(input: Readable, output: Writable, loadMetadata: () => Promise<Metadata>, defaults: { feel: boolean } = { feel: false }): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { lines: 0, failed: 0 };
  let metadata: Metadata | undefined;
  let lineNumber = 0;
  for await (const read of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++;
    outcome.lines++;
    // The first line tells the encoding of the whole stream: UTF-16 would make every line unreadable.
    const line = lineNumber === 1 ? utf8Text(read, 'standard input') : read;
    const request = line.trim() === '' ? `line ${lineNumber} is blank; expected {"table": "incident" | null, "query": "..."}` : readRequest(line, lineNumber, defaults.feel);
    const options: CheckOptions = {};
    if (typeof request !== 'string' && request.table !== null) {
      metadata ??= await loadMetadata();
      options.table = request.table;
      options.metadata = metadata;
    }
    const unknown = typeof request !== 'string' && request.table !== null ? unknownTable(request.table, metadata!) : undefined;
    if (typeof request === 'string' || unknown) {
      outcome.failed++;
      output.write(`${JSON.stringify({ ok: false, diagnostics: [], explanation: '', error: typeof request === 'string' ? request : `line ${lineNumber}: ${unknown}` })}\n`);
      continue;
    }
    const result = request.feel ? checkFeelExpression(request.query, options) : checkQuery(request.query, options);
    if (!result.ok) outcome.failed++;
    output.write(`${JSON.stringify(resultJson(result))}\n`);
  }
  return outcome;
}

/** The request on one line, or why it cannot be read. */
function readRequest(line: string, lineNumber: number, defaultFeel: boolean): { table: string | null; query: string; feel: boolean } | string {
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
  if (record.feel !== undefined && typeof record.feel !== 'boolean') return `line ${lineNumber}: "feel" must be true or false`;
  return { table: typeof record.table === 'string' ? record.table : null, query: record.query, feel: record.feel ?? defaultFeel };
}
