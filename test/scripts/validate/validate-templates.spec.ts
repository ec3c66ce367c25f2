import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateVersions, validateTemplateText } from '../../../scripts/validate/validate-templates';

const valid = JSON.parse(readFileSync(join(__dirname, '..', '..', 'core', 'template', 'check', 'check-template', 'valid.json'), 'utf8')) as Record<string, unknown>;

describe('scripts/validate - validateTemplateText', () => {
  it('never throws on arbitrary JSON: it reports, with the file named', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const problems = validateTemplateText('t.json', JSON.stringify(value));
        for (const problem of problems) expect(problem.file).toBe('t.json');
      }),
      { numRuns: 100 }
    );
  });

  it('never throws on a template with any property replaced by junk', () => {
    fc.assert(
      fc.property(fc.constantFrom('properties', 'groups', 'engines', 'icon', 'id'), fc.nat(4), fc.constantFrom('binding', 'condition', 'choices', 'value', 'constraints'), fc.jsonValue(), (top, index, key, junk) => {
        const template = JSON.parse(JSON.stringify(valid)) as { properties: Record<string, unknown>[] } & Record<string, unknown>;
        const property = template.properties[index];
        if (property) property[key] = junk;
        else (template as Record<string, unknown>)[top] = junk;
        expect(() => validateTemplateText('t.json', JSON.stringify(template))).not.toThrow();
      }),
      { numRuns: 100 }
    );
  });

  it('names a template index as what it is, not as a template missing every field', () => {
    // given: cut down from camunda/connectors@9b30630f5cacce76db089e7780b6aeecc032baec connector-templates.json
    const ref = (path: string) => `https://raw.githubusercontent.com/camunda/connectors/0356ec830e012babff5b16932ba0a2f5e0a2e4cb/connectors/servicenow/element-templates/${path}`;
    const index = {
      'io.camunda.connectors.ServiceNow.v1': [{ version: 3, ref: ref('servicenow-connector.json'), engine: { camunda: null } }, { version: 2, ref: ref('versioned/servicenow-connector-2.json'), engine: { camunda: null } }],
      'io.camunda.connectors.ServiceNowFlow.v1': [{ version: 1, ref: ref('servicenow-flow-starter-connector.json'), engine: { camunda: null } }]
    };

    // when
    const problems = validateTemplateText('connector-templates.json', JSON.stringify(index, null, 2));

    // then
    expect(problems).toEqual([{ file: 'connector-templates.json', severity: 'error', message: 'a template index (template ids mapped to versions and the URLs of their files, as camunda/connectors\' connector-templates.json), not an element template: validate the template files it names' }]);
    // a template is never taken for one
    expect(validateTemplateText('t.json', JSON.stringify(valid)).some((problem) => problem.message.startsWith('a template index'))).toBe(false);
  });

  it('names the package.json of an npm package of templates as what it is, not as a template missing every field', () => {
    // given: the manifest of @camunda/connectors-element-templates 1.0.29 (npm), cut down to its first fields
    const manifest = { name: '@camunda/connectors-element-templates', version: '1.0.29', description: 'Camunda Connectors Store with all out of the box connectors', main: 'src/index.js' };

    // when
    const problems = validateTemplateText('node_modules/@camunda/connectors-element-templates/package.json', JSON.stringify(manifest, null, 2));

    // then
    expect(problems).toEqual([{ file: 'node_modules/@camunda/connectors-element-templates/package.json', severity: 'error', message: expect.stringMatching(/^an npm package manifest, not an element template/) }]);
    // a template in a file of that name is still checked as one
    expect(validateTemplateText('package.json', JSON.stringify(valid)).some((problem) => problem.message.startsWith('an npm package manifest'))).toBe(false);
  });

  it('reports a schema error for junk, not a crash', () => {
    const template = { ...valid, properties: [{ type: 'String', binding: 'nope', condition: { allMatch: 'x' } }] };
    const problems = validateTemplateText('t.json', JSON.stringify(template));
    expect(problems.some((problem) => problem.severity === 'error' && problem.property === '#0')).toBe(true);
  });
});

describe('scripts/validate - Camunda 7 templates', () => {
  // Unchanged from camunda/camunda-modeler@6bf14d710c2d8cf17016b34c4bc2d319719b8101 resources/element-templates/:
  // samples.json's "Mail Task" (the Camunda 7 $schema) and rpa.json's first template (no $schema, camunda: bindings).
  const camunda7 = (name: string) => readFileSync(join(__dirname, 'camunda7', name), 'utf8');

  it('checks a template naming the Camunda 7 schema, or binding camunda: elements without a $schema, against the Camunda 7 schema, as Desktop Modeler offers them to Camunda 7 diagrams', () => {
    expect(validateTemplateText('samples-mail-task.json', camunda7('samples-mail-task.json'))).toEqual([]);
    expect(validateTemplateText('rpa-bot.json', camunda7('rpa-bot.json'))).toEqual([]);
  });

  it('reports what the Camunda 7 schema refuses, with the line', () => {
    // given: the Mail Task with a Zeebe binding, which Camunda 7 has not
    const text = camunda7('samples-mail-task.json').replace('"camunda:inputParameter"', '"zeebe:input"');

    // when
    const problems = validateTemplateText('mail.json', text);

    // then
    expect(problems).toEqual([expect.objectContaining({ templateId: 'com.camunda.example.MailTask', property: '#1', line: 23, severity: 'error', message: expect.stringMatching(/^binding\/type: invalid property.binding type "zeebe:input"; must be any of \{ property, camunda:property, camunda:inputParameter/) })]);
  });

  it('still takes a template without $schema and without camunda: bindings for a Camunda 8 one missing its $schema', () => {
    const { $schema: _schema, ...template } = valid;
    expect(validateTemplateText('t.json', JSON.stringify(template)).filter((problem) => problem.severity === 'error').map((problem) => problem.message)).toEqual([expect.stringMatching(/^no \$schema: the Modeler offers a template to Camunda 8 diagrams only when/)]);
  });
});

describe('scripts/validate - duplicateVersions', () => {
  const template = (version?: number) => JSON.stringify({ id: 'x.small', ...(version === undefined ? {} : { version }) });

  it('reports an id and version a second time, in another file or the same (the Modeler keeps one per id and version)', () => {
    expect(duplicateVersions([{ file: 'a.json', text: template(1) }, { file: 'b.json', text: `[${template(2)}, ${template(1)}]` }, { file: 'c.json', text: `[${template()}, ${template()}]` }])).toEqual([
      { file: 'b.json', templateId: 'x.small', templateVersion: 1, templateIndex: 1, severity: 'error', message: 'id x.small version 1 is also in a.json; the Modeler loads only one of them' },
      { file: 'c.json', templateId: 'x.small', templateIndex: 1, severity: 'error', message: 'id x.small version (none) is also at index 0 of this file; the Modeler loads only one of them' }
    ]);
  });

  it('takes other versions of an id, and files that are not JSON, as no duplicates', () => {
    expect(duplicateVersions([{ file: 'a.json', text: `[${template(1)}, ${template(2)}]` }, { file: 'b.json', text: '{' }, { file: 'c.json', text: template(3) }])).toEqual([]);
  });
});

