import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { describe, expect, it } from 'vitest';
import { valuesToActivate } from '../../../client/shared/activation';
import type { ModdleElement } from '../../../lint/diagram/zeebe';
import type { ElementTemplate, TemplateProperty } from '../../../core/template/types';

const incident = [JSON.parse(readFileSync(join(__dirname, '../../../templates/servicenow-incident.json'), 'utf8'))].flat().pop() as ElementTemplate;
const property = (id: string) => incident.properties.find((candidate) => candidate.id === id) as TemplateProperty;

async function task(headers: Record<string, string>): Promise<ModdleElement> {
  const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="t">
    <bpmn:process id="P"><bpmn:serviceTask id="Task_1"><bpmn:extensionElements>
      <zeebe:taskHeaders>${Object.entries(headers).map(([key, value]) => `<zeebe:header key="${key}" value="${value}" />`).join('')}</zeebe:taskHeaders>
    </bpmn:extensionElements></bpmn:serviceTask></bpmn:process></bpmn:definitions>`;
  const { elementsById } = await new BpmnModdle({ zeebe: zeebeSchema }).fromXML(xml);
  return elementsById['Task_1'] as ModdleElement;
}

const changes = (id: string, bo: ModdleElement) => valuesToActivate(incident, property(id), bo).map((change) => [change.property.id, change.value]);

describe('client/shared - activation', () => {
  it('asks for the choice an equals condition names', async () => {
    expect(changes('resultExpression', await task({ serviceNowOperation: 'create' }))).toEqual([['resultMapping', 'custom']]);
    expect(changes('resultExpression', await task({ serviceNowOperation: 'create', serviceNowResultMapping: 'custom' }))).toEqual([]);
  });

  it('asks for the empty default choice an isEmpty condition names, and nothing when it is absent', async () => {
    expect(changes('authentication.username', await task({ serviceNowAuthType: 'bearer' }))).toEqual([['authentication.type', '']]);
    expect(changes('authentication.username', await task({}))).toEqual([]);
  });
});
