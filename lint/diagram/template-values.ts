/**
 * What a template property holds on an element, which properties are active
 * under the template's conditions (core/template/rules/conditions.ts reads
 * these values), and the properties panel entry id of a property: the same
 * rules as bpmn-js-element-templates (`getPropertyValue`,
 * `getPropertyEntryId`), recomputed here because the lint rule sees moddle
 * elements only and the library does not export them.
 */
import { activeProperties as activeUnder } from '../../core/template/rules/conditions';
import type { ElementTemplate, TemplateProperty } from '../../core/template/types';
import { extensionValues, getIoMapping, getMessageSubscription, getPropertyValue, getTaskHeaders, type ModdleElement } from './zeebe';

/** The value a property holds on the element (undefined when unset). */
export function propertyValue(bo: ModdleElement, property: TemplateProperty): unknown {
  return new ElementValues(bo).of(property);
}

/**
 * An element's inputs and task headers read once into maps: a template's
 * conditions look up a property value per condition, and scanning the
 * element's inputs for each made checking a 136-property template quadratic
 * (a visible share of every panel render).
 */
class ElementValues {
  private inputs?: Map<string, string | undefined>;
  private headers?: Map<string, string | undefined>;

  constructor(private readonly bo: ModdleElement) {}

  of(property: TemplateProperty): unknown {
    const { binding } = property;
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

/** The properties whose conditions hold on the element, in template order. */
export function activeProperties(template: ElementTemplate, bo: ModdleElement): TemplateProperty[] {
  const values = new ElementValues(bo);
  return activeUnder(template.properties, { valueOf: (property) => values.of(property), allows: (property) => allowedOn(bo, property) });
}

/** bpmn-js-element-templates `isPropertyAllowed`: a plain message start event has no correlation key. */
function allowedOn(bo: ModdleElement, property: TemplateProperty): boolean {
  const { binding } = property;
  if (binding.type !== 'bpmn:Message#zeebe:subscription#property' || binding.name !== 'correlationKey' || bo.$type !== 'bpmn:StartEvent') return true;
  return bo.$parent?.$type === 'bpmn:SubProcess' && bo.$parent.get?.('triggeredByEvent') === true;
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
