import { join, resolve } from 'node:path';
import { isUserError } from '../../core/errors';
import { packageRelease } from './package-release';

/** `npm run package`: the release artifacts of this checkout, written into dist/. */
async function run(): Promise<number> {
  const root = resolve(__dirname, '..', '..');
  try {
    const outcome = await packageRelease(root, join(root, 'dist'));
    const lines = [
      `Release ${outcome.version}: ${outcome.templates} templates`,
      `  dist/${outcome.zip} (${outcome.zipBytes} bytes): unzip into the Desktop Modeler resources folder`,
      `  dist/${outcome.marketplace} (${outcome.marketplaceFiles} files): one folder per template for the Marketplace`,
      ...(outcome.tarball ? [`  dist/${outcome.tarball} (${outcome.tarballFiles} files, ${outcome.tarballBytes} bytes packed): the npm package`] : [])
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    if (!isUserError(error)) throw error;
    process.stderr.write(`package: ${error.message}\n${error.details.map((line) => `  ${line}\n`).join('')}`);
    return 1;
  }
}

run().then((code) => {
  process.exitCode = code;
});
