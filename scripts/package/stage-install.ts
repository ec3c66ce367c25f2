import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rename, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { npmPack } from './npm-pack';

const run = promisify(execFile);

export interface StagedInstall {
  /** The installed package's folder, `<dir>/node_modules/<name>`. */
  packageDir: string;
  /** Its bin/camunda-servicenow.js. */
  bin: string;
  remove(): Promise<void>;
}

/**
 * What `npm install --omit=dev <tarball>` gives a user, without a registry:
 * the real `npm pack` tarball unpacked into a temporary node_modules, next to
 * links to exactly the packages package-lock.json marks as not dev-only
 * (taken from this checkout's node_modules). tsx and typescript are dev-only,
 * so a CLI that still needs them fails here.
 */
export async function stageInstall(root: string): Promise<StagedInstall> {
  const dir = await mkdtemp(join(tmpdir(), 'camunda-servicenow-install-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { name: string };
    const packed = await npmPack(root, { destination: dir });
    const modules = join(dir, 'node_modules');
    await mkdir(modules);
    await run('tar', ['-xzf', join(dir, packed.filename), '-C', modules]);
    const packageDir = join(modules, manifest.name);
    await rename(join(modules, 'package'), packageDir);
    const lock = JSON.parse(await readFile(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    for (const [path, entry] of Object.entries(lock.packages)) {
      // Top-level entries only: nested ones come with the package they sit in.
      if (!path.startsWith('node_modules/') || path.slice('node_modules/'.length).includes('node_modules/') || entry.dev) continue;
      const target = join(dir, path);
      await mkdir(dirname(target), { recursive: true });
      await symlink(join(root, path), target, 'dir');
    }
    return { packageDir, bin: join(packageDir, 'bin', 'camunda-servicenow.js'), remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
