/**
 * The `generate` command end to end, as a user runs it: a fresh Node process
 * reads the synthetic 2,000-table snapshot (100k dictionary rows, see
 * synthetic-snapshot.ts) from disk, builds, validates and writes every
 * template (--all).
 * - generate_cli_2000_tables_s: wall time of that process (target <= 20);
 * - generate_cli_2000_tables_peak_mb: its peak resident memory (target <= 1024);
 * - generate_cli_2000_tables_cpu_s: its CPU time (user + system), which a
 *   machine shared with other work does not inflate as it does wall time.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Benchmark } from './run';
import { syntheticSnapshotFiles } from './synthetic-snapshot';

const root = join(__dirname, '..');

const bench: Benchmark = {
  name: 'generate-cli',
  async run(log) {
    const work = mkdtempSync(join(tmpdir(), 'generate-cli-'));
    try {
      const snapshot = join(work, 'snapshot');
      const out = join(work, 'templates');
      mkdirSync(snapshot);
      for (const file of syntheticSnapshotFiles({ tables: 2_000, rows: 100_000 })) writeFileSync(join(snapshot, basename(file.path)), file.text);
      const started = performance.now();
      // NODE_OPTIONS, so that the process bin/ starts for the TypeScript sources reports too.
      const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${join(__dirname, 'report-max-rss.cjs')}`.trim() };
      const child = spawnSync(process.execPath, [join(root, 'bin/camunda-servicenow.js'), 'generate', '--metadata', snapshot, '--all', '--out', out], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
      const seconds = (performance.now() - started) / 1000;
      if (child.status !== 0) throw new Error(`generate exited ${child.status}: ${child.stderr.slice(-2000)}`);
      // One report per process: the peak is the largest, the CPU time their sum.
      const reports = (pattern: RegExp) => [...child.stderr.matchAll(pattern)].map((match) => Number(match[1]));
      const maxRss = Math.max(...reports(/max-rss-kb (\d+)/g));
      const cpuSeconds = reports(/cpu-us (\d+)/g).reduce((sum, value) => sum + value, 0) / 1e6;
      const written = readdirSync(out).filter((file) => file.endsWith('.json')).length;
      log(`  ${written} templates written in ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} s CPU), peak RSS ${(maxRss / 1024).toFixed(0)} MB`);
      return { generate_cli_2000_tables_s: Number(seconds.toFixed(1)), generate_cli_2000_tables_cpu_s: Number(cpuSeconds.toFixed(1)), generate_cli_2000_tables_peak_mb: Math.round(maxRss / 1024) };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
};

export default bench;
