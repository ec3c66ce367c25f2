/**
 * Bundles one TypeScript module with webpack the way the plugin's bundle
 * builds it (production mode: modules concatenated into one scope, the same
 * esbuild-loader as webpack.config.js), into a temporary CommonJS file, and
 * loads it. Not minified: terser changes names, not what V8 runs, and takes
 * longer than the bench itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import webpack from 'webpack';

const root = resolve(__dirname, '..');

export async function loadBundled<T>(entry: string): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'servicenow-bench-'));
  try {
    const compiler = webpack({
      mode: 'production',
      target: 'node20',
      context: root,
      entry: resolve(root, entry),
      output: { path: dir, filename: 'bundle.cjs', library: { type: 'commonjs2' } },
      resolve: { extensions: ['.ts', '.js', '.json'] },
      module: { rules: [{ test: /\.ts$/, loader: 'esbuild-loader', options: { target: 'es2022' } }] },
      optimization: { minimize: false },
      devtool: false,
      stats: 'errors-warnings'
    });
    const stats = await new Promise<webpack.Stats>((done, fail) => compiler.run((error, result) => (error || !result ? fail(error ?? new Error('webpack gave no result')) : done(result))));
    await new Promise<void>((done) => compiler.close(() => done()));
    if (stats.hasErrors()) throw new Error(`bundling ${entry} failed:\n${stats.toString('errors-only')}`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is CommonJS written just now
    return require(join(dir, 'bundle.cjs')) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
