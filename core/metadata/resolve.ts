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
import type { Overlay, OverlayField, OverlayTable } from './overlay';
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
    const definitions = new Map<string, { column: ColumnRecord; index: number }>();
    for (let index = hierarchy.length - 1; index >= 0; index--) {
      for (const column of this.columns.get(hierarchy[index]!)?.values() ?? []) {
        // Every table has its own sys_id row; only a change of type is worth a word.
        const inherited = definitions.get(column.element)?.column;
        if (inherited && inherited.internalType !== column.internalType) {
          this.problems.warn(SNAPSHOT_FILES.columns, columnRef(column), `redefines ${column.element} (${inherited.internalType} on ${inherited.table}) as ${column.internalType}; the child's definition is used`);
        }
        definitions.set(column.element, { column, index });
      }
    }
    const elements = [...definitions.keys()].sort(compareText);
    const fields = elements.map((element) => {
      const { column, index } = definitions.get(element)!;
      return this.field(column, hierarchy, index, definitions);
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

  /**
   * One resolved field. A field depends only on its column, the overrides
   * and choices that apply, the overlay facts and whether its dependency
   * exists, so tables that share all of these share one Field object: most
   * inherited fields are resolved once, not once per child table.
   */
  private field(column: ColumnRecord, hierarchy: string[], definedAt: number, definitions: ReadonlyMap<string, unknown>): Field {
    const element = column.element;
    const inputs: FieldInputs = {
      overrides: this.overridesFor(hierarchy, definedAt, element),
      choices: nearestChoices(this.choices, hierarchy, definedAt, element) ?? this.choicesFromOtherTable(column),
      mandatory: this.nearestFact(hierarchy, element, 'mandatory'),
      notWritable: this.nearestFact(hierarchy, element, 'notWritable'),
      dependentExists: true
    };
    const dependent = dependentOf(column, inputs.overrides);
    inputs.dependentExists = dependent === undefined || definitions.has(dependent);
    let variants = this.fieldCache.get(column);
    if (!variants) this.fieldCache.set(column, (variants = []));
    const known = variants.find((variant) => sameInputs(variant.inputs, inputs));
    if (known) return known.field;
    if (!inputs.dependentExists) {
      this.problems.warn(SNAPSHOT_FILES.columns, columnRef(column), `depends on "${dependent}", which ${hierarchy[0]} does not have; dependency ignored`);
    }
    const field = buildField(column, inputs, inputs.dependentExists ? dependent : undefined, this.convertChoices(inputs.choices));
    variants.push({ inputs, field });
    return field;
  }

  /** The overrides of `element` on the tables below its defining table, nearest first. */
  private overridesFor(hierarchy: string[], definedAt: number, element: string): OverrideRecord[] {
    let found: OverrideRecord[] = noOverrides;
    for (let index = 0; index < definedAt; index++) {
      const override = this.overrides.get(hierarchy[index]!)?.get(element);
      if (override) found = found === noOverrides ? [override] : [...found, override];
    }
    return found;
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
    return nearestChoices(this.choices, hierarchy, hierarchy.length - 1, column.choiceField);
  }

  private nearestFact<K extends 'mandatory' | 'notWritable'>(hierarchy: string[], element: string, key: K): OverlayField[K] {
    for (const table of hierarchy) {
      const fact = this.overlay[table]?.fields?.[element]?.[key];
      if (fact) return fact;
    }
    return undefined;
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

function nearestChoices(choices: ByTable<ChoiceRecord[]>, hierarchy: string[], lastIndex: number, element: string): ChoiceRecord[] | undefined {
  for (let index = 0; index <= lastIndex; index++) {
    const found = choices.get(hierarchy[index]!)?.get(element);
    if (found) return found;
  }
  return undefined;
}
