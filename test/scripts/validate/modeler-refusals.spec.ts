/**
 * The refusals of Camunda Modeler's template loader that the JSON schema
 * does not make, on the Modeler's own test fixtures (unchanged, from
 * bpmn-io/bpmn-js-element-templates@32df31dc1225d876d48573e1785d538bec4f2d0f
 * test/spec/cloud-element-templates/fixtures/, MIT), with the outcome its
 * Validator.spec.js expects of each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateTemplateText } from '../../../scripts/validate/validate-templates';
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
});
