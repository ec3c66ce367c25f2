/**
 * Runs every benchmark in bench/*.bench.ts. Each module exports
 * `default: { name, run(): Promise<Record<string, number>> }`.
 * `npm run bench` prints figures for people; `npm run bench -- --json`
 * prints one JSON object of all named metrics. `--only <name>` runs one.
 */
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
    const module = (await import(pathToFileURL(join(__dirname, file)).href)) as { default: Benchmark | { default: Benchmark } };
    const bench = ('run' in module.default ? module.default : module.default.default) as Benchmark;
    if (only && bench.name !== only) continue;
    log(`# ${bench.name}`);
    const result = await bench.run(log);
    for (const [key, value] of Object.entries(result)) {
      metrics[key] = value;
      log(`  ${key.padEnd(36)} ${formatNumber(value)}`);
    }
  }
  if (json) process.stdout.write(`${JSON.stringify(metrics)}\n`);
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
});
