/**
 * The bundled table metadata snapshot (metadata/) of one modeler: the
 * fallback for tables whose template carries no field index (the generic
 * template, Camunda's official templates) and the tables dot-walks lead to.
 * Its chunk is fetched on first need, so the plugin script stays small;
 * until it arrives callers get undefined, and `METADATA_LOADED_EVENT` on the
 * modeler's event bus tells them to look again. The FEEL parser comes the
 * same way, in a chunk of its own fetched with the snapshot: until it is
 * there FEEL values are not judged. A bpmn-js service, so each
 * modeler (each Desktop tab) has its own and no module holds any.
 */
import type { FeelParser } from '../../core/feel/tree';
import type { FeelChecks } from '../../lint/diagram/feel-checks';
import type { Metadata, Table } from '../../core/metadata/model';
import type { Service } from '../types/bpmn-js';

export const METADATA_LOADED_EVENT = 'servicenow.metadata.loaded';

// Chunks of their own, fetched next to this script (publicPath 'auto': the plugin script's URL), only when first
// needed: the snapshot and the code that reads it (records, overlay, hierarchies, catalog), which runs once.
const loadBundledChunk = async (): Promise<Metadata> => {
  const [snapshot, reader] = await Promise.all([
    import(/* webpackChunkName: "servicenow-metadata" */ './bundled-snapshot'),
    import(/* webpackChunkName: "servicenow-metadata-reader" */ './snapshot-reader')
  ]);
  return reader.default(snapshot.default);
};

/** The FEEL parser and the lint checks that read FEEL, which come with it. */
export interface FeelChunk {
  parser: FeelParser;
  checks: FeelChecks;
}

const loadFeelChunk = async (): Promise<FeelChunk> => {
  const chunk = await import(/* webpackChunkName: "servicenow-feel" */ './feel-chunk');
  return { parser: chunk.default, checks: chunk.FEEL_CHECKS };
};

export class BundledMetadata {
  static $inject = ['eventBus'];
  private metadata: Metadata | null | undefined;
  private parser: FeelParser | undefined;
  private checks: FeelChecks | undefined;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly eventBus: Service,
    private readonly loadMetadata: () => Promise<Metadata> = loadBundledChunk,
    private readonly loadFeel: () => Promise<FeelChunk> = loadFeelChunk
  ) {}

  /** The snapshot when it has arrived; otherwise starts fetching it and returns undefined. */
  current(): Metadata | undefined {
    if (this.metadata === undefined) void this.load();
    return this.metadata ?? undefined;
  }

  /** The FEEL parser when its chunk has arrived; otherwise starts fetching it (with the snapshot) and returns undefined. */
  feel(): FeelParser | undefined {
    if (this.metadata === undefined) void this.load();
    return this.parser;
  }

  /** The lint checks that read FEEL, once the FEEL chunk has arrived (see `feel`). */
  feelChecks(): FeelChecks | undefined {
    if (this.metadata === undefined) void this.load();
    return this.checks;
  }

  /** Resolves once the snapshot and the FEEL parser are loaded (or known not to load). */
  load(): Promise<void> {
    this.loading ??= Promise.all([
      this.loadMetadata().then((metadata) => {
        this.metadata = metadata;
      }).catch((error: unknown) => {
        console.warn('[servicenow] the bundled metadata snapshot does not load:', error);
        this.metadata = null;
      }),
      this.loadFeel().then(({ parser, checks }) => {
        this.parser = parser;
        this.checks = checks;
      }).catch((error: unknown) => {
        console.warn('[servicenow] the FEEL parser does not load:', error);
      })
    ]).then(() => {
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
