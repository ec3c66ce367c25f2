/** Replaces bundled-snapshot.ts in the build without embedded metadata (to measure its size). */
import type { SnapshotFile } from '../../core/metadata/load';

export const snapshotFiles: SnapshotFile[] = [];
