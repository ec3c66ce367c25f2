/**
 * Binding identity: which two template properties write the same thing on
 * an element. bpmn-js-element-templates compares bindings as whole objects
 * after turning the deprecated `zeebe:taskDefinition:type` into
 * `zeebe:taskDefinition` with `property: "type"` (ConditionalBehavior
 * `areBindingsEqual` / `normalizeBinding`); `bindingKey` gives that
 * identity as one string, spelled per binding type so a new type cannot be
 * added without deciding what it writes.
 */
import type { Binding } from '../types';

/** Every binding type the Camunda 8 element template schema (and bpmn-js-element-templates 2.30) knows. */
export type BindingType = Binding['type'];

/**
 * The target a binding writes, e.g. `zeebe:input:url` or
 * `zeebe:taskDefinition:type`: equal keys mean the properties share one
 * input, header or attribute, so only one of them may be active at a time.
 */
export function bindingKey(binding: Binding): string {
  switch (binding.type) {
    case 'property':
    case 'zeebe:input':
    case 'zeebe:property':
    case 'bpmn:Message#property':
    case 'bpmn:Message#zeebe:subscription#property':
    case 'bpmn:Signal#property':
    case 'bpmn:TimerEventDefinition#property':
    case 'bpmn:ConditionalEventDefinition#property':
    case 'bpmn:ConditionalEventDefinition#zeebe:conditionalFilter#property':
      return `${binding.type}:${binding.name}`;
    case 'zeebe:output':
      return `${binding.type}:${binding.source}`;
    case 'zeebe:taskHeader':
      return `${binding.type}:${binding.key}`;
    case 'zeebe:taskDefinition:type':
      return 'zeebe:taskDefinition:type';
    case 'zeebe:taskDefinition':
    case 'zeebe:calledElement':
    case 'zeebe:userTask':
    case 'zeebe:calledDecision':
    case 'zeebe:formDefinition':
    case 'zeebe:script':
    case 'zeebe:assignmentDefinition':
    case 'zeebe:priorityDefinition':
    case 'zeebe:jobPriorityDefinition':
    case 'zeebe:adHoc':
    case 'zeebe:taskSchedule':
      return `${binding.type}:${binding.property}`;
    case 'zeebe:linkedResource':
      return `${binding.type}:${binding.linkName}:${binding.property}`;
    case 'zeebe:executionListener':
    case 'zeebe:taskListener':
      return `${binding.type}:${binding.eventType}`;
    default:
      return unknownBinding(binding);
  }
}

/** Whether two properties write the same thing (and so carry one value from one template to another). */
export function sameBinding(a: Binding, b: Binding): boolean {
  return bindingKey(a) === bindingKey(b);
}

/** A binding object read from a file that the schema check has not vouched for yet. */
export function isKnownBinding(value: unknown): value is Binding {
  if (typeof value !== 'object' || value === null || typeof (value as { type?: unknown }).type !== 'string') return false;
  try {
    bindingKey(value as Binding);
    return true;
  } catch {
    return false;
  }
}

function unknownBinding(binding: never): never {
  throw new Error(`unknown binding type "${String((binding as { type?: unknown }).type)}"`);
}
