import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { compileCli, removeCompiledCli } from './compile-cli';

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
 * a user installs. A real pack compiles the CLI first (lib/); npm's own
 * prepack script is skipped (--ignore-scripts) because this does it.
 */
export async function npmPack(root: string, options: { destination?: string; dryRun?: boolean } = {}): Promise<PackResult> {
  if (options.dryRun) return pack(root, options);
  // The package ships the compiled CLI; the checkout goes back to running its sources afterwards.
  await compileCli(root);
  try {
    return await pack(root, options);
  } finally {
    await removeCompiledCli(root);
  }
}

async function pack(root: string, options: { destination?: string; dryRun?: boolean }): Promise<PackResult> {
  const args = ['pack', '--json', '--ignore-scripts'];
  if (options.dryRun) args.push('--dry-run');
  if (options.destination) args.push('--pack-destination', options.destination);
  const { stdout } = await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd: root, maxBuffer: 64 * 1024 * 1024, shell: process.platform === 'win32' });
  const [result] = JSON.parse(stdout) as Array<{ filename: string; files: PackedFile[] }>;
  if (!result) throw new Error(`npm pack printed no result in ${root}`);
  return { filename: result.filename, files: result.files.map(({ path, size }) => ({ path, size })).sort((a, b) => (a.path < b.path ? -1 : 1)) };
}
