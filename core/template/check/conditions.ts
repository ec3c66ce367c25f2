import type { Condition } from '../types';

type Simple = Exclude<Condition, { allMatch: Condition[] }>;

function simpleConditions(condition: Condition | undefined): Simple[] {
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
  return simpleConditions(a).some((left) => simpleConditions(b).some((right) => disjoint(left, right)));
}
