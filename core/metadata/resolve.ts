/**
 * Resolution: a table's fields are its own plus every super class's, with
 * `sys_dictionary_override` applied on the child, choices by table and
 * element falling back towards the defining table, and the overlay's
 * product facts (mandatory, not writable, primary fields, abstract).
 */
import { buildField, compareChoices, compareText, dependentOf, noOverrides, sameInputs, toChoice, type FieldInputs } from './field';
import { resolveHierarchies } from './hierarchy';
import { completeTables, indexChoices, indexColumns, indexOverrides, indexTables, type ByTable } from './indexes';
import type { Choice, Field, Table, TableSummary } from './model';
import type { Overlay, OverlayTable } from './overlay';
import type { Problems } from './problems';
import { columnRef, SNAPSHOT_FILES, type ChoiceRecord, type ColumnRecord, type OverrideRecord, type TableRecord } from './records';

export interface SnapshotRecords {
  tables: TableRecord[];
  columns: ColumnRecord[];
  overrides: OverrideRecord[];
  choices: ChoiceRecord[];
}

export interface Resolved {
  tables: Map<string, Table>;
  referenceTargets: Map<string, TableSummary>;
}

export function resolveSnapshot(
  records: SnapshotRecords,
  context: { completeTables?: string[]; overlay?: Overlay },
  problems: Problems
): Resolved {
  const tables = indexTables(records.tables, problems);
  const hierarchies = resolveHierarchies(tables, problems);
  const columns = indexColumns(records.columns, tables, problems);
  const complete = completeTables(context.completeTables, tables, hierarchies, columns);
  const overrides = indexOverrides(records.overrides, tables, hierarchies, columns, problems);
  const choices = indexChoices(records.choices, tables, hierarchies, columns, problems);
  const resolver = new TableResolver(hierarchies, columns, overrides, choices, context.overlay?.tables ?? {}, problems);

  const resolved = new Map<string, Table>();
  const referenceTargets = new Map<string, TableSummary>();
  for (const name of [...tables.keys()].sort()) {
    const record = tables.get(name)!;
    const hierarchy = hierarchies.get(name);
    if (complete.has(name) && hierarchy) resolved.set(name, resolver.table(record, hierarchy));
    else if (!complete.has(name)) referenceTargets.set(name, summary(record));
  }
  return { tables: resolved, referenceTargets };
}

function summary(record: TableRecord): TableSummary {
  return record.superClass === undefined ? { name: record.name, label: record.label } : { name: record.name, label: record.label, superClass: record.superClass };
}

/** Builds resolved tables; converted choice lists are shared between the tables that inherit them. */
class TableResolver {
  private readonly choiceCache = new Map<ChoiceRecord[], Choice[]>();
  private readonly fieldCache = new Map<ColumnRecord, { inputs: FieldInputs; field: Field }[]>();

  constructor(
    private readonly hierarchies: ReadonlyMap<string, string[]>,
    private readonly columns: ByTable<ColumnRecord>,
    private readonly overrides: ByTable<OverrideRecord>,
    private readonly choices: ByTable<ChoiceRecord[]>,
    private readonly overlay: Record<string, OverlayTable>,
    private readonly problems: Problems
  ) {}

  table(record: TableRecord, hierarchy: string[]): Table {
    const definitions = new Map<string, ColumnRecord>();
    for (let index = hierarchy.length - 1; index >= 0; index--) {
      for (const column of this.columns.get(hierarchy[index]!)?.values() ?? []) {
        // Every table has its own sys_id row; only a change of type is worth a word.
        const inherited = definitions.get(column.element);
        if (inherited && inherited.internalType !== column.internalType) {
          this.problems.warn(SNAPSHOT_FILES.columns, columnRef(column), `redefines ${column.element} (${inherited.internalType} on ${inherited.table}) as ${column.internalType}; the child's definition is used`);
        }
        definitions.set(column.element, column);
      }
    }
    const layers = this.layers(hierarchy);
    const elements = [...definitions.keys()].sort(compareText);
    const fields = elements.map((element) => {
      const column = definitions.get(element)!;
      return this.field(column, hierarchy, hierarchy.indexOf(column.table), definitions, layers);
    });
    const own = this.overlay[record.name];
    const table: Table = {
      name: record.name,
      label: record.label,
      hierarchy,
      abstract: own?.abstract?.value ?? false,
      fields,
      primaryFields: this.primaryFields(record.name, hierarchy, definitions)
    };
    if (record.superClass !== undefined) table.superClass = record.superClass;
    const unverified = this.unverified(record.name, hierarchy, definitions);
    if (unverified.length) table.unverified = unverified;
    return table;
  }

  /** The hierarchy levels that have overrides, choices or overlay facts, nearest first: most have none. */
  private layers(hierarchy: string[]): Layers {
    const layers: Layers = { overrides: [], choices: [], facts: [] };
    hierarchy.forEach((table, index) => {
      const overrides = this.overrides.get(table);
      if (overrides) layers.overrides.push({ index, byElement: overrides });
      const choices = this.choices.get(table);
      if (choices) layers.choices.push({ index, byElement: choices });
      const facts = this.overlay[table]?.fields;
      if (facts) layers.facts.push(facts);
    });
    return layers;
  }

