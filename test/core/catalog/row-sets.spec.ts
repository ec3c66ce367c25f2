import { describe, expect, it } from 'vitest';
import { buildOrderTemplate } from '../../../core/catalog/build-order-template';
import type { CatalogItem } from '../../../core/metadata/catalog';
import { IncidentRaised, proveRequest } from '../../helpers/request-proof';

const SECRETS = { SERVICENOW_USERNAME: 'camunda', SERVICENOW_PASSWORD: 'secret' };
const column = (name: string, kind: 'text' | 'yesNo', mandatory = false) => ({ sysId: name.padEnd(32, '0').slice(0, 32), name, label: name, typeCode: kind === 'yesNo' ? '1' : '6', kind, mandatory, order: 100, choices: [] });
const item: CatalogItem = {
  sysId: '0123456789abcdef0123456789abcdef',
  name: 'Onboarding',
  variables: [{ ...column('start_date', 'text'), kind: 'date', typeCode: '9' }],
  rowSets: [{ sysId: 'f'.repeat(32), name: 'new_hires', label: 'New hires', order: 300, variables: [column('employee_name', 'text', true), column('laptop', 'yesNo')] }]
};
const template = buildOrderTemplate(item, { idPrefix: 'community.servicenow', version: 1 });

function sentVariables(rows: string | undefined, variables: Record<string, unknown> = {}): Record<string, unknown> {
  const values = { instanceUrl: 'https://acme.service-now.com', 'variable.start_date': '2026-12-24', ...(rows === undefined ? {} : { 'rowSet.new_hires': rows }) };
  const request = proveRequest(template, values, { secrets: SECRETS, variables });
  expect(request.warnings).toEqual([]);
  return (request.body as { variables: Record<string, unknown> }).variables;
}

describe('an order template of an item with a multi-row variable set', () => {
  it('offers one rows input naming the columns, not one input per column', () => {
    const ids = template.properties.map((property) => property.id);
    expect(ids).toContain('rowSet.new_hires');
    expect(ids.filter((id) => id?.startsWith('variable.'))).toEqual(['variable.start_date']);
    expect(template.properties.find((property) => property.id === 'rowSet.new_hires')?.description).toContain('<code>employee_name</code> (mandatory), <code>laptop</code>');
  });

  it('sends a FEEL list of rows under the set\'s internal name as the JSON text of the rows, every value as text, null columns left out', () => {
    // when
    const variables = sentVariables('=[{"employee_name": hire, "laptop": "Yes"}, {"employee_name": "Grace Hopper", "laptop": null, "badge": 42}]', { hire: 'Ada Lovelace' });

    // then
    expect(typeof variables.new_hires).toBe('string');
    expect(JSON.parse(String(variables.new_hires))).toEqual([{ employee_name: 'Ada Lovelace', laptop: 'Yes' }, { employee_name: 'Grace Hopper', badge: '42' }]);
    expect(variables.start_date).toBe('2026-12-24');
  });

  it('passes JSON text on as it is, and sends nothing for no rows', () => {
    expect(sentVariables('=rows', { rows: '[{"employee_name":"Ada \\"The Countess\\""}]' }).new_hires).toBe('[{"employee_name":"Ada \\"The Countess\\""}]');
    expect(sentVariables(undefined)).not.toHaveProperty('new_hires');
    expect(sentVariables('=[]').new_hires).toBe('[]');
  });

  it('a value JSON would need escaped, or rows that are not a list of contexts, raise an incident naming the set', () => {
    const prove = (rows: string, variables: Record<string, unknown> = {}) => () => proveRequest(template, { instanceUrl: 'https://acme.service-now.com', 'variable.start_date': '2026-12-24', 'rowSet.new_hires': rows }, { secrets: SECRETS, variables });
    expect(prove('=[{"employee_name": name}]', { name: 'Ada "The Countess"' })).toThrow(/rows of new_hires: a value holds a double quote, a backslash or a control character/);
    expect(prove('=[{"employee_name": name}]', { name: 'line\nbreak' })).toThrow(IncidentRaised);
    expect(prove('=[{"employee_name": name}]', { name: 'back\\slash' })).toThrow(IncidentRaised);
    expect(prove('=["Ada"]')).toThrow(/each row must be a context/);
    expect(prove('=42')).toThrow(/give a list of rows/);
  });
});
