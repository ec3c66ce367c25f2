/**
 * Acceptance over real queries from public sources (corpus/queries.json,
 * each with its source): none gets a syntax error and each prints back to
 * itself. Broken variants (corpus/broken.json) get the expected findings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkQuery, parseQuery, printQuery } from '../../../core/query/index';
import { metadata } from './metadata';

interface CorpusEntry { query: string; source: string }
interface BrokenEntry { query: string; table?: string; expected: Array<{ code: string; severity: string; range: string }> }

const corpus = JSON.parse(readFileSync(join(__dirname, 'corpus', 'queries.json'), 'utf8')) as { queries: CorpusEntry[] };
const broken = JSON.parse(readFileSync(join(__dirname, 'corpus', 'broken.json'), 'utf8')) as { queries: BrokenEntry[] };

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
    const options = entry.table ? { table: entry.table, metadata: metadata() } : {};
    const result = checkQuery(query, options);

    // then
    const found = result.diagnostics.map((diagnostic) => ({ code: diagnostic.code, severity: diagnostic.severity, range: query.slice(diagnostic.start, diagnostic.end) }));
    expect(found).toEqual(entry.expected);
  });
});
