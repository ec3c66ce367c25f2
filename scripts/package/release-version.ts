import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../core/errors';

export interface ReleaseInfo {
  /** npm package name, also the plugin folder name in the Desktop Modeler zip. */
  name: string;
  /** The release version: package.json `version`, which CHANGELOG.md's newest release must name. */
  version: string;
  license: string;
}

/**
 * The one version every artifact carries. package.json is the source; the
 * hand-kept CHANGELOG.md must have an entry for it as its newest release, so
 * that no release goes out without a written change note.
 */
export async function readReleaseInfo(root: string): Promise<ReleaseInfo> {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { name?: string; version?: string; license?: string };
  if (!pkg.name || !pkg.version) throw new UserError(`${join(root, 'package.json')} needs "name" and "version"`);
  const changelogPath = join(root, 'CHANGELOG.md');
  const changelog = await readFile(changelogPath, 'utf8').catch(() => {
    throw new UserError(`${changelogPath} is missing; add an entry "## [${pkg.version}] - YYYY-MM-DD" before packaging`);
  });
  const newest = newestChangelogRelease(changelog);
  if (newest !== pkg.version) {
    throw new UserError(
      `${changelogPath} names ${newest ? `version ${newest}` : 'no release'} as the newest, but package.json says ${pkg.version}`,
      [`Add "## [${pkg.version}] - YYYY-MM-DD" with the changes at the top of CHANGELOG.md (below "Unreleased"), or fix package.json.`]
    );
  }
  return { name: pkg.name, version: pkg.version, license: pkg.license ?? 'UNLICENSED' };
}

/** The first `## [x.y.z]` heading (Keep a Changelog), skipping `## [Unreleased]`. */
export function newestChangelogRelease(changelog: string): string | undefined {
  for (const match of changelog.matchAll(/^##\s+\[([^\]]+)\]/gm)) {
    const label = match[1]?.trim() ?? '';
    if (label.toLowerCase() !== 'unreleased') return label;
  }
  return undefined;
}
