import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTemplate } from '../../../../core/template/check/check-template';
import type { ElementTemplate } from '../../../../core/template/types';

function fixture(name: string): ElementTemplate {
  return JSON.parse(readFileSync(join(__dirname, 'check-template', name), 'utf8')) as ElementTemplate;
}

describe('core/template/check - checkTemplate', () => {
  it('finds nothing in a sound template whose inputs share a binding under exclusive conditions', () => {
    expect(checkTemplate(fixture('valid.json'))).toEqual([]);
  });

  it('reports every semantic defect the schema misses, with the property', () => {
    // when
    const problems = checkTemplate(fixture('valid-broken.json'));

    // then
    expect(problems).toEqual(
      expect.arrayContaining([
        { severity: 'warning', message: 'no engines.camunda: the Modeler offers the template for every Camunda version; state the lowest it works on' },
        { severity: 'warning', message: expect.stringMatching(/^\$schema is pinned/) },
        { severity: 'warning', message: expect.stringMatching(/^icon is 90\d\d bytes as stored in the template; Web Modeler accepts at most 8 KB \(8192 bytes\)/) },
        { severity: 'error', message: 'group "main" is declared twice' },
        { severity: 'error', property: 'mode', message: 'choice value "a" appears twice' },
        { severity: 'error', property: 'mode', message: 'value "c" is not one of its choices' },
        { severity: 'warning', property: 'base', message: 'group "nowhere" is not declared in groups: the Modeler shows it under "Custom properties"' },
        { severity: 'error', property: 'url.a', message: 'FEEL expression does not parse (at character 7): =base + ' },
        { severity: 'error', property: 'url.b', message: 'binds zeebe:input:url like "url.a" and both can be active at once' },
        { severity: 'error', property: 'base', message: 'duplicate property id (first at index 2)' },
        { severity: 'warning', property: 'base', message: 'reads "later", an input mapped later (inputs are evaluated in order)' },
        { severity: 'error', property: 'self', message: 'condition depends on the property itself' },
        { severity: 'error', property: 'ghost', message: 'condition names property "missing", which does not exist' },
        { severity: 'warning', property: 'dead', message: 'can never be active: "fixed" is Hidden with the fixed value "off"' },
        { severity: 'warning', property: 'fixed', message: 'Hidden property has choices, which are never offered' }
      ])
    );
    expect(problems.filter((problem) => problem.severity === 'error')).toHaveLength(8);
  });

  it('warns about inputs that may stay empty when engines allow versions before 8.8', () => {
    // given
    const template = { ...fixture('valid.json'), engines: { camunda: '^8.3' } };
    template.properties = [...template.properties, { id: 'free', label: 'Free', type: 'String', binding: { type: 'zeebe:input', name: 'free' }, constraints: { pattern: '^[a-z ]*$' } }];

    // then
    expect(checkTemplate(template)).toEqual([{ severity: 'warning', property: 'free', message: 'may be left empty, which deploys only on Camunda 8.8+ but engines.camunda is ^8.3' }]);
  });

  it('flags static input text the runtime would change: fixed and choice values, and free text without a pattern refusing it', () => {
    // given
    const template = fixture('valid.json');
    template.properties = [
      ...template.properties,
      { id: 'path', type: 'Hidden', value: 'C:\\temp', binding: { type: 'zeebe:input', name: 'path' } },
      { id: 'pick', type: 'Dropdown', value: 'a', choices: [{ name: 'A', value: 'a' }, { name: 'B', value: 'see secrets.yaml' }], binding: { type: 'zeebe:input', name: 'pick' } },
      { id: 'built', type: 'Hidden', value: '="rotate secrets.key"', binding: { type: 'zeebe:input', name: 'built' } },
      { id: 'note', label: 'Note', type: 'Text', feel: 'optional', binding: { type: 'zeebe:input', name: 'note' } },
      { id: 'secret', type: 'Hidden', value: '{{secrets.TOKEN}}', binding: { type: 'zeebe:input', name: 'secret' } },
      // the runtime's older secret form as the whole value is the secret (camunda/connectors SecretUtil SECRET_PATTERN_SECRETS)
      { id: 'legacySecret', type: 'Hidden', value: 'secrets.SENDGRID_API_KEY', binding: { type: 'zeebe:input', name: 'apiKey' } }
    ];

    // when
    const problems = checkTemplate(template);

    // then
    expect(problems).toEqual([
      { severity: 'error', property: 'path', message: expect.stringMatching(/^value "C:\\temp" holds a backslash, which Zeebe reads as an escape/) },
      { severity: 'error', property: 'pick', message: expect.stringMatching(/^value "see secrets.yaml" holds the text secrets.<name>, which the connector runtime replaces/) },
      { severity: 'error', property: 'built', message: expect.stringMatching(/replaces in the evaluated value$/) },
      { severity: 'warning', property: 'note', message: expect.stringMatching(/^lets a user type static text the runtime changes \(e.g. "rotate secrets.yaml"\)/) }
    ]);
  });

  it('still checks the rest of a template whose groups, choices or conditions hold junk the schema refuses', () => {
    // given
    const template = fixture('valid.json');
    const junk = JSON.parse(JSON.stringify({ ...template, groups: [...(template.groups ?? []), null], properties: [...template.properties, { id: 'odd', label: 'Odd', type: 'Dropdown', value: 'z', choices: [null, { name: 'A', value: 'a' }], binding: { type: 'zeebe:output', source: '=odd' }, condition: { allMatch: [null, 1] } }, { id: 'odder', type: 'Hidden', value: 'x', binding: { type: 'zeebe:input', name: 'odder' }, condition: 'x' }] })) as ElementTemplate;

    // then
    expect(checkTemplate(junk)).toEqual([{ severity: 'error', property: 'odd', message: 'value "z" is not one of its choices' }]);
  });
});

