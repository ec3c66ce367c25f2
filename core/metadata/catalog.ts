/**
 * Service Catalog records of a snapshot (metadata/README.md, "Catalog
 * files"): `sc_cat_item`, `item_option_new`, `question_choice`,
 * `io_set_item` and `item_option_new_set`, in the Table API's shape,
 * resolved into items with their variables (own ones and those of their
 * single-row variable sets), ordered as the catalog form orders them, and
 * their multi-row variable sets, whose variables are the columns of rows
 * sent under the set's internal name.
 */
import { VARIABLE_TYPE_NAMES, variableInputKind, variableReferenceTable, type VariableInputKind } from '../catalog/variable-types';
import type { Sourced } from './overlay';
import type { Problems } from './problems';
import { RecordReader, type Raw } from './records';
import { SYS_ID } from './field-types';

export const CATALOG_FILES = {
  items: 'sc_cat_item.json',
  variables: 'item_option_new.json',
  choices: 'question_choice.json',
  setItems: 'io_set_item.json',
  sets: 'item_option_new_set.json'
} as const;

/**
 * Catalog item classes that order_now does not order, by `sys_class_name`
 * (the classes ServiceNow names in glide.sc.mobile exclusions and its order
 * guide scripts, r_ServiceCatalogProperties, c_RunningOrderGuidesAutomatically),
 * with what to do instead: the Service Catalog API takes record producers
 * through submit_producer and order guides through submit_guide/checkout_guide.
 */
const NOT_ORDERED_WITH_ORDER_NOW: Readonly<Record<string, string>> = {
  sc_cat_item_producer: 'a record producer: ServiceNow takes it through submit_producer (Service Catalog API), which creates a record of its table rather than a request, and which no template here calls yet; skipped',
  sc_cat_item_guide: 'an order guide: ServiceNow orders its items through submit_guide or checkout_guide (Service Catalog API), not order_now; skipped: fetch the items it orders instead',
  sc_cat_item_content: 'a content item (a link or a knowledge article), which cannot be ordered; skipped'
};

/** `item_option_new_set.type` of a multi-row variable set (@servicenow/sdk-core 4.9.0 src/fluent/tables/item_option_new_set.now.ts: one_to_one Single Row, one_to_many Multi Row). */
export const MULTI_ROW_SET_TYPE = 'one_to_many';

export interface CatalogChoice {
  value: string;
  label: string;
}

export interface CatalogVariable {
  sysId: string;
  /** `item_option_new.name`: the key in `variables` of an order. */
  name: string;
  /** `question_text`, what the form shows. */
  label: string;
  /** The numeric `type` code (see core/catalog/variable-types.ts). */
  typeCode: string;
  kind: VariableInputKind;
  mandatory: boolean;
  order: number;
  /** The table a reference, Requested For or list collector variable points to. */
  reference?: string;
  defaultValue?: string;
  choices: CatalogChoice[];
  /** The variable set (item_option_new_set sys_id) it comes from, when not the item's own. */
  variableSet?: string;
}

/**
 * A multi-row variable set of an item: its value in an order is the rows as
 * JSON text, an array of objects keyed by the set's variable names, under
 * the set's internal name (the form's value of an MRVS, as GlideForm
 * getValue/setValue read and write it: c_GlideFormAPI).
 */
export interface CatalogRowSet {
  sysId: string;
  /** `internal_name`: the key in `variables` of an order. */
  name: string;
  /** `title`, what the form shows. */
  label: string;
  order: number;
  /** The columns of a row, in form order (layout types left out). */
  variables: CatalogVariable[];
}

export interface CatalogItem {
  sysId: string;
  name: string;
  shortDescription?: string;
  category?: string;
  /** For bundled examples (overlay `catalogItems`): the public source, and what it does not confirm. */
  source?: string;
  verify?: string;
  /** Input variables only (layout types are left out), in form order; without those of multi-row sets. */
  variables: CatalogVariable[];
  /** The item's multi-row variable sets, in form order. */
  rowSets: CatalogRowSet[];
}

