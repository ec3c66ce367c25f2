/**
 * The refusals of Camunda Modeler's template loader that the JSON schema
 * does not make, on the Modeler's own test fixtures (unchanged, from
 * bpmn-io/bpmn-js-element-templates@32df31dc1225d876d48573e1785d538bec4f2d0f
 * test/spec/cloud-element-templates/fixtures/, MIT), with the outcome its
 * Validator.spec.js expects of each. connections-design-conflict.json is
 * fixtures/connections-design.json cut down to its first two templates'
 * configuration templates (their properties left out).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configurationConflicts, validateTemplateText } from '../../../scripts/validate/validate-templates';
import { zeebeSchemaVersion } from '../../../scripts/validate/zeebe-schema';

function validateFixture(name: string) {
  return validateTemplateText(name, readFileSync(join(__dirname, 'modeler-refusals', name), 'utf8'));
}

const errors = (name: string) => validateFixture(name).filter((problem) => problem.severity === 'error');

describe('scripts/validate - what Camunda Modeler refuses besides the schema', () => {
  it('refuses an elementType that none of appliesTo is or extends ("template does not apply to requested element type")', () => {
    expect(errors('elementType-missing-target.json')).toEqual([expect.objectContaining({
      templateId: 'example.com.elementType-missing-target',
      message: expect.stringMatching(/^elementType bpmn:UserTask is none of appliesTo \(bpmn:ServiceTask\) nor a subtype of one: Camunda Modeler refuses the template/)
    })]);
  });

  it('refuses an elementType of another kind than an appliesTo type: a task into a gateway or an event, an event into a process ("can not morph")', () => {
    expect(errors('elementType-invalid-morphs.json').map((problem) => [problem.templateId, problem.message.split(': ')[0]])).toEqual([
      ['example.com.TaskToGateway', 'appliesTo bpmn:ServiceTask cannot become elementType bpmn:ExclusiveGateway'],
      ['example.com.TaskToEvent', 'appliesTo bpmn:ServiceTask cannot become elementType bpmn:IntermediateCatchEvent'],
      ['example.com.EventToProcess', 'appliesTo bpmn:IntermediateCatchEvent cannot become elementType bpmn:Process']
    ]);
  });

  it('accepts an elementType that extends an appliesTo type and stays of its kind, as the Modeler does', () => {
    // bpmn:Task → bpmn:ServiceTask, which the Modeler's Validator.spec.js loads without an error
    expect(errors('elementType-superType.json')).toEqual([]);
  });

  it('refuses a $schema naming a newer schema version than the validator knows ("unsupported element template schema version"), each template of the file', () => {
    const refusals = errors('simple-high-schema-version.json').filter((problem) => problem.message.startsWith('$schema names schema version'));
    expect(refusals.map((problem) => `${problem.templateId}@${problem.templateVersion ?? '-'}`)).toEqual(['foo@-', 'foo@1', 'foo@2', 'bar@1', 'bar@2', 'baz@-']);
    expect(refusals[0]?.message).toContain(`schema version 99.99.99, newer than ${zeebeSchemaVersion}`);
  });

  it('takes a $schema naming the validator\'s own schema version or an older one', () => {
    const template = (version: string) => JSON.stringify({ $schema: `https://unpkg.com/@camunda/zeebe-element-templates-json-schema@${version}/resources/schema.json`, name: 'T', id: 't', version: 1, engines: { camunda: '^8.6' }, appliesTo: ['bpmn:Task'], properties: [] });
    for (const version of [zeebeSchemaVersion, '0.1.0']) {
      expect(validateTemplateText('t.json', template(version)).filter((problem) => problem.severity === 'error')).toEqual([]);
    }
  });

  it('refuses an engines value that is no semver range, as the Modeler\'s own check (@bpmn-io/semver-compat) does, and takes the ranges of its engines fixture', () => {
    expect(errors('engines-invalid.json').map((problem) => problem.message.split(': ')[0])).toEqual(['engines.camunda "invalid-version" is no semver range']);
    expect(errors('engines.json')).toEqual([]);
  });

  it('refuses configuration template names that are only spaces, which the schema lets through (_validateConfiguration)', () => {
    // given: Validator.spec.js' createTemplate and createConfigurationTemplate, with blank names
    const template = {
      $schema: 'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json',
      id: 'example.invalid', name: 'example.invalid', version: 1, engines: { camunda: '^8.8' }, appliesTo: ['bpmn:Task'],
      configurationTemplates: [{ id: 'io.camunda:example-credential:1', name: ' ', version: 1, kind: 'CREDENTIAL', properties: [{ id: 'apiKey', label: 'API key', type: 'String', binding: { type: 'property', name: 'apiKey' } }] }],
      properties: [{ id: 'configuration', type: 'Configuration', configurationTemplate: '  ', binding: { type: 'zeebe:input', name: 'configuration' } }]
    };

    // when
    const problems = validateTemplateText('t.json', JSON.stringify(template, null, 2)).filter((problem) => problem.severity === 'error');

    // then
    expect(problems.map((problem) => [problem.property, problem.message.split(' is ')[0]])).toEqual([[undefined, 'configurationTemplates/0/name'], ['configuration', 'configurationTemplate']]);
  });

  it('warns of one configuration template id and version embedded with two definitions, which the Modeler keeps the first of', () => {
    // given: the two Slack templates of the Modeler's design fixture embed io.camunda:slack-connection:1 version 2 with different icons
    const text = readFileSync(join(__dirname, 'modeler-refusals', 'connections-design-conflict.json'), 'utf8');
    const same = JSON.parse(text) as { configurationTemplates: { icon: unknown }[] }[];
    (same[1] as { configurationTemplates: { icon: unknown }[] }).configurationTemplates[0]!.icon = same[0]!.configurationTemplates[0]!.icon;

    // when
    const conflicts = configurationConflicts([{ file: 'design.json', text }]);

    // then
    expect(conflicts).toEqual([{
      file: 'design.json', templateId: 'io.camunda.connectors.inbound.Slack.ReceiveTask.v1', templateVersion: 8, templateIndex: 1, severity: 'warning',
      message: 'embeds configuration template io.camunda:slack-connection:1 version 2 unlike design.json (io.camunda.connectors.Slack.v1) (icon differs): Camunda Modeler keeps the first definition it loads and ignores this one; embed the same definition, or give this one another id or version'
    }]);
    // the same definition twice, in one file or two, is shared as meant
    expect(configurationConflicts([{ file: 'a.json', text: JSON.stringify([same[0]]) }, { file: 'b.json', text: JSON.stringify([same[1]]) }])).toEqual([]);
  });
});
