/**
 * The hand-kept overlay (metadata/overlay.json, format in metadata/README.md):
 * facts the SDK lacks, each naming its public source. Record facts (table,
 * column, choices, referenceKey) are written into the snapshot by `import-sdk`; product
 * facts (abstract, primaryFields, mandatory, notWritable) are applied by the
 * loader to any snapshot.
 */
import type { ChoiceMode } from './model';
import type { Problems } from './problems';
import { isObject } from './records';

export interface Sourced {
  /** A ServiceNow documentation URL or a public repository path. */
  source: string;
  /** Set when no public source confirms the value: what to check on an instance. */
  verify?: string;
}

export interface OverlayTableDefinition extends Sourced {
  label: string;
  superClass?: string;
}

export interface OverlayColumn extends Sourced {
  type: string;
  label?: string;
  maxLength?: number;
  reference?: string;
  default?: string;
  readOnly?: boolean;
  dependentOnField?: string;
  choice?: ChoiceMode;
}

export interface OverlayChoiceValue {
  value: string;
  label?: string;
  sequence?: number;
  dependentValue?: string;
  inactive?: boolean;
}

export interface OverlayChoices extends Sourced {
  values: OverlayChoiceValue[];
}

export interface OverlayField {
  column?: OverlayColumn;
  choices?: OverlayChoices;
  /** The `reference_key` of a reference column the SDK defines without one. */
  referenceKey?: Sourced & { value: string };
  mandatory?: Sourced & { value: boolean };
  notWritable?: Sourced & { reason: string };
}

export interface OverlayTable {
  table?: OverlayTableDefinition;
  abstract?: Sourced & { value: boolean };
  primaryFields?: Sourced & { fields: string[] };
  fields?: Record<string, OverlayField>;
}

export interface Overlay {
  format: 1;
  tables: Record<string, OverlayTable>;
  /** Where bundled example catalog items (by sys_id) come from. */
  catalogItems?: Record<string, Sourced>;
}

export const OVERLAY_FILE = 'overlay.json';

/** Parses and checks an overlay; every problem names the table and field. */
export function parseOverlay(file: string, text: string, problems: Problems): Overlay | undefined {
  const body = problems.parseJson(file, text);
  if (body === undefined) return undefined;
  if (!isObject(body) || body['format'] !== 1 || !isObject(body['tables'])) {
    problems.error(file, undefined, 'expected {"format": 1, "tables": {...}} (see metadata/README.md)');
    return undefined;
  }
  const before = problems.errors.length;
  const check = new OverlayChecker(file, problems);
  for (const [table, entry] of Object.entries(body['tables'])) check.table(table, entry);
  if (body['catalogItems'] !== undefined) {
    if (!isObject(body['catalogItems'])) problems.error(file, undefined, 'catalogItems must map catalog item sys_ids to {"source", "verify"}');
    else for (const [sysId, entry] of Object.entries(body['catalogItems'])) check.catalogItem(sysId, entry);
  }
  return problems.errors.length === before ? (body as unknown as Overlay) : undefined;
}

class OverlayChecker {
  constructor(
    private readonly file: string,
    private readonly problems: Problems
  ) {}

  table(name: string, entry: unknown): void {
    if (!this.object(name, entry)) return;
    this.keys(name, entry, ['table', 'abstract', 'primaryFields', 'fields', '$comment']);
    this.entry(`${name} table`, entry['table'], { label: 'string' }, { superClass: 'string' });
    this.entry(`${name} abstract`, entry['abstract'], { value: 'boolean' });
    const primary = entry['primaryFields'];
    if (this.entry(`${name} primaryFields`, primary, {}) && !isStringArray(primary['fields'])) {
      this.problem(`${name} primaryFields`, 'fields must be an array of column names');
    }
    const fields = entry['fields'];
    if (fields === undefined) return;
    if (!this.object(`${name} fields`, fields)) return;
    for (const [element, field] of Object.entries(fields)) this.field(`${name}.${element}`, field);
  }

  private field(where: string, field: unknown): void {
    if (!this.object(where, field)) return;
    this.keys(where, field, ['column', 'choices', 'referenceKey', 'mandatory', 'notWritable', '$comment']);
    this.entry(`${where} column`, field['column'], { type: 'string' }, {
      label: 'string', maxLength: 'number', reference: 'string', default: 'string', readOnly: 'boolean', dependentOnField: 'string', choice: 'number'
    });
    this.entry(`${where} referenceKey`, field['referenceKey'], { value: 'string' });
    this.entry(`${where} mandatory`, field['mandatory'], { value: 'boolean' });
    this.entry(`${where} notWritable`, field['notWritable'], { reason: 'string' });
    const choices = field['choices'];
    if (!this.entry(`${where} choices`, choices, {})) return;
    const values = choices['values'];
    if (!Array.isArray(values) || values.length === 0) {
      this.problem(`${where} choices`, 'values must be a non-empty array of {value, label}');
      return;
    }
    values.forEach((value: unknown, index) => {
      const at = `${where} choices.values[${index}]`;
      if (!this.object(at, value)) return;
      this.types(at, value, { value: 'string' }, { label: 'string', sequence: 'number', dependentValue: 'string', inactive: 'boolean' });
    });
  }

  catalogItem(sysId: string, entry: unknown): void {
    this.entry(`catalogItems.${sysId}`, entry, {});
  }

  /** A sourced entry: absent is fine; present needs `source` and the given keys. */
  private entry(where: string, value: unknown, required: Record<string, string>, optional: Record<string, string> = {}): value is Record<string, unknown> {
    if (value === undefined) return false;
    if (!this.object(where, value)) return false;
    if (typeof value['source'] !== 'string' || value['source'].trim() === '') {
      this.problem(where, 'needs a "source": the ServiceNow documentation page or public repository path it comes from');
    }
    this.types(where, value, required, { ...optional, source: 'string', verify: 'string', fields: 'object', values: 'object' });
    return true;
  }

  private types(where: string, value: Record<string, unknown>, required: Record<string, string>, optional: Record<string, string>): void {
    for (const [key, type] of Object.entries(required)) {
      if (typeof value[key] !== type) this.problem(where, `${key} must be a ${type}`);
    }
    for (const [key, type] of Object.entries(optional)) {
      if (value[key] !== undefined && typeof value[key] !== type) this.problem(where, `${key} must be a ${type}`);
    }
    for (const key of Object.keys(value)) {
      if (!(key in required) && !(key in optional) && key !== '$comment') this.problem(where, `unknown key "${key}"`);
    }
  }

  private keys(where: string, value: Record<string, unknown>, allowed: string[]): void {
    for (const key of Object.keys(value)) if (!allowed.includes(key)) this.problem(where, `unknown key "${key}"`);
  }

  private object(where: string, value: unknown): value is Record<string, unknown> {
    if (isObject(value)) return true;
    this.problem(where, 'must be a JSON object');
    return false;
  }

  private problem(where: string, message: string): void {
    this.problems.error(this.file, where, message);
  }
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