  /**
   * One resolved field. A field depends only on its column, the overrides
   * and choices that apply, the overlay facts and whether its dependency
   * exists, so tables that share all of these share one Field object: most
   * inherited fields are resolved once, not once per child table.
   */
  private field(column: ColumnRecord, hierarchy: string[], definedAt: number, definitions: ReadonlyMap<string, unknown>, layers: Layers): Field {
    const element = column.element;
    const overrides = overridesFor(layers, definedAt, element);
    const choices = nearestChoices(layers.choices, definedAt, element) ?? this.choicesFromOtherTable(column);
    let mandatory: FieldInputs['mandatory'];
    let notWritable: FieldInputs['notWritable'];
    for (const facts of layers.facts) {
      const fact = facts[element];
      mandatory ??= fact?.mandatory;
      notWritable ??= fact?.notWritable;
    }
    const dependent = dependentOf(column, overrides);
    const dependentExists = dependent === undefined || definitions.has(dependent);
    // Most calls find the field another table already resolved: look it up before allocating anything.
    let variants = this.fieldCache.get(column);
    if (!variants) this.fieldCache.set(column, (variants = []));
    for (const variant of variants) {
      if (sameInputs(variant.inputs, overrides, choices, mandatory, notWritable, dependentExists)) return variant.field;
    }
    const inputs: FieldInputs = { overrides, choices, mandatory, notWritable, dependentExists };
    if (!dependentExists) {
      this.problems.warn(SNAPSHOT_FILES.columns, columnRef(column), `depends on "${dependent}", which ${hierarchy[0]} does not have; dependency ignored`);
    }
    const field = buildField(column, inputs, dependentExists ? dependent : undefined, this.convertChoices(choices));
    variants.push({ inputs, field });
    return field;
  }

  private convertChoices(records: ChoiceRecord[] | undefined): Choice[] {
    if (!records) return [];
    let choices = this.choiceCache.get(records);
    if (!choices) {
      choices = records.map(toChoice).sort(compareChoices);
      this.choiceCache.set(records, choices);
    }
    return choices;
  }

  private choicesFromOtherTable(column: ColumnRecord): ChoiceRecord[] | undefined {
    if (column.choiceTable === undefined || column.choiceField === undefined) return undefined;
    const hierarchy = this.hierarchies.get(column.choiceTable);
    if (!hierarchy) return undefined;
    return nearestChoices(this.layers(hierarchy).choices, hierarchy.length - 1, column.choiceField);
  }

  /** The nearest overlay list in the hierarchy; names the table lacks are dropped with a warning. */
  private primaryFields(name: string, hierarchy: string[], definitions: ReadonlyMap<string, unknown>): string[] {
    const owner = hierarchy.find((table) => this.overlay[table]?.primaryFields);
    const listed = owner ? this.overlay[owner]!.primaryFields!.fields : [];
    return listed.filter((element) => {
      if (definitions.has(element)) return true;
      if (owner === name) this.problems.warn('overlay.json', `${name} primaryFields`, `"${element}" is not a field of ${name}; left out`);
      return false;
    });
  }

  /** Overlay entries on this table or inherited fields that no public source confirms. */
  private unverified(name: string, hierarchy: string[], definitions: ReadonlyMap<string, unknown>): string[] {
    const notes: string[] = [];
    const own = this.overlay[name];
    for (const [key, entry] of [['table', own?.table], ['abstract', own?.abstract], ['primaryFields', own?.primaryFields]] as const) {
      if (entry?.verify) notes.push(`${name} ${key}: ${entry.verify}`);
    }
    for (const table of hierarchy) {
      for (const [element, field] of Object.entries(this.overlay[table]?.fields ?? {})) {
        if (!definitions.has(element)) {
          if (table === name) this.problems.warn('overlay.json', `${name}.${element}`, `${name} has no field "${element}"; entry ignored`);
          continue;
        }
        for (const [key, entry] of Object.entries(field)) {
          if (key !== '$comment' && (entry as { verify?: string }).verify) notes.push(`${element} ${key} (${table}): ${(entry as { verify: string }).verify}`);
        }
      }
    }
    return notes;
  }
}

interface Layer<T> {
  /** Position in the hierarchy: 0 is the table itself. */
  index: number;
  byElement: ReadonlyMap<string, T>;
}

interface Layers {
  overrides: Layer<OverrideRecord>[];
  choices: Layer<ChoiceRecord[]>[];
  facts: NonNullable<OverlayTable['fields']>[];
}

/** The overrides of `element` on the tables below its defining table, nearest first. */
function overridesFor(layers: Layers, definedAt: number, element: string): OverrideRecord[] {
  let found: OverrideRecord[] = noOverrides;
  for (const layer of layers.overrides) {
    if (layer.index >= definedAt) break;
    const override = layer.byElement.get(element);
    if (override) found = found === noOverrides ? [override] : [...found, override];
  }
  return found;
}

/** The nearest table's choices for `element`, from the table itself down to `lastIndex` (the defining table). */
function nearestChoices(layers: Layer<ChoiceRecord[]>[], lastIndex: number, element: string): ChoiceRecord[] | undefined {
  for (const layer of layers) {
    if (layer.index > lastIndex) break;
    const found = layer.byElement.get(element);
    if (found) return found;
  }
  return undefined;
}
