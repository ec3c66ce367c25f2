/**
 * The inputs of a ServiceNow task checked against the table metadata besides
 * its query: the columns to return (`sysparm_fields`) and a payload written
 * as a FEEL context (Camunda's official templates, our any-table template).
 * The panel entry under each input and the lint rules call this, so they
 * agree.
 */
import type { Diagnostic } from '../../core/query';
import type { FeelParser } from '../../core/feel/tree';
import type { Metadata } from '../../core/metadata/model';
import { checkFieldsParam } from '../../core/query/fields-param';
import { checkPayload } from '../../core/template/payload-check';
import type { ElementTemplate, TemplateProperty } from '../../core/template/types';
import { metadataForTemplate } from '../metadata/template-metadata';
import { inputName, isOfficialTemplate, isServiceNowTemplate, tableOf } from '../diagram/servicenow-template';
import { activeProperties, propertyValue } from '../diagram/template-values';
import type { ModdleElement } from '../diagram/zeebe';

export type CheckedInputKind = 'fields' | 'payload';

export interface CheckedInput {
  property: TemplateProperty;
  kind: CheckedInputKind;
}

/** Ours: the fields input (one per reading operation) and the any-table payload. */
const OUR_INPUTS: Record<string, CheckedInputKind> = { sn_fields: 'fields', sn_payload: 'payload' };
/** Official: `sysparm_fields`, and one payload per table dropdown entry (`body_<table>`). */
const OFFICIAL_FIELDS_INPUT = 'sysparm_fields';
const OFFICIAL_PAYLOAD_INPUT = /^body_/;

const cache = new WeakMap<ElementTemplate, CheckedInput[]>();

export function checkedInputs(template: ElementTemplate): CheckedInput[] {
  let found = cache.get(template);
  if (!found) cache.set(template, found = findCheckedInputs(template));
  return found;
}

function findCheckedInputs(template: ElementTemplate): CheckedInput[] {
  if (!isServiceNowTemplate(template)) return [];
  const official = isOfficialTemplate(template);
  return template.properties.flatMap((property): CheckedInput[] => {
    const name = property.type === 'Hidden' ? undefined : inputName(property);
    if (!name) return [];
    const kind = official
      ? name === OFFICIAL_FIELDS_INPUT ? 'fields' : OFFICIAL_PAYLOAD_INPUT.test(name) ? 'payload' : undefined
      : OUR_INPUTS[name];
    return kind ? [{ property, kind }] : [];
  });
}

/** Checks an input's text against the table's metadata: the template's field index on top of `bundled`. */
export function checkInputText(kind: CheckedInputKind, text: string, template: ElementTemplate | undefined, table: string | undefined, bundled: Metadata | undefined, feel: FeelParser | undefined): Diagnostic[] {
  const metadata = metadataForTemplate(template, table, bundled);
  const options = { ...(table ? { table } : {}), ...(metadata ? { metadata } : {}), ...(feel ? { feel } : {}) };
  return kind === 'fields' ? checkFieldsParam(text, options) : checkPayload(text, options);
}

export interface TaskInputCheck extends CheckedInput {
  value: string;
  diagnostics: Diagnostic[];
}

/** The findings in each active checked input of a task. */
export function checkTaskInputs(template: ElementTemplate, bo: ModdleElement, kind: CheckedInputKind, bundled: Metadata | undefined, feel: FeelParser | undefined): TaskInputCheck[] {
  const inputs = checkedInputs(template).filter((input) => input.kind === kind);
  if (!inputs.length) return [];
  const active = activeProperties(template, bo);
  const table = tableOf(template, bo);
  return inputs.filter((input) => active.includes(input.property)).flatMap((input) => {
    const value = propertyValue(bo, input.property);
    if (typeof value !== 'string' || !value) return [];
    return [{ ...input, value, diagnostics: checkInputText(kind, value, template, table, bundled, feel) }];
  });
}
