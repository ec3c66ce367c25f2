import type { Table } from '../../core/metadata/model';
import { findField } from '../../core/metadata/model';
import type { ElementTemplate, TemplateProperty } from '../../core/template/types';
import { applyTemplate } from '../helpers/request-proof';

/** Values a modeler could type, tried in order against a property's constraints. */
const CANDIDATES = ['e2e value', '0123456789abcdef0123456789abcdef', '1', '2026-01-31 12:00:00', 'true'];

/** The binding target of a table field's input: `sn_f_<element>`. */
export function fieldElement(property: TemplateProperty): string | undefined {
  const binding = property.binding as { type: string; name?: string };
  return binding.type === 'zeebe:input' && binding.name?.startsWith('sn_f_') ? binding.name.slice('sn_f_'.length) : undefined;
}

/** A value that passes the property's constraints, for mandatory fields. */
export function sampleValue(property: TemplateProperty): string {
  if (property.type === 'Dropdown') {
    const choice = property.choices?.find((candidate) => candidate.value !== '' && candidate.value !== '__other__');
    if (choice) return choice.value;
  }
  const { constraints } = property;
  const pattern = typeof constraints?.pattern === 'string' ? constraints.pattern : constraints?.pattern?.value;
  const fits = (value: string) => (!pattern || new RegExp(pattern).test(value)) && (!constraints?.maxLength || value.length <= constraints.maxLength);
  const value = CANDIDATES.find(fits);
  if (value === undefined) throw new Error(`e2e: no sample value fits ${property.id} (${pattern})`);
  return value;
}

/**
 * What the tests mark records with: the property of an operation that writes
 * a column the emulator stores as given, and the value that stands for a
 * text. A plain string column takes the text itself. A table without one
 * (sysapproval_approver: a choice list, a journal, references) is marked
 * through a date-time column, each new text a later time than the last, so
 * that ORDERBY on the column keeps the order the records were written in.
 */
export interface Marker {
  property: TemplateProperty;
  column: string;
  kind: 'text' | 'date-time';
  value(text: string): string;
}

const PREFERRED_TEXT_COLUMNS = ['short_description', 'name', 'user_name', 'title'];
/** One clock for every date-time marker: the same text is the same time, wherever it is asked for. */
const markerTimes = new Map<string, string>();
const MARKER_EPOCH = Date.UTC(2026, 0, 1);

function markerTime(text: string): string {
  let time = markerTimes.get(text);
  if (time === undefined) {
    time = new Date(MARKER_EPOCH + markerTimes.size * 1000).toISOString().slice(0, 19).replace('T', ' ');
    markerTimes.set(text, time);
  }
  return time;
}

export function marker(template: ElementTemplate, table: Table, operation: 'create' | 'update'): Marker {
  const writable = applyTemplate(template, { operation }).active.flatMap((property) => {
    const element = fieldElement(property);
    const field = element ? findField(table, element) : undefined;
    return element && field && field.writable && !field.readOnly && (property.type === 'String' || property.type === 'Text') ? [{ property, column: element, field }] : [];
  });
  const accepts = (property: TemplateProperty, value: string) => {
    const pattern = property.constraints?.pattern;
    return !pattern || new RegExp(typeof pattern === 'string' ? pattern : pattern.value).test(value);
  };
  const texts = writable.filter(({ property, field }) => field.internalType === 'string' && accepts(property, 'e2e marker text') && (field.maxLength ?? 40) >= 40);
  const text = PREFERRED_TEXT_COLUMNS.map((column) => texts.find((candidate) => candidate.column === column)).find(Boolean) ?? texts[0];
  if (text) return { property: text.property, column: text.column, kind: 'text', value: (value) => value };
  const dateTime = writable.find(({ property, field }) => field.internalType === 'glide_date_time' && accepts(property, '2026-01-31 12:00:00'));
  if (dateTime) return { property: dateTime.property, column: dateTime.column, kind: 'date-time', value: markerTime };
  throw new Error(`e2e: ${template.id} has no writable string or date-time field for ${operation}`);
}

/** Create values: every mandatory field gets a sample, the marker the value for `text`. */
export function createValues(template: ElementTemplate, table: Table, text: string): Record<string, unknown> {
  const values: Record<string, unknown> = { operation: 'create' };
  for (const property of applyTemplate(template, { operation: 'create' }).active) {
    if (property.id && fieldElement(property) && property.constraints?.notEmpty) values[property.id] = sampleValue(property);
  }
  const mark = marker(template, table, 'create');
  values[mark.property.id ?? ''] = mark.value(text);
  return values;
}
