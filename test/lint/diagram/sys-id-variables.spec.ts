import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { beforeAll, describe, expect, it } from 'vitest';
import { referencedVariable, sysIdVariableLabel, sysIdVariablesBefore } from '../../../lint/diagram/sys-id-variables';
import type { ModdleElement } from '../../../lint/diagram/zeebe';

const tables: Record<string, string> = { Task_Create: 'incident', Task_Request: 'sc_request', Task_Inner: 'problem', Task_Get: 'incident', Task_After: 'incident' };
const describeTask = (bo: ModdleElement) => (bo.id && tables[bo.id] ? { table: tables[bo.id] } : undefined);

let elements: Record<string, ModdleElement>;

beforeAll(async () => {
  const xml = readFileSync(join(__dirname, 'sys-id-variables', 'process.bpmn'), 'utf8');
  ({ elementsById: elements } = (await new BpmnModdle({ zeebe: zeebeSchema }).fromXML(xml)) as { elementsById: Record<string, ModdleElement> });
});

describe('lint/diagram - sys-id-variables', () => {
  it('offers the variables of ServiceNow tasks on a path before the task', () => {
    // when
    const found = sysIdVariablesBefore(elements['Task_Get']!, describeTask);

    // then
    expect(found.map(sysIdVariableLabel)).toEqual([
      'incidentSysId, from "Create incident" (incident)',
      'problemSysId, from "Inner problem" (problem)',
      'requestSysId, from "Create request" (sc_request)'
    ]);
  });

  it('does not offer variables of later tasks or of the task itself', () => {
    // when
    const found = sysIdVariablesBefore(elements['Task_Create']!, describeTask);

    // then
    expect(found).toEqual([]);
  });

  it('follows paths out of a sub-process the task is in', () => {
    // when
    const found = sysIdVariablesBefore(elements['Task_Inner']!, describeTask);

    // then: Create incident precedes the sub-process, Create request runs in parallel
    expect(found.map((variable) => variable.variable)).toEqual(['incidentSysId']);
  });

  it('ignores tasks that are no ServiceNow tasks or store no sys_id', () => {
    // when
    const found = sysIdVariablesBefore(elements['Task_After']!, describeTask);

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
});
