import { describe, expect, it } from 'vitest';
import { formSchemaVariables } from '../../../core/bpmn/form-variables';

describe('core/bpmn - form variables', () => {
  it('reads field keys, the first segment of dotted keys, and a group\'s path instead of its fields', () => {
    // given
    const schema = JSON.stringify({
      type: 'default',
      components: [
        { type: 'textfield', key: 'incidentSysId', label: 'Incident' },
        { type: 'textfield', key: 'customer.name' },
        { type: 'text', text: 'No binding' },
        { type: 'group', components: [{ type: 'number', key: 'amount' }] },
        { type: 'group', path: 'address', components: [{ type: 'textfield', key: 'street' }] }
      ]
    });

    // then
    expect(formSchemaVariables(schema)).toEqual(['incidentSysId', 'customer', 'amount', 'address']);
  });

  it('says when the text is no form schema', () => {
    expect(formSchemaVariables('not json')).toBeUndefined();
    expect(formSchemaVariables('{"type": "default"}')).toBeUndefined();
  });
});
