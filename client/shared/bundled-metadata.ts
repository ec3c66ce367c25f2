/**
 * The bundled table metadata snapshot (metadata/): the fallback for tables
 * whose template carries no field index (the generic template, Camunda's
 * official templates) and the tables dot-walks lead to. The plugin entry
 * provides a loader for its metadata chunk, fetched on first need, so the
 * plugin script stays small; until it arrives callers get undefined and
 * `onBundledMetadata` tells them when to look again. The CLI provides
 * metadata it read from disk.
 */
import { findField, type Field, type Metadata, type Table } from '../../core/metadata/model';
import { tableFromTemplate } from '../../core/template/field-index';
import type { ElementTemplate } from '../../core/template/types';
import type { SnapshotTable } from '../table-picker/table-options';

let loadPacked: (() => Promise<Metadata>) | undefined;
let loading: Promise<void> | undefined;
let cached: Metadata | null | undefined;
const listeners = new Set<() => void>();

/** Sets where the snapshot comes from on first use (the plugin entry: its metadata chunk, which reads the snapshot too). */
export function provideSnapshotLoader(load: () => Promise<Metadata>): void {
  loadPacked = load;
  loading = undefined;
  cached = undefined;
}

/** Sets already loaded metadata (the CLI reads the snapshot from disk). */
export function provideMetadata(metadata: Metadata | undefined): void {
  cached = metadata ?? null;
}

/** The snapshot when it has arrived; otherwise starts fetching it and returns undefined. */
export function bundledMetadata(): Metadata | undefined {
  if (cached === undefined) void loadBundledMetadata();
  return cached ?? undefined;
}

/** Resolves once the snapshot is loaded (or known to be missing). */
export function loadBundledMetadata(): Promise<void> {
  if (cached !== undefined) return Promise.resolve();
  if (!loadPacked) {
    cached = null;
    return Promise.resolve();
  }
  loading ??= loadPacked().then((metadata) => {
    cached = metadata;
  }).catch((error: unknown) => {
    console.warn('[servicenow] the bundled metadata snapshot does not load:', error);
    cached = null;
  }).then(() => {
    perTemplate = new WeakMap();
    for (const listener of listeners) listener();
  });
  return loading;
}

/** Calls `listener` each time the snapshot arrives; returns the unsubscribe function. */
export function onBundledMetadata(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Complete tables of the bundled snapshot, for the picker. */
export function bundledTables(): SnapshotTable[] {
  const metadata = bundledMetadata();
  return metadata ? [...metadata.tables.values()].filter((table) => !table.abstract).map((table) => ({ name: table.name, label: table.label })) : [];
}

// Rebuilt when the snapshot arrives: entries made before it lack the other tables.
let perTemplate = new WeakMap<ElementTemplate, Metadata | undefined>();

/**
 * The metadata to check a query on `table` with: the template's own field
 * index when it has one (it is what the template was generated from, maybe
 * from a live instance), with labels and choice labels from the bundled
 * snapshot where it knows the same field, on top of the snapshot's other
 * tables (reference targets for dot-walks). Cached per template.
 */
export function metadataForTemplate(template: ElementTemplate | undefined, table: string | undefined): Metadata | undefined {
  const bundled = bundledMetadata();
  if (!template || !table) return bundled;
  if (!perTemplate.has(template)) perTemplate.set(template, withTemplateTable(template, bundled));
  const metadata = perTemplate.get(template);
  return metadata?.tables.has(table) && tableFromTemplateName(template) === table ? metadata : bundled;
}

function tableFromTemplateName(template: ElementTemplate): string | undefined {
  return (template.metadata as { servicenow?: { table?: string } } | undefined)?.servicenow?.table;
}

function withTemplateTable(template: ElementTemplate, bundled: Metadata | undefined): Metadata | undefined {
  const own = tableFromTemplate(template);
  if (!own) return undefined;
  const known = bundled?.tables.get(own.name);
  const table: Table = known ? { ...own, label: known.label, fields: own.fields.map((field) => withLabels(field, known)) } : own;
  const tables = new Map(bundled?.tables ?? []);
  tables.set(table.name, table);
  // The engine is lenient with 'template' metadata (maybe partial); a table the snapshot confirms is checked as strictly as the snapshot.
  const origin = known && bundled ? bundled.origin : 'template';
  return { origin, source: `template ${template.id}`, tables, warnings: [], ...(bundled?.referenceTargets ? { referenceTargets: bundled.referenceTargets } : {}) };
}

function withLabels(field: Field, known: Table): Field {
  const same = findField(known, field.element);
  if (!same) return field;
  return { ...field, label: same.label, choices: field.choices.map((choice) => same.choices.find((each) => each.value === choice.value) ?? choice) };
}
