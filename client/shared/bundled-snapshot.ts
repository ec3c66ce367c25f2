/**
 * The snapshot files of metadata/, embedded by webpack as raw text (see the
 * `asset/source` rule in webpack.config.js). A build without metadata
 * replaces this module with no-snapshot.ts.
 */
import type { SnapshotFile } from '../../core/metadata/load';

interface WebpackContext {
  keys(): string[];
  (key: string): string;
}

const context: WebpackContext = (require as unknown as { context(dir: string, deep: boolean, filter: RegExp): WebpackContext })
  .context('../../metadata', false, /^\.\/[^/]+\.json$/);

export const snapshotFiles: SnapshotFile[] = context.keys().map((key) => ({ path: key.replace(/^\.\//, ''), text: context(key) }));
