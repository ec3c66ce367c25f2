import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ElementTemplate } from '../../../core/template/types';
import { fixedTable, inputName, isServiceNowTemplate, queryProperty, removesQuerySpaces, sysIdInputs, tableProperty } from '../../../lint/diagram/servicenow-template';

// Every published version of Camunda's official ServiceNow templates (@camunda/connectors-element-templates).
const official = (file: string) => JSON.parse(readFileSync(require.resolve(`@camunda/connectors-element-templates/src/element-templates/${file}`), 'utf8')) as ElementTemplate[];
const versions = (file: string) => official(file).map((template) => [`${template.id} v${template.version}`, template] as const);

describe('lint/diagram - servicenow-template', () => {
  it.each(versions('servicenow-connector.json'))('reads %s: the table from the task, the query, the sys_id inputs', (_name, template) => {
    expect(isServiceNowTemplate(template)).toBe(true);
    expect(fixedTable(template)).toBeUndefined();
    expect(inputName(tableProperty(template)!)).toBe('targetTable');
    expect(inputName(queryProperty(template)!)).toBe('sysparm_query');
    expect(removesQuerySpaces(template)).toBe(true);
    expect(sysIdInputs(template).map(({ property }) => inputName(property))).toEqual(['updateTarget', 'deleteTarget']);
  });

  it.each(versions('servicenow-incident-connector.json'))('reads %s: the incident table, the query, the sys_id inputs', (_name, template) => {
    expect(isServiceNowTemplate(template)).toBe(true);
    expect(fixedTable(template)).toBe('incident');
    expect(tableProperty(template)).toBeUndefined();
    expect(inputName(queryProperty(template)!)).toBe('sysparm_query');
    expect(removesQuerySpaces(template)).toBe(true);
    expect(sysIdInputs(template).map(({ property }) => inputName(property))).toEqual(['readTarget', 'updateTarget', 'deleteTarget']);
  });

  it('takes the flow starter, which calls no table, for none of them', () => {
    const [template] = [official('servicenow-flow-starter-connector.json')].flat();
    expect(isServiceNowTemplate(template)).toBe(false);
  });
});
