/**
 * The bundled table metadata snapshot (metadata/) of one modeler: the
 * fallback for tables whose template carries no field index (the generic
 * template, Camunda's official templates) and the tables dot-walks lead to.
 * Its chunk is fetched on first need, so the plugin script stays small;
 * until it arrives callers get undefined, and `METADATA_LOADED_EVENT` on the
 * modeler's event bus tells them to look again. A bpmn-js service, so each
 * modeler (each Desktop tab) has its own and no module holds any.
 */
import { loadSnapshot } from '../../core/metadata/load';
import type { Metadata, Table } from '../../core/metadata/model';
import { unpackSnapshot, type PackedSnapshot } from '../../core/metadata/packed';
import type { Service } from '../types/bpmn-js';

export const METADATA_LOADED_EVENT = 'servicenow.metadata.loaded';

// Its own chunk, fetched next to this script (publicPath 'auto': the plugin script's URL).
const loadBundledChunk = async (): Promise<PackedSnapshot> => (await import(/* webpackChunkName: "servicenow-metadata" */ './bundled-snapshot')).default;

export class BundledMetadata {
  static $inject = ['eventBus'];
  private metadata: Metadata | null | undefined;
  private loading: Promise<void> | undefined;

  constructor(private readonly eventBus: Service, private readonly loadPacked: () => Promise<PackedSnapshot> = loadBundledChunk) {}

  /** The snapshot when it has arrived; otherwise starts fetching it and returns undefined. */
  current(): Metadata | undefined {
    if (this.metadata === undefined) void this.load();
    return this.metadata ?? undefined;
  }

  /** Resolves once the snapshot is loaded (or known not to load). */
  load(): Promise<void> {
    this.loading ??= this.loadPacked().then((packed) => {
      const { files, overlay } = unpackSnapshot(packed);
      this.metadata = loadSnapshot(files, { origin: 'bundled', source: 'bundled snapshot', ...(overlay ? { overlay } : {}) });
    }).catch((error: unknown) => {
      console.warn('[servicenow] the bundled metadata snapshot does not load:', error);
      this.metadata = null;
    }).then(() => {
      this.eventBus.fire(METADATA_LOADED_EVENT);
    });
    return this.loading;
  }

  /** Complete tables of the snapshot, for the picker. */
  tables(): Pick<Table, 'name' | 'label'>[] {
    const metadata = this.current();
    return metadata ? [...metadata.tables.values()].filter((table) => !table.abstract).map((table) => ({ name: table.name, label: table.label })) : [];
  }
}
