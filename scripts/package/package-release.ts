import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeDirectoryAtomic, writeFileAtomic } from '../io/atomic-write';
import { buildDesktopZip } from './desktop-zip';
import { buildMarketplace } from './marketplace';
import { npmPack } from './npm-pack';
import { readReleaseTemplates } from './release-templates';
import { readReleaseInfo } from './release-version';

export interface PackageOutcome {
  version: string;
  templates: number;
  /** Paths relative to the output folder. */
  zip: string;
  zipBytes: number;
  marketplace: string;
  marketplaceFiles: number;
  tarball?: string;
  /** Files in the npm package and the packed size, for the README's figures. */
  tarballFiles?: number;
  tarballBytes?: number;
}

/**
 * Builds the three release artifacts into `outDir` next to whatever else is
 * there (the plugin bundle lives in dist/ too): the Desktop Modeler zip, the
 * Marketplace folder and, unless told otherwise, the npm tarball. Every
 * artifact is named after the one release version.
 */
export async function packageRelease(root: string, outDir: string, options: { npmPack?: boolean } = {}): Promise<PackageOutcome> {
  const release = await readReleaseInfo(root);
  const templates = await readReleaseTemplates(join(root, 'templates'));
  const zip = `${release.name}-${release.version}.zip`;
  const zipBytes = await buildDesktopZip(root, release, templates);
  await writeFileAtomic(join(outDir, zip), zipBytes);
  const marketplaceFiles = buildMarketplace(release, templates);
  await writeDirectoryAtomic(join(outDir, 'marketplace'), marketplaceFiles);
  const outcome: PackageOutcome = {
    version: release.version,
    templates: templates.current.length,
    zip,
    zipBytes: zipBytes.length,
    marketplace: 'marketplace/',
    marketplaceFiles: marketplaceFiles.size
  };
  if (options.npmPack !== false) {
    const packed = await npmPack(root, { destination: outDir });
    outcome.tarball = packed.filename;
    outcome.tarballFiles = packed.files.length;
    outcome.tarballBytes = (await stat(join(outDir, packed.filename))).size;
  }
  return outcome;
}