type ReadFile = (file: string) => Raw[] | undefined;

/** Reads the catalog files; undefined when the snapshot has no `sc_cat_item.json`. */
export function readCatalog(read: ReadFile, problems: Problems, sources: Readonly<Record<string, Sourced>> = {}): CatalogItem[] | undefined {
  const itemRaws = read(CATALOG_FILES.items);
  if (itemRaws === undefined) {
    for (const file of [CATALOG_FILES.variables, CATALOG_FILES.choices, CATALOG_FILES.setItems, CATALOG_FILES.sets]) {
      if (read(file) !== undefined) problems.error(file, undefined, `needs ${CATALOG_FILES.items}: catalog records belong to the items they describe`);
    }
    return undefined;
  }
  const items = readItems(itemRaws, problems);
  const variables = readVariables(read(CATALOG_FILES.variables) ?? [], problems);
  attachChoices(variables, read(CATALOG_FILES.choices) ?? [], problems);
  const sets = readSetItems(read(CATALOG_FILES.setItems) ?? [], new Set(items.map((item) => item.sysId)), problems);
  const rowSets = readMultiRowSets(read(CATALOG_FILES.sets) ?? [], problems);

  const own = groupBy(variables.filter((variable) => variable.catItem), (variable) => variable.catItem ?? '');
  const inSet = groupBy(variables.filter((variable) => variable.variableSet), (variable) => variable.variableSet ?? '');
  for (const item of items) {
    const entries: { order: number; variables: CatalogVariable[] }[] = [{ order: 0, variables: sortByOrder(own.get(item.sysId) ?? []) }];
    const itemRowSets: CatalogRowSet[] = [];
    for (const set of sets.get(item.sysId) ?? []) {
      const rowSet = rowSets.get(set.variableSet);
      const setVariables = sortByOrder(inSet.get(set.variableSet) ?? []);
      if (rowSet) itemRowSets.push({ ...rowSet, order: set.order, variables: setVariables.filter((variable) => variable.kind !== 'none').map(withoutItemKey) });
      else entries.push({ order: set.order, variables: setVariables });
    }
    entries.sort((a, b) => a.order - b.order);
    itemRowSets.sort((a, b) => a.order - b.order);
    const seen = new Map<string, CatalogVariable>();
    for (const variable of entries.flatMap((entry) => entry.variables)) {
      const other = seen.get(variable.name);
      if (other) {
        problems.error(CATALOG_FILES.variables, `record (${variable.name}, sys_id ${variable.sysId})`, `item "${item.name}" has a second variable named ${variable.name} (also sys_id ${other.sysId}): an order's variables are keyed by name`);
        continue;
      }
      seen.set(variable.name, variable);
    }
    itemRowSets.forEach((rowSet, index) => {
      const clash = seen.get(rowSet.name) ?? itemRowSets.slice(0, index).find((other) => other.name === rowSet.name);
      if (clash) problems.error(CATALOG_FILES.sets, `record (${rowSet.name}, sys_id ${rowSet.sysId})`, `item "${item.name}" has a variable or another variable set named ${rowSet.name} (sys_id ${clash.sysId}): an order's variables are keyed by name, and ServiceNow refuses a variable named like a set's internal name`);
    });
    const sourced = sources[item.sysId];
    if (sourced) Object.assign(item, { source: sourced.source }, sourced.verify ? { verify: sourced.verify } : {});
    item.variables = [...seen.values()].filter((variable) => variable.kind !== 'none').map(withoutItemKey);
    item.rowSets = itemRowSets;
  }
  return items;
}

