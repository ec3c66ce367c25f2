/**
 * Acceptance over real queries from public sources (corpus/queries.json,
 * each with its source): none gets a syntax error and each prints back to
 * itself. Broken variants (corpus/broken.json) get the expected findings.
 * Real queries with their table (corpus/table-queries.json) get no false
 * error from the bundled snapshot.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Metadata } from '../../../core/metadata/model';
import { checkQuery, parseQuery, printQuery } from '../../../core/query/index';
import { readSnapshot } from '../../../scripts/metadata/read-snapshot';
import { metadata } from './metadata';

interface CorpusEntry { query: string; source: string }
interface Finding { code: string; severity: string; range: string }
interface BrokenEntry { query: string; table?: string; expected: Finding[] }
interface TableEntry { table: string; query: string; source: string; expected?: Finding[] }

const corpus = JSON.parse(readFileSync(join(__dirname, 'corpus', 'queries.json'), 'utf8')) as { queries: CorpusEntry[] };
const broken = JSON.parse(readFileSync(join(__dirname, 'corpus', 'broken.json'), 'utf8')) as { queries: BrokenEntry[] };
const tableQueries = JSON.parse(readFileSync(join(__dirname, 'corpus', 'table-queries.json'), 'utf8')) as { queries: TableEntry[] };

function findings(query: string, options: Parameters<typeof checkQuery>[1]): Finding[] {
  return checkQuery(query, options).diagnostics.map((diagnostic) => ({ code: diagnostic.code, severity: diagnostic.severity, range: query.slice(diagnostic.start, diagnostic.end) }));
}

describe('core/query - corpus of real queries', () => {
  it('holds at least 150 distinct queries, each with a source', () => {
    expect(new Set(corpus.queries.map((entry) => entry.query)).size).toBe(corpus.queries.length);
    expect(corpus.queries.length).toBeGreaterThanOrEqual(150);
    expect(corpus.queries.every((entry) => entry.source.length > 10)).toBe(true);
  });

  it.each(corpus.queries.map((entry) => [entry.query, entry.source]))('%s (%s) has no parser error and round-trips', (query) => {
    // when
    const { ast, diagnostics } = parseQuery(query);
    const checked = checkQuery(query);

    // then
    expect(diagnostics.filter((diagnostic) => diagnostic.code.startsWith('syntax.') && diagnostic.severity === 'error')).toEqual([]);
    expect(checked.diagnostics.filter((diagnostic) => diagnostic.code.startsWith('syntax.') && diagnostic.severity === 'error')).toEqual([]);
    // Every error the parser reports, whatever its code, refuses a real query.
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(printQuery(ast)).toBe(query);
  });
});

describe('core/query - broken variants', () => {
  it.each(broken.queries.map((entry) => [entry.query, entry]))('%s', (query, entry) => {
    // when
    const found = findings(query, entry.table ? { table: entry.table, metadata: metadata() } : {});

    // then
    expect(found).toEqual(entry.expected);
  });
});

describe('core/query - real queries with their table, against the bundled snapshot', () => {
  let bundled: Metadata;
  beforeAll(async () => {
    bundled = await readSnapshot();
  });

  it('holds at least 250 distinct queries, each with a source and a table the snapshot has', () => {
    expect(new Set(tableQueries.queries.map((entry) => `${entry.table} ${entry.query}`)).size).toBe(tableQueries.queries.length);
    expect(tableQueries.queries.length).toBeGreaterThanOrEqual(250);
    expect(tableQueries.queries.every((entry) => entry.source.length > 10 && bundled.tables.has(entry.table))).toBe(true);
  });

  // Info findings (a table outside the snapshot, a style hint) say nothing false, so only errors and warnings count.
  it.each(tableQueries.queries.map((entry) => [entry.table, entry.query, entry]))('%s: %s gets only the findings it lists', (table, query, entry) => {
    // when
    const found = findings(query, { table, metadata: bundled }).filter((finding) => finding.severity !== 'info');

    // then
    expect(found).toEqual(entry.expected ?? []);
  });
});
