import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createModdle } from 'bpmnlint/lib/testers/helper';
import Linter from 'bpmnlint/lib/linter';
import RuleTester from 'bpmnlint/lib/testers/rule-tester';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import sysIdVariables from '../../../../lint/bpmnlint-plugin-servicenow/rules/sys-id-variables';
import type { LintRuleOptions } from '../../../../lint/lint-context';
import type { ElementTemplate } from '../../../../core/template/types';
import { readSnapshot } from '../../../../scripts/metadata/read-snapshot';
import { parseFeelExpression } from '../../../../core/feel/parse';

// bpmnlint's RuleTester is written for mocha's globals.
Object.assign(globalThis, { describe, it, beforeEach });

const templates = [JSON.parse(readFileSync(join(__dirname, '../../../../templates/servicenow-incident.json'), 'utf8'))].flat() as ElementTemplate[];
// Diagrams as the browser tests' global setup builds them (Create incident, then Get incident), with Get's sys_id set.
const fixture = (name: string) => createModdle(readFileSync(join(__dirname, 'sys-id-variables', name), 'utf8'), { zeebe: zeebeSchema });
// The rules take the snapshot as an option, as `camunda-servicenow lint` passes it (read below).
const config: LintRuleOptions = { templates, feel: parseFeelExpression };

beforeAll(async () => {
  config.metadata = await readSnapshot();
});

describe('lint/bpmnlint-plugin-servicenow - rules/sys-id-variables', () => {
  RuleTester.verify('sys-id-variables', sysIdVariables, {
    valid: [
      { name: 'a sys_id variable an earlier task stores', moddleElement: fixture('valid-earlier-task.bpmn'), config },
      { name: 'a sys_id variable a task before a link event pair stores', moddleElement: fixture('valid-link-events.bpmn'), config },
      { name: 'a sys_id variable a task before the ad-hoc sub-process (an AI agent\'s tools) stores', moddleElement: fixture('valid-ad-hoc-sub-process.bpmn'), config },
      { name: 'a sys_id variable the embedded start form submits', moddleElement: fixture('valid-start-form.bpmn'), config },
      { name: 'a sys_id variable the embedded form of an earlier user task submits', moddleElement: fixture('valid-user-task-form.bpmn'), config },
      { name: 'any variable after a linked start form, whose fields the diagram does not hold', moddleElement: fixture('valid-linked-start-form.bpmn'), config },
      { name: 'a sys_id variable that a multi-instance task, a multi-instance sub-process or a sub-process input sets', moddleElement: fixture('valid-multi-instance.bpmn'), config },
      { name: 'sys_id variables an earlier script task and business rule task set as their result', moddleElement: fixture('valid-script-and-decision-result.bpmn'), config },
      { name: 'any variable after a call activity, which propagates all the called process\'s variables by default', moddleElement: fixture('valid-after-call-activity.bpmn'), config },
      { name: 'a sys_id variable the result expression of an earlier REST connector task sets', moddleElement: fixture('valid-rest-result-expression.bpmn'), config },
      { name: 'any variable after a job worker\'s task without output mappings, which may complete with any variables', moddleElement: fixture('valid-after-job-worker.bpmn'), config }
    ],
    invalid: [
      {
        name: 'a sys_id variable no earlier task stores, with the sys_id field\'s entry id',
        moddleElement: fixture('invalid-no-earlier-task.bpmn'),
        config,
        report: {
          id: 'Task_Get',
          message: 'sys_id: no earlier ServiceNow task stores problemSysId; the process variable may not exist when this task runs.',
          propertiesPanel: { entryIds: ['custom-entry-community.servicenow.incident-operation-1'] }
        }
      },
      {
        name: 'a sys_id variable after a call activity that propagates none of the called process\'s variables',
        moddleElement: fixture('invalid-call-activity-propagates-nothing.bpmn'),
        config,
        report: {
          id: 'Task_Get',
          message: 'sys_id: no earlier ServiceNow task stores problemSysId; the process variable may not exist when this task runs.',
          propertiesPanel: { entryIds: ['custom-entry-community.servicenow.incident-operation-1'] }
        }
      },
      {
        name: 'a sys_id variable an earlier task stores under another case, with the name meant as the fix',
        moddleElement: fixture('invalid-case-mismatch.bpmn'),
        config,
        report: {
          id: 'Task_Get',
          message: 'sys_id: no earlier ServiceNow task stores incidentSysID; did you mean incidentSysId? (variable names are case-sensitive)',
          propertiesPanel: { entryIds: ['custom-entry-community.servicenow.incident-operation-1'] },
          servicenow: { suggestion: '=incidentSysId' }
        }
      }
    ]
  });

  it('reads what the earlier tasks store again on the next lint pass, after an edit', async () => {
    // given: one linter, whose rule instance lives across passes as in the Modeler
    const linter = new Linter({ resolver: { resolveRule: () => sysIdVariables, resolveConfig: () => ({}) } });
    const lint = async (root: unknown) => (await linter.lint(root, { rules: { 'servicenow/sys-id-variables': ['warn', config] } }) as Record<string, { id: string }[]>)['servicenow/sys-id-variables'] ?? [];
    const { root } = await fixture('valid-earlier-task.bpmn') as { root: { get(name: string): unknown } };
    expect(await lint(root)).toEqual([]);

    // when: Create incident no longer stores the sys_id (its result expression removed)
    const create = (root.get('rootElements') as { get(name: string): { id: string; extensionElements: { values: { $type: string; values?: { key: string }[] }[] } }[] }[])[0]!.get('flowElements').find((element) => element.id === 'Task_Create')!;
    const headers = create.extensionElements.values.find((value) => value.$type === 'zeebe:TaskHeaders')!;
    headers.values = headers.values!.filter((header) => header.key !== 'resultExpression');

    // then
    expect((await lint(root)).map((report) => report.id)).toEqual(['Task_Get']);
  });
});
