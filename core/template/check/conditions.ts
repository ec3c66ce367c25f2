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

/**
 * Whether two conditions can never hold together: both restrict one
 * property to disjoint value sets (how templates bind several properties,
 * one per operation, to the same input).
 */
export function mutuallyExclusive(a: Condition | undefined, b: Condition | undefined): boolean {
  for (const left of simpleConditions(a)) {
    const leftValues = allowedValues(left);
    if (!leftValues) continue;
    for (const right of simpleConditions(b)) {
      const rightValues = allowedValues(right);
      if (right.property === left.property && rightValues && !rightValues.some((value) => leftValues.includes(value))) return true;
    }
  }
  return false;
}
