/**
 * Writes a template property's value through the command stack (so undo
 * works), creating the extension elements it needs the way the properties
 * panel does. Call inside one step (`inOneStep`) when writing several.
 */
import type { Service, DiagramElement } from '../types/bpmn-js';
import type { TemplateProperty } from '../../core/template/types';
import { extensionValues, getHeader, getInput, getIoMapping, getMessageSubscription, getProperty, getTaskHeaders, type ModdleElement } from '../../lint/diagram/zeebe';

export interface WriteServices {
  modeling: Service;
  bpmnFactory: Service;
}

export function writeProperty(element: DiagramElement, property: TemplateProperty, value: string, services: WriteServices): void {
  const { binding } = property;
  if (binding.type === 'zeebe:input') return writeInput(element, binding.name, value, services);
  if (binding.type === 'zeebe:taskHeader') return writeHeader(element, binding.key, value, services);
  if (binding.type === 'property') return services.modeling.updateProperties(element, { [binding.name]: value });
  if (binding.type === 'bpmn:Message#zeebe:subscription#property') return writeSubscription(element, binding.name, value, services);
  if (binding.type === 'zeebe:property') return writeZeebeProperty(element, binding.name, value, services);
}

/** The correlation key of a message event: the template created its message and subscription when it was applied. */
function writeSubscription(element: DiagramElement, name: string, value: string, services: WriteServices): void {
  const subscription = getMessageSubscription(element.businessObject);
  if (!subscription) throw new Error(`${element.id}: the message event has no zeebe:Subscription to write ${name} to; re-apply its template`);
  services.modeling.updateModdleProperties(element, subscription, { [name]: value });
}

export function writeInput(element: DiagramElement, target: string, value: string, services: WriteServices): void {
  const bo: ModdleElement = element.businessObject;
  const existing = getInput(bo, target);
  if (existing) return services.modeling.updateModdleProperties(element, existing, { source: value });
  const ioMapping = getIoMapping(bo) ?? addExtension(element, 'zeebe:IoMapping', { inputParameters: [] }, services);
  const input = create(services, 'zeebe:Input', { source: value, target }, ioMapping);
  services.modeling.updateModdleProperties(element, ioMapping, { inputParameters: [...(ioMapping.get('inputParameters') ?? []), input] });
}

/** A connector property of an inbound event (`zeebe:Properties`). */
function writeZeebeProperty(element: DiagramElement, name: string, value: string, services: WriteServices): void {
  const bo: ModdleElement = element.businessObject;
  const existing = getProperty(bo, name);
  if (existing) return services.modeling.updateModdleProperties(element, existing, { value });
  const properties = extensionValues(bo, 'zeebe:Properties') ?? addExtension(element, 'zeebe:Properties', { properties: [] }, services);
  const property = create(services, 'zeebe:Property', { name, value }, properties);
  services.modeling.updateModdleProperties(element, properties, { properties: [...(properties.get('properties') ?? []), property] });
}

export function writeHeader(element: DiagramElement, key: string, value: string, services: WriteServices): void {
  const bo: ModdleElement = element.businessObject;
  const existing = getHeader(bo, key);
  if (existing) return services.modeling.updateModdleProperties(element, existing, { value });
  const headers = getTaskHeaders(bo) ?? addExtension(element, 'zeebe:TaskHeaders', { values: [] }, services);
  const header = create(services, 'zeebe:Header', { key, value }, headers);
  services.modeling.updateModdleProperties(element, headers, { values: [...(headers.get('values') ?? []), header] });
}

function addExtension(element: DiagramElement, type: string, attrs: Record<string, unknown>, services: WriteServices): ModdleElement {
  const bo: ModdleElement = element.businessObject;
  let extensionElements: ModdleElement | undefined = bo.get('extensionElements');
  if (!extensionElements) {
    extensionElements = create(services, 'bpmn:ExtensionElements', { values: [] }, bo);
    services.modeling.updateModdleProperties(element, bo, { extensionElements });
  }
  const extension = create(services, type, attrs, extensionElements);
  services.modeling.updateModdleProperties(element, extensionElements, { values: [...(extensionElements.get('values') ?? []), extension] });
  return extension;
}

function create(services: WriteServices, type: string, attrs: Record<string, unknown>, parent: ModdleElement): ModdleElement {
  const element = services.bpmnFactory.create(type, attrs);
  element.$parent = parent;
  return element;
}
