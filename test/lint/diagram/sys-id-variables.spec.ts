import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { beforeAll, describe, expect, it } from 'vitest';
import { referencedVariable, sysIdVariableLabel, sysIdVariableProblem, sysIdVariablesBefore, type SysIdVariable } from '../../../lint/diagram/sys-id-variables';
import type { ModdleElement } from '../../../lint/diagram/zeebe';
import { parseFeelExpression } from '../../../core/feel/parse';

const tables: Record<string, string> = { Task_Create: 'incident', Task_Request: 'sc_request', Task_Inner: 'problem', Task_Get: 'incident', Task_After: 'incident', Task_Remind: 'incident' };
const describeTask = (bo: ModdleElement) => (bo.id && tables[bo.id] ? { table: tables[bo.id] } : undefined);

let elements: Record<string, ModdleElement>;

beforeAll(async () => {
  const xml = readFileSync(join(__dirname, 'sys-id-variables', 'process.bpmn'), 'utf8');
  ({ elementsById: elements } = (await new BpmnModdle({ zeebe: zeebeSchema }).fromXML(xml)) as { elementsById: Record<string, ModdleElement> });
});

describe('lint/diagram - sys-id-variables', () => {
  it('offers the variables of ServiceNow tasks on a path before the task', () => {
    // when
    const found = sysIdVariablesBefore(elements['Task_Get']!, describeTask, parseFeelExpression);

    // then
    expect(found.map(sysIdVariableLabel)).toEqual([
      'incidentSysId, from "Create incident" (incident)',
      'problemSysId, from "Inner problem" (problem)',
      'requestSysId, from "Create request" (sc_request)'
    ]);
  });

  it('does not offer variables of later tasks or of the task itself', () => {
    // when
    const found = sysIdVariablesBefore(elements['Task_Create']!, describeTask, parseFeelExpression);

    // then
    expect(found).toEqual([]);
  });

  it('follows paths out of a sub-process the task is in', () => {
    // when
    const found = sysIdVariablesBefore(elements['Task_Inner']!, describeTask, parseFeelExpression);

    // then: Create incident precedes the sub-process, Create request runs in parallel
    expect(found.map((variable) => variable.variable)).toEqual(['incidentSysId']);
  });

  it('offers every variable the enclosing process stores to a task in an event sub-process, which may start after any of its elements', () => {
    // when
    const found = sysIdVariablesBefore(elements['Task_Remind']!, describeTask, parseFeelExpression);

    // then
    expect(found.map((variable) => variable.variable)).toEqual(['incidentSysId', 'problemSysId', 'requestSysId']);
  });

  it('ignores tasks that are no ServiceNow tasks or store no sys_id', () => {
    // when
    const found = sysIdVariablesBefore(elements['Task_After']!, describeTask, parseFeelExpression);

    // then: Plain task stores a sys_id-like entry but is no ServiceNow task; Task_Get stores nothing
    expect(found.map((variable) => variable.taskId)).not.toContain('Task_Plain');
    expect(found.map((variable) => variable.taskId)).not.toContain('Task_Get');
  });

  it('reads the variable a FEEL value names', () => {
    expect(referencedVariable('=incidentSysId')).toBe('incidentSysId');
    expect(referencedVariable('= incidentSysId ')).toBe('incidentSysId');
    expect(referencedVariable('=a + b')).toBeUndefined();
    expect(referencedVariable('46d44a5fa9fe198100c4bf8d1234abcd')).toBeUndefined();
  });

  describe('sysIdVariableProblem', () => {
    const before: SysIdVariable[] = [{ variable: 'incidentSysId', taskId: 'Task_Create', taskName: 'Create incident', table: 'incident' }];
    const nowhere = () => false;

    it('reports a name stored under another case with the name meant, and a near miss with a did-you-mean', () => {
      expect(sysIdVariableProblem('incidentSysID', before, nowhere)).toEqual({
        variable: 'incidentSysID', suggestion: 'incidentSysId',
        message: 'no earlier ServiceNow task stores incidentSysID; did you mean incidentSysId? (variable names are case-sensitive)'
      });
      expect(sysIdVariableProblem('incidnetSysId', before, nowhere)?.suggestion).toBe('incidentSysId');
      expect(sysIdVariableProblem('problem_sys_id', before, nowhere)).toEqual({
        variable: 'problem_sys_id', message: 'no earlier ServiceNow task stores problem_sys_id; the process variable may not exist when this task runs.'
      });
    });

    it('accepts stored names, names a start form or an output mapping provides, and names that do not look like sys_ids', () => {
      expect(sysIdVariableProblem('incidentSysId', before, nowhere)).toBeUndefined();
      expect(sysIdVariableProblem('requestSysId', before, nowhere, { names: new Set(['requestSysId']), open: false })).toBeUndefined();
      expect(sysIdVariableProblem('requestSysId', before, nowhere, { names: new Set(), open: true })).toBeUndefined();
      expect(sysIdVariableProblem('customer', before, nowhere)).toBeUndefined();
    });

    it('still reports a case mismatch after a linked start form: FEEL names are case-sensitive', () => {
      expect(sysIdVariableProblem('incidentsysid', before, nowhere, { names: new Set(), open: true })?.suggestion).toBe('incidentSysId');
    });
  });
});
