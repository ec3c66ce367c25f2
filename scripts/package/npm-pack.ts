import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PackedFile {
  path: string;
  size: number;
}

export interface PackResult {
  filename: string;
  files: PackedFile[];
}

/**
 * Runs `npm pack --json` in `root` (with `--dry-run` to only list): the npm
 * client decides what goes in from the `files` field, so this is exactly what
 * a user installs.
 */
export async function npmPack(root: string, options: { destination?: string; dryRun?: boolean } = {}): Promise<PackResult> {
  const args = ['pack', '--json', '--ignore-scripts'];
  if (options.dryRun) args.push('--dry-run');
  if (options.destination) args.push('--pack-destination', options.destination);
  const { stdout } = await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd: root, maxBuffer: 64 * 1024 * 1024, shell: process.platform === 'win32' });
  const [result] = JSON.parse(stdout) as Array<{ filename: string; files: PackedFile[] }>;
  if (!result) throw new Error(`npm pack printed no result in ${root}`);
  return { filename: result.filename, files: result.files.map(({ path, size }) => ({ path, size })).sort((a, b) => (a.path < b.path ? -1 : 1)) };
}
