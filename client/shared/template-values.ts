/**
 * What a template property holds on an element, which properties are active
 * under the template's conditions, and the properties panel entry id of a
 * property: the same rules as bpmn-js-element-templates (`applyConditions`,
 * `getPropertyEntryId`), recomputed here because the lint rule sees moddle
 * elements only and the library does not export them.
 */
import type { Condition, ElementTemplate, TemplateProperty } from '../../core/template/types';
import { getHeaderValue, getInputValue, type ModdleElement } from './zeebe';

/** The value a property holds on the element (undefined when unset). */
export function propertyValue(bo: ModdleElement, property: TemplateProperty): unknown {
  const binding = property.binding as { type: string; name: string; key: string; property: string };
  switch (binding.type) {
    case 'zeebe:input': return getInputValue(bo, binding.name);
    case 'zeebe:taskHeader': return getHeaderValue(bo, binding.key);
    case 'property': return bo.get?.(binding.name);
    case 'zeebe:taskDefinition': {
      const definition = (bo.get?.('extensionElements')?.get('values') ?? []).find((value: ModdleElement) => value.$type === 'zeebe:TaskDefinition');
      return definition?.get(binding.property);
    }
    case 'zeebe:property': {
      const properties = (bo.get?.('extensionElements')?.get('values') ?? []).find((value: ModdleElement) => value.$type === 'zeebe:Properties');
      return (properties?.get('properties') ?? []).find((entry: ModdleElement) => entry.get('name') === binding.name)?.get('value');
    }
    default: return undefined;
  }
}

/** The properties whose conditions hold on the element, in template order. */
export function activeProperties(template: ElementTemplate, bo: ModdleElement): TemplateProperty[] {
  return template.properties.filter((property) => isActive(template.properties, property, bo, new Set()));
}

function isActive(all: TemplateProperty[], property: TemplateProperty, bo: ModdleElement, visiting: Set<TemplateProperty>): boolean {
  if (!property.condition) return true;
  if (visiting.has(property)) return false;
  visiting.add(property);
  const holds = conditionHolds(all, property.condition, bo, visiting);
  visiting.delete(property);
  return holds;
}

function conditionHolds(all: TemplateProperty[], condition: Condition, bo: ModdleElement, visiting: Set<TemplateProperty>): boolean {
  if ('allMatch' in condition) return condition.allMatch.every((each) => conditionHolds(all, each, bo, visiting));
  const related = all.find((property) => property.id === condition.property);
  if ('isActive' in condition) {
    const active = related ? isActive(all, related, bo, visiting) : false;
    return condition.isActive ? active : !active;
  }
  const value = related ? propertyValue(bo, related) : undefined;
  if ('isEmpty' in condition) {
    const empty = value === undefined || value === null || value === '';
    return condition.isEmpty ? empty : !empty;
  }
  if ('equals' in condition) return value === condition.equals || (value !== undefined && String(value) === String(condition.equals));
  if ('oneOf' in condition) return condition.oneOf.some((option) => value === option || String(value) === String(option));
  return true;
}

/**
 * The panel entry id of an active property: `custom-entry-<id>-<group>-<n>`,
 * n counting the active properties of that group (Hidden ones included), or
 * `custom-entry-<id>-<n>` among the properties of no known group.
 */
export function propertyEntryId(template: ElementTemplate, property: TemplateProperty, bo: ModdleElement): string | undefined {
  const active = activeProperties(template, bo);
  if (!active.includes(property)) return undefined;
  const groups = new Set((template.groups ?? []).map((group) => group.id));
  if (property.group && groups.has(property.group)) {
    const index = active.filter((each) => each.group === property.group).indexOf(property);
    return `custom-entry-${template.id}-${property.group}-${index}`;
  }
  // Ungrouped properties are listed bucket by bucket, in order of each bucket's first occurrence.
  const buckets = [...new Set(active.map((each) => each.group))].filter((group) => !group || !groups.has(group));
  const ungrouped = buckets.flatMap((group) => active.filter((each) => each.group === group));
  return `custom-entry-${template.id}-${ungrouped.indexOf(property)}`;
}
