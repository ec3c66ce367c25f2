/**
 * `steps` and `presets` (element template schema 0.41+): one menu entry per
 * operation, as Camunda's own ServiceNow template v3 has them, so that
 * typing "create incident" in the append, create or change menu finds the
 * entry. bpmn-js-element-templates applies a preset by overriding the value
 * of the properties it names (`applyPreset`); our presets name only the
 * operation, so a preset gives exactly the template applied with that
 * operation chosen: what the table picker applies too. Modelers that
 * predate presets (Desktop < 5.49) ignore both keys and offer the template
 * as one entry, which starts on its default operation.
 */
import { OPERATION_PROPERTY_ID, OPERATIONS, type Operation } from './operations';
import type { TemplatePreset, TemplateStep } from './types';

/** What the entries are about: a table's label and name, or the generic "record". */
export interface StepSubject {
  label: string;
  /** The table name, for search (absent for the generic template). */
  table?: string;
}

/**
 * Menu entry name, search verbs and description per operation; "Query" names
 * the plural, the others one record. `record` is "Incident record
 * [incident]" (or "record of any table"), `records` its plural.
 */
const STEP_WORDING: Record<Operation, { name: (one: string, many: string) => string; verbs: string[]; does: (record: string, records: string) => string; api?: string }> = {
  create: { name: (one) => `Create ${one}`, verbs: ['create', 'new', 'insert', 'add'], does: (record) => `Create a new ${record}` },
  get: { name: (one) => `Get ${one}`, verbs: ['get', 'read', 'fetch', 'retrieve'], does: (record) => `Read one ${record} by its sys_id` },
  query: { name: (_one, many) => `Query ${many}`, verbs: ['query', 'search', 'list', 'find', 'read'], does: (_record, records) => `List the ${records} an encoded query selects` },
  update: { name: (one) => `Update ${one}`, verbs: ['update', 'modify', 'change', 'edit'], does: (record) => `Change fields of one ${record}` },
  delete: { name: (one) => `Delete ${one}`, verbs: ['delete', 'remove'], does: (record) => `Delete one ${record}` },
  count: { name: (_one, many) => `Count ${many}`, verbs: ['count', 'how many', 'aggregate', 'stats'], does: (_record, records) => `Count the ${records} an encoded query selects`, api: 'Aggregate API' }
};

/** The preset id of an operation: the operation's own name. */
export function operationPresetId(operation: Operation): string {
  return operation;
}

/** The operation a preset of ours sets, if it is one. */
export function presetOperation(presets: readonly TemplatePreset[] | undefined, presetId: string | undefined): Operation | undefined {
  const value = presets?.find((preset) => preset.id === presetId)?.properties[OPERATION_PROPERTY_ID];
  return OPERATIONS.find((operation) => operation === value);
}

export function operationSteps(subject: StepSubject): { steps: TemplateStep[]; presets: TemplatePreset[] } {
  const many = pluralLabel(subject.label);
  const record = subject.table ? `${subject.label} record [${subject.table}]` : 'record of any table';
  const records = subject.table ? `${many} [${subject.table}]` : 'records of any table';
  const search = [subject.table, subject.label.toLowerCase(), many.toLowerCase()].filter((word): word is string => Boolean(word));
  return {
    steps: OPERATIONS.map((operation) => {
      const wording = STEP_WORDING[operation];
      return {
        name: wording.name(subject.label, many),
        description: `${wording.does(record, records)}, through the ServiceNow ${wording.api ?? 'Table API'}.`,
        keywords: [...new Set([...wording.verbs, ...search])],
        presetId: operationPresetId(operation)
      };
    }),
    presets: OPERATIONS.map((operation) => ({ id: operationPresetId(operation), properties: { [OPERATION_PROPERTY_ID]: operation } }))
  };
}

/**
 * The English plural of a table label for "Query <plural>": ServiceNow's
 * dictionary has no plural label, and labels are English nouns
 * (Incident → Incidents, Company → Companies, Approval → Approvals).
 */
export function pluralLabel(label: string): string {
  const words = label.split(' ');
  const last = words.pop() ?? '';
  // An acronym or a word ending in a digit (CI, SLA, Windows 10) reads best with "records".
  if (/^[A-Z0-9]+$/.test(last) || /\d$/.test(last)) return `${label} records`;
  let plural: string;
  if (/[^aeiou]y$/i.test(last)) plural = `${last.slice(0, -1)}ies`;
  else if (/(s|x|z|ch|sh)$/i.test(last)) plural = `${last}es`;
  else plural = `${last}s`;
  return [...words, plural].join(' ');
}
