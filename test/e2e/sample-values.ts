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
 * The property of an operation that writes a plain string column the
 * emulator stores as given: the field the tests mark records with.
 */
export function markerProperty(template: ElementTemplate, table: Table, operation: 'create' | 'update'): TemplateProperty {
  const candidates = applyTemplate(template, { operation }).active.filter((property) => {
    const element = fieldElement(property);
    const field = element ? findField(table, element) : undefined;
    const pattern = property.constraints?.pattern;
    const takesText = !pattern || new RegExp(typeof pattern === 'string' ? pattern : pattern.value).test('e2e marker text');
    return field && field.internalType === 'string' && field.writable && !field.readOnly && takesText && (property.type === 'String' || property.type === 'Text') && (field.maxLength ?? 40) >= 40;
  });
  const preferred = ['short_description', 'name', 'user_name', 'title'];
  const marker = preferred.map((element) => candidates.find((property) => fieldElement(property) === element)).find(Boolean) ?? candidates[0];
  if (!marker) throw new Error(`e2e: ${template.id} has no writable string field for ${operation}`);
  return marker;
}

/** Create values: every mandatory field gets a sample, the marker gets `text`. */
export function createValues(template: ElementTemplate, table: Table, text: string): Record<string, unknown> {
  const values: Record<string, unknown> = { operation: 'create' };
  for (const property of applyTemplate(template, { operation: 'create' }).active) {
    if (property.id && fieldElement(property) && property.constraints?.notEmpty) values[property.id] = sampleValue(property);
  }
  values[markerProperty(template, table, 'create').id ?? ''] = text;
  return values;
}
