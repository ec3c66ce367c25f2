/**
 * Cut-down copies of real Camunda 8 templates on which the checks once
 * reported false findings, or find a true one; each fixture names its
 * source below.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTemplate } from '../../../../core/template/check/check-template';
import type { ElementTemplate } from '../../../../core/template/types';

function fixture(name: string): ElementTemplate {
  return JSON.parse(readFileSync(join(__dirname, 'real-templates', name), 'utf8')) as ElementTemplate;
}

const errors = (template: ElementTemplate) => checkTemplate(template).filter((problem) => problem.severity === 'error');

describe('core/template/check - real templates', () => {
  // camunda/connectors@9b30630f5cacce76db089e7780b6aeecc032baec connectors/asana/element-templates/asana-connector.json
  it('takes conditions on two dropdowns sharing one input as reading one value', () => {
    const template = fixture('asana-operation-groups.json');
    expect(errors(template)).toEqual([]);

    // the same urls under conditions on two separately stored dropdowns can both hold
    const [, , group, tasks, projects, ...urls] = template.properties;
    const apart = { ...template, properties: [group, { ...tasks, binding: { type: 'zeebe:input', name: 'taskOperation' } }, { ...projects, binding: { type: 'zeebe:input', name: 'projectOperation' } }, ...urls] } as ElementTemplate;
    expect(errors(apart).map((problem) => problem.message)).toEqual(['binds zeebe:input:url like "#3" and both can be active at once']);
  });

  // camunda/connectors@9b30630f5cacce76db089e7780b6aeecc032baec connectors/kafka/element-templates/kafka-inbound-connector-boundary.json
  it('takes isActive true and isActive false on one property as exclusive', () => {
    const template = fixture('kafka-deduplication.json');
    expect(errors(template)).toEqual([]);

    const both = { ...template, properties: template.properties.map((property) => (property.id === 'deduplicationModeAuto' ? { ...property, condition: { property: 'deduplicationId', isActive: true } } : property)) } as ElementTemplate;
    expect(errors(both).map((problem) => problem.message)).toEqual(['binds zeebe:property:deduplicationMode like "deduplicationModeManual" and both can be active at once']);
  });

  // camunda/connectors@9b30630f5cacce76db089e7780b6aeecc032baec connectors/agentic-ai/connector-agentic-ai/element-templates/agenticai-aiagent-job-worker.json
  it('parses a FEEL string literal spanning lines, as feel-scala does', () => {
    const template = fixture('ai-agent-system-prompt.json');
    expect(checkTemplate(template)).toEqual([]);

    // a string left open is still an error
    const [prompt] = template.properties;
    const unclosed = { ...template, properties: [{ ...prompt, value: '="You are\n**TaskAgent**' }] } as ElementTemplate;
    expect(errors(unclosed).map((problem) => problem.message)).toEqual([expect.stringMatching(/^FEEL expression does not parse \(at character 1\)/)]);
  });

  // @camunda/connectors-element-templates@1.0.29 (camunda/connectors) src/element-templates/openai-connector.json, version 1
  it('takes Hidden properties in an undeclared group as harmless: the panel never shows them', () => {
    const template = fixture('openai-endpoint-group.json');
    expect(checkTemplate(template)).toEqual([]);

    const shown = { ...template, properties: template.properties.map((property) => (property.id === 'url' ? { ...property, type: 'String', label: 'URL' } : property)) } as ElementTemplate;
    expect(checkTemplate(shown).filter((problem) => problem.message.startsWith('group '))).toEqual([{ severity: 'warning', property: 'url', message: 'group "endpoint" is not declared in groups: the Modeler shows it under "Custom properties"' }]);
  });

  // @camunda/connectors-element-templates@1.0.29 (camunda/connectors) src/element-templates/hubspot-outbound-connector.json, version 4
  it('takes properties of one id on one binding as one property, for conditions and presets alike', () => {
    const template = fixture('hubspot-operation-per-resource.json');
    expect(checkTemplate(template)).toEqual([]);

    // the second operationId on a binding of its own is another property, read by no condition
    const apart = { ...template, properties: template.properties.map((property, index) => (index === 3 ? { ...property, binding: { type: 'zeebe:input', name: 'companyOperation' } } : property)) } as ElementTemplate;
    expect(errors(apart).map((problem) => problem.message)).toEqual(['duplicate property id (first at index 2)']);

    // isActive asks the first operationId alone, so there the two differ
    const asked = { ...template, properties: [...template.properties, { id: 'note', label: 'Note', type: 'String', binding: { type: 'zeebe:output', source: '=note' }, condition: { property: 'operationId', isActive: true } }] } as ElementTemplate;
    expect(errors(asked).map((problem) => problem.message)).toEqual(['duplicate property id (first at index 2)']);

    // a preset value no operationId offers is still refused
    const stale = { ...template, presets: [template.presets?.[0], { id: 'companies_getPage', properties: { operationId: 'get-/crm/v3/objects/companies' } }] } as ElementTemplate;
    expect(errors(stale).map((problem) => problem.message)).toEqual(['preset "companies_getPage" sets "get-/crm/v3/objects/companies", which is not one of the choices']);
  });

  // camunda/connectors@9b30630f5cacce76db089e7780b6aeecc032baec connectors/agentic-ai/connector-agentic-ai/element-templates/agenticai-a2a-client-outbound-connector.json
  it('lets a condition read a property declared after it: applyConditions reads the element, not the order', () => {
    expect(checkTemplate(fixture('a2a-client-gateway-type.json'))).toEqual([]);
  });

  // camunda/connectors@9b30630f5cacce76db089e7780b6aeecc032baec connectors/gitlab/element-templates/gitlab-connector.json (version 9)
  it('finds two properties writing one input under one condition, naming those without an id by place and label', () => {
    // "Milestone ID" writes assigneeIds, as "Assignee IDs" does, for the same operation: one overwrites the other in the request
    const template = fixture('gitlab-merge-request-ids.json');
    expect(errors(template)).toEqual([{ severity: 'error', property: '#4 (Milestone ID)', message: 'binds zeebe:input:assigneeIds like "#3 (Assignee IDs)" and both can be active at once' }]);
  });
});
