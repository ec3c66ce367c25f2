import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { describe, expect, it } from 'vitest';
import { sharedValues } from '../../../client/table-picker/switch-table';
import type { ModdleElement } from '../../../lint/diagram/zeebe';
import type { ElementTemplate } from '../../../core/template/types';

const template = (table: string) => [JSON.parse(readFileSync(join(__dirname, '../../../templates', `servicenow-${table}.json`), 'utf8'))].flat().pop() as ElementTemplate;

async function incidentTask(operation: string): Promise<ModdleElement> {
  const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="t">
    <bpmn:process id="P"><bpmn:serviceTask id="Task_1"><bpmn:extensionElements>
      <zeebe:ioMapping>
        <zeebe:input source="https://dev1.service-now.com" target="sn_instanceUrl" />
        <zeebe:input source="{{secrets.SN_TOKEN}}" target="authentication.token" />
        <zeebe:input source="bearer" target="authentication.type" />
        <zeebe:input source="46d44a5fa9fe198100c4bf8d1234abcd" target="sn_sysId" />
        <zeebe:input source="Printer down" target="sn_f_short_description" />
      </zeebe:ioMapping>
      <zeebe:taskHeaders>
        <zeebe:header key="serviceNowOperation" value="${operation}" />
        <zeebe:header key="serviceNowAuthType" value="bearer" />
        <zeebe:header key="resultVariable" value="response" />
      </zeebe:taskHeaders>
    </bpmn:extensionElements></bpmn:serviceTask></bpmn:process></bpmn:definitions>`;
  const { elementsById } = await new BpmnModdle({ zeebe: zeebeSchema }).fromXML(xml);
  return elementsById['Task_1'] as ModdleElement;
}

const byProperty = (shared: { property: { id?: string }; value: string }[]) => Object.fromEntries(shared.map((entry) => [entry.property.id, entry.value]));

describe('client/table-picker - switch-table', () => {
  it('carries what both templates bind the same way, not the old table\'s fields', async () => {
    // when
    const shared = byProperty(sharedValues(template('incident'), template('sc_req_item'), await incidentTask('update')));

    // then
    expect(shared).toMatchObject({
      operation: 'update',
      sysId: '46d44a5fa9fe198100c4bf8d1234abcd',
      instanceUrl: 'https://dev1.service-now.com',
      'authentication.type': 'bearer',
      'authentication.token': '{{secrets.SN_TOKEN}}',
      resultVariable: 'response'
    });
    expect(Object.keys(shared).filter((id) => id.startsWith('field.'))).toEqual([]);
  });

  it('does not carry values of properties the old task does not show', async () => {
    // when: Create hides the sys_id, so its stale input is not carried
    const shared = byProperty(sharedValues(template('incident'), template('sc_req_item'), await incidentTask('create')));

    // then
    expect(shared.operation).toBe('create');
    expect(shared.sysId).toBeUndefined();
  });
});
