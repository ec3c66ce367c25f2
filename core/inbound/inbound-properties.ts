import type { Binding, TemplateProperty } from '../template/types';

/**
 * Inbound connectors read their configuration from `zeebe:property`
 * entries (the runtime unflattens dotted names: connectors 8.8
 * `InboundPropertyHandler.readWrappedProperties`), not from input mappings
 * or task headers, which events do not have.
 */
export function connectorProperty(name: string): Binding {
  return { type: 'zeebe:property', name };
}

/** The same property bound to the `zeebe:property` of the same name: reuses the outbound modules' fields on events. */
export function asConnectorProperty(property: TemplateProperty): TemplateProperty {
  const binding = property.binding as { type: string; name?: string; key?: string };
  const name = binding.type === 'zeebe:input' ? binding.name : binding.type === 'zeebe:taskHeader' ? binding.key : undefined;
  if (name === undefined) throw new Error(`asConnectorProperty: ${property.id ?? '(no id)'} has a ${binding.type} binding`);
  return { ...property, binding: connectorProperty(name) };
}

export { JAVA_DURATION } from '../template/java-duration';

/** The Hidden `inbound.type` that names the connector (as every official inbound template does). */
export function inboundTypeProperty(type: string): TemplateProperty {
  return { type: 'Hidden', value: type, binding: connectorProperty('inbound.type') };
}

/** The message name: a fresh UUID per element, as the official inbound templates generate it. */
export function messageNameProperty(): TemplateProperty {
  return { id: 'messageNameUuid', type: 'Hidden', generatedValue: { type: 'uuid' }, group: 'correlation', binding: { type: 'bpmn:Message#property', name: 'name' } };
}

/** The process-side correlation key, evaluated by Zeebe when the event is entered. */
export function processCorrelationKey(label: string, description: string, value: string): TemplateProperty {
  return {
    id: 'sysId',
    label,
    description,
    group: 'correlation',
    type: 'String',
    ...feelDefault(value),
    binding: { type: 'bpmn:Message#zeebe:subscription#property', name: 'correlationKey' }
  };
}

/**
 * A FEEL field with a FEEL default. Declared `feel: optional` with a `^=`
 * pattern rather than `feel: required`: @bpmn-io/element-templates-validator
 * reports "Value is deprecated" for every `feel: required` default, also for
 * ones starting with `=` (it flags the official webhook template's
 * `inbound.auth.apiKeyLocator` the same way).
 */
export function feelDefault(value: string): Pick<TemplateProperty, 'feel' | 'value' | 'constraints'> {
  return { feel: 'optional', value, constraints: { notEmpty: true, pattern: { value: '^=[\\s\\S]+$', message: 'must be a FEEL expression (starting with =).' } } };
}
