/**
 * Applies the template of a picked table in one undoable step. Switching
 * from one ServiceNow template to another carries what they share (every
 * property bound to the same input or header in both: instance URL,
 * authentication, operation, sys_id, result variable), what ours and the
 * official template name differently (official-counterparts.ts), and the
 * field values the new table has (carry-fields.ts); it returns what was kept
 * and what was dropped, for the picker to say. A generic template gets the
 * table name; the output helper's variable follows the table when it had its
 * default name.
 */
import type { Service, DiagramElement } from '../types/bpmn-js';
import { OPERATION_PROPERTY_ID, OPERATIONS } from '../../core/template/operations';
import { operationPresetId, presetOperation } from '../../core/template/presets';
import { sameBinding } from '../../core/template/rules/bindings';
import type { FeelParser } from '../../core/feel/tree';
import type { ElementTemplate, TemplateProperty } from '../../core/template/types';
import { defaultSysIdVariable, readOutputVariables } from '../../lint/diagram/result-expression';
import { writeOutputVariables } from '../../lint/diagram/result-expression-writer';
import { taskAnswerRule } from '../../lint/diagram/result-guard';
import { isResultExpression } from '../../lint/diagram/stored-variable';
import { inOneStep } from '../shared/batch-command';
import { fieldOfProperty, isOfficialTemplate, isServiceNowTemplate, tableOf, tableProperty } from '../../lint/diagram/servicenow-template';
import { activeProperties, propertyValue } from '../../lint/diagram/template-values';
import { writeHeader, writeProperty, type WriteServices } from '../shared/write-binding';
import { getHeaderValue } from '../../lint/diagram/zeebe';
import { carryFieldValues, fieldValues, type CarryReport, type FieldValue } from './carry-fields';
import { counterparts, officialPayload, payloadOf } from './official-counterparts';
import type { TableOption } from './table-options';
import { recordSwitch } from './last-switch';

export interface SwitchServices extends WriteServices {
  elementTemplates: Service;
  commandStack: Service;
  /** Reads a user-written result expression, to rename its variables; without it the expression is left as it is. */
  feel: FeelParser | undefined;
}

export function switchTable(element: DiagramElement, option: TableOption, services: SwitchServices): CarryReport {
  const report: CarryReport = { kept: [], dropped: [] };
  inOneStep(services.commandStack, () => {
    const bo = element.businessObject;
    const oldTemplate: ElementTemplate | undefined = services.elementTemplates.get(element) ?? undefined;
    const serviceNow = isServiceNowTemplate(oldTemplate);
    const renamed = serviceNow ? counterparts(oldTemplate, option.template, bo) : [];
    const carried = serviceNow ? sharedValues(oldTemplate, option.template, bo) : [];
    const fields: FieldValue[] = serviceNow ? fieldValues(oldTemplate, bo) : [];
    const oldPayload = serviceNow && isOfficialTemplate(oldTemplate) ? payloadLeft(oldTemplate, bo) : undefined;
    const oldTable = isServiceNowTemplate(oldTemplate) ? tableOf(oldTemplate, bo) : undefined;
    // A preset mapping (Hidden) follows the table by itself; a user-written one is renamed here.
    const userWritten = isServiceNowTemplate(oldTemplate) && activeProperties(oldTemplate, bo)
      .some((property) => property.type !== 'Hidden' && isResultExpression(property));
    const { feel } = services;
    const output = userWritten && feel ? readOutputVariables(getHeaderValue(bo, 'resultExpression'), feel) : {};

    const sameTemplate = oldTemplate?.id === option.template.id && oldTemplate?.version === option.template.version;
    // The operation travels as the preset its menu entry applies, so picking a table and picking "<Operation> <table>" give the same task.
    const presetId = sameTemplate ? undefined : carriedPreset(option.template, carried);
    const target = sameTemplate ? element : services.elementTemplates.applyTemplate(element, option.template, presetId ? { presetId } : {});
    for (const { id, value, label } of renamed) {
      const property = option.template.properties.find((each) => each.id === id);
      if (property) { writeProperty(target, property, value, services); report.kept.push(label); }
    }
    for (const { property, value } of carried) if (!(presetId && property.id === OPERATION_PROPERTY_ID)) writeProperty(target, property, value, services);
    const table = option.viaGeneric ? tableProperty(option.template) : undefined;
    if (table) writeProperty(target, table, option.table, services);
    const payload = isOfficialTemplate(option.template) && fields.length ? officialPayload(option.template, option.table) : undefined;
    if (payload) {
      writeProperty(target, payload, payloadOf(fields), services);
      report.kept.push(...fields.map((field) => `${field.label} (in the payload)`));
    } else {
      const carriedFields = carryFieldValues(target, option.template, option.table, fields, services);
      report.kept.push(...carriedFields.kept);
      report.dropped.push(...carriedFields.dropped);
    }
    if (oldPayload) report.dropped.push({ label: 'Payload', reason: 'copy its values into the fields' });
    recordSwitch(target.businessObject, option.table, report);

    // An order template's outputs are the request's, not a renamed record variable.
    if (output.sysId && feel && !option.catalogItem) {
      const variable = oldTable && output.sysId === defaultSysIdVariable(oldTable) ? defaultSysIdVariable(option.table) : output.sysId;
      // Inside the new template's answer check, as the output helper writes it (the presets' error expression must still see an unexpected answer).
      const expression = writeOutputVariables(getHeaderValue(target.businessObject, 'resultExpression'), variable, output.number !== undefined, feel, taskAnswerRule(option.template, target.businessObject));
      if (expression) writeHeader(target, 'resultExpression', expression, services);
    }
  });
  return report;
}

/** The official task's payload, when it holds more than the template's example. */
function payloadLeft(template: ElementTemplate, bo: Service): string | undefined {
  const property = activeProperties(template, bo).find((each) => each.id?.startsWith('payload_'));
  const value = property ? propertyValue(bo, property) : undefined;
  return typeof value === 'string' && value.trim() && value !== property?.value ? value : undefined;
}

/** The new template's preset for the operation the old task had, when it has one. */
function carriedPreset(template: ElementTemplate, carried: { property: TemplateProperty; value: string }[]): string | undefined {
  const operation = OPERATIONS.find((each) => each === carried.find(({ property }) => property.id === OPERATION_PROPERTY_ID)?.value);
  const presetId = operation && operationPresetId(operation);
  return presetId && presetOperation(template.presets, presetId) === operation ? presetId : undefined;
}

/** The new template's properties that the old one binds the same way, with the element's values. */
export function sharedValues(oldTemplate: ElementTemplate, newTemplate: ElementTemplate, bo: Service): { property: TemplateProperty; value: string }[] {
  const shared: { property: TemplateProperty; value: string }[] = [];
  const skip = (template: ElementTemplate, property: TemplateProperty) => property.type === 'Hidden' || fieldOfProperty(property) !== undefined || property === tableProperty(template);
  // Only what the user sees on the old task: an inactive property's binding may hold another's value.
  const oldActive = activeProperties(oldTemplate, bo);
  for (const property of newTemplate.properties) {
    if (skip(newTemplate, property)) continue;
    const old = oldActive.find((candidate) => !skip(oldTemplate, candidate) && sameBinding(candidate.binding, property.binding));
    const value = old ? propertyValue(bo, old) : undefined;
    if (typeof value === 'string' && value !== '' && !shared.some((entry) => sameBinding(entry.property.binding, property.binding))) shared.push({ property, value });
  }
  return shared;
}
