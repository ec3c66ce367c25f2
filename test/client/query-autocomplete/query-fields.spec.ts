import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { queryFields } from '../../../client/query-autocomplete/query-fields';
import type { ElementTemplate } from '../../../core/template/types';

const root = join(__dirname, '../../..');
const read = (path: string) => [JSON.parse(readFileSync(path, 'utf8'))].flat() as ElementTemplate[];
const ours = readdirSync(join(root, 'templates')).filter((file) => file.endsWith('.json')).flatMap((file) => read(join(root, 'templates', file)));
const officialDir = join(root, 'node_modules/@camunda/connectors-element-templates/src/element-templates');
const official = ['servicenow-connector.json', 'servicenow-incident-connector.json'].flatMap((file) => read(join(officialDir, file)));

function bindingNames(template: ElementTemplate): string[] {
  return queryFields(template).map((field) => (field.property.binding as { name: string }).name);
}

describe('client/query-autocomplete - query-fields', () => {
  it('finds the query of each of our table templates and of the generic one', () => {
    for (const template of ours.filter((each) => each.properties.some((property) => (property.binding as { name?: string }).name === 'sn_query'))) {
      expect(bindingNames(template), template.id).toEqual(['sn_query']);
    }
    expect(bindingNames(ours.find((each) => each.id === 'community.servicenow.AnyTable')!)).toEqual(['sn_query']);
  });

  it('finds sysparm_query in Camunda\'s official ServiceNow templates', () => {
    for (const template of official) expect(bindingNames(template), `${template.id} v${template.version}`).toEqual(['sysparm_query']);
  });

  it('finds our encoded-query conditions, but not the connectors\' FEEL activation condition', () => {
    // given
    const template = {
      ...ours.find((each) => each.id === 'community.servicenow.incident')!,
      properties: [
        { id: 'condition', label: 'Condition', type: 'Text', feel: 'optional', binding: { type: 'zeebe:property', name: 'sn_poll_condition' } },
        { id: 'activation', label: 'Activation condition', type: 'String', feel: 'required', binding: { type: 'zeebe:property', name: 'activationCondition' } }
      ]
    } as ElementTemplate;

    // then
    expect(bindingNames(template)).toEqual(['sn_poll_condition']);
    expect(queryFields(template)[0]?.conditions).toBe(false);
  });
});
