/**
 * What the plugin needs to know about a ServiceNow element template, ours
 * (generated, with `metadata.servicenow`) or Camunda's official ones
 * (`io.camunda.connectors.ServiceNow*`): which table a task addresses, which
 * property holds the encoded query, which properties take a sys_id. Builds on
 * core/template/field-index.ts.
 */
import { recordQueryProperty } from '../../core/inbound/record-query';
import { findQueryProperty, isAnyTableTemplate, isServiceNowTemplate as isServiceNow, tableFromTemplate } from '../../core/template/field-index';
import { holdsSecretPlaceholder } from '../../core/query/sent-text';
import type { ElementTemplate, TemplateProperty } from '../../core/template/types';
import { getInputValue, type ModdleElement } from './zeebe';

const OFFICIAL_PREFIX = 'io.camunda.connectors.ServiceNow';
/** Official templates: the table dropdown and the free-text table behind its `__custom` choice. */
const OFFICIAL_TABLE_INPUT = 'targetTable';
const OFFICIAL_CUSTOM_TABLE_INPUT = 'customRequestTarget';
const OFFICIAL_CUSTOM_CHOICE = '__custom';
/** Official templates: the sys_id inputs of Get, Update and Delete. */
const OFFICIAL_SYS_ID_INPUTS = ['readTarget', 'updateTarget', 'deleteTarget'];
/** Ours: the generic template's table property and the record sys_id property. */
const GENERIC_TABLE_PROPERTY_ID = 'table';
const SYS_ID_PROPERTY_ID = 'sysId';

export function isOfficialTemplate(template: ElementTemplate): boolean {
  return template.id.startsWith(OFFICIAL_PREFIX);
}

/** Ours or Camunda's, calling the Table API (the official inbound flow starter has no table: excluded). */
export function isServiceNowTemplate(template: ElementTemplate | undefined | null): template is ElementTemplate {
  if (!template || !isServiceNow(template)) return false;
  return !isOfficialTemplate(template) || template.properties.some((property) => inputName(property) === OFFICIAL_TABLE_INPUT);
}

/** The table a template is fixed to (undefined for a generic template). */
export function fixedTable(template: ElementTemplate): string | undefined {
  const ours = (template.metadata as { servicenow?: { table?: unknown } } | undefined)?.servicenow?.table;
  if (typeof ours === 'string' && ours) return ours;
  const official = template.properties.find((property) => inputName(property) === OFFICIAL_TABLE_INPUT);
  return official?.type === 'Hidden' && typeof official.value === 'string' ? official.value : undefined;
}

/** The property a generic template takes the table name from. */
export function tableProperty(template: ElementTemplate): TemplateProperty | undefined {
  if (fixedTable(template)) return undefined;
  if (isAnyTableTemplate(template)) return template.properties.find((property) => property.id === GENERIC_TABLE_PROPERTY_ID);
  return template.properties.find((property) => inputName(property) === OFFICIAL_TABLE_INPUT);
}

/** The table a task addresses: the template's, else the value of the generic template's table input. */
export function tableOf(template: ElementTemplate, bo: ModdleElement): string | undefined {
  return fixedTable(template) ?? plainValue(tableInput(template, bo)?.value);
}

/**
 * Why a template that takes its table from the task gives none lint can
 * read: a FEEL value, or a (custom) table left empty. Undefined when the
 * table is fixed or written out.
 */
export function unreadableTable(template: ElementTemplate, bo: ModdleElement): string | undefined {
  if (fixedTable(template)) return undefined;
  const input = tableInput(template, bo);
  if (!input) return undefined;
  const what = input.custom ? 'custom table' : 'table';
  if (!input.value) return `the ${what} is left empty`;
  if (input.value.startsWith('=')) return `the ${what} is a FEEL value, known only at runtime`;
  return holdsSecretPlaceholder(input.value) ? `the ${what} is a {{secrets.NAME}} placeholder, filled in at runtime` : undefined;
}

/** The task's table input (the official templates' free-text one behind their `__custom` choice); undefined for a template without one. */
function tableInput(template: ElementTemplate, bo: ModdleElement): { value: string | undefined; custom: boolean } | undefined {
  const property = tableProperty(template);
  const name = property && inputName(property);
  if (!name) return undefined;
  const value = getInputValue(bo, name);
  return value === OFFICIAL_CUSTOM_CHOICE ? { value: getInputValue(bo, OFFICIAL_CUSTOM_TABLE_INPUT), custom: true } : { value, custom: false };
}

/** The encoded query property (ours `sn_query`, official `sysparm_query`, a wait template's record query). */
export function queryProperty(template: ElementTemplate): TemplateProperty | undefined {
  const property = findQueryProperty(template) ?? recordQueryProperty(template);
  return property && property.type !== 'Hidden' ? property : undefined;
}

/**
 * Whether the template sends the query with every space removed: Camunda's
 * official ones pass `replace(sysparm_query, " ", "")` in a Hidden input, so
 * the query is checked as sent, not as written.
 */
export function removesQuerySpaces(template: ElementTemplate): boolean {
  const property = queryProperty(template);
  const name = property && inputName(property)?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (!name) return false;
  const removal = new RegExp(`replace\\(\\s*${name}\\s*,\\s*" "\\s*,\\s*""\\s*\\)`);
  return template.properties.some((each) => each.type === 'Hidden' && typeof each.value === 'string' && removal.test(each.value));
}

/** A property that takes a sys_id, with the table the sys_id belongs to. */
export interface SysIdInput {
  property: TemplateProperty;
  /** The referenced table for a reference field; undefined: the task's own table. */
  referencedTable?: string;
  /** The reference field's name. */
  field?: string;
}

/**
 * The properties taking a sys_id: the record's sys_id for Get/Update/Delete,
 * and reference fields (their referenced table from the template's field index).
 */
const sysIdInputsCache = new WeakMap<ElementTemplate, SysIdInput[]>();

export function sysIdInputs(template: ElementTemplate): SysIdInput[] {
  let inputs = sysIdInputsCache.get(template);
  if (!inputs) sysIdInputsCache.set(template, inputs = findSysIdInputs(template));
  return inputs;
}

function findSysIdInputs(template: ElementTemplate): SysIdInput[] {
  const table = tableFromTemplate(template);
  const inputs: SysIdInput[] = [];
  for (const property of template.properties) {
    if (property.type === 'Hidden') continue;
    const name = inputName(property);
    if (property.id === SYS_ID_PROPERTY_ID || (isOfficialTemplate(template) && name && OFFICIAL_SYS_ID_INPUTS.includes(name))) {
      inputs.push({ property });
      continue;
    }
    const field = fieldOfProperty(property);
    const referencedTable = field && table?.fields.find((each) => each.element === field)?.reference;
    if (field && referencedTable && !property.id?.endsWith('.other')) inputs.push({ property, referencedTable, field });
  }
  return inputs;
}

/** Our templates name table field properties `field.<element>[.update|.other]`. */
export function fieldOfProperty(property: TemplateProperty): string | undefined {
  return /^field\.([^.]+)/.exec(property.id ?? '')?.[1];
}

export function inputName(property: TemplateProperty): string | undefined {
  const { binding } = property;
  return binding.type === 'zeebe:input' && typeof binding.name === 'string' ? binding.name : undefined;
}

/** A value written out: neither FEEL nor holding a secret placeholder the connector runtime fills in. */
function plainValue(value: string | undefined): string | undefined {
  return value && !value.startsWith('=') && !holdsSecretPlaceholder(value) ? value : undefined;
}
