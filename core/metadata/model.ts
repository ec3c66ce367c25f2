/**
 * The typed model of ServiceNow table metadata, resolved from the
 * `sys_db_object`, `sys_dictionary`, `sys_dictionary_override` and
 * `sys_choice` records of a snapshot (see metadata/README.md).
 *
 * This is the contract between the metadata loader, the template builder,
 * the encoded-query validator and the Modeler plugin. Pure data: no Node
 * or DOM API.
 */
import type { CatalogItem } from './catalog';

/** A `sys_choice` entry of one field, as it applies to one table. */
export interface Choice {
  /** The stored value, sent to the Table API (e.g. `"1"`, `"standard"`). */
  value: string;
  /** What a user sees (e.g. `"New"`). */
  label: string;
  /** Inactive choices stay valid on existing records but are not offered. */
  inactive: boolean;
  /** For dependent choice lists: the value of the field this one depends on. */
  dependentValue?: string;
  /** Display order, from `sys_choice.sequence`. */
  sequence?: number;
}

/**
 * `sys_dictionary.choice`: 0 no choice list, 1 dropdown with a "-- None --"
 * entry, 2 suggestion (free text allowed), 3 dropdown without "-- None --".
 */
export type ChoiceMode = 0 | 1 | 2 | 3;

/** One column of a table, after inheritance and dictionary overrides. */
export interface Field {
  /** Column name (`sys_dictionary.element`), e.g. `caller_id`. */
  element: string;
  /** Column label, e.g. `Caller`. */
  label: string;
  /**
   * `sys_dictionary.internal_type`, e.g. `string`, `reference`, `integer`,
   * `glide_date_time`. Unknown types are kept as they are (with a loader
   * warning), never dropped.
   */
  internalType: string;
  /** `sys_dictionary.max_length`, when the dictionary or the type gives one. */
  maxLength?: number;
  /** Mandatory on the form of this table (dictionary, override or overlay). */
  mandatory: boolean;
  /** Read-only in the dictionary (or made so by an override). */
  readOnly: boolean;
  /** For `reference` (and `glide_list`) fields: the table referred to. */
  reference?: string;
  /**
   * `sys_dictionary.reference_key`: the referenced table's column the field
   * stores instead of the sys_id (`name` for `sys_dictionary.internal_type`).
   */
  referenceKey?: string;
  /** `sys_dictionary.default_value` (may be a `javascript:` expression). */
  defaultValue?: string;
  /** Resolved choices (the table's own, else the defining table's); empty when none. */
  choices: Choice[];
  /** `sys_dictionary.choice`. */
  choiceMode: ChoiceMode;
  /** `sys_dictionary.dependent_on_field`: the field whose value filters this one's choices. */
  dependentOnField?: string;
  /** The table whose dictionary defines the column (`task` for incident's `short_description`). */
  definedOn: string;
  /**
   * Whether the Table API accepts a value for it: not a `sys_` field, not
   * read-only, not a derived or calculated field.
   */
  writable: boolean;
  /** Why it is not writable, for descriptions (e.g. "derived from impact and urgency"). */
  notWritableReason?: string;
}

/** One table with its full, resolved field list. */
export interface Table {
  /** Table name, e.g. `incident`. */
  name: string;
  /** Table label, e.g. `Incident`. */
  label: string;
  /** `sys_db_object.super_class` by name, e.g. `task`; absent for a root table. */
  superClass?: string;
  /** This table, then its super classes up to the root: `['incident', 'task']`. */
  hierarchy: string[];
  /** Tables that only exist to be extended (no template is generated for them). */
  abstract: boolean;
  /**
   * Every field, own and inherited, ordered by element name. A Field object is
   * shared by the tables that inherit it unchanged: treat the model as read-only.
   */
  fields: Field[];
  /** The fields a form shows first, in form order (from the overlay); all exist in `fields`. */
  primaryFields: string[];
  /**
   * Hand-kept facts about this table or its fields that no public source
   * confirms (overlay `verify` marks), as `element: note` or `table: note`.
   */
  unverified?: string[];
}

/** A table known only by name: a reference target or super class whose columns the snapshot does not hold. */
export interface TableSummary {
  name: string;
  label: string;
  superClass?: string;
}

/** Where a set of tables came from; the validator is stricter on complete metadata. */
export type MetadataOrigin = 'bundled' | 'instance' | 'sdk' | 'template' | 'synthetic';

/** A set of resolved tables: what the loader returns. */
export interface Metadata {
  origin: MetadataOrigin;
  /** Free-text description of the source (snapshot path, instance URL and build). */
  source: string;
  tables: ReadonlyMap<string, Table>;
  /**
   * Tables the snapshot names (reference targets) without holding their
   * columns. Not in `tables`: no template is generated for them.
   */
  referenceTargets?: ReadonlyMap<string, TableSummary>;
  /** Non-fatal findings of the loader (e.g. an unknown internal type kept as a string). */
  warnings: MetadataWarning[];
  /** Service Catalog items with their variables, when the snapshot holds the catalog files. */
  catalogItems?: CatalogItem[];
}

export interface MetadataWarning {
  /** The snapshot file the record came from. */
  file?: string;
  /** The record: its sys_id, or `table.element`. */
  record?: string;
  message: string;
}

const fieldIndexes = new WeakMap<Table, Map<string, Field>>();

/** Looks a field up by name in a resolved table (indexed once per table). */
export function findField(table: Table, element: string): Field | undefined {
  let index = fieldIndexes.get(table);
  if (!index) {
    index = new Map(table.fields.map((field) => [field.element, field]));
    fieldIndexes.set(table, index);
  }
  return index.get(element);
}
