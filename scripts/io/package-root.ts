import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * This package's own folder, the same from the sources (`scripts/<x>/`) and
 * from the compiled CLI (`lib/scripts/<x>/`): the nearest folder above that
 * holds a package.json (the compiled tree has none of its own).
 */
export const packageRoot = findPackageRoot(__dirname);

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}
