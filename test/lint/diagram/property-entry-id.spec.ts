/**
 * Differential test of `propertyEntryId` (and of the active properties it
 * counts) against bpmn-js-element-templates itself: the library's
 * `element-templates/validate` lint rule reports each failing property with
 * `propertiesPanel.entryIds: [getPropertyEntryId(appliedTemplate, property)]`,
 * the unexported helper ours mirrors. A probe copy of each template makes
 * every property fail (a pattern nothing matches, the property's index as
 * its label), so the rule reports the entry id of every active property;
 * ours must give the same id for exactly those properties and none for
 * the others. Run over every generated template, for each choice of the
 * properties the template's conditions read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
// @ts-expect-error bpmnlint's entry point has no type declarations
import { Linter as UntypedLinter } from 'bpmnlint';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { beforeAll, describe, expect, it } from 'vitest';
import { propertyEntryId } from '../../../lint/diagram/template-values';
import type { ModdleElement } from '../../../lint/diagram/zeebe';
import { conditionTargets } from '../../../core/template/rules/conditions';
import type { ElementTemplate, TemplateProperty } from '../../../core/template/types';
import { loadLinterPlugin, type LinterPlugin } from '../../core/template/modeler-lint/load-linter-plugin';
import { applyTemplate } from '../../helpers/request-proof';
import type { Values } from '../../helpers/runtime/modeler';

const Linter = UntypedLinter as new (options: { resolver: unknown }) => { lint(root: unknown, config: unknown): Promise<Record<string, { message: string; propertiesPanel?: { entryIds: string[] } }[]>> };

let linterPlugin: (templates: unknown[]) => LinterPlugin;
beforeAll(async () => {
  linterPlugin = await loadLinterPlugin();
});

const folder = join(__dirname, '../../../templates');
const templates = readdirSync(folder)
  .filter((file) => /^servicenow-.*\.json$/.test(file))
  .map((file) => JSON.parse(readFileSync(join(folder, file), 'utf8')) as ElementTemplate);

const PROBE = 'probe';

/** The template with every property failing validation, labelled by its index; groups, order and conditions unchanged. */
function probe(template: ElementTemplate): ElementTemplate {
  return {
    ...template,
    // The schema holds an optional property to `notEmpty: false` whenever it has constraints.
    properties: template.properties.map(({ feel: _feel, ...property }, index) => ({ ...property, label: `#${index}`, constraints: { ...(property.optional ? { notEmpty: false } : {}), pattern: { value: '(?!)', message: PROBE } } }))
  };
}

function attribute(value: unknown): string {
  return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/\n/g, '&#10;');
}

/** The XML the Modeler writes for the element after applying `template` with `values`. */
function diagram(template: ElementTemplate, values: Values): string {
  const inputs: string[] = [];
  const headers: string[] = [];
  const definition: string[] = [];
  const zeebeProperties: string[] = [];
  const message: string[] = [];
  const subscription: string[] = [];
  for (const [property, value] of applyTemplate(template, values).persisted) {
    if (value === undefined) continue;
    const { binding } = property;
    switch (binding.type) {
      case 'zeebe:input': inputs.push(`<zeebe:input target="${binding.name}" source="${attribute(value)}" />`); break;
      case 'zeebe:taskHeader': headers.push(`<zeebe:header key="${binding.key}" value="${attribute(value)}" />`); break;
      case 'zeebe:taskDefinition': definition.push(`${binding.property}="${attribute(value)}"`); break;
      case 'zeebe:property': zeebeProperties.push(`<zeebe:property name="${binding.name}" value="${attribute(value)}" />`); break;
      case 'bpmn:Message#property': message.push(`${binding.name}="${attribute(value)}"`); break;
      case 'bpmn:Message#zeebe:subscription#property': subscription.push(`${binding.name}="${attribute(value)}"`); break;
      default: throw new Error(`the diagram writer does not know binding ${binding.type}`);
    }
  }
  const extensions = `<bpmn:extensionElements>
        ${definition.length ? `<zeebe:taskDefinition ${definition.join(' ')} />` : ''}
        ${inputs.length ? `<zeebe:ioMapping>${inputs.join('')}</zeebe:ioMapping>` : ''}
        ${headers.length ? `<zeebe:taskHeaders>${headers.join('')}</zeebe:taskHeaders>` : ''}
        ${zeebeProperties.length ? `<zeebe:properties>${zeebeProperties.join('')}</zeebe:properties>` : ''}
      </bpmn:extensionElements>`;
  const type = (template.elementType?.value ?? 'bpmn:ServiceTask').replace(/^bpmn:/, '');
  const tag = type.charAt(0).toLowerCase() + type.slice(1);
  const templateAttributes = `id="Element" zeebe:modelerTemplate="${template.id}" zeebe:modelerTemplateVersion="${template.version}"`;
  const element = template.elementType?.eventDefinition
    ? `<bpmn:${tag} ${templateAttributes}${tag === 'boundaryEvent' ? ' attachedToRef="Host"' : ''}>${extensions}<bpmn:messageEventDefinition messageRef="Message" /></bpmn:${tag}>`
    : `<bpmn:${tag} ${templateAttributes}>${extensions}</bpmn:${tag}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="p" isExecutable="true">
    ${tag === 'boundaryEvent' ? '<bpmn:task id="Host" />' : ''}
    ${element}
  </bpmn:process>
  <bpmn:message id="Message" ${message.join(' ')}><bpmn:extensionElements>${subscription.length ? `<zeebe:subscription ${subscription.join(' ')} />` : ''}</bpmn:extensionElements></bpmn:message>
</bpmn:definitions>`;
}

