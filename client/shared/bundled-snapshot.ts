/**
 * The packed snapshot of metadata/ (see scripts/bundle/metadata-chunk-loader.cjs).
 * Imported only dynamically (client/index.ts), so webpack puts it in a chunk of
 * its own that the plugin fetches from its own folder on first need.
 */
import type { PackedSnapshot } from '../../core/metadata/packed';
// @ts-expect-error the loader turns the snapshot directory into a module; TypeScript sees only the JSON file
import packed from '../../metadata/manifest.json?packed';

export default packed as PackedSnapshot;
