/**
 * The diagram the Modeler writes for one service task using a template with
 * the user's `values` (test/helpers/runtime/modeler.ts decides what it
 * persists): for the lint tests, which need a task as the current template
 * version writes it rather than a saved file that ages with the generator.
 */
import type { ElementTemplate } from '../../core/template/types';
import { applyTemplate, type Values } from './runtime/modeler';

function attribute(value: unknown): string {
  return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/\n/g, '&#10;');
}

/** The service task `id` (default `Task`) in a diagram of its own; `headers` overrides task headers (undefined removes one). */
export function taskDiagram(elementTemplate: ElementTemplate, values: Values, options: { id?: string; headers?: Record<string, string | undefined> } = {}): string {
  const { persisted } = applyTemplate(elementTemplate, values);
  const inputs: string[] = [];
  const headerValues = new Map<string, string>();
  const definition: string[] = [];
  for (const [property, value] of persisted) {
    const binding = property.binding as { type: string; name?: string; key?: string; property?: string };
    if (binding.type === 'zeebe:input') inputs.push(`<zeebe:input target="${binding.name}"${value === undefined ? '' : ` source="${attribute(value)}"`} />`);
    if (binding.type === 'zeebe:taskHeader' && value !== undefined) headerValues.set(binding.key as string, String(value));
    if (binding.type === 'zeebe:taskDefinition') definition.push(`${binding.property}="${attribute(value)}"`);
  }
  for (const [key, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) headerValues.delete(key);
    else headerValues.set(key, value);
  }
  const headers = [...headerValues].map(([key, value]) => `<zeebe:header key="${key}" value="${attribute(value)}" />`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:serviceTask id="${options.id ?? 'Task'}" zeebe:modelerTemplate="${elementTemplate.id}" zeebe:modelerTemplateVersion="${elementTemplate.version}">
      <bpmn:extensionElements>
        <zeebe:taskDefinition ${definition.join(' ')} />
        <zeebe:ioMapping>${inputs.join('')}</zeebe:ioMapping>
        <zeebe:taskHeaders>${headers.join('')}</zeebe:taskHeaders>
      </bpmn:extensionElements>
    </bpmn:serviceTask>
  </bpmn:process>
</bpmn:definitions>`;
}
