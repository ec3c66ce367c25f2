import { describe, expect, it } from 'vitest';
import { buildAnyTableTemplate, buildTemplate } from '../../../core/template/build-template';
import { checkTemplate } from '../../../core/template/check/check-template';
import { OPERATION_PROPERTY_ID, OPERATIONS } from '../../../core/template/operations';
import { pluralLabel, presetOperation } from '../../../core/template/presets';
import { serializeTemplate } from '../../../core/template/versioning';
import { CURATED_TABLES } from '../../../scripts/generate/curated-tables';
import { readSnapshot } from '../../../scripts/metadata/read-snapshot';
import { validateTemplateText } from '../../../scripts/validate/validate-templates';

const options = { idPrefix: 'community.servicenow', version: 1 };

describe('core/template - steps and presets', () => {
  it('offers one menu entry per operation, found by verb, table name, label and plural', async () => {
    // given
    const incident = (await readSnapshot()).tables.get('incident')!;

    // when
    const template = buildTemplate(incident, options);

    // then
    expect(template.steps?.map((step) => step.name)).toEqual(['Create Incident', 'Get Incident', 'Query Incidents', 'Update Incident', 'Delete Incident', 'Count Incidents']);
    for (const step of template.steps ?? []) expect(step.keywords).toEqual(expect.arrayContaining(['incident', 'incidents']));
    expect(template.steps?.[0]?.keywords).toContain('create');
    expect(template.steps?.[2]?.description).toBe('List the Incidents [incident] an encoded query selects, through the ServiceNow Table API.');
    // each preset sets the operation, and only it
    expect(template.presets).toEqual(OPERATIONS.map((operation) => ({ id: operation, properties: { [OPERATION_PROPERTY_ID]: operation } })));
    expect(template.steps?.map((step) => presetOperation(template.presets, step.presetId))).toEqual([...OPERATIONS]);
  });

  it('gives every curated table and the generic template valid steps (official schema, semantic checks)', async () => {
    // given
    const metadata = await readSnapshot();
    const templates = [...CURATED_TABLES.map((name) => buildTemplate(metadata.tables.get(name)!, options)), buildAnyTableTemplate(options)];

    // when
    const problems = templates.flatMap((template) => validateTemplateText(template.id, serializeTemplate(template)));

    // then
    expect(problems.filter((problem) => problem.severity === 'error' || /preset|step/.test(problem.message))).toEqual([]);
    expect(templates.at(-1)?.steps?.map((step) => step.name)).toEqual(['Create record', 'Get record', 'Query records', 'Update record', 'Delete record', 'Count records']);
  });

  it('reports steps whose preset is missing and presets that set unknown properties or values', () => {
    // given
    const template = buildAnyTableTemplate(options);
    template.steps = [...(template.steps ?? []), { name: 'Archive records', presetId: 'archive' }];
    template.presets = [...(template.presets ?? []), { id: 'bad', properties: { operation: 'archive', nothing: 'x' } }];

    // when
    const messages = checkTemplate(template).map((problem) => `${problem.severity}: ${problem.message}`);

    // then
    expect(messages).toEqual(expect.arrayContaining([
      'error: step "Archive records" applies preset "archive", which does not exist',
      'error: preset "bad" sets "archive", which is not one of the choices',
      'error: preset "bad" sets property "nothing", which does not exist',
      'warning: preset "bad" is applied by no step'
    ]));
  });

  it.each([
    ['Incident', 'Incidents'],
    ['Company', 'Companies'],
    ['Approval', 'Approvals'],
    ['Catalog Task', 'Catalog Tasks'],
    ['Business Process', 'Business Processes'],
    ['Task SLA', 'Task SLA records'],
    ['Delivery', 'Deliveries'],
    ['Key', 'Keys']
  ])('plural of %s is %s', (label, plural) => {
    expect(pluralLabel(label)).toBe(plural);
  });
});
