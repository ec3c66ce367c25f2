/**
 * The bundled table metadata snapshot (metadata/): the fallback for tables
 * whose template carries no field index (the generic template, Camunda's
 * official templates). The plugin entry provides the files webpack embedded;
 * the CLI provides metadata it read from disk. Loaded once, lazily.
 */
import { loadSnapshot, type SnapshotFile } from '../../core/metadata/load';
import type { Metadata, Table } from '../../core/metadata/model';
import { tableFromTemplate } from '../../core/template/field-index';
import type { ElementTemplate } from '../../core/template/types';
import type { SnapshotTable } from '../table-picker/table-options';

let snapshotFiles: readonly SnapshotFile[] = [];
let cached: Metadata | null | undefined;

/** Sets the snapshot files to load on first use (the plugin entry: the embedded ones). */
export function provideSnapshotFiles(files: readonly SnapshotFile[]): void {
  snapshotFiles = files;
  cached = undefined;
}

/** Sets already loaded metadata (the CLI reads the snapshot from disk). */
export function provideMetadata(metadata: Metadata | undefined): void {
  cached = metadata ?? null;
}

export function bundledMetadata(): Metadata | undefined {
  if (cached === undefined) {
    try {
      cached = snapshotFiles.length ? loadSnapshot([...snapshotFiles], { origin: 'bundled', source: 'bundled snapshot' }) : null;
    } catch (error) {
      console.warn('[servicenow] the bundled metadata snapshot does not load:', error);
      cached = null;
    }
  }
  return cached ?? undefined;
}

/** Complete tables of the bundled snapshot, for the picker. */
export function bundledTables(): SnapshotTable[] {
  const metadata = bundledMetadata();
  return metadata ? [...metadata.tables.values()].filter((table) => !table.abstract).map((table) => ({ name: table.name, label: table.label })) : [];
}

/**
 * The metadata to check a query on `table` with: the template's own field
 * index when it has one (it is what the template was generated from), on
 * top of the bundled snapshot (reference targets for dot-walks).
 */
export function metadataForTemplate(template: ElementTemplate | undefined, table: string | undefined): Metadata | undefined {
  const bundled = bundledMetadata();
  const own: Table | undefined = template ? tableFromTemplate(template) : undefined;
  if (!own || own.name !== table) return bundled;
  const tables = new Map(bundled?.tables ?? []);
  // The template's index wins: it is what the template was generated from (maybe a live instance).
  tables.set(own.name, own);
  return { origin: 'template', source: `template ${template?.id}`, tables, warnings: [], ...(bundled?.referenceTargets ? { referenceTargets: bundled.referenceTargets } : {}) };
}
