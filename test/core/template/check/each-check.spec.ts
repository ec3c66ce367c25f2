/**
 * One invalid fixture per template check, with its exact findings: each
 * case adds one defect to the sound fixture (check-template/valid.json), so
 * a check that stops firing, fires twice, or changes its message or the
 * property it names fails its own row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTemplate, type TemplateProblem } from '../../../../core/template/check/check-template';
import type { ElementTemplate, TemplateProperty } from '../../../../core/template/types';

const valid = JSON.parse(readFileSync(join(__dirname, 'check-template', 'valid.json'), 'utf8')) as ElementTemplate;

const withProperties = (...extra: TemplateProperty[]) => (template: ElementTemplate): ElementTemplate => ({ ...template, properties: [...template.properties, ...extra] });
const mode = { property: 'mode', equals: 'a' } as const;

interface Case {
  check: string;
  defect: (template: ElementTemplate) => ElementTemplate;
  expected: TemplateProblem[];
}

const cases: Case[] = [
  {
    check: 'engines.camunda is stated',
    defect: ({ engines: _engines, ...template }) => template,
    expected: [{ severity: 'warning', message: 'no engines.camunda: the Modeler offers the template for every Camunda version; state the lowest it works on' }]
  },
  {
    check: '$schema is required',
    defect: ({ $schema: _schema, ...template }) => template,
    expected: [{ severity: 'error', message: 'no $schema: the Modeler offers a template to Camunda 8 diagrams only when its $schema names @camunda/zeebe-element-templates-json-schema; set it to https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json' }]
  },
  {
    check: '$schema is not pinned',
    defect: (template) => ({ ...template, $schema: 'https://unpkg.com/@camunda/zeebe-element-templates-json-schema@0.1.0/resources/schema.json' }),
    expected: [{ severity: 'warning', message: '$schema is pinned: it pins version 0.1.0; Web Modeler accepts only the unpinned https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json' }]
  },
  {
    check: 'the icon fits Web Modeler',
    defect: (template) => ({ ...template, icon: { contents: `data:image/svg+xml,${'x'.repeat(8200)}` } }),
    expected: [{ severity: 'warning', message: 'icon is 8219 bytes as stored in the template; Web Modeler accepts at most 8 KB (8192 bytes): simplify or compress the icon' }]
  },
  {
    check: 'a group is declared once',
    defect: (template) => ({ ...template, groups: [...(template.groups ?? []), { id: 'main', label: 'Again' }] }),
    expected: [{ severity: 'error', message: 'group "main" is declared twice' }]
  },
  {
    check: 'a property id is unique',
    defect: withProperties({ id: 'base', type: 'Hidden', value: 'x', binding: { type: 'zeebe:input', name: 'other' } }),
    expected: [{ severity: 'error', property: 'base', message: 'duplicate property id (first at index 2)' }]
  },
  {
    check: 'a shown property names a declared group',
    defect: withProperties({ id: 'stray', label: 'Stray', type: 'String', value: 'x', group: 'nowhere', binding: { type: 'zeebe:output', source: '=stray' } }),
    expected: [{ severity: 'warning', property: 'stray', message: 'group "nowhere" is not declared in groups: the Modeler shows it under "Custom properties"' }]
  },
  {
    check: 'a Hidden property, never shown, may name any group',
    defect: withProperties({ id: 'stray', type: 'Hidden', value: 'x', group: 'nowhere', binding: { type: 'zeebe:input', name: 'stray' } }),
    expected: []
  },
  {
    check: 'a condition does not read its own property',
    defect: withProperties({ id: 'self', type: 'Hidden', value: 'x', binding: { type: 'zeebe:input', name: 'self' }, condition: { property: 'self', equals: 'x' } }),
    expected: [{ severity: 'error', property: 'self', message: 'condition depends on the property itself' }]
  },
  {
    check: 'a condition reads an existing property',
    defect: withProperties({ id: 'ghost', type: 'Hidden', value: 'x', binding: { type: 'zeebe:input', name: 'ghost' }, condition: { property: 'missing', equals: 'x' } }),
    expected: [{ severity: 'error', property: 'ghost', message: 'condition names property "missing", which does not exist' }]
  },
  {
    // applyConditions reads the element's values, so the order of declaration does not matter
    check: 'a condition may read a property declared after it',
    defect: (template) => ({ ...template, properties: [{ id: 'early', type: 'Hidden', value: 'x', binding: { type: 'zeebe:input', name: 'early' }, condition: mode }, ...template.properties] }),
    expected: []
  },
  {
    check: 'a dropdown choice value appears once',
    defect: withProperties({ id: 'pick', type: 'Dropdown', value: 'a', choices: [{ name: 'A', value: 'a' }, { name: 'A again', value: 'a' }], binding: { type: 'zeebe:taskHeader', key: 'pick' } }),
    expected: [{ severity: 'error', property: 'pick', message: 'choice value "a" appears twice' }]
  },
  {
    check: 'a dropdown value is one of its choices',
    defect: withProperties({ id: 'pick', type: 'Dropdown', value: 'c', choices: [{ name: 'A', value: 'a' }], binding: { type: 'zeebe:taskHeader', key: 'pick' } }),
    expected: [{ severity: 'error', property: 'pick', message: 'value "c" is not one of its choices' }]
  },
  {
    check: 'a Hidden property has no choices',
    defect: withProperties({ id: 'fixed', type: 'Hidden', value: 'on', choices: [{ name: 'On', value: 'on' }], binding: { type: 'zeebe:taskHeader', key: 'fixed' } }),
    expected: [{ severity: 'warning', property: 'fixed', message: 'Hidden property has choices, which are never offered' }]
  },
  {
    check: 'a condition on a Hidden property can hold',
    defect: withProperties(
      { id: 'fixed', type: 'Hidden', value: 'off', binding: { type: 'zeebe:taskHeader', key: 'fixed' } },
      { id: 'dead', type: 'Hidden', value: 'x', binding: { type: 'zeebe:taskHeader', key: 'dead' }, condition: { property: 'fixed', equals: 'on' } }
    ),
    expected: [{ severity: 'warning', property: 'dead', message: 'can never be active: "fixed" is Hidden with the fixed value "off"' }]
  },
  {
    check: 'a FEEL value parses',
    defect: withProperties({ id: 'broken', type: 'Hidden', value: '=base + ', binding: { type: 'zeebe:input', name: 'broken' } }),
    expected: [{ severity: 'error', property: 'broken', message: 'FEEL expression does not parse (at character 7): =base + ' }]
  },
  {
    check: 'two properties on one binding are never active together',
    defect: withProperties({ id: 'url.c', type: 'Hidden', value: 'c', binding: { type: 'zeebe:input', name: 'url' }, condition: mode }),
    expected: [{ severity: 'error', property: 'url.c', message: 'binds zeebe:input:url like "url.a" and both can be active at once' }]
  },
  {
    check: 'a FEEL input reads only inputs mapped before it',
    defect: (template) => ({
      ...template,
      properties: [
        ...template.properties,
        { id: 'reader', type: 'Hidden', value: '=later', binding: { type: 'zeebe:input', name: 'reader' } },
        { id: 'later', type: 'Hidden', value: 'x', binding: { type: 'zeebe:input', name: 'later' } }
      ]
    }),
    expected: [{ severity: 'warning', property: 'reader', message: 'reads "later", an input mapped later (inputs are evaluated in order)' }]
  },
  {
    check: 'an input without a value deploys on the engines named',
    defect: (template) => withProperties({ id: 'free', type: 'Dropdown', choices: [{ name: 'A', value: 'a' }], binding: { type: 'zeebe:input', name: 'free' } })({ ...template, engines: { camunda: '^8.3' } }),
    expected: [{ severity: 'warning', property: 'free', message: 'may be left empty, which deploys only on Camunda 8.8+ but engines.camunda is ^8.3' }]
  },
  {
    check: 'a static input value reaches the connector unchanged',
    defect: withProperties({ id: 'path', type: 'Hidden', value: 'C:\\temp', binding: { type: 'zeebe:input', name: 'path' } }),
    expected: [{ severity: 'error', property: 'path', message: expect.stringMatching(/^value "C:\\temp" holds a backslash, which Zeebe reads as an escape/) as unknown as string }]
  },
  {
    check: 'free text refuses what the runtime would change',
    defect: withProperties({ id: 'note', type: 'Text', binding: { type: 'zeebe:input', name: 'note' }, constraints: { notEmpty: true } }),
    expected: [{ severity: 'warning', property: 'note', message: 'lets a user type static text the runtime changes (e.g. "rotate secrets.yaml"): add a constraints.pattern refusing backslashes and bare secrets.<name>' }]
  },
  {
    check: 'a preset id is declared once',
    defect: (template) => ({ ...template, presets: [{ id: 'p', properties: { mode: 'a' } }, { id: 'p', properties: { mode: 'b' } }], steps: [{ name: 'P', presetId: 'p' }] }),
    expected: [{ severity: 'error', message: 'preset "p" is declared twice' }]
  },
  {
    check: 'a preset sets existing properties',
    defect: (template) => ({ ...template, presets: [{ id: 'p', properties: { nothing: 'a' } }], steps: [{ name: 'P', presetId: 'p' }] }),
    expected: [{ severity: 'error', message: 'preset "p" sets property "nothing", which does not exist' }]
  },
  {
    check: 'a preset sets a dropdown to one of its choices',
    defect: (template) => ({ ...template, presets: [{ id: 'p', properties: { mode: 'z' } }], steps: [{ name: 'P', presetId: 'p' }] }),
    expected: [{ severity: 'error', property: 'mode', message: 'preset "p" sets "z", which is not one of the choices' }]
  },
  {
    check: 'a step applies an existing preset',
    defect: (template) => ({ ...template, steps: [{ name: 'Menu', steps: [{ name: 'Leaf', presetId: 'gone' }] }] }),
    expected: [{ severity: 'error', message: 'step "Menu > Leaf" applies preset "gone", which does not exist' }]
  },
  {
    check: 'every preset is applied by a step',
    defect: (template) => ({ ...template, presets: [{ id: 'p', properties: { mode: 'a' } }] }),
    expected: [{ severity: 'warning', message: 'preset "p" is applied by no step' }]
  }
];

describe('core/template/check - one invalid fixture per check', () => {
  it('starts from a template with no findings', () => {
    expect(checkTemplate(valid)).toEqual([]);
  });

  it.each(cases)('$check', ({ defect, expected }) => {
    expect(checkTemplate(defect(structuredClone(valid)))).toEqual(expected);
  });
});
