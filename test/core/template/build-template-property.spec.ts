/**
 * Property test: any table shape the loader can produce (types, choice lists
 * with duplicate or empty values, mandatory and read-only columns, odd
 * labels) gives a template that passes the official schema and every check,
 * and whose Create sends exactly the columns that were set.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Field, Table } from '../../../core/metadata/model';
import { buildTemplate } from '../../../core/template/build-template';
import { checkTemplate } from '../../../core/template/check/check-template';
import { isOfferedForWriting } from '../../../core/template/field-kinds';
import { validateZeebe } from '../../../scripts/validate/zeebe-schema';
import { proveRequest } from '../../helpers/request-proof';
import { sample } from './fixtures/sample-values';

const TYPES = ['string', 'integer', 'decimal', 'boolean', 'reference', 'glide_date_time', 'glide_date', 'glide_time', 'glide_duration', 'glide_list', 'journal_input', 'html', 'GUID', 'currency', 'email', 'url', 'some_unknown_type'];

const choiceArbitrary = fc.record({
  value: fc.oneof(fc.constantFrom('', '1', '2', '__other__', 'a b', 'x"y'), fc.string({ maxLength: 6 })),
  label: fc.oneof(fc.constant(''), fc.string({ maxLength: 12 })),
  inactive: fc.boolean()
});

const fieldArbitrary = fc.record({
  element: fc.stringMatching(/^[a-z][a-z0-9_-]{0,12}$/),
  label: fc.string({ maxLength: 20 }),
  internalType: fc.constantFrom(...TYPES),
  maxLength: fc.option(fc.integer({ min: 1, max: 65536 }), { nil: undefined }),
  mandatory: fc.boolean(),
  readOnly: fc.boolean(),
  choices: fc.array(choiceArbitrary, { maxLength: 6 }),
  choiceMode: fc.constantFrom(0, 1, 2, 3),
  writable: fc.boolean(),
  reference: fc.option(fc.constantFrom('sys_user', 'cmn_location', 'u_thing'), { nil: undefined })
});

const tableArbitrary = fc
  .record({
    name: fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/),
    label: fc.string({ maxLength: 20 }),
    fields: fc.uniqueArray(fieldArbitrary, { selector: (field) => field.element, maxLength: 12 })
  })
  .map(({ name, label, fields }): Table => ({
    name,
    label: label || name,
    hierarchy: [name],
    abstract: false,
    fields: fields.map((field): Field => ({ ...field, label: field.label || field.element, definedOn: name })).sort((a, b) => (a.element < b.element ? -1 : 1)),
    primaryFields: fields.slice(0, 3).map((field) => field.element)
  }));

describe('core/template - buildTemplate over arbitrary tables', () => {
  it('always passes the official schema and the semantic checks', () => {
    fc.assert(
      fc.property(tableArbitrary, (table) => {
        const template = buildTemplate(table, { idPrefix: 'p', version: 1 });
        const schema = validateZeebe(template);
        expect(schema.errors ?? []).toEqual([]);
        expect(schema.warnings ?? []).toEqual([]);
        expect(checkTemplate(template)).toEqual([]);
      }),
      { numRuns: 60 }
    );
  });

  it('sends exactly the columns that were set on Create', () => {
    fc.assert(
      fc.property(tableArbitrary, (table) => {
        // given: every writable column set to a valid value
        const writable = table.fields.filter(isOfferedForWriting).filter((field) => sample(field)[0] !== '');
        const template = buildTemplate(table, { idPrefix: 'p', version: 1 });
        // The collapsed group's fields are set with its toggle on (there is none when every field is primary).
        const hasToggle = template.properties.some((property) => property.id === 'moreFieldsShown');
        const values: Record<string, unknown> = { instanceUrl: 'https://dev1.service-now.com', ...(hasToggle ? { moreFieldsShown: 'shown' } : {}) };
        for (const field of writable) values[`field.${field.element}`] = sample(field)[0];
        const unsetMandatory = table.fields.filter((field) => field.mandatory && isOfferedForWriting(field) && sample(field)[0] === '');
        fc.pre(unsetMandatory.length === 0);

        // when
        const request = proveRequest(template, values, { secrets: { SERVICENOW_USERNAME: 'u', SERVICENOW_PASSWORD: 'p' } });

        // then
        expect(request.body).toEqual(Object.fromEntries(writable.map((field) => [field.element, sample(field)[1]])));
        expect(request.url).toBe(`https://dev1.service-now.com/api/now/table/${table.name}`);
      }),
      { numRuns: 60 }
    );
  });
});
