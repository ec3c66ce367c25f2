/**
 * Start-up of the command line as a user meets it: the packed tarball
 * installed without dev dependencies (scripts/package/stage-install.ts),
 * `camunda-servicenow --version`, against `node -e 0` in the same run.
 * - cli_startup_ms: median wall time of the installed CLI (compiled JavaScript);
 * - cli_startup_vs_node_ratio: that over plain Node's start-up (target <= 3);
 * - cli_startup_source_ms: the checkout's CLI, which runs the sources through tsx.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { stageInstall } from '../scripts/package/stage-install';
import type { Benchmark } from './run';

const root = join(__dirname, '..');
const RUNS = 7;

function medianMs(args: string[]): number {
  const times: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const started = performance.now();
    const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
    times.push(performance.now() - started);
    if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)] as number;
}

const bench: Benchmark = {
  name: 'cli',
  async run(log) {
    const installed = await stageInstall(root);
    try {
      const node = medianMs(['-e', '0']);
      const cli = medianMs([installed.bin, '--version']);
      const source = medianMs([join(root, 'bin', 'camunda-servicenow.js'), '--version']);
      log(`  node -e 0 ${node.toFixed(0)} ms, installed CLI --version ${cli.toFixed(0)} ms, checkout (tsx) ${source.toFixed(0)} ms (median of ${RUNS})`);
      return { cli_startup_ms: Math.round(cli), cli_startup_vs_node_ratio: Number((cli / node).toFixed(2)), cli_startup_source_ms: Math.round(source) };
    } finally {
      await installed.remove();
    }
  }
};

export default bench;
