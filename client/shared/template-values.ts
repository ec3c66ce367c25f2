/**
 * What a template property holds on an element, which properties are active
 * under the template's conditions, and the properties panel entry id of a
 * property: the same rules as bpmn-js-element-templates (`applyConditions`,
 * `getPropertyEntryId`), recomputed here because the lint rule sees moddle
 * elements only and the library does not export them.
 */
import type { Condition, ElementTemplate, TemplateProperty } from '../../core/template/types';
import { extensionValues, getIoMapping, getMessageSubscription, getPropertyValue, getTaskHeaders, type ModdleElement } from './zeebe';

/** The value a property holds on the element (undefined when unset). */
export function propertyValue(bo: ModdleElement, property: TemplateProperty): unknown {
  return new ElementValues(bo).of(property);
}

/**
 * An element's inputs and task headers read once into maps: a template's
 * conditions look up a property value per condition, and scanning the
 * element's inputs for each made checking a 136-property template quadratic
 * (a visible share of every panel render, issue 6).
 */
class ElementValues {
  private inputs?: Map<string, string | undefined>;
  private headers?: Map<string, string | undefined>;

  constructor(private readonly bo: ModdleElement) {}

  of(property: TemplateProperty): unknown {
    const binding = property.binding as { type: string; name: string; key: string; property: string };
    switch (binding.type) {
      case 'zeebe:input': return (this.inputs ??= firstByKey(getIoMapping(this.bo)?.get('inputParameters'), 'target', 'source')).get(binding.name);
      case 'zeebe:taskHeader': return (this.headers ??= firstByKey(getTaskHeaders(this.bo)?.get('values'), 'key', 'value')).get(binding.key);
      case 'property': return this.bo.get?.(binding.name);
      case 'zeebe:taskDefinition': return extensionValues(this.bo, 'zeebe:TaskDefinition')?.get(binding.property);
      case 'zeebe:property': return getPropertyValue(this.bo, binding.name);
      case 'bpmn:Message#zeebe:subscription#property': return getMessageSubscription(this.bo)?.get(binding.name);
      default: return undefined;
    }
  }
}

/** The first element's value for each key, as the Modeler reads a duplicated input or header. */
function firstByKey(elements: ModdleElement[] | undefined, key: string, value: string): Map<string, string | undefined> {
  const map = new Map<string, string | undefined>();
  for (const element of elements ?? []) {
    const name = element.get(key) as string;
    if (!map.has(name)) map.set(name, element.get(value) as string | undefined);
  }
  return map;
}

const propertiesById = new WeakMap<ElementTemplate, Map<string, TemplateProperty>>();

function byId(template: ElementTemplate): Map<string, TemplateProperty> {
  let map = propertiesById.get(template);
  if (!map) {
    map = new Map();
    for (const property of template.properties) if (property.id !== undefined && !map.has(property.id)) map.set(property.id, property);
    propertiesById.set(template, map);
  }
  return map;
}

/** The properties whose conditions hold on the element, in template order. */
export function activeProperties(template: ElementTemplate, bo: ModdleElement): TemplateProperty[] {
  const context = { properties: byId(template), values: new ElementValues(bo), visiting: new Set<TemplateProperty>() };
  return template.properties.filter((property) => isActive(property, context));
}

interface ConditionContext {
  properties: Map<string, TemplateProperty>;
  values: ElementValues;
  visiting: Set<TemplateProperty>;
}

function isActive(property: TemplateProperty, context: ConditionContext): boolean {
  if (!property.condition) return true;
  if (context.visiting.has(property)) return false;
  context.visiting.add(property);
  const holds = conditionHolds(property.condition, context);
  context.visiting.delete(property);
  return holds;
}

function conditionHolds(condition: Condition, context: ConditionContext): boolean {
  if ('allMatch' in condition) return condition.allMatch.every((each) => conditionHolds(each, context));
  const related = context.properties.get(condition.property);
  if ('isActive' in condition) {
    const active = related ? isActive(related, context) : false;
    return condition.isActive ? active : !active;
  }
  const stored = related ? context.values.of(related) : undefined;
  if ('isEmpty' in condition) {
    const empty = stored === undefined || stored === null || stored === '';
    return condition.isEmpty ? empty : !empty;
  }
  const value = related ? typedValue(related, stored) : undefined;
  if ('equals' in condition) return value === condition.equals || (value !== undefined && String(value) === String(condition.equals));
  if ('oneOf' in condition) return condition.oneOf.some((option) => value === option || String(value) === String(option));
  return true;
}

/**
 * As the library's `compare`: a Boolean or Number input holds FEEL (`=false`,
 * `=20`), which a condition reads as its type, so `equals: false` holds.
 */
function typedValue(property: TemplateProperty, value: unknown): unknown {
  if (typeof value !== 'string' || (property.type !== 'Boolean' && property.type !== 'Number')) return value;
  const text = value.startsWith('=') ? value.slice(1) : value;
  return property.type === 'Boolean' ? text !== 'false' : Number(text);
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
