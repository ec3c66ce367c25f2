/**
 * Resolution: a table's fields are its own plus every super class's, with
 * `sys_dictionary_override` applied on the child, choices by table and
 * element falling back towards the defining table, and the overlay's
 * product facts (mandatory, not writable, primary fields, abstract).
 */
import { defaultMaxLength, isKnownInternalType, isWellFormedInternalType } from './internal-types';
import type { Choice, Field, Table, TableSummary } from './model';
import type { Overlay, OverlayField, OverlayTable } from './overlay';
import type { Problems } from './problems';
import { choiceRef, columnRef, SNAPSHOT_FILES, tableRef, type ChoiceRecord, type ColumnRecord, type OverrideRecord, type TableRecord } from './records';
import { resolveHierarchies } from './hierarchy';

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

type ByTable<T> = Map<string, Map<string, T>>;

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

function indexTables(records: TableRecord[], problems: Problems): Map<string, TableRecord> {
  const tables = new Map<string, TableRecord>();
  for (const record of records) {
    const first = tables.get(record.name);
    if (first) problems.error(SNAPSHOT_FILES.tables, tableRef(record), `duplicate table "${record.name}" (also ${tableRef(first)})`);
    else tables.set(record.name, record);
  }
  return tables;
}

function indexColumns(records: ColumnRecord[], tables: ReadonlyMap<string, TableRecord>, problems: Problems): ByTable<ColumnRecord> {
  const file = SNAPSHOT_FILES.columns;
  const columns: ByTable<ColumnRecord> = new Map();
  for (const column of records) {
    if (!tables.has(column.table)) {
      problems.error(file, columnRef(column), `table "${column.table}" is not in the snapshot; add its sys_db_object record`);
      continue;
    }
    if (!isWellFormedInternalType(column.internalType)) {
      problems.error(file, columnRef(column), `internal_type "${column.internalType}" is not a type name (expected e.g. string, reference, integer)`);
      continue;
    }
    if (!isKnownInternalType(column.internalType)) {
      problems.warn(file, columnRef(column), `unknown internal_type "${column.internalType}", kept as it is`);
    }
    if (column.internalType === 'reference' && column.reference === undefined) {
      problems.error(file, columnRef(column), 'reference column without a reference table; set its reference');
    } else if (column.reference !== undefined && !tables.has(column.reference)) {
      problems.error(file, columnRef(column), `reference table "${column.reference}" is not in the snapshot; add its sys_db_object record`);
    }
    let own = columns.get(column.table);
    if (!own) columns.set(column.table, (own = new Map()));
    const first = own.get(column.element);
    if (first) problems.error(file, columnRef(column), `duplicate column ${column.table}.${column.element} (also ${columnRef(first)})`);
    else own.set(column.element, column);
  }
  return columns;
}

/** The manifest's tables and their super classes; without a manifest, every table that has columns in its hierarchy. */
function completeTables(
  listed: string[] | undefined,
  tables: ReadonlyMap<string, TableRecord>,
  hierarchies: ReadonlyMap<string, string[]>,
  columns: ByTable<ColumnRecord>
): Set<string> {
  const complete = new Set<string>();
  if (listed) {
    for (const name of listed) for (const table of hierarchies.get(name) ?? []) complete.add(table);
    return complete;
  }
  for (const name of tables.keys()) {
    if (hierarchies.get(name)?.some((table) => columns.has(table))) complete.add(name);
  }
  return complete;
}

/** Where a column is defined, looking up from `table` (index into its hierarchy), or -1. */
function definingIndex(hierarchy: string[], columns: ByTable<ColumnRecord>, element: string): number {
  return hierarchy.findIndex((table) => columns.get(table)?.has(element));
}

function indexOverrides(
  records: OverrideRecord[],
  tables: ReadonlyMap<string, TableRecord>,
  hierarchies: ReadonlyMap<string, string[]>,
  columns: ByTable<ColumnRecord>,
  problems: Problems
): ByTable<OverrideRecord> {
  const file = SNAPSHOT_FILES.overrides;
  const overrides: ByTable<OverrideRecord> = new Map();
  for (const override of records) {
    if (!tables.has(override.table)) {
      problems.error(file, columnRef(override), `table "${override.table}" is not in the snapshot; add its sys_db_object record`);
      continue;
    }
    const hierarchy = hierarchies.get(override.table);
    if (!hierarchy) continue;
    const defined = definingIndex(hierarchy, columns, override.element);
    if (defined === 0) {
      problems.error(file, columnRef(override), `overrides ${override.table}.${override.element}, which is defined on ${override.table} itself; overrides apply to inherited columns only`);
      continue;
    }
    if (defined < 0) {
      problems.error(file, columnRef(override), `column "${override.element}" does not exist on ${override.table} or its super classes (${hierarchy.slice(1).join(', ') || 'none'})`);
      continue;
    }
    let own = overrides.get(override.table);
    if (!own) overrides.set(override.table, (own = new Map()));
    const first = own.get(override.element);
    if (first) problems.error(file, columnRef(override), `duplicate override of ${override.table}.${override.element} (also ${columnRef(first)})`);
    else own.set(override.element, override);
  }
  return overrides;
}

