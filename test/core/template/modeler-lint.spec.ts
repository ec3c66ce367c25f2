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
import { taskDiagram as diagram } from '../../helpers/task-diagram';
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
