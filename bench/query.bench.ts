/**
 * Encoded-query engine speed: a full check (parse, validate against the
 * bundled incident metadata, explain) per corpus query, long queries for
 * linear growth, and the ratio to a naive split('^') over the same corpus.
 * Timed in CPU time (process.cpuUsage), not wall-clock time: see pairedMedians.
 *
 * The engine is bundled with webpack at the start (bundled-module.ts) and
 * the bundle is timed, not core/query/ as tsx loads it: tsx compiles each
 * module to CommonJS and reads every import through a getter function, which
 * took about a seventh of the check's CPU time in a profile; the shipped
 * plugin, bundled by webpack in production mode, has its modules
 * concatenated into one scope and pays none of it. The anchor (split) runs
 * in the same process, in turn with the check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CheckOptions } from '../core/query/index';
import { readSnapshot } from '../scripts/metadata/read-snapshot';
import { loadBundled } from './bundled-module';

type Engine = typeof import('../core/query/index');

interface CorpusFile { queries: Array<{ query: string }> }

const corpus = (JSON.parse(readFileSync(join(__dirname, '..', 'test', 'core', 'query', 'corpus', 'queries.json'), 'utf8')) as CorpusFile).queries.map((entry) => entry.query);

/**
 * CPU time of this process in microseconds (user + system, every thread):
 * on a shared machine wall-clock windows also count the time other
 * processes hold the cores, so a ratio of two of them tracks the load.
 * Garbage collection is counted on whichever side causes it.
 */
function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** How many calls of `work` fill about `window` microseconds of CPU time. */
function callsPerWindow(query: string, work: (query: string) => unknown, window: number): number {
  let calls = 0;
  let batch = 1;
  const start = cpuMicros();
  while (cpuMicros() - start < window / 4) {
    for (let i = 0; i < batch; i++) work(query);
    calls += batch;
    batch *= 2;
  }
  return Math.max(1, Math.round((calls * window) / Math.max(1, cpuMicros() - start)));
}

/** CPU time of `calls` calls of `work` on `query`, per call. */
function perCall(query: string, calls: number, work: (query: string) => unknown): number {
  let sink = 0;
  const start = cpuMicros();
  for (let i = 0; i < calls; i++) sink += work(query) ? 1 : 0;
  const elapsed = cpuMicros() - start;
  if (sink < 0) throw new Error('unreachable');
  return elapsed / calls;
}

/**
 * Median CPU time per call of `work` and of `anchor` over the queries. Per
 * query the two are timed in turn, in windows of the same CPU length, and
 * each gets the median of its rounds: both see the same machine state, and
 * neither is measured over a window so short that the timer's grain shows.
 */
function pairedMedians(queries: string[], work: (query: string) => unknown, anchor: (query: string) => unknown): { work: number; anchor: number } {
  const WINDOW = 2000;
  const ROUNDS = 3;
  const workTimes: number[] = [];
  const anchorTimes: number[] = [];
  for (const query of queries) {
    const workCalls = callsPerWindow(query, work, WINDOW);
    const anchorCalls = callsPerWindow(query, anchor, WINDOW);
    const workRounds: number[] = [];
    const anchorRounds: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      workRounds.push(perCall(query, workCalls, work));
      anchorRounds.push(perCall(query, anchorCalls, anchor));
    }
    workTimes.push(median(workRounds));
    anchorTimes.push(median(anchorRounds));
  }
  return { work: median(workTimes), anchor: median(anchorTimes) };
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

function medianMillis({ checkQuery }: Engine, text: string, options: CheckOptions, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = cpuMicros();
    checkQuery(text, options);
    times.push((cpuMicros() - start) / 1000);
  }
  return median(times);
}

/** Median CPU time of one autocomplete on a 2 kB query, at the end of each of 40 terms spread over it (typing anywhere). */
function completeMicros({ complete }: Engine, text: string, options: CheckOptions): number {
  const carets: number[] = [];
  for (let index = text.indexOf('^'); index >= 0; index = text.indexOf('^', index + 1)) carets.push(index);
  carets.push(text.length);
  const spread = carets.filter((_, index) => index % Math.max(1, Math.floor(carets.length / 40)) === 0);
  const times: number[] = [];
  let sink = 0;
  for (let round = 0; round < 5; round++) for (const caret of spread) sink += complete(text, caret, options).length;
  for (const caret of spread) {
    const start = cpuMicros();
    for (let i = 0; i < 50; i++) sink += complete(text, caret, options).length;
    times.push((cpuMicros() - start) / 50);
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
    const engine = await loadBundled<Engine>('core/query/index.ts');
    const metadata = await readSnapshot();
    const options: CheckOptions = { table: 'incident', metadata };
    // Read once: the bundle's exports are getters too, though only at its entry.
    const { checkQuery } = engine;
    const check = (query: string) => checkQuery(query, options).ok;
    const split = (query: string) => query.split('^').length;
    // Warm up the JIT on both before measuring.
    for (let round = 0; round < 20; round++) for (const query of corpus) { check(query); split(query); }
    const { work: checkMedian, anchor: splitMedian } = pairedMedians(corpus, check, split);
    const tenKb = longQuery(10_000);
    const hundredKb = longQuery(100_000);
    medianMillis(engine, hundredKb, options, 3);
    const tenMs = medianMillis(engine, tenKb, options, 21);
    const hundredMs = medianMillis(engine, hundredKb, options, 11);
    for (const [shape, make] of Object.entries(ADVERSARIAL)) {
      const small = medianMillis(engine, make(10_000), options, 5);
      const large = medianMillis(engine, make(100_000), options, 3);
      log(`  ${shape}: 10 kB ${small.toFixed(2)} ms, 100 kB ${large.toFixed(2)} ms`);
    }
    const completeMedian = completeMicros(engine, longQuery(2_000), options);
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
