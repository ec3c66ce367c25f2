/**
 * Carries a task's field values from one ServiceNow template to another
 * when the table changes, and says what happened to each: kept (the new
 * table has the field, and a dropdown the choice; a field the new template
 * shows only under "More fields" switches those on rather than being
 * dropped), or dropped with the reason. Values are read before the new
 * template is applied, written after, in the same undoable step.
 */
import type { DiagramElement } from '../types/bpmn-js';
import type { ElementTemplate, TemplateProperty } from '../../core/template/types';
import { valuesToActivate } from '../shared/activation';
import { fieldOfProperty } from '../../lint/diagram/servicenow-template';
import { activeProperties, propertyValue } from '../../lint/diagram/template-values';
import { writeProperty, type WriteServices } from '../shared/write-binding';
import type { ModdleElement } from '../../lint/diagram/zeebe';

const OTHER = '__other__';

export interface FieldValue {
  field: string;
  label: string;
  value: string;
}

export interface CarryReport {
  kept: string[];
  dropped: { label: string; reason: string }[];
}

/** The field values the user sees set on the task (a dropdown's "other" value resolved to its text). */
export function fieldValues(template: ElementTemplate, bo: ModdleElement): FieldValue[] {
  const active = activeProperties(template, bo);
  const values: FieldValue[] = [];
  for (const property of active) {
    const field = fieldOfProperty(property);
    if (!field || property.type === 'Hidden' || property.id?.endsWith('.other')) continue;
    let value = propertyValue(bo, property);
    if (value === OTHER) value = propertyValue(bo, active.find((each) => each.id === `${property.id}.other`) ?? property);
    if (typeof value === 'string' && value !== '' && value !== OTHER) values.push({ field, label: property.label ?? field, value });
  }
  return values;
}

export function carryFieldValues(target: DiagramElement, template: ElementTemplate, table: string, values: readonly FieldValue[], services: WriteServices): CarryReport {
  const report: CarryReport = { kept: [], dropped: [] };
  for (const { field, label, value } of values) {
    const candidates = template.properties.filter((property) => property.type !== 'Hidden' && fieldOfProperty(property) === field && !property.id?.endsWith('.other'));
    if (!candidates.length) {
      report.dropped.push({ label, reason: `${table} has no field ${field}` });
      continue;
    }
    const property = activeCandidate(template, candidates, target, services);
    if (!property) {
      report.dropped.push({ label, reason: `the operation does not set ${field} on ${table}` });
      continue;
    }
    // A choice of one table is not one of another (incident state 2 is "In Progress", change_request has none).
    if (property.type === 'Dropdown' && !value.startsWith('=') && !(property.choices ?? []).some((choice) => choice.value === value)) {
      report.dropped.push({ label, reason: `${value} is not a choice of ${field} on ${table}` });
      continue;
    }
    writeProperty(target, property, value, services);
    report.kept.push(label);
  }
  return report;
}

/** The candidate that is active for the task's operation, after switching on what gates it (e.g. "More fields"). */
function activeCandidate(template: ElementTemplate, candidates: TemplateProperty[], target: DiagramElement, services: WriteServices): TemplateProperty | undefined {
  const bo = target.businessObject;
  const active = () => activeProperties(template, bo);
  const already = candidates.find((candidate) => active().includes(candidate));
  if (already) return already;
  for (const candidate of candidates) {
    const changes = valuesToActivate(template, candidate, bo);
    if (!changes.length) continue;
    for (const change of changes) writeProperty(target, change.property, change.value, services);
    if (active().includes(candidate)) return candidate;
  }
  return undefined;
}

/** "Kept: Caller, Impact. Dropped: Urgency (change_request has no field urgency)." */
export function carryText(report: CarryReport): string {
  const kept = report.kept.length ? `Kept: ${report.kept.join(', ')}.` : '';
  const dropped = report.dropped.length ? `Dropped: ${report.dropped.map((each) => `${each.label} (${each.reason})`).join(', ')}.` : '';
  return [kept, dropped].filter(Boolean).join(' ');
}