function readItems(raws: Raw[], problems: Problems): CatalogItem[] {
  const file = CATALOG_FILES.items;
  const reader = new RecordReader(file, problems, ['name']);
  const items: CatalogItem[] = [];
  const ids = new Set<string>();
  raws.forEach((raw, index) => {
    const read = reader.at(raw, index);
    if (read.flag('active', raw['active']) === false) return;
    const sysId = read.required('sys_id', raw['sys_id']);
    const name = read.required('name', raw['name']);
    if (sysId === undefined || name === undefined) return;
    const notOrderable = NOT_ORDERED_WITH_ORDER_NOW[read.text('sys_class_name', raw['sys_class_name']) ?? 'sc_cat_item'];
    if (notOrderable) {
      problems.warn(file, read.ref, `"${name}" is ${notOrderable}`);
      return;
    }
    if (!isSysId(sysId)) problems.error(file, read.ref, `sys_id must be 32 hexadecimal characters, got "${sysId}": it becomes the order URL`);
    if (ids.has(sysId)) problems.error(file, read.ref, `second item with sys_id ${sysId}`);
    ids.add(sysId);
    items.push({ sysId, name, shortDescription: read.text('short_description', raw['short_description']), category: read.text('category', raw['category']), variables: [], rowSets: [] });
  });
  return items;
}

interface VariableRecord extends CatalogVariable {
  catItem?: string;
}

function readVariables(raws: Raw[], problems: Problems): VariableRecord[] {
  const file = CATALOG_FILES.variables;
  const reader = new RecordReader(file, problems, ['name']);
  const variables: VariableRecord[] = [];
  raws.forEach((raw, index) => {
    const read = reader.at(raw, index);
    if (read.flag('active', raw['active']) === false) return;
    const sysId = read.required('sys_id', raw['sys_id']);
    const typeCode = read.required('type', raw['type']);
    const catItem = read.text('cat_item', raw['cat_item']);
    const variableSet = read.text('variable_set', raw['variable_set']);
    if (typeCode !== undefined && !/^\d+$/.test(typeCode)) problems.error(file, read.ref, `type must be a numeric variable type code (6 Single Line Text, 8 Reference, ...), got "${typeCode}"`);
    else if (typeCode !== undefined && VARIABLE_TYPE_NAMES[typeCode] === undefined) problems.warn(file, read.ref, `unknown variable type ${typeCode}: read as text`);
    if (!catItem && !variableSet) problems.error(file, read.ref, 'has neither cat_item nor variable_set: it belongs to no item');
    const kind = typeCode === undefined ? 'none' : variableInputKind(typeCode);
    // Layout variables often have no name; only inputs need one.
    const name = read.text('name', raw['name']);
    if (kind !== 'none' && name === undefined) problems.error(file, read.ref, 'missing name (the key of the variable in an order)');
    if (kind !== 'none' && name !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) problems.error(file, read.ref, `name "${name}" is not a variable name (letters, digits and _)`);
    const reference = typeCode === undefined ? undefined : variableReferenceTable(typeCode, read.text('reference', raw['reference']) ?? read.text('list_table', raw['list_table']));
    if ((kind === 'reference' || kind === 'list') && reference === undefined) problems.warn(file, read.ref, 'a reference variable without a reference table: its input takes any sys_id');
    if (sysId === undefined || typeCode === undefined) return;
    variables.push({
      sysId,
      name: name ?? '',
      label: read.text('question_text', raw['question_text']) ?? name ?? '',
      typeCode,
      kind,
      mandatory: read.flag('mandatory', raw['mandatory']) ?? false,
      order: read.integer('order', raw['order']) ?? 0,
      ...(reference ? { reference } : {}),
      ...(read.text('default_value', raw['default_value']) !== undefined ? { defaultValue: read.text('default_value', raw['default_value']) } : {}),
      choices: [],
      ...(variableSet ? { variableSet } : {}),
      ...(catItem ? { catItem } : {})
    });
  });
  return variables;
}

