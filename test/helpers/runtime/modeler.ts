/**
 * Step 1 of the proof, the Modeler: the user's values (by property id) and
 * the template defaults are stored per binding; conditions read the stored
 * value of the property they name (bpmn-js-element-templates
 * `isConditionMet`, core/template/rules/conditions.ts), and inactive
 * properties lose their binding.
 * Boolean/Number and `feel: "required"` defaults are written as FEEL
 * (`toFeelExpression`).
 */
import { bindingKey as identity } from '../../../core/template/rules/bindings';
import { activeProperties } from '../../../core/template/rules/conditions';
import type { ElementTemplate, TemplateProperty } from '../../../core/template/types';

const bindingKey = (property: TemplateProperty) => identity(property.binding);

export interface AppliedTemplate {
  /** Active properties in template order. */
  active: TemplateProperty[];
  /** Persisted value per active property id, as the Modeler writes it. */
  persisted: Map<TemplateProperty, unknown>;
  taskHeaders: Record<string, string>;
  /** Constraint violations the Modeler would show for the given values. */
  violations: string[];
}

export type Values = Record<string, unknown>;

export function isFeel(value: unknown): value is string {
  return typeof value === 'string' && value.trim().startsWith('=');
}

/**
 * What the Modeler persists for a value (`toFeelExpression` for static FEEL types and `feel: required`).
 * As bpmn-js-element-templates src/cloud-element-templates/util/FeelUtil.js `shouldCastToFeel`: inputs
 * and outputs without `feel` count as `feel: "static"`, so a Boolean input is written `=false`.
 */
function persistedValue(property: TemplateProperty, value: unknown): unknown {
  const bindingType = (property.binding as { type: string }).type;
  const feel = property.feel ?? (bindingType === 'zeebe:input' || bindingType === 'zeebe:output' ? 'static' : undefined);
  const castToFeel = ((property.type === 'Boolean' || property.type === 'Number') && (feel === 'static' || feel === 'optional')) || feel === 'required';
  if (!castToFeel || value === undefined || isFeel(value)) return value;
  if (property.type === 'Boolean') return `=${value === 'false' ? false : Boolean(value)}`;
  return `=${String(value)}`;
}

/** Step 1: the Modeler's view after the user entered `values`. */
export function applyTemplate(template: ElementTemplate, values: Values = {}): AppliedTemplate {
  for (const id of Object.keys(values)) {
    if (!template.properties.some((candidate) => candidate.id === id)) throw new Error(`request-proof: the template has no property "${id}"`);
  }
  const store = new Map<string, unknown>();
  let active: TemplateProperty[] = [];
  for (let round = 0; round < 20; round++) {
    const before = JSON.stringify([...store]);
    const previous = new Set(active);
    active = activeProperties(template.properties, { valueOf: (property) => store.get(bindingKey(property)) });
    const activeKeys = new Set(active.map(bindingKey));
    for (const key of [...store.keys()]) if (!activeKeys.has(key)) store.delete(key);
    for (const candidate of active) {
      const key = bindingKey(candidate);
      const userValue = candidate.id !== undefined && candidate.id in values ? values[candidate.id] : undefined;
      if (userValue !== undefined) store.set(key, persistedValue(candidate, userValue));
      // A property that becomes active writes its value, also over another's on the same binding (ConditionalBehavior).
      else if (!store.has(key) || !previous.has(candidate)) store.set(key, persistedValue(candidate, candidate.value));
    }
    if (JSON.stringify([...store]) === before) break;
  }
  const seen = new Map<string, TemplateProperty>();
  for (const candidate of active) {
    const key = bindingKey(candidate);
    const other = seen.get(key);
    if (other) throw new Error(`request-proof: properties "${other.id}" and "${candidate.id}" are both active and bound to ${key}`);
    seen.set(key, candidate);
  }
  const persisted = new Map(active.map((candidate) => [candidate, store.get(bindingKey(candidate))] as const));
  const taskHeaders: Record<string, string> = {};
  for (const [candidate, value] of persisted) {
    if (candidate.binding.type === 'zeebe:taskHeader' && value !== undefined && value !== '') taskHeaders[candidate.binding.key] = String(value);
  }
  return { active, persisted, taskHeaders, violations: violations(persisted) };
}

/** The Modeler's `validateProperty`: notEmpty, then (unless FEEL) maxLength, minLength, pattern. */
function violations(persisted: Map<TemplateProperty, unknown>): string[] {
  const found: string[] = [];
  for (const [candidate, value] of persisted) {
    const { constraints } = candidate;
    if (!constraints) continue;
    const text = value === undefined || value === null ? undefined : String(value);
    const name = candidate.id ?? candidate.label ?? '?';
    if (constraints.notEmpty && (text === undefined || text.trim() === '')) {
      found.push(`${name}: must not be empty`);
      continue;
    }
    if (candidate.feel && isFeel(text)) continue;
    if (constraints.maxLength && (text ?? '').length > constraints.maxLength) found.push(`${name}: longer than ${constraints.maxLength}`);
    if (constraints.minLength && (text ?? '').length < constraints.minLength) found.push(`${name}: shorter than ${constraints.minLength}`);
    const pattern = typeof constraints.pattern === 'string' ? constraints.pattern : constraints.pattern?.value;
    const message = typeof constraints.pattern === 'string' ? undefined : constraints.pattern?.message;
    // The Modeler shows `{label} {message}` (bpmn-js-element-templates validateProperty), and tests a value
    // that is not written as "" (getPropertyValue's default).
    if (pattern && !new RegExp(pattern).test(text ?? '')) found.push(`${name}: does not match ${pattern}${message ? ` (${message})` : ''}`);
  }
  return found;
}

