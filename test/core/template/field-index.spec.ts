import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAnyTableTemplate, buildTemplate } from '../../../core/template/build-template';
import { findQueryProperty, isAnyTableTemplate, isServiceNowTemplate, tableFromTemplate, toFieldIndex } from '../../../core/template/field-index';
import type { ElementTemplate } from '../../../core/template/types';
import { incidentTable } from './fixtures/tables';

function officialTemplates(file: string): ElementTemplate[] {
  return JSON.parse(readFileSync(require.resolve(`@camunda/connectors-element-templates/src/element-templates/${file}`), 'utf8')) as ElementTemplate[];
}

const options = { idPrefix: 'community.servicenow', version: 1 };

describe('core/template - field-index', () => {
  it('rebuilds the table from a template: names, types, references and choice values', () => {
    // given
    const template = JSON.parse(JSON.stringify(buildTemplate(incidentTable(), options))) as ElementTemplate;

    // when
    const table = tableFromTemplate(template);

    // then
    expect(table?.name).toBe('incident');
    expect(table?.hierarchy).toEqual(['incident', 'task']);
    expect(table?.fields.map((field) => field.element)).toEqual(incidentTable().fields.map((field) => field.element));
    expect(table?.fields.find((field) => field.element === 'caller_id')).toMatchObject({ internalType: 'reference', reference: 'sys_user' });
    expect(table?.fields.find((field) => field.element === 'state')?.choices.map((choice) => choice.value)).toEqual(['1', '2', '3', '6', '7', '99']);
  });

  it('indexes every column, writable or not, so queries on sys_ fields validate too', () => {
    expect(Object.keys(toFieldIndex(incidentTable()).fields ?? {})).toContain('sys_created_on');
  });

  it('recognises our table templates, the generic one and Camunda\'s official ServiceNow templates', () => {
    // given
    const ours = buildTemplate(incidentTable(), options);
    const generic = buildAnyTableTemplate(options);
    const official = [...officialTemplates('servicenow-connector.json'), ...officialTemplates('servicenow-incident-connector.json')];
    const http = officialTemplates('http-json-connector.json');

    // then
    expect(isServiceNowTemplate(ours)).toBe(true);
    expect(isServiceNowTemplate(generic)).toBe(true);
    expect(isAnyTableTemplate(generic)).toBe(true);
    expect(tableFromTemplate(generic)).toBeUndefined();
    for (const template of official) expect(isServiceNowTemplate(template)).toBe(true);
    for (const template of http) expect(isServiceNowTemplate(template)).toBe(false);
    expect(isServiceNowTemplate(null)).toBe(false);
  });

  it('finds the encoded query property in ours and in the official templates', () => {
    // given
    const official = officialTemplates('servicenow-incident-connector.json').at(-1) as ElementTemplate;

    // then
    expect(findQueryProperty(buildTemplate(incidentTable(), options))?.id).toBe('sysparm_query');
    expect(findQueryProperty(buildAnyTableTemplate(options))?.id).toBe('sysparm_query');
    expect(findQueryProperty(official)?.binding).toEqual({ name: 'sysparm_query', type: 'zeebe:input' });
  });
});
