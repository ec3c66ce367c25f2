/**
 * The metadata a query on a template's table is checked with: the
 * template's own field index on top of the bundled snapshot (or the
 * snapshot a CLI run reads). The caller passes the snapshot, so the
 * plugin's modelers and the CLI each check with their own.
 */
import { findField, type Field, type Metadata, type Table } from '../../core/metadata/model';
import { tableFromTemplate } from '../../core/template/field-index';
import type { ElementTemplate } from '../../core/template/types';

// Memos of a pure function of (snapshot, template), both immutable: entries made before a snapshot arrived lack its other tables, so they are kept per snapshot.
const withoutSnapshot = new WeakMap<ElementTemplate, Metadata | undefined>();
const perSnapshot = new WeakMap<Metadata, WeakMap<ElementTemplate, Metadata | undefined>>();

/**
 * The metadata to check a query on `table` with: the template's own field
 * index when it has one (it is what the template was generated from, maybe
 * from a live instance), with labels and choice labels from the bundled
 * snapshot where it knows the same field, on top of the snapshot's other
 * tables (reference targets for dot-walks).
 */
export function metadataForTemplate(template: ElementTemplate | undefined, table: string | undefined, bundled: Metadata | undefined): Metadata | undefined {
  if (!template || !table) return bundled;
  let memo = bundled ? perSnapshot.get(bundled) : withoutSnapshot;
  if (!memo) perSnapshot.set(bundled as Metadata, memo = new WeakMap());
  if (!memo.has(template)) memo.set(template, withTemplateTable(template, bundled));
  const metadata = memo.get(template);
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