/** The user's choices to try: every pair of the two most-read choice properties, and each choice of the others alone. */
function scenarios(template: ElementTemplate): Values[] {
  const reads = new Map<string, number>();
  for (const property of template.properties) for (const id of conditionTargets(property.condition)) reads.set(id, (reads.get(id) ?? 0) + 1);
  const gates = [...reads.keys()]
    .map((id) => template.properties.find((property) => property.id === id))
    .filter((property): property is TemplateProperty => property?.type === 'Dropdown')
    .sort((a, b) => (reads.get(b.id!) ?? 0) - (reads.get(a.id!) ?? 0));
  const choices = (gate: TemplateProperty | undefined) => (gate?.choices ?? []).map((choice) => choice.value);
  const [first, second, ...rest] = gates;
  const found: Values[] = [{}];
  for (const a of choices(first)) {
    found.push({ [first!.id!]: a });
    for (const b of choices(second)) found.push({ [first!.id!]: a, [second!.id!]: b });
  }
  for (const gate of rest) for (const value of choices(gate)) found.push({ [gate.id!]: value });
  return found;
}

/** Entry id per property index, as the library's validate rule reports them. */
async function libraryEntryIds(plugin: LinterPlugin, root: unknown): Promise<Map<number, string>> {
  const results = await new Linter({ resolver: plugin.resolver }).lint(root, plugin.config);
  const reports = results['element-templates/validate'] ?? [];
  const ids = new Map<number, string>();
  for (const report of reports) {
    const index = /^#(\d+) probe$/.exec(report.message)?.[1];
    if (index === undefined) throw new Error(`unexpected report: ${report.message}`);
    ids.set(Number(index), report.propertiesPanel?.entryIds[0] ?? '');
  }
  return ids;
}

describe('client/shared - propertyEntryId against bpmn-js-element-templates', () => {
  it('covers every generated template', () => {
    expect(templates.length).toBeGreaterThan(30);
  });

  for (const template of templates) {
    it(`gives the library's entry id for every active property of ${template.id}, and none for inactive ones`, async () => {
      const plugin = linterPlugin([probe(template)]);
      let compared = 0;
      for (const values of scenarios(template)) {
        const { rootElement, elementsById } = await new BpmnModdle({ zeebe }).fromXML(diagram(template, values));
        const expected = await libraryEntryIds(plugin, rootElement);
        const bo = elementsById['Element'] as ModdleElement;
        const ours = new Map<number, string>();
        template.properties.forEach((property, index) => {
          const id = propertyEntryId(template, property, bo);
          if (id !== undefined) ours.set(index, id);
        });
        expect({ values, ids: [...ours] }).toEqual({ values, ids: [...expected] });
        compared += expected.size;
      }
      // The probe really made the rule report: at least the always-active properties each time.
      expect(compared).toBeGreaterThan(0);
    });
  }
});
