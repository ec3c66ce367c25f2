/**
 * Encoded-query engine speed: a full check (parse, validate against the
 * bundled incident metadata, explain) per corpus query, long queries for
 * linear growth, and the ratio to a naive split('^') over the same corpus.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { checkQuery, complete, type CheckOptions } from '../core/query/index';
import { readSnapshot } from '../scripts/metadata/read-snapshot';

interface CorpusFile { queries: Array<{ query: string }> }

const corpus = (JSON.parse(readFileSync(join(__dirname, '..', 'test', 'core', 'query', 'corpus', 'queries.json'), 'utf8')) as CorpusFile).queries.map((entry) => entry.query);

/** Median time per call in microseconds, each query timed over `repeat` calls to get above timer resolution. */
function medianMicros(queries: string[], repeat: number, work: (query: string) => unknown): number {
  const times: number[] = [];
  let sink = 0;
  for (const query of queries) {
    const start = performance.now();
    for (let i = 0; i < repeat; i++) sink += work(query) ? 1 : 0;
    times.push(((performance.now() - start) * 1000) / repeat);
  }
  if (sink < 0) throw new Error('unreachable');
  return median(times);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Corpus queries joined with ^ until the text reaches `size` characters. */
function longQuery(size: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const part = corpus[i % corpus.length]!;
    parts.push(part);
    length += part.length + 1;
  }
  return parts.join('^');
}

function medianMillis(text: string, options: CheckOptions, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    checkQuery(text, options);
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Median time of one autocomplete on a 2 kB query, at the end of each of 40 terms spread over it (typing anywhere). */
function completeMicros(text: string, options: CheckOptions): number {
  const carets: number[] = [];
  for (let index = text.indexOf('^'); index >= 0; index = text.indexOf('^', index + 1)) carets.push(index);
  carets.push(text.length);
  const spread = carets.filter((_, index) => index % Math.max(1, Math.floor(carets.length / 40)) === 0);
  const times: number[] = [];
  let sink = 0;
  for (let round = 0; round < 5; round++) for (const caret of spread) sink += complete(text, caret, options).length;
  for (const caret of spread) {
    const start = performance.now();
    for (let i = 0; i < 50; i++) sink += complete(text, caret, options).length;
    times.push(((performance.now() - start) * 1000) / 50);
  }
  if (sink < 0) throw new Error('unreachable');
  return median(times);
}

/** Shapes that would expose a quadratic path: long caret runs, unclosed scripts, deep nesting, typos. */
const ADVERSARIAL: Record<string, (size: number) => string> = {
  'caret runs': (size) => '^'.repeat(size),
  'unclosed scripts': (size) => 'a=javascript:(^'.repeat(size / 15),
  'nested subqueries': (size) => 'SUBQUERYa,b,c^'.repeat(size / 14),
  'operator typos': (size) => 'aSTARTSWTIHx^'.repeat(size / 13),
  'escaped carets': (size) => `a=${'^^'.repeat(size / 2)}`,
  'one long list': (size) => `stateIN${'1,'.repeat(size / 2)}`
};

export default {
  name: 'query',
  async run(log: (line: string) => void): Promise<Record<string, number>> {
    const metadata = await readSnapshot();
    const options: CheckOptions = { table: 'incident', metadata };
    const check = (query: string) => checkQuery(query, options).ok;
    const split = (query: string) => query.split('^').length;
    // Warm up the JIT on both before measuring.
    for (let round = 0; round < 20; round++) for (const query of corpus) { check(query); split(query); }
    const checkMedian = medianMicros(corpus, 200, check);
    const splitMedian = medianMicros(corpus, 200, split);
    const tenKb = longQuery(10_000);
    const hundredKb = longQuery(100_000);
    medianMillis(hundredKb, options, 3);
    const tenMs = medianMillis(tenKb, options, 21);
    const hundredMs = medianMillis(hundredKb, options, 11);
    for (const [shape, make] of Object.entries(ADVERSARIAL)) {
      const small = medianMillis(make(10_000), options, 5);
      const large = medianMillis(make(100_000), options, 3);
      log(`  ${shape}: 10 kB ${small.toFixed(2)} ms, 100 kB ${large.toFixed(2)} ms`);
    }
    const completeMedian = completeMicros(longQuery(2_000), options);
    log(`  ${corpus.length} corpus queries checked against ${metadata.source.split(',')[0]} (incident); long queries: ${tenKb.length} and ${hundredKb.length} characters`);
    return {
      query_check_median_us: checkMedian,
      query_check_10kb_ms: tenMs,
      query_check_100kb_ms: hundredMs,
      query_check_vs_split_ratio: checkMedian / splitMedian,
      query_complete_median_us: completeMedian
    };
  }
};
