import { describe, expect, it } from 'vitest';
import { validateZeebe } from '../../../scripts/validate/zeebe-schema';
import { buildAnyTableTemplate, buildTemplate, ENGINES, TEMPLATE_SCHEMA } from '../../../core/template/build-template';
import { checkTemplate, MAX_ICON_BYTES } from '../../../core/template/check/check-template';
import type { ElementTemplate, TemplateProperty } from '../../../core/template/types';
import { field, incidentTable, oddTable } from './fixtures/tables';

const options = { idPrefix: 'com.example.sn', version: 3 };

function property(template: ElementTemplate, id: string): TemplateProperty {
  const found = template.properties.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no property ${id}`);
  return found;
}

describe('core/template - buildTemplate', () => {
  const templates = [buildTemplate(incidentTable(), options), buildTemplate(oddTable(), options), buildAnyTableTemplate(options)];

  it.each(templates.map((template) => [template.id, template] as const))('%s passes the official schema without warnings and every semantic check', (_, template) => {
    // when
    const schema = validateZeebe(template);

    // then
    expect(schema.errors ?? []).toEqual([]);
    expect(schema.warnings ?? []).toEqual([]);
    expect(checkTemplate(template)).toEqual([]);
  });

  it('is deterministic: the same table gives the same JSON', () => {
    expect(JSON.stringify(buildTemplate(incidentTable(), options))).toBe(JSON.stringify(buildTemplate(incidentTable(), options)));
  });

  it('names, versions and namespaces the template, with the unpinned schema and engines', () => {
    // when
    const template = buildTemplate(incidentTable(), options);

    // then
    expect(template).toMatchObject({ id: 'com.example.sn.incident', name: 'ServiceNow: Incident', version: 3, $schema: TEMPLATE_SCHEMA, engines: ENGINES });
    expect(template.$schema).not.toMatch(/@\d/);
    expect(template.keywords).toContain('incident');
    expect(template.documentationRef).toMatch(/^https:\/\//);
    expect(new TextEncoder().encode(template.icon?.contents ?? '').length).toBeLessThan(MAX_ICON_BYTES);
    expect(property(template, 'operation').choices?.map((choice) => choice.value)).toEqual(['create', 'get', 'query', 'update', 'delete', 'count']);
  });

  it('defaults every credential to a secret placeholder and never to a plain value', () => {
    // given
    const template = buildTemplate(incidentTable(), options);
    const credentials = ['authentication.username', 'authentication.password', 'authentication.token', 'authentication.clientId', 'authentication.clientSecret'];

    // then
    for (const id of credentials) expect(property(template, id).value).toMatch(/^\{\{secrets\.SERVICENOW_[A-Z_]+\}\}$/);
    // the choice's default (Basic) is stored empty; one Hidden input per choice gives the connector its type
    expect(property(template, 'authentication.type').choices?.map((choice) => choice.value)).toEqual(['', 'oauth-client-credentials-flow', 'bearer']);
    expect(template.properties.filter((candidate) => (candidate.binding as { name?: string }).name === 'authentication.type').map((candidate) => [candidate.type, candidate.value]))
      .toEqual([['Hidden', 'basic'], ['Hidden', 'oauth-client-credentials-flow'], ['Hidden', 'bearer']]);
  });

  it('offers writable columns only: no sys_ columns, no read-only or derived ones', () => {
    // when
    const ids = buildTemplate(incidentTable(), options).properties.map((candidate) => candidate.id ?? '');

    // then
    expect(ids).toContain('field.caller_id');
    expect(ids).toContain('field.u_cost');
    for (const column of ['sys_id', 'sys_created_on', 'number', 'priority']) expect(ids).not.toContain(`field.${column}`);
  });

  it('puts primary fields first in the open group, mandatory ones first, and the rest in the collapsed one', () => {
    // when
    const template = buildTemplate(incidentTable(), options);
    const fields = template.properties.filter((candidate) => /^field\.[a-z_]+$/.test(candidate.id ?? ''));

    // then
    // short_description is last on the form, but mandatory
    expect(fields.slice(0, 3).map((candidate) => candidate.id)).toEqual(['field.short_description', 'field.caller_id', 'field.category']);
    expect(fields.find((candidate) => candidate.id === 'field.caller_id')?.group).toBe('fields');
    expect(fields.find((candidate) => candidate.id === 'field.assigned_to')?.group).toBe('moreFields');
    expect(template.groups?.find((group) => group.id === 'moreFields')?.openByDefault).toBe(false);
  });

  it('gates the collapsed group on its toggle alone where the toggle already implies the operations, and on the operation too where it does not', () => {
    // when
    const template = buildTemplate(incidentTable(), options);

    // then: the toggle shows on Create and Update only; a column in the group on both needs no operation condition
    expect(property(template, 'moreFieldsShown').condition).toEqual({ property: 'operation', oneOf: ['create', '', 'update'] });
    expect(property(template, 'field.due_date').condition).toEqual({ property: 'moreFieldsShown', equals: 'shown' });
    // work_notes is Update's own field, in the collapsed group on Create only
    expect(property(template, 'field.work_notes').condition).toEqual({ allMatch: [{ property: 'operation', oneOf: ['create', ''] }, { property: 'moreFieldsShown', equals: 'shown' }] });
    expect(property(template, 'field.work_notes.update').condition).toEqual({ property: 'operation', equals: 'update' });
  });

  it('turns choice columns into dropdowns by label, with unset and other, without inactive choices', () => {
    // when
    const state = property(buildTemplate(incidentTable(), options), 'field.state');

    // then
    expect(state.type).toBe('Dropdown');
    expect(state.value).toBe('');
    expect(state.choices?.map((choice) => [choice.name, choice.value])).toEqual([
      ['(not set)', ''],
      ['New', '1'],
      ['In Progress', '2'],
      ['On Hold', '3'],
      ['Resolved', '6'],
      ['Closed', '7'],
      ['Other value or FEEL expression…', '__other__']
    ]);
  });

  it('keeps the other marker distinct from real choice values and labels with duplicates distinguishable', () => {
    // when
    const kind = property(buildTemplate(oddTable(), options), 'field.u_kind');

    // then
    expect(kind.choices?.map((choice) => choice.name)).toEqual(['(not set)', 'Other', 'A (a)', 'A (b)', 'Other value or FEEL expression…']);
    expect(kind.choices?.at(-1)?.value).toBe('___other___');
  });

  it('gives columns FEEL-safe variables that never collide', () => {
    // given
    const table = { ...oddTable(), fields: [...oddTable().fields, field('u_a-b', 'string'), field('u_a_b', 'string')] };

    // when
    const template = buildTemplate(table, options);

    // then
    expect(property(template, 'field.u_a-b').binding).toEqual({ type: 'zeebe:input', name: 'sn_f_u_a_x2d_b' });
    expect(property(template, 'field.u_a_b').binding).toEqual({ type: 'zeebe:input', name: 'sn_f_u_a_b' });
    expect(checkTemplate(template)).toEqual([]);
  });

  it('lists a choice value once, though dependent lists repeat it under several parents', () => {
    // when
    const detail = property(buildTemplate(oddTable(), options), 'field.u_detail');

    // then
    expect(detail.choices?.map((choice) => [choice.name, choice.value])).toEqual([['(not set)', ''], ['X of A', 'x'], ['Y', 'y'], ['Other value or FEEL expression…', '__other__']]);
    expect(detail.description).toBe('Choices depend on u_kind.');
  });

  it.each([
    ['field.caller_id', 'String', '6816f79cc0a8016401c5a33be04be441', 'not-a-sys-id'],
    ['field.reassignment_count', 'String', '-12', '1.5'],
    ['field.u_cost', 'String', '12.50', '12,50'],
    ['field.due_date', 'String', '2026-11-25 09:30:00', '2026-11-25T09:30:00Z'],
    ['field.opened_at', 'String', '2026-11-25', '25.11.2026']
  ])('checks %s by its type', (id, type, good, bad) => {
    // given
    const input = property(buildTemplate(incidentTable(), options), id);
    const pattern = input.constraints?.pattern;
    const regex = new RegExp(typeof pattern === 'string' ? pattern : (pattern?.value ?? '^$'));

    // then
    expect(input.type).toBe(type);
    expect(input.feel).toBe('optional');
    expect(regex.test(good)).toBe(true);
    expect(regex.test(bad)).toBe(false);
    expect(regex.test('')).toBe(true);
  });

  it('offers booleans as unset/true/false, limits text by max_length and gives long text a multi-line input', () => {
    // given
    const template = buildTemplate(incidentTable(), options);

    // then
    expect(property(template, 'field.active').choices?.map((choice) => choice.value)).toEqual(['', 'true', 'false']);
    expect(property(template, 'field.short_description').constraints?.maxLength).toBe(160);
    expect(property(template, 'field.description').type).toBe('Text');
  });

  it('says in the empty input which table a reference points to and which format a date takes, and describes plain fields not at all', () => {
    // given
    const template = buildTemplate(incidentTable(), options);

    // then
    expect(property(template, 'field.caller_id').placeholder).toBe('sys_id of a sys_user record');
    expect(property(template, 'field.due_date').placeholder).toBe('yyyy-MM-dd HH:mm:ss (UTC; with display values, the user\'s time zone)');
    for (const id of ['field.caller_id', 'field.due_date', 'field.short_description', 'field.description']) expect(property(template, id).description).toBeUndefined();
  });

  it('checks a reference field as a sys_id only while stored values are sent; with display values it takes a name, on the same input', () => {
    // given
    const template = buildTemplate(incidentTable(), options);
    const stored = property(template, 'field.caller_id');
    const display = property(template, 'field.caller_id.display');
    const pattern = (candidate: TemplateProperty) => {
      const constraint = candidate.constraints?.pattern;
      return new RegExp(typeof constraint === 'string' ? constraint : constraint?.value ?? '');
    };

    // then: one input, switched by "Values sent"
    expect(display.binding).toEqual(stored.binding);
    expect(JSON.stringify(stored.condition)).toContain('{"property":"sysparm_input_display_value","oneOf":["false",""]}');
    expect(JSON.stringify(display.condition)).toContain('{"property":"sysparm_input_display_value","equals":"true"}');
    expect(pattern(stored).test('Abel Tuter')).toBe(false);
    expect(pattern(display).test('Abel Tuter')).toBe(true);
    expect(display.placeholder).toBe('Display value of a sys_user record, e.g. its name');
    // declared before the inputs whose conditions name it
    expect(template.properties.findIndex((candidate) => candidate.id === 'sysparm_input_display_value')).toBeLessThan(template.properties.indexOf(stored));
  });

  it('takes additional fields as FEEL only, in a plain text area until the user types =', () => {
    // given
    const template = buildTemplate(incidentTable(), options);
    const input = property(template, 'additionalFields');
    const pattern = input.constraints?.pattern;
    const regex = new RegExp(typeof pattern === 'string' ? pattern : (pattern?.value ?? '(?!)'));

    // then: the Modeler skips patterns for FEEL values, so plain text is what the pattern sees
    expect(input.feel).toBe('optional');
    expect(regex.test('')).toBe(true);
    expect(regex.test('undefined')).toBe(true);
    expect(regex.test('{"u_cost_center": "CC1"}')).toBe(false);
  });

  it('takes password columns only as a secret placeholder or FEEL, so no password lands in the diagram', () => {
    // given: a table with a one-way and a two-way encrypted password column
    const table = { ...incidentTable(), fields: [...incidentTable().fields, field('u_pin', 'password'), field('u_api_key', 'password2')] };

    // when
    const template = buildTemplate(table, options);

    // then
    for (const id of ['field.u_pin', 'field.u_api_key']) {
      const input = property(template, id);
      const pattern = new RegExp(typeof input.constraints?.pattern === 'string' ? input.constraints.pattern : (input.constraints?.pattern?.value ?? '(?!)'));
      expect(pattern.test('{{secrets.SN_PIN}}')).toBe(true);
      expect(pattern.test('')).toBe(true);
      expect(pattern.test('hunter2')).toBe(false);
      expect(input.description).toContain('{{secrets.NAME}}');
      expect(input.value).toBeUndefined();
    }
  });

  it('requires mandatory columns on Create only', () => {
    // given
    const template = buildTemplate(incidentTable(), options);

    // then
    // the unset menu counts as its default, Create (one apply pass in the Modeler)
    expect(property(template, 'field.short_description')).toMatchObject({ condition: { property: 'operation', oneOf: ['create', ''] }, constraints: { notEmpty: true } });
    expect(property(template, 'field.short_description.update').condition).toEqual({ property: 'operation', equals: 'update' });
    expect(property(template, 'field.short_description.update').constraints?.notEmpty).toBeUndefined();
  });

  it('says on impact and urgency, in one short sentence each, that they set the derived priority', () => {
    // given
    const template = buildTemplate(incidentTable(), options);

    // then: each names the other source instead of repeating the same three-line reason
    expect(property(template, 'field.impact').description).toBe('Together with Urgency it sets Priority, which cannot be written.');
    expect(property(template, 'field.urgency').description).toBe('Together with Impact it sets Priority, which cannot be written.');
  });

  it('ships no placeholder values: every field input starts empty', () => {
    // when
    const fields = buildTemplate(incidentTable(), options).properties.filter((candidate) => candidate.id?.startsWith('field.'));

    // then
    expect(fields.length).toBeGreaterThan(15);
    for (const field of fields) expect([undefined, '']).toContain(field.value);
  });

  it('carries the table name and a compact field index in metadata.servicenow', () => {
    // when
    const metadata = buildTemplate(incidentTable(), options).metadata as { servicenow: { table: string; fields: Record<string, unknown> } };

    // then
    expect(metadata.servicenow.table).toBe('incident');
    expect(metadata.servicenow.fields.caller_id).toEqual(['reference', 'sys_user']);
    expect(metadata.servicenow.fields.state).toEqual(['integer', null, ['1', '2', '3', '6', '7', '99']]);
    expect(metadata.servicenow.fields.short_description).toBe('string');
  });

  it('makes the generic template take the table name, checked by a pattern, and the payload as FEEL', () => {
    // when
    const template = buildAnyTableTemplate(options);

    // then
    expect(template).toMatchObject({ id: 'com.example.sn.AnyTable', name: 'ServiceNow: Any table', metadata: { servicenow: { anyTable: true } } });
    const pattern = property(template, 'table').constraints?.pattern;
    expect(new RegExp(typeof pattern === 'string' ? pattern : (pattern?.value ?? '')).test('u_my_table')).toBe(true);
    expect(new RegExp(typeof pattern === 'string' ? pattern : (pattern?.value ?? '')).test('Incident; DROP')).toBe(false);
    expect(property(template, 'payload')).toMatchObject({ type: 'Text', feel: 'required' });
  });
});
