/**
 * The element-template condition rules, one implementation for the
 * builder's checks, the plugin, the table switch and the request proof:
 * which properties are active on an element (bpmn-js-element-templates
 * 2.30 `applyConditions` / `isConditionMet` / `compare`, core.esm.js), and
 * what can be decided about conditions without an element (which property
 * ids they read, whether two can ever hold together).
 */
import type { Condition, TemplateProperty } from '../types';

export type Simple = Exclude<Condition, { allMatch: Condition[] }>;

/** The simple conditions a condition is made of (`allMatch` flattened). */
export function simpleConditions(condition: Condition | undefined): Simple[] {
  if (!condition || typeof condition !== 'object') return [];
  if ('allMatch' in condition) return Array.isArray(condition.allMatch) ? condition.allMatch.flatMap(simpleConditions) : [];
  return [condition];
}

/** Every property id a condition reads. */
export function conditionTargets(condition: Condition | undefined): string[] {
  return simpleConditions(condition).map((simple) => simple.property);
}

function allowedValues(simple: Simple): unknown[] | undefined {
  if ('equals' in simple) return [simple.equals];
  if ('oneOf' in simple) return Array.isArray(simple.oneOf) ? simple.oneOf : undefined;
  return undefined;
}

const isEmptyValue = (value: unknown) => value === undefined || value === null || value === '';

/** Whether two simple conditions on the same property can never hold together. */
function disjoint(left: Simple, right: Simple): boolean {
  if (left.property !== right.property) return false;
  const leftValues = allowedValues(left);
  const rightValues = allowedValues(right);
  if (leftValues && rightValues) return !rightValues.some((value) => leftValues.includes(value));
  const leftEmpty = 'isEmpty' in left ? left.isEmpty : undefined;
  const rightEmpty = 'isEmpty' in right ? right.isEmpty : undefined;
  if (leftEmpty !== undefined && rightEmpty !== undefined) return leftEmpty !== rightEmpty;
  const [empty, values] = leftEmpty !== undefined ? [leftEmpty, rightValues] : [rightEmpty, leftValues];
  if (empty === undefined || !values) return false;
  // isEmpty: true excludes non-empty values; isEmpty: false excludes empty ones.
  return empty ? !values.some(isEmptyValue) : values.every(isEmptyValue);
}

/**
 * Whether two conditions can never hold together: both restrict one
 * property to disjoint value sets (how templates bind several properties,
 * one per operation, to the same input), an empty value counting as one.
 */
export function mutuallyExclusive(a: Condition | undefined, b: Condition | undefined): boolean {
  const rights = simpleConditions(b);
  return simpleConditions(a).some((left) => rights.some((right) => disjoint(left, right)));
}

/** How a caller reads an element: the stored value of a property's binding, and whether the element takes the property at all. */
export interface ElementReader {
  /** The raw stored value (a string in XML); undefined or '' when unset. */
  valueOf(property: TemplateProperty): unknown;
  /** The library's `isPropertyAllowed` (a correlation key is never shown on a plain message start event). */
  allows?(property: TemplateProperty): boolean;
}

/** The properties whose conditions hold on the element, in template order (`applyConditions`). */
export function activeProperties(properties: readonly TemplateProperty[], reader: ElementReader): TemplateProperty[] {
  const evaluation = new Evaluation(properties, reader);
  return properties.filter((property) => evaluation.isActive(property));
}

/** Whether one property's condition holds on the element (`isConditionMet`). */
export function isConditionMet(properties: readonly TemplateProperty[], property: TemplateProperty, reader: ElementReader): boolean {
  return new Evaluation(properties, reader).isActive(property);
}

class Evaluation {
  private readonly byId = new Map<string, TemplateProperty>();
  private readonly visiting = new Set<TemplateProperty>();

  constructor(properties: readonly TemplateProperty[], private readonly reader: ElementReader) {
    // `properties.find(p => p.id === id)`: the first property of an id.
    for (const property of properties) if (property.id !== undefined && !this.byId.has(property.id)) this.byId.set(property.id, property);
  }

  isActive(property: TemplateProperty): boolean {
    if (this.reader.allows && !this.reader.allows(property)) return false;
    const { condition } = property;
    if (!condition) return true;
    // The library recurses without a guard; an isActive cycle (which the checks reject) counts as inactive here instead of overflowing.
    if (this.visiting.has(property)) return false;
    this.visiting.add(property);
    try {
      // allMatch holds simple conditions only (the schema); a nested allMatch reads no property and fails, as in the library.
      return 'allMatch' in condition ? condition.allMatch.every((each) => this.simpleHolds(each)) : this.simpleHolds(condition);
    } finally {
      this.visiting.delete(property);
    }
  }

  private simpleHolds(condition: Condition): boolean {
    if ('allMatch' in condition) return false;
    const related = this.byId.get(condition.property);
    if ('isActive' in condition) {
      if (!related) return !condition.isActive;
      return this.isActive(related) === condition.isActive;
    }
    if (!related) return false;
    if ('isEmpty' in condition) {
      const value = this.value(related);
      return (value === undefined || value === null || value === '') === condition.isEmpty;
    }
    if ('equals' in condition) return this.compare(related, condition.equals);
    if ('oneOf' in condition) return condition.oneOf.some((option) => this.compare(related, option));
    return false;
  }

  /** `getPropertyValue`: '' when unset, a Boolean's 'true'/'false' read as booleans. */
  private value(property: TemplateProperty): unknown {
    const raw = this.reader.valueOf(property) ?? '';
    if (property.type !== 'Boolean') return raw;
    return raw === 'true' ? true : raw === 'false' ? false : raw;
  }

  /** `compare`: FEEL-cast properties are compared by their literal, Numbers as numbers, everything else strictly. */
  private compare(property: TemplateProperty, expected: unknown): boolean {
    const value = shouldCastToFeel(property) ? fromFeelExpression(this.value(property), property.type) : this.value(property);
    if (value === undefined || value === null) return false;
    const wanted = typeof expected === 'string' && expected.trim().startsWith('=') ? fromFeelExpression(expected, property.type) : expected;
    if (property.type === 'Number') return Number(value) === Number(wanted);
    return value === wanted;
  }
}

/** Inputs and outputs default to `feel: static`; Boolean and Number values of static or optional FEEL, and every `feel: required` value, are stored as FEEL. */
export function shouldCastToFeel(property: TemplateProperty): boolean {
  const binding = property.binding.type;
  const feel = binding === 'zeebe:input' || binding === 'zeebe:output' ? property.feel ?? 'static' : property.feel;
  if (feel === 'required') return true;
  return (feel === 'optional' || feel === 'static') && (property.type === 'Boolean' || property.type === 'Number');
}

function fromFeelExpression(value: unknown, type: TemplateProperty['type']): unknown {
  if (value === undefined) return value;
  const literal = typeof value === 'string' && value.startsWith('=') ? value.slice(1) : value;
  if (type === 'Number') return Number(literal);
  if (type === 'Boolean') return literal !== 'false';
  return literal;
}
