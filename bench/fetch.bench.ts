/**
 * fetch-metadata against the emulator: 50 custom tables (extending task)
 * with 4,000 dictionary rows between them, default page size. Counts the
 * HTTP requests the emulator received and times the whole command
 * (fetch, loader check, atomic write): median of 5 runs after a warm-up.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { createFetchMetadataCommand } from '../scripts/fetch-metadata/command';
import { DEFAULT_USER, startEmulator } from '../scripts/emulator/server';
import { emulatorSnapshotFromRecords } from '../scripts/emulator/snapshot-source';
import { syntheticSnapshot } from '../scripts/emulator/synthetic';
import type { Benchmark } from './run';

const TABLES = 50;
const COLUMNS_PER_TABLE = 79; // + one collection row each: 4,000 rows

const bench: Benchmark = {
  name: 'fetch',
  async run(log) {
    const records = syntheticSnapshot({ tables: TABLES, columnsPerTable: COLUMNS_PER_TABLE });
    const names = records.sys_db_object.map((table) => table.name ?? '').filter((name) => name.startsWith('u_'));
    const emulator = await startEmulator({ snapshot: emulatorSnapshotFromRecords(records, names) });
    const work = await mkdtemp(join(tmpdir(), 'fetch-bench-'));
    const command = createFetchMetadataCommand();
    const env = { SERVICENOW_USERNAME: DEFAULT_USER.username, SERVICENOW_PASSWORD: DEFAULT_USER.password };
    const timings: number[] = [];
    let requests = 0;
    try {
      log(`  ${names.length} tables, ${records.sys_dictionary.filter((row) => names.includes(row.name ?? '')).length} dictionary rows on them (+ task's)`);
      for (let run = 0; run < 6; run++) {
        emulator.requests.length = 0;
        const io = { stdout: new PassThrough(), stderr: new PassThrough(), stdin: Readable.from([]), env, cwd: work };
        const started = performance.now();
        const code = await command.run(['--instance', emulator.url, '--tables', names.join(','), '--out', join(work, `run-${run}`)], io);
        if (run > 0) timings.push(performance.now() - started);
        if (code !== 0) throw new Error(`fetch-metadata exited ${code}`);
        requests = emulator.requests.length;
      }
    } finally {
      await emulator.close();
      await rm(work, { recursive: true, force: true });
    }
    timings.sort((a, b) => a - b);
    return { fetch_requests_50_tables: requests, fetch_ms_50_tables: Math.round(timings[2] ?? 0) };
  }
};

export default bench;