function attachChoices(variables: readonly VariableRecord[], raws: Raw[], problems: Problems): void {
  const file = CATALOG_FILES.choices;
  const reader = new RecordReader(file, problems, ['question', 'value']);
  const byId = new Map(variables.map((variable) => [variable.sysId, variable]));
  const ordered: { variable: VariableRecord; order: number; choice: CatalogChoice }[] = [];
  raws.forEach((raw, index) => {
    const read = reader.at(raw, index);
    if (read.flag('inactive', raw['inactive']) === true) return;
    const question = read.required('question', raw['question']);
    const value = read.required('value', raw['value']);
    if (question === undefined || value === undefined) return;
    const variable = byId.get(question);
    if (!variable) {
      problems.warn(file, read.ref, `question ${question} is not a variable in item_option_new.json: choice ignored`);
      return;
    }
    ordered.push({ variable, order: read.integer('order', raw['order']) ?? 0, choice: { value, label: read.text('text', raw['text']) ?? value } });
  });
  ordered.sort((a, b) => a.order - b.order || (a.choice.value < b.choice.value ? -1 : a.choice.value > b.choice.value ? 1 : 0));
  for (const { variable, choice } of ordered) variable.choices.push(choice);
}

interface SetItem {
  variableSet: string;
  order: number;
}

function readSetItems(raws: Raw[], items: ReadonlySet<string>, problems: Problems): Map<string, SetItem[]> {
  const file = CATALOG_FILES.setItems;
  const reader = new RecordReader(file, problems, ['sc_cat_item', 'variable_set']);
  const sets = new Map<string, SetItem[]>();
  raws.forEach((raw, index) => {
    const read = reader.at(raw, index);
    const item = read.required('sc_cat_item', raw['sc_cat_item']);
    const variableSet = read.required('variable_set', raw['variable_set']);
    if (item === undefined || variableSet === undefined) return;
    if (!items.has(item)) return; // a set of an item not in the snapshot (or inactive)
    const list = sets.get(item) ?? [];
    list.push({ variableSet, order: read.integer('order', raw['order']) ?? 0 });
    sets.set(item, list);
  });
  return sets;
}

/**
 * The multi-row sets of `item_option_new_set.json` by sys_id; a set that is
 * not there, or single-row, contributes its variables to the item's own.
 */
function readMultiRowSets(raws: Raw[], problems: Problems): Map<string, Omit<CatalogRowSet, 'order' | 'variables'>> {
  const file = CATALOG_FILES.sets;
  const reader = new RecordReader(file, problems, ['internal_name']);
  const sets = new Map<string, Omit<CatalogRowSet, 'order' | 'variables'>>();
  raws.forEach((raw, index) => {
    const read = reader.at(raw, index);
    const sysId = read.required('sys_id', raw['sys_id']);
    if (sysId === undefined || read.text('type', raw['type']) !== MULTI_ROW_SET_TYPE) return;
    const name = read.required('internal_name', raw['internal_name']);
    if (name === undefined) return;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      problems.error(file, read.ref, `internal_name "${name}" is not a variable name (letters, digits and _): it is the key of the set's rows in an order`);
      return;
    }
    sets.set(sysId, { sysId, name, label: read.text('title', raw['title']) ?? name });
  });
  return sets;
}

/** The resolved variable, without the item key it was grouped by. */
function withoutItemKey(variable: CatalogVariable): CatalogVariable {
  const copy: VariableRecord = { ...variable };
  delete copy.catItem;
  return copy;
}

function sortByOrder(variables: CatalogVariable[]): CatalogVariable[] {
  return [...variables].sort((a, b) => a.order - b.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function groupBy<T>(values: readonly T[], key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const list = groups.get(key(value)) ?? [];
    list.push(value);
    groups.set(key(value), list);
  }
  return groups;
}

const SYS_ID_VALUE = new RegExp(`^${SYS_ID}$`);

function isSysId(value: string): boolean {
  return SYS_ID_VALUE.test(value);
}
