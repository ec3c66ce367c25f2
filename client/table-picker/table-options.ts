/**
 * The tables the picker offers: one option per table of every loaded
 * ServiceNow template (latest version of each), and, through a generic
 * template, the tables of the bundled snapshot that have no template of their
 * own (and the choices of a generic template's table dropdown).
 */
import type { ElementTemplate } from '../../core/template/types';
import { isInboundTemplate } from '../../core/inbound/template-kind';
import { fixedTable, isOfficialTemplate, isServiceNowTemplate, tableProperty } from '../../lint/diagram/servicenow-template';

export interface TableOption {
  /** Stable key for lists and ids. */
  key: string;
  table: string;
  label: string;
  template: ElementTemplate;
  /** Set when the template is generic: the table goes into its table input. */
  viaGeneric: boolean;
  /** Set for a catalog item's order template (found by the item's name): the item ordered. */
  catalogItem?: string;
  /** One of Camunda's official templates (listed after ours, under their own heading). */
  official: boolean;
}

export interface SnapshotTable {
  name: string;
  label: string;
}

export function tableOptions(templates: readonly ElementTemplate[], snapshotTables: readonly SnapshotTable[]): TableOption[] {
  // Event templates have a table too, but a task cannot switch to one.
  const latest = latestVersions(templates.filter((template) => isServiceNowTemplate(template) && !isInboundTemplate(template)));
  const options: TableOption[] = [];
  const covered = new Set<string>();
  for (const template of latest) {
    const table = fixedTable(template);
    if (!table) continue;
    covered.add(table);
    options.push({ key: `${template.id}|${table}`, table, label: tableLabel(template) ?? snapshotLabel(snapshotTables, table) ?? table, template, viaGeneric: false, official: isOfficialTemplate(template) });
  }
  for (const template of latest) {
    const property = tableProperty(template);
    if (fixedTable(template) || !property) continue;
    const choices = property.type === 'Dropdown' ? (property.choices ?? []).filter((choice) => /^[a-z][a-z0-9_]*$/.test(choice.value)) : [];
    const tables = choices.length
      ? choices.map((choice) => ({ name: choice.value, label: snapshotLabel(snapshotTables, choice.value) ?? choice.name }))
      : snapshotTables.filter((table) => !covered.has(table.name));
    for (const table of tables) options.push({ key: `${template.id}|${table.name}`, table: table.name, label: table.label, template, viaGeneric: true, official: isOfficialTemplate(template) });
  }
  // A catalog item is ordered, not written as a table row: its order template is offered under sc_cat_item, by the item's name.
  for (const template of latest) {
    const item = catalogItem(template);
    if (item) options.push({ key: `${template.id}|catalog`, table: 'sc_cat_item', label: `Order: ${item}`, template, viaGeneric: false, official: false, catalogItem: item });
  }
  return options.sort((a, b) => a.table.localeCompare(b.table) || Number(a.viaGeneric) - Number(b.viaGeneric) || a.template.name.localeCompare(b.template.name));
}

function catalogItem(template: ElementTemplate): string | undefined {
  const item = (template.metadata as { servicenow?: { catalogItem?: { name?: unknown } } } | undefined)?.servicenow?.catalogItem;
  return typeof item?.name === 'string' && item.name ? item.name : undefined;
}

/**
 * Options whose table name or label contains every word typed; ours before
 * the official templates' (Enter then picks ours), within each name and
 * label prefixes first.
 */
export function filterOptions(options: readonly TableOption[], search: string): TableOption[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const oursFirst = (list: readonly TableOption[]) => [...list.filter((option) => !option.official), ...list.filter((option) => option.official)];
  if (!words.length) return oursFirst(options);
  const haystack = (option: TableOption) => `${option.table} ${option.label}`.toLowerCase();
  const matching = options.filter((option) => words.every((word) => haystack(option).includes(word)));
  const first = words[0] as string;
  const rank = (option: TableOption) => (option.table.startsWith(first) ? 0 : option.label.toLowerCase().startsWith(first) ? 1 : 2);
  return oursFirst(matching.map((option, index) => ({ option, index })).sort((a, b) => rank(a.option) - rank(b.option) || a.index - b.index).map(({ option }) => option));
}

function latestVersions(templates: ElementTemplate[]): ElementTemplate[] {
  const byId = new Map<string, ElementTemplate>();
  for (const template of templates) {
    const current = byId.get(template.id);
    if (!current || (template.version ?? 0) > (current.version ?? 0)) byId.set(template.id, template);
  }
  return [...byId.values()];
}

function tableLabel(template: ElementTemplate): string | undefined {
  const servicenow = (template.metadata as { servicenow?: { label?: unknown; table?: unknown } } | undefined)?.servicenow;
  return typeof servicenow?.label === 'string' && servicenow.label && servicenow.label !== servicenow.table ? servicenow.label : undefined;
}

function snapshotLabel(tables: readonly SnapshotTable[], name: string): string | undefined {
  return tables.find((table) => table.name === name)?.label || undefined;
}
