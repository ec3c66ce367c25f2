/**
 * Turns the packed snapshot into metadata. It runs once, when the metadata
 * chunk arrives, so it is imported only dynamically (client/index.ts), next
 * to that chunk: the plugin script does not carry the snapshot reader
 * (records, overlay, hierarchies, catalog), which nothing else in the
 * Modeler needs.
 */
import { loadSnapshot } from '../../core/metadata/load';
import type { Metadata } from '../../core/metadata/model';
import { unpackSnapshot, type PackedSnapshot } from '../../core/metadata/packed';

export default function readBundledSnapshot(packed: PackedSnapshot): Metadata {
  const { files, overlay } = unpackSnapshot(packed);
  return loadSnapshot(files, { origin: 'bundled', source: 'bundled snapshot', ...(overlay ? { overlay } : {}) });
}
