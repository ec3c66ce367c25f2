/**
 * Loading cost of the metadata loader (parse + validate + index; a table's
 * fields are built when it is first read) on synthetic snapshots, at 10k and
 * 100k dictionary rows with the same table density (50 rows per table), so
 * that linear growth can be read off. Target: the 100k-row load at most
 * 300 ms. metadata_load_and_resolve_ms adds reading every table (what
 * `generate --all` pays), so that the deferred work stays in sight. JSON.parse of the same texts is
 * timed beside it as the anchor (no loader of this format can be faster), so
 * metadata_load_vs_parse_ratio compares runs on machines of any speed or load.
 * metadata_load_packed_ms is the plugin's path on the same 100k rows: JSON.parse
 * of the packed snapshot (its metadata chunk) and reading it into the model.
 */
import { loadSnapshot, type SnapshotFile } from '../core/metadata/load';
import { packSnapshot } from '../core/metadata/packed';
import readBundledSnapshot from '../client/shared/snapshot-reader';
import { syntheticSnapshotFiles } from './synthetic-snapshot';

const RUNS = 7;

/**
 * Sorted wall-clock times of RUNS loads after one warm-up (JIT, inline
 * caches), and the process CPU time of each (shows when other processes
 * compete for the core: wall far above CPU).
 */
function loadTimesMs(load: () => unknown): { wall: number[]; cpu: number[] } {
  load();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    load();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

/** Sorted wall-clock times of JSON.parse alone over the same files, after one warm-up. */
function parseTimesMs(files: SnapshotFile[]): number[] {
  const parseAll = () => files.reduce((sum, file) => sum + (JSON.parse(file.text) as { result: unknown[] }).result.length, 0);
  parseAll();
  const wall: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    parseAll();
    wall.push(performance.now() - start);
  }
  return wall.sort((a, b) => a - b);
}

const median = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)]!;

export default {
  name: 'metadata',
  async run(log: (line: string) => void) {
    const small = syntheticSnapshotFiles({ tables: 200, rows: 10_000 });
    const large = syntheticSnapshotFiles({ tables: 2_000, rows: 100_000 });
    const smallTimes = loadTimesMs(() => loadSnapshot(small, { origin: 'synthetic' }));
    const largeTimes = loadTimesMs(() => loadSnapshot(large, { origin: 'synthetic' }));
    const resolveAllTimes = loadTimesMs(() => [...loadSnapshot(large, { origin: 'synthetic' }).tables.values()]);
    const packedText = JSON.stringify(packSnapshot(large));
    const packedTimes = loadTimesMs(() => readBundledSnapshot(JSON.parse(packedText)));
    const parseMs = median(parseTimesMs(large));
    const [smallMs, largeMs] = [median(smallTimes.wall), median(largeTimes.wall)];
    const resolved = loadSnapshot(large, { origin: 'synthetic' });
    const fields = [...resolved.tables.values()].reduce((sum, table) => sum + table.fields.length, 0);
    log(`  100k rows: ${resolved.tables.size} tables, ${fields} resolved fields (inherited included), median of ${RUNS} runs`);
    log(`  growth 10k -> 100k rows: x${(largeMs / smallMs).toFixed(1)} (linear = x10); fastest runs ${smallTimes.wall[0]!.toFixed(0)} / ${largeTimes.wall[0]!.toFixed(0)} ms`);
    log(`  JSON.parse alone of the 100k-row files: ${parseMs.toFixed(0)} ms (median of ${RUNS})`);
    log(`  load and read every table: ${median(resolveAllTimes.wall).toFixed(0)} ms (median of ${RUNS})`);
    log(`  median CPU time 10k / 100k rows: ${median(smallTimes.cpu).toFixed(0)} / ${median(largeTimes.cpu).toFixed(0)} ms (GC threads included)`);
    log(`  packed 100k rows: ${(packedText.length / 1e6).toFixed(1)} MB against ${(large.reduce((sum, file) => sum + file.text.length, 0) / 1e6).toFixed(1)} MB of Table API files; median CPU ${median(packedTimes.cpu).toFixed(0)} ms`);
    return {
      metadata_load_10k_ms: round(smallMs),
      metadata_load_ms: round(largeMs),
      metadata_load_ms_per_1k_rows: round(largeMs / 100),
      metadata_load_vs_parse_ratio: round(largeMs / parseMs),
      metadata_load_and_resolve_ms: round(median(resolveAllTimes.wall)),
      metadata_load_packed_ms: round(median(packedTimes.wall))
    };
  }
};

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
