import type { Field, Table } from '../metadata/model';
import { QUERY_VARIABLE } from './query-params';
import type { ElementTemplate, TemplateProperty } from './types';

/**
 * One column in a template's `metadata.servicenow.fields`: its internal type
 * alone, or `[type, reference table or null, choice values?]`. Kept compact
 * because it travels in every template file.
 */
export type IndexedField = string | [string, string | null] | [string, string | null, string[]];

/** What a generated template carries in `metadata.servicenow`. */
export interface ServiceNowTemplateMetadata {
  /** The table name; absent on the generic "any table" template. */
  table?: string;
  label?: string;
  /** This table and its super classes, e.g. `['incident', 'task']`. */
  hierarchy?: string[];
  anyTable?: boolean;
  /** Set on the event templates: which inbound connector they configure. */
  inbound?: 'polling' | 'webhook';
  fields?: Record<string, IndexedField>;
  /** What a template that is not a table's calls: a catalog order, attachments or a flow trigger. */
  api?: 'catalog' | 'attachment' | 'flow';
  /** The catalog item an order template orders (absent on the generic order template). */
  catalogItem?: { sysId: string; name: string };
}

/** The compact field index of a table: every column, with its type, reference and choice values. */
export function toFieldIndex(table: Table): ServiceNowTemplateMetadata {
  const fields: Record<string, IndexedField> = {};
  for (const field of table.fields) fields[field.element] = indexField(field);
  return { table: table.name, label: table.label, hierarchy: [...table.hierarchy], fields };
}

function indexField(field: Field): IndexedField {
  const reference = field.reference ?? null;
  if (field.choices.length > 0) return [field.internalType, reference, field.choices.map((choice) => choice.value)];
  return reference ? [field.internalType, reference] : field.internalType;
}

function serviceNowMetadata(template: unknown): ServiceNowTemplateMetadata | undefined {
  const metadata = (template as { metadata?: { servicenow?: unknown } } | null)?.metadata?.servicenow;
  return metadata && typeof metadata === 'object' ? (metadata as ServiceNowTemplateMetadata) : undefined;
}

/**
 * The table a template was generated from, rebuilt from its field index, or
 * undefined for templates without one (the generic template, Camunda's
 * official ServiceNow templates, any other template).
 */
export function tableFromTemplate(template: unknown): Table | undefined {
  const metadata = serviceNowMetadata(template);
  if (!metadata?.table || !metadata.fields) return undefined;
  const fields = Object.entries(metadata.fields)
    .map(([element, indexed]) => fieldFromIndex(element, indexed))
    .sort((a, b) => (a.element < b.element ? -1 : a.element > b.element ? 1 : 0));
  return {
    name: metadata.table,
    label: metadata.label ?? metadata.table,
    hierarchy: metadata.hierarchy ?? [metadata.table],
    superClass: metadata.hierarchy?.[1],
    abstract: false,
    fields,
    primaryFields: []
  };
}

function fieldFromIndex(element: string, indexed: IndexedField): Field {
  const [internalType, reference, values] = typeof indexed === 'string' ? [indexed, null, undefined] : indexed;
  const choices = (values ?? []).map((value) => ({ value, label: value, inactive: false }));
  return {
    element,
    label: element,
    internalType,
    ...(reference ? { reference } : {}),
    mandatory: false,
    readOnly: false,
    choices,
    choiceMode: choices.length > 0 ? 1 : 0,
    definedOn: '',
    writable: false
  };
}

/** Whether this generator wrote the template: every template it makes carries `metadata.servicenow`, Camunda's own ServiceNow templates do not. */
export function isGeneratedTemplate(template: unknown): boolean {
  return serviceNowMetadata(template) !== undefined;
}

/** Ours (with `metadata.servicenow`, including the generic template) or Camunda's official ServiceNow templates. */
export function isServiceNowTemplate(template: unknown): boolean {
  if (serviceNowMetadata(template)) return true;
  const id = (template as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.startsWith('io.camunda.connectors.ServiceNow');
}

/** Whether the template is the generic "any table" one (table chosen per task). */
export function isAnyTableTemplate(template: unknown): boolean {
  return serviceNowMetadata(template)?.anyTable === true;
}

/** The property bound to the encoded query input: ours (`sn_query`) or the official templates' (`sysparm_query`). */
export function findQueryProperty(template: Pick<ElementTemplate, 'properties'>): TemplateProperty | undefined {
  const names = [QUERY_VARIABLE, 'sysparm_query'];
  return template.properties.find(
    (property) => property.binding.type === 'zeebe:input' && names.includes((property.binding as { name: string }).name)
  );
}

/** How many writable columns a generated template offers (one input each; Update copies and "other" inputs not counted). */
export function countFieldInputs(template: Pick<ElementTemplate, 'properties'>): number {
  return template.properties.filter((property) => /^field\.[^.]+$/.test(property.id ?? '')).length;
}
