/**
 * Runs every benchmark in bench/*.bench.ts. Each module exports
 * `default: { name, run(): Promise<Record<string, number>> }`.
 * `npm run bench` prints figures for people; `npm run bench -- --json`
 * prints one JSON object of all named metrics. `--only <name>` runs one.
 * Without `--only`, each bench runs in a process of its own: the garbage
 * one bench leaves (thousands of templates) otherwise lands in the next
 * one's timings, which then depend on the order the files sort in.
 */
import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Benchmark {
  name: string;
  /** Returns named metrics; `log` prints human-readable progress lines (to stderr with --json). */
  run(log: (line: string) => void): Promise<Record<string, number>>;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const onlyIndex = args.indexOf('--only');
  const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;
  const log = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);
  // With --only, import just that bench's file (named <name>.bench.ts), so a
  // broken or slow neighbour does not get in the way.
  const files = (await readdir(__dirname))
    .filter((file) => file.endsWith('.bench.ts') && (!only || file === `${only}.bench.ts`))
    .sort();
  if (only && files.length === 0) throw new Error(`no bench named "${only}": expected bench/${only}.bench.ts`);
  const metrics: Record<string, number> = {};
  for (const file of files) {
    const result = only ? await runHere(file, only, log) : runInChild(file.replace(/\.bench\.ts$/, ''), json);
    for (const [key, value] of Object.entries(result)) {
      metrics[key] = value;
      if (only) log(`  ${key.padEnd(36)} ${formatNumber(value)}`);
    }
  }
  if (json) process.stdout.write(`${JSON.stringify(metrics)}\n`);
}

async function runHere(file: string, only: string, log: (line: string) => void): Promise<Record<string, number>> {
  const module = (await import(pathToFileURL(join(__dirname, file)).href)) as { default: Benchmark | { default: Benchmark } };
  const bench = ('run' in module.default ? module.default : module.default.default) as Benchmark;
  if (bench.name !== only) throw new Error(`bench/${file} is named "${bench.name}", not "${only}"`);
  log(`# ${bench.name}`);
  return bench.run(log);
}

/** One bench in a fresh process (this runner with `--only`, under the same loader): it prints its own figures; with `json`, its metrics come back on its stdout. */
function runInChild(name: string, json: boolean): Record<string, number> {
  const args = [...process.execArgv, __filename, '--only', name, ...(json ? ['--json'] : [])];
  const child = spawnSync(process.execPath, args, { stdio: ['ignore', json ? 'pipe' : 'inherit', 'inherit'], encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`bench ${name} failed (${child.signal ?? `exit code ${child.status}`})`);
  return json ? (JSON.parse(child.stdout) as Record<string, number>) : {};
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
});
