import { describe, expect, it } from 'vitest';
import { exampleQueries, renderTemplateDoc } from '../../../scripts/package/template-doc';

const field = (element: string, type: string, reference: string | null = null, choices: string[] = []) => ({ element, type, reference, choices });

describe('scripts/package - template-doc', () => {
  it.each([
    {
      title: 'a task-like table',
      fields: [field('active', 'boolean'), field('priority', 'integer', null, ['1', '2']), field('sys_created_on', 'glide_date_time')],
      queries: ['active=true^priority=1^ORDERBYDESCsys_created_on', 'sys_created_on>=2026-01-01 00:00:00']
    },
    {
      title: 'a table with references and text only',
      fields: [field('caller_id', 'reference', 'sys_user'), field('name', 'string')],
      queries: ['caller_idISEMPTY', 'caller_id=<sys_id>', 'nameLIKEnetwork^ORnameSTARTSWITHVPN']
    },
    { title: 'a table without fields', fields: [], queries: [] }
  ])('builds example queries from the fields of $title', ({ fields, queries }) => {
    // when
    const examples = exampleQueries(fields);

    // then
    expect(examples.map((example) => example.query)).toEqual(queries);
  });

  it('documents the generic any-table template without a field list', () => {
    // given
    const template = { id: 'io.example.servicenow.any', name: 'ServiceNow: any table', version: 3, metadata: { servicenow: { anyTable: true } }, properties: [] };

    // when
    const doc = renderTemplateDoc(template, { version: '1.0.0' });

    // then
    expect(doc).toContain('| Table | any table, chosen per task |');
    expect(doc).toContain('The table is chosen per task');
    expect(doc).toContain('One fixed operation');
    expect(doc).not.toContain('![icon]');
  });
});
