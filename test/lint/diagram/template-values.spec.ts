import { BpmnModdle } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { describe, expect, it } from 'vitest';
import { activeProperties, propertyEntryId, propertyValue } from '../../../lint/diagram/template-values';
import type { ModdleElement } from '../../../lint/diagram/zeebe';
import type { ElementTemplate } from '../../../core/template/types';

/** The reference's checked example: group `query` holding [Table, Hidden, sysparm_query]. */
const template: ElementTemplate = {
  id: 'io.example.sn.query',
  name: 'Example',
  appliesTo: ['bpmn:Task'],
  groups: [{ id: 'operation', label: 'Operation' }, { id: 'query', label: 'Query' }],
  properties: [
    { id: 'operation', type: 'Dropdown', group: 'operation', value: 'create', choices: [{ name: 'Create', value: 'create' }, { name: 'Read', value: 'read' }], binding: { type: 'zeebe:input', name: 'operation' } },
    { id: 'table', type: 'String', group: 'query', binding: { type: 'zeebe:input', name: 'table' } },
    { type: 'Hidden', group: 'query', value: 'x', binding: { type: 'zeebe:input', name: 'hidden' } },
    { id: 'payload', type: 'Text', group: 'query', binding: { type: 'zeebe:input', name: 'payload' }, condition: { property: 'operation', equals: 'create' } },
    { id: 'query', type: 'String', group: 'query', binding: { type: 'zeebe:input', name: 'sysparm_query' }, condition: { property: 'operation', oneOf: ['read'] } },
    { id: 'note', type: 'String', binding: { type: 'zeebe:taskHeader', key: 'note' } },
    { id: 'stray', type: 'String', group: 'unknown-group', binding: { type: 'zeebe:input', name: 'stray' }, condition: { property: 'query', isActive: true } }
  ]
};

async function task(inputs: Record<string, string>, headers: Record<string, string> = {}): Promise<ModdleElement> {
  const moddle = new BpmnModdle({ zeebe: zeebeSchema });
  const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="t">
    <bpmn:process id="P"><bpmn:serviceTask id="Task_1"><bpmn:extensionElements>
      <zeebe:ioMapping>${Object.entries(inputs).map(([target, source]) => `<zeebe:input source="${source}" target="${target}" />`).join('')}</zeebe:ioMapping>
      <zeebe:taskHeaders>${Object.entries(headers).map(([key, value]) => `<zeebe:header key="${key}" value="${value}" />`).join('')}</zeebe:taskHeaders>
    </bpmn:extensionElements></bpmn:serviceTask></bpmn:process></bpmn:definitions>`;
  const { elementsById } = await moddle.fromXML(xml);
  return elementsById['Task_1'] as ModdleElement;
}

const property = (id: string) => template.properties.find((each) => each.id === id)!;

describe('lint/diagram - template-values', () => {
  it('reads input and header values', async () => {
    // given
    const bo = await task({ sysparm_query: 'active=true' }, { note: 'hello' });

    // then
    expect(propertyValue(bo, property('query'))).toBe('active=true');
    expect(propertyValue(bo, property('note'))).toBe('hello');
    expect(propertyValue(bo, property('table'))).toBeUndefined();
  });

  it('applies equals, oneOf and isActive conditions', async () => {
    // given
    const reading = await task({ operation: 'read' });
    const creating = await task({ operation: 'create' });

    // then
    expect(activeProperties(template, reading).map((each) => each.id)).toEqual(['operation', 'table', undefined, 'query', 'note', 'stray']);
    expect(activeProperties(template, creating).map((each) => each.id)).toEqual(['operation', 'table', undefined, 'payload', 'note']);
  });

  it('numbers entries per group after conditions, Hidden ones included', async () => {
    // given
    const bo = await task({ operation: 'read' });

    // then: [table, hidden, query] in group query
    expect(propertyEntryId(template, property('query'), bo)).toBe('custom-entry-io.example.sn.query-query-2');
    expect(propertyEntryId(template, property('operation'), bo)).toBe('custom-entry-io.example.sn.query-operation-0');
  });

  it('numbers properties of no known group in one default bucket', async () => {
    // given
    const bo = await task({ operation: 'read' });

    // then: the ungrouped header first (its bucket occurs first), then the unknown group's
    expect(propertyEntryId(template, property('note'), bo)).toBe('custom-entry-io.example.sn.query-0');
    expect(propertyEntryId(template, property('stray'), bo)).toBe('custom-entry-io.example.sn.query-1');
  });

  it('reads a Boolean input as the Modeler writes it (=true / =false) when a condition names it', async () => {
    // given: an input taken by one of two properties, switched by a checkbox
    const switched: ElementTemplate = {
      ...template,
      properties: [
        { id: 'display', type: 'Boolean', value: false, binding: { type: 'zeebe:input', name: 'display' } },
        { id: 'ref', type: 'String', binding: { type: 'zeebe:input', name: 'ref' }, condition: { property: 'display', equals: false } },
        { id: 'ref.display', type: 'String', binding: { type: 'zeebe:input', name: 'ref' }, condition: { property: 'display', equals: true } }
      ]
    };

    // then
    expect(activeProperties(switched, await task({ display: '=false' })).map((each) => each.id)).toEqual(['display', 'ref']);
    expect(activeProperties(switched, await task({ display: '=true' })).map((each) => each.id)).toEqual(['display', 'ref.display']);
  });

  it('has no entry id for an inactive property', async () => {
    expect(propertyEntryId(template, property('query'), await task({ operation: 'create' }))).toBeUndefined();
  });
});
