/**
 * Resolution: a table's fields are its own plus every super class's, with
 * `sys_dictionary_override` applied on the child, choices by table and
 * element falling back towards the defining table, and the overlay's
 * product facts (mandatory, not writable, primary fields, abstract).
 */
import { buildField, compareChoices, compareText, dependentOf, noOverrides, sameInputs, toChoice, type FieldInputs } from './field';
import { resolveHierarchies } from './hierarchy';
import { completeTables, indexChoices, indexColumns, indexOverrides, indexTables, type ByTable } from './indexes';
import type { Choice, Field, MetadataWarning, Table, TableSummary } from './model';
import type { Overlay, OverlayTable } from './overlay';
import { Problems } from './problems';
import { columnRef, SNAPSHOT_FILES, type ChoiceRecord, type ColumnRecord, type OverrideRecord, type TableRecord } from './records';

export interface SnapshotRecords {
  tables: TableRecord[];
  columns: ColumnRecord[];
  overrides: OverrideRecord[];
  choices: ChoiceRecord[];
}

export interface Resolved {
  /** Each complete table, resolved when first read (see LazyTables). */
  tables: ReadonlyMap<string, Table>;
  referenceTargets: Map<string, TableSummary>;
  /** The warnings resolution gives, in table order, as if every table had been resolved at once. */
  warnings(): MetadataWarning[];
}

/**
 * Indexes the records, reporting every broken one, and leaves the building
 * of each table's fields (most of the work, and never an error) until the
 * table is first read: a caller that checks one query against a snapshot
 * of thousands of tables resolves that table and its super classes only.
 */
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
  const columnCount = records.columns.reduce((size, column) => Math.max(size, column.index + 1), 0);
  const newResolver = (into: Problems) => new TableResolver(hierarchies, columns, overrides, choices, context.overlay?.tables ?? {}, into, columnCount);

  const resolvable = new Map<string, { record: TableRecord; hierarchy: string[] }>();
  const referenceTargets = new Map<string, TableSummary>();
  for (const name of [...tables.keys()].sort()) {
    const record = tables.get(name)!;
    const hierarchy = hierarchies.get(name);
    if (complete.has(name) && hierarchy) resolvable.set(name, { record, hierarchy });
    else if (!complete.has(name)) referenceTargets.set(name, summary(record));
  }
  const lazy = new LazyTables(resolvable, newResolver);
  // Bound, not an arrow: an arrow here would keep this scope (every column record) alive as long as the model.
  return { tables: lazy, referenceTargets, warnings: lazy.warnings.bind(lazy) };
}

/**
 * The resolved tables as a read-only map whose keys are known up front and
 * whose values are built on first read; iterating resolves every table, in
 * name order. The warnings must not depend on what was read first: when a
 * table was resolved out of order, they come from a second, ordered pass.
 */
class LazyTables implements ReadonlyMap<string, Table> {
  // Private fields, not properties: the map compares equal to another by its entries alone.
  readonly #resolvable: ReadonlyMap<string, { record: TableRecord; hierarchy: string[] }>;
  #newResolver: ((into: Problems) => TableResolver) | undefined;
  readonly #resolved = new Map<string, Table>();
  readonly #names: string[];
  readonly #problems = new Problems();
  #resolver: TableResolver | undefined;
  #inOrder = true;
  #orderedWarnings: MetadataWarning[] | undefined;

  constructor(resolvable: ReadonlyMap<string, { record: TableRecord; hierarchy: string[] }>, newResolver: (into: Problems) => TableResolver) {
    this.#resolvable = resolvable;
    this.#newResolver = newResolver;
    this.#names = [...resolvable.keys()];
  }

  get size(): number {
    return this.#resolvable.size;
  }

  has(name: string): boolean {
    return this.#resolvable.has(name);
  }

