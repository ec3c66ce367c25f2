/**
 * Where the browser tests save their screenshots: test-results/screenshots/
 * (ignored by git), so that `npm test` never changes tracked files. The
 * README's images are refreshed on purpose with `npm run docs:screenshots`,
 * which sets SCREENSHOT_DIR=docs/screenshots.
 */
export const DEFAULT_SCREENSHOT_DIR = 'test-results/screenshots';

export function screenshotPath(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return `${env['SCREENSHOT_DIR'] || DEFAULT_SCREENSHOT_DIR}/${name}.png`;
}
