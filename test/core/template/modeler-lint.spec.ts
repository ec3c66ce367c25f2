/**
 * Runs Camunda Modeler's own template lint rules (bpmn-js-element-templates'
 * linter plugin under bpmnlint, as Desktop Modeler does) on a task the way
 * the Modeler persists it after applying our template: the template loads,
 * untouched optional inputs raise nothing, bad values are flagged.
 */
import { BpmnModdle } from 'bpmn-moddle';
// @ts-expect-error bpmnlint's entry point has no type declarations
import { Linter as UntypedLinter } from 'bpmnlint';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTemplate } from '../../../core/template/build-template';
import type { ElementTemplate } from '../../../core/template/types';
import { applyTemplate } from '../../helpers/request-proof';
import { CURATED_TABLES } from '../../../scripts/generate/curated-tables';
import { readSnapshot } from '../../../scripts/metadata/read-snapshot';
import { isOfferedForWriting } from '../../../core/template/field-kinds';
import { sample } from './fixtures/sample-values';
import { incidentTable } from './fixtures/tables';
import { loadLinterPlugin, type LinterPlugin } from './modeler-lint/load-linter-plugin';

let linterPlugin: (templates: unknown[]) => LinterPlugin;
beforeAll(async () => {
  linterPlugin = await loadLinterPlugin();
});

const template = buildTemplate(incidentTable(), { idPrefix: 'community.servicenow', version: 1 });

function attribute(value: unknown): string {
  return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/\n/g, '&#10;');
}

/** The diagram the Modeler writes for one service task using `template` with `values`. */
function diagram(elementTemplate: ElementTemplate, values: Record<string, unknown>): string {
  const { persisted } = applyTemplate(elementTemplate, values);
  const inputs: string[] = [];
  const headers: string[] = [];
  const definition: string[] = [];
  for (const [property, value] of persisted) {
    const binding = property.binding as { type: string; name?: string; key?: string; property?: string };
    if (binding.type === 'zeebe:input') inputs.push(`<zeebe:input target="${binding.name}"${value === undefined ? '' : ` source="${attribute(value)}"`} />`);
    if (binding.type === 'zeebe:taskHeader' && value !== undefined) headers.push(`<zeebe:header key="${binding.key}" value="${attribute(value)}" />`);
    if (binding.type === 'zeebe:taskDefinition') definition.push(`${binding.property}="${attribute(value)}"`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:serviceTask id="Task" zeebe:modelerTemplate="${elementTemplate.id}" zeebe:modelerTemplateVersion="${elementTemplate.version}">
      <bpmn:extensionElements>
        <zeebe:taskDefinition ${definition.join(' ')} />
        <zeebe:ioMapping>${inputs.join('')}</zeebe:ioMapping>
        <zeebe:taskHeaders>${headers.join('')}</zeebe:taskHeaders>
      </bpmn:extensionElements>
    </bpmn:serviceTask>
  </bpmn:process>
</bpmn:definitions>`;
}

const Linter = UntypedLinter as new (options: { resolver: unknown }) => { lint(root: unknown, config: unknown): Promise<unknown> };

async function lint(values: Record<string, unknown>, elementTemplate: ElementTemplate = template): Promise<string[]> {
  const moddle = new BpmnModdle({ zeebe });
  const { rootElement } = await moddle.fromXML(diagram(elementTemplate, values));
  const plugin = linterPlugin([elementTemplate]);
  const results = (await new Linter({ resolver: plugin.resolver }).lint(rootElement, plugin.config)) as Record<string, { message: string }[]>;
  return Object.entries(results).flatMap(([rule, reports]) => reports.map((report) => `${rule}: ${report.message}`));
}

describe('core/template - Camunda Modeler template linting', () => {
  it('reports nothing for a Create with only the required values, every other input left empty', async () => {
    expect(await lint({ instanceUrl: 'https://dev1.service-now.com', 'field.short_description': 'Printer jam', 'field.caller_id': '6816f79cc0a8016401c5a33be04be441' })).toEqual([]);
  });

  it('reports nothing for each operation with its required values', async () => {
    for (const operation of ['get', 'query', 'update', 'delete']) {
      expect(await lint({ instanceUrl: 'https://dev1.service-now.com', operation, sysId: '=incidentSysId' })).toEqual([]);
    }
  });

  it('flags what the Modeler should flag: a malformed sys_id, a missing mandatory field, a bad date', async () => {
    // when
    const reports = await lint({ instanceUrl: 'https://dev1.service-now.com', moreFieldsShown: 'shown', 'field.caller_id': 'abc', 'field.due_date': 'tomorrow' });

    // then
    expect(reports).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/validate: Caller must be a sys_id/),
        expect.stringMatching(/validate: Short description must not be empty/),
        expect.stringMatching(/validate: Due date must be yyyy-MM-dd HH:mm:ss/)
      ])
    );
  });

  it('accepts a user\'s name in a reference field when the task sends display values, and refuses it otherwise', async () => {
    // given
    const values = { instanceUrl: 'https://dev1.service-now.com', 'field.short_description': 'Printer jam' };

    // then
    expect(await lint({ ...values, 'field.caller_id': 'Abel Tuter' })).toEqual([expect.stringMatching(/validate: Caller must be a sys_id/)]);
    expect(await lint({ ...values, sysparm_input_display_value: 'true', 'field.caller_id.display': 'Abel Tuter' })).toEqual([]);
  });

  it('reports nothing for any template of the bundled snapshot, on Create with its mandatory fields and on Get', async () => {
    // The tables that ship (templates/); --all builds the other snapshot tables on request.
    const metadata = await readSnapshot();
    for (const table of CURATED_TABLES.map((name) => metadata.tables.get(name)!).filter((candidate) => !candidate.abstract)) {
      // given
      const elementTemplate = buildTemplate(table, { idPrefix: 'community.servicenow', version: 1 });
      const create: Record<string, unknown> = { instanceUrl: 'https://dev1.service-now.com' };
      for (const field of table.fields.filter((candidate) => candidate.mandatory && isOfferedForWriting(candidate))) create[`field.${field.element}`] = sample(field)[0];

      // then
      expect([table.name, await lint(create, elementTemplate)]).toEqual([table.name, []]);
      expect([table.name, await lint({ instanceUrl: 'https://dev1.service-now.com', operation: 'get', sysId: '=x' }, elementTemplate)]).toEqual([table.name, []]);
    }
  });
});