  get(name: string): Table | undefined {
    const known = this.#resolved.get(name);
    if (known || !this.#resolvable.has(name)) return known;
    if (this.#names[this.#resolved.size] !== name) this.#inOrder = false;
    return this.#resolve(name);
  }

  keys(): MapIterator<string> {
    return this.#resolvable.keys();
  }

  *values(): MapIterator<Table> {
    for (const name of this.#resolvable.keys()) yield this.get(name)!;
  }

  *entries(): MapIterator<[string, Table]> {
    for (const name of this.#resolvable.keys()) yield [name, this.get(name)!];
  }

  [Symbol.iterator](): MapIterator<[string, Table]> {
    return this.entries();
  }

  forEach(callback: (value: Table, key: string, map: ReadonlyMap<string, Table>) => void, thisArg?: unknown): void {
    for (const [name, table] of this.entries()) callback.call(thisArg, table, name, this);
  }

  warnings(): MetadataWarning[] {
    if (this.#orderedWarnings) return this.#orderedWarnings;
    if (this.#inOrder) {
      for (const name of this.#resolvable.keys()) this.get(name);
      this.#orderedWarnings = this.#problems.warnings;
    } else {
      const ordered = new Problems();
      const resolver = this.#newResolver!(ordered);
      for (const [name, { record, hierarchy }] of this.#resolvable) {
        const table = resolver.table(record, hierarchy);
        if (!this.#resolved.has(name)) this.#resolved.set(name, table);
      }
      this.#orderedWarnings = ordered.warnings;
    }
    this.#release();
    return this.#orderedWarnings;
  }

  #resolve(name: string): Table {
    const { record, hierarchy } = this.#resolvable.get(name)!;
    // Made on first read: its per-column arrays cost a loader that reads no table (a snapshot import) for nothing.
    this.#resolver ??= this.#newResolver!(this.#problems);
    const table = this.#resolver.table(record, hierarchy);
    this.#resolved.set(name, table);
    if (this.#resolved.size === this.#resolvable.size && this.#inOrder) this.#orderedWarnings = this.#problems.warnings;
    if (this.#resolved.size === this.#resolvable.size) this.#release();
    return table;
  }

  /**
   * Every table is built: the records and indexes the resolver holds can go,
   * and once the warnings are known, so can what a second pass would need.
   */
  #release(): void {
    if (this.#resolved.size !== this.#resolvable.size) return;
    this.#resolver = undefined;
    if (this.#orderedWarnings) this.#newResolver = undefined;
  }
}

function summary(record: TableRecord): TableSummary {
  return record.superClass === undefined ? { name: record.name, label: record.label } : { name: record.name, label: record.label, superClass: record.superClass };
}

/**
 * Builds resolved tables. A table's fields are its parent's resolved fields
 * merged with its own columns: an inherited field is resolved again only when
 * the table itself changes it (an override, choices or overlay facts of its
 * own, or a dependency its parent lacked), so each level costs its own
 * columns, not the whole hierarchy's. Converted choice lists and fields with
 * the same inputs are shared between tables.
 */
class TableResolver {
  private readonly choiceCache = new Map<ChoiceRecord[], Choice[]>();
  /**
   * The field built from each column (by its position in its file) with no
   * override, overlay fact or missing dependency: most fields. It needs no
   * record of its inputs, as its converted choice list identifies its choices.
   */
  private readonly plainFields: (Field | undefined)[];
  /** Fields built from a column with other inputs, with those inputs. */
  private readonly variants: (FieldVariant | undefined)[];
  /** Each table's fields, ordered by element, for every table resolved so far (complete or a super class of one). */
  private readonly fieldsByTable = new Map<string, Field[]>();
  /** Fields resolved while their dependency was missing: a child that has it resolves them again. */
  private readonly missingDependency = new Set<Field>();

  constructor(
    private readonly hierarchies: ReadonlyMap<string, string[]>,
    private readonly columns: ByTable<ColumnRecord>,
    private readonly overrides: ByTable<OverrideRecord>,
    private readonly choices: ByTable<ChoiceRecord[]>,
    private readonly overlay: Record<string, OverlayTable>,
    private readonly problems: Problems,
    columnCount: number
  ) {
    // Sized up front so that it stays a plain array: a Map keyed by 100k records costs more than building the fields.
    this.plainFields = new Array<Field | undefined>(columnCount);
    this.variants = new Array<FieldVariant | undefined>(columnCount);
  }

  table(record: TableRecord, hierarchy: string[]): Table {
    const fields = this.resolvedFields(hierarchy);
    const has = (element: string) => hasElement(fields, element);
    const own = this.overlay[record.name];
    const table: Table = {
      name: record.name,
      label: record.label,
      hierarchy,
      abstract: own?.abstract?.value ?? false,
      fields,
      primaryFields: this.primaryFields(record.name, hierarchy, has)
    };
    if (record.superClass !== undefined) table.superClass = record.superClass;
    const unverified = this.unverified(record.name, hierarchy, has);
    if (unverified.length) table.unverified = unverified;
    return table;
  }

  /** The resolved fields of `hierarchy[0]`, ordered by element: its parent's merged with its own columns. */
  private resolvedFields(hierarchy: string[]): Field[] {
    const name = hierarchy[0]!;
    const known = this.fieldsByTable.get(name);
    if (known) return known;
    const parent = hierarchy.length > 1 ? this.resolvedFields(this.hierarchies.get(hierarchy[1]!) ?? hierarchy.slice(1)) : noFields;
    const own = [...(this.columns.get(name)?.values() ?? [])].sort((a, b) => compareText(a.element, b.element));
    const overrides = this.overrides.get(name);
    const choices = this.choices.get(name);
    const facts = this.overlay[name]?.fields;
    const changes = (field: Field) => overrides?.has(field.element) || choices?.has(field.element) || facts?.[field.element] !== undefined || this.missingDependency.has(field);
    const fields: (Field | ColumnRecord)[] = [];
    // Positions holding a column, not yet a field: what this table defines or changes, resolved once the element list is complete.
    const pending: number[] = [];
    const inherit = (field: Field) => {
      if (changes(field)) {
        pending.push(fields.length);
        fields.push(this.columns.get(field.definedOn)!.get(field.element)!);
      } else fields.push(field);
    };
    // Merge two lists ordered by element.
    let next = 0;
    for (const column of own) {
      while (next < parent.length && compareText(parent[next]!.element, column.element) < 0) inherit(parent[next++]!);
      const shadowed = next < parent.length && parent[next]!.element === column.element ? parent[next++] : undefined;
      // Every table has its own sys_id row; only a change of type is worth a word.
      if (shadowed && shadowed.internalType !== column.internalType) {
        this.problems.warn(SNAPSHOT_FILES.columns, columnRef(column), `redefines ${column.element} (${shadowed.internalType} on ${shadowed.definedOn}) as ${column.internalType}; the child's definition is used`);
      }
      pending.push(fields.length);
      fields.push(column);
    }
    while (next < parent.length) inherit(parent[next++]!);
    if (pending.length > 0) {
      const layers = this.layers(hierarchy);
      const lookup: ElementLookup = { has: (element) => hasElement(fields, element) };
      for (const index of pending) {
        const column = fields[index] as ColumnRecord;
        fields[index] = this.field(column, hierarchy, hierarchy.indexOf(column.table), lookup, layers);
      }
    }
    const resolved = fields as Field[];
    this.fieldsByTable.set(name, resolved);
    return resolved;
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
  private field(column: ColumnRecord, hierarchy: string[], definedAt: number, elements: ElementLookup, layers: Layers): Field {
    const element = column.element;
    const overrides = overridesFor(layers, definedAt, element);
    // A column given another column's list (choice_table, choice_field) "no longer uses the defined choice list" (t_ViewChoiceListDefinitions.md).
    const { choiceTable, choiceField } = column;
    const choices = choiceTable !== undefined && choiceField !== undefined ? this.choicesFromOtherTable(choiceTable, choiceField) : nearestChoices(layers.choices, definedAt, element);
    let mandatory: FieldInputs['mandatory'];
    let notWritable: FieldInputs['notWritable'];
    for (const facts of layers.facts) {
      const fact = facts[element];
      mandatory ??= fact?.mandatory;
      notWritable ??= fact?.notWritable;
    }
    const dependent = dependentOf(column, overrides);
    const dependentExists = dependent === undefined || elements.has(dependent);
    // A table that changes an inherited field may still resolve it as its parent did: look it up before allocating anything.
    const converted = this.convertChoices(choices);
    const plain = overrides.length === 0 && mandatory === undefined && notWritable === undefined && dependentExists;
    const known = this.plainFields[column.index];
    if (plain && known?.choices === converted) return known;
    const first = this.variants[column.index];
    for (let variant = first; variant; variant = variant.next) {
      if (variant.column === column && sameInputs(variant, overrides, choices, mandatory, notWritable, dependentExists)) return variant.field;
    }
    if (!dependentExists) {
      this.problems.warn(SNAPSHOT_FILES.columns, columnRef(column), `depends on "${dependent}", which ${hierarchy[0]} does not have; dependency ignored`);
    }
    const field = buildField(column, { overrides, mandatory, notWritable }, dependentExists ? dependent : undefined, converted);
    if (plain && !known) this.plainFields[column.index] = field;
    else this.variants[column.index] = { column, overrides, choices, mandatory, notWritable, dependentExists, field, next: first };
    if (!dependentExists) this.missingDependency.add(field);
    return field;
  }

  private convertChoices(records: ChoiceRecord[] | undefined): Choice[] {
    if (!records) return noChoices;
    let choices = this.choiceCache.get(records);
    if (!choices) {
      choices = records.map(toChoice).sort(compareChoices);
      this.choiceCache.set(records, choices);
    }
    return choices;
  }

  private choicesFromOtherTable(choiceTable: string, choiceField: string): ChoiceRecord[] | undefined {
    const hierarchy = this.hierarchies.get(choiceTable);
    if (!hierarchy) return undefined;
    return nearestChoices(this.layers(hierarchy).choices, hierarchy.length - 1, choiceField);
  }

  /** The nearest overlay list in the hierarchy; names the table lacks are dropped with a warning. */
  private primaryFields(name: string, hierarchy: string[], has: (element: string) => boolean): string[] {
    const owner = hierarchy.find((table) => this.overlay[table]?.primaryFields);
    const listed = owner ? this.overlay[owner]!.primaryFields!.fields : [];
    return listed.filter((element) => {
      if (has(element)) return true;
      if (owner === name) this.problems.warn('overlay.json', `${name} primaryFields`, `"${element}" is not a field of ${name}; left out`);
      return false;
    });
  }

  /** Overlay entries on this table or inherited fields that no public source confirms. */
  private unverified(name: string, hierarchy: string[], has: (element: string) => boolean): string[] {
    const notes: string[] = [];
    const own = this.overlay[name];
    for (const [key, entry] of [['table', own?.table], ['abstract', own?.abstract], ['primaryFields', own?.primaryFields]] as const) {
      if (entry?.verify) notes.push(`${name} ${key}: ${entry.verify}`);
    }
    for (const table of hierarchy) {
      for (const [element, field] of Object.entries(this.overlay[table]?.fields ?? {})) {
        if (!has(element)) {
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

interface ElementLookup {
  has(element: string): boolean;
}

/** A field and what it was built from; further variants of the same column follow through `next`. */
interface FieldVariant extends FieldInputs {
  column: ColumnRecord;
  field: Field;
  next: FieldVariant | undefined;
}

const noFields: Field[] = [];

/** The choices of every field without any: one list, not one per field (the model is read-only). */
const noChoices: Choice[] = [];

/**
 * Whether `fields` (ordered by element; columns stand in for fields still to
 * be resolved) holds `element`: a binary search, so a table needs no second
 * index and no list of its elements beside its fields.
 */
function hasElement(fields: readonly { element: string }[], element: string): boolean {
  let low = 0;
  let high = fields.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = fields[middle]!.element;
    if (found === element) return true;
    if (found < element) low = middle + 1;
    else high = middle - 1;
  }
  return false;
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