function indexChoices(
  records: ChoiceRecord[],
  tables: ReadonlyMap<string, TableRecord>,
  hierarchies: ReadonlyMap<string, string[]>,
  columns: ByTable<ColumnRecord>,
  problems: Problems
): ByTable<ChoiceRecord[]> {
  const file = SNAPSHOT_FILES.choices;
  const choices: ByTable<ChoiceRecord[]> = new Map();
  const seen = new Set<string>();
  for (const choice of records) {
    if (!tables.has(choice.table)) {
      problems.error(file, choiceRef(choice), `table "${choice.table}" is not in the snapshot; add its sys_db_object record or drop the choice`);
      continue;
    }
    const hierarchy = hierarchies.get(choice.table);
    if (!hierarchy) continue;
    if (definingIndex(hierarchy, columns, choice.element) < 0) {
      problems.error(file, choiceRef(choice), `choice for field ${choice.table}.${choice.element}, which does not exist on ${choice.table} or its super classes`);
      continue;
    }
    const key = `${choice.table}\u0000${choice.element}\u0000${choice.value}\u0000${choice.dependentValue ?? ''}`;
    if (seen.has(key)) {
      problems.warn(file, choiceRef(choice), `duplicate choice "${choice.value}" for ${choice.table}.${choice.element}; the first one is kept`);
      continue;
    }
    seen.add(key);
    let own = choices.get(choice.table);
    if (!own) choices.set(choice.table, (own = new Map()));
    const list = own.get(choice.element);
    if (list) list.push(choice);
    else own.set(choice.element, [choice]);
  }
  return choices;
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

interface FieldInputs {
  overrides: OverrideRecord[];
  choices: ChoiceRecord[] | undefined;
  mandatory: OverlayField['mandatory'];
  notWritable: OverlayField['notWritable'];
  dependentExists: boolean;
}

const noOverrides: OverrideRecord[] = [];

function sameInputs(a: FieldInputs, b: FieldInputs): boolean {
  return (
    a.choices === b.choices &&
    a.mandatory === b.mandatory &&
    a.notWritable === b.notWritable &&
    a.dependentExists === b.dependentExists &&
    a.overrides.length === b.overrides.length &&
    a.overrides.every((override, index) => override === b.overrides[index])
  );
}

/** The field a column's choices depend on: the nearest override's, else the dictionary's. */
function dependentOf(column: ColumnRecord, overrides: OverrideRecord[]): string | undefined {
  const override = overrides.find((candidate) => candidate.dependent !== undefined);
  if (override) return override.dependent || undefined;
  return column.dependentOnField ?? singleColumnName(column.dependent);
}

function buildField(column: ColumnRecord, inputs: FieldInputs, dependent: string | undefined, choices: Choice[]): Field {
  let mandatory = column.mandatory;
  let readOnly = column.readOnly;
  let defaultValue = column.defaultValue;
  let calculated = column.calculated;
  // The nearest override (the child's own first) wins, attribute by attribute: apply the farthest first.
  for (let index = inputs.overrides.length - 1; index >= 0; index--) {
    const override = inputs.overrides[index]!;
    if (override.mandatory !== undefined) mandatory = override.mandatory;
    if (override.readOnly !== undefined) readOnly = override.readOnly;
    if (override.defaultValue !== undefined) defaultValue = override.defaultValue || undefined;
    calculated ||= override.calculated;
  }
  if (inputs.mandatory) mandatory = inputs.mandatory.value;
  const field: Field = {
    element: column.element,
    label: column.label,
    internalType: column.internalType,
    maxLength: column.maxLength ?? defaultMaxLength(column.internalType),
    mandatory,
    readOnly,
    choices,
    choiceMode: column.choiceMode,
    definedOn: column.table,
    writable: true
  };
  if (column.reference !== undefined) field.reference = column.reference;
  if (defaultValue !== undefined) field.defaultValue = defaultValue;
  if (dependent !== undefined) field.dependentOnField = dependent;
  const reason = notWritableReason(column.element, column.internalType, readOnly, calculated, inputs.notWritable?.reason);
  if (reason !== undefined) {
    field.writable = false;
    field.notWritableReason = reason;
  }
  return field;
}

function nearestChoices(choices: ByTable<ChoiceRecord[]>, hierarchy: string[], lastIndex: number, element: string): ChoiceRecord[] | undefined {
  for (let index = 0; index <= lastIndex; index++) {
    const found = choices.get(hierarchy[index]!)?.get(element);
    if (found) return found;
  }
  return undefined;
}

function notWritableReason(element: string, type: string, readOnly: boolean, calculated: boolean, overlayReason: string | undefined): string | undefined {
  if (element.startsWith('sys_')) return 'system field (sys_): set by the platform';
  if (readOnly) return 'read-only in the dictionary';
  if (calculated) return 'calculated: the platform computes its value';
  if (type === 'journal_list') return 'display-only list of journal entries: write the journal fields it shows instead';
  return overlayReason;
}

function toChoice(record: ChoiceRecord): Choice {
  const choice: Choice = { value: record.value, label: record.label, inactive: record.inactive };
  if (record.dependentValue !== undefined) choice.dependentValue = record.dependentValue;
  if (record.sequence !== undefined) choice.sequence = record.sequence;
  return choice;
}

function compareChoices(a: Choice, b: Choice): number {
  const bySequence = (a.sequence ?? Number.MAX_SAFE_INTEGER) - (b.sequence ?? Number.MAX_SAFE_INTEGER);
  return bySequence || compareText(a.dependentValue ?? '', b.dependentValue ?? '') || compareText(a.value, b.value);
}

/** Code-point order: the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The old `dependent` column may hold a list (journal_list's `comments,work_notes`): only a single name is a dependency. */
function singleColumnName(value: string | undefined): string | undefined {
  return value !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) ? value : undefined;
}
