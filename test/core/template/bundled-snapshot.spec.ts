import { beforeAll, describe, expect, it } from 'vitest';
import type { Field, Table } from '../../../core/metadata/model';
import { buildTemplate } from '../../../core/template/build-template';
import { checkTemplate } from '../../../core/template/check/check-template';
import { isOfferedForWriting } from '../../../core/template/field-kinds';
import { OPERATIONS, OPERATION_HTTP } from '../../../core/template/operations';
import type { ElementTemplate } from '../../../core/template/types';
import { CURATED_TABLES } from '../../../scripts/generate/curated-tables';
import { readSnapshot } from '../../../scripts/metadata/read-snapshot';
import { validateZeebe } from '../../../scripts/validate/zeebe-schema';
import { proveRequest } from '../../helpers/request-proof';
import { SYS_ID, sample } from './fixtures/sample-values';

const secrets = { SERVICENOW_USERNAME: 'u', SERVICENOW_PASSWORD: 'p' };

let tables: Table[] = [];
const templates = new Map<string, ElementTemplate>();

beforeAll(async () => {
  // The tables that ship (templates/); the snapshot holds every SDK table, --all builds the others on request.
  const metadata = await readSnapshot();
  tables = CURATED_TABLES.map((name) => metadata.tables.get(name)).filter((table): table is Table => table !== undefined && !table.abstract);
  for (const table of tables) templates.set(table.name, buildTemplate(table, { idPrefix: 'community.servicenow', version: 1 }));
});

describe('core/template - templates of the bundled snapshot', () => {
  it('covers the ITSM tables', () => {
    expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(['incident', 'sc_req_item', 'change_request', 'problem']));
  });

  it('every template passes the official schema without warnings and every semantic check', () => {
    for (const [name, template] of templates) {
      const schema = validateZeebe(template);
      expect({ name, errors: schema.errors ?? [], warnings: schema.warnings ?? [], problems: checkTemplate(template) }).toEqual({ name, errors: [], warnings: [], problems: [] });
    }
  });

  it('every operation of every template sends the documented request', () => {
    for (const table of tables) {
      const template = templates.get(table.name) as ElementTemplate;
      for (const operation of OPERATIONS) {
        const values: Record<string, unknown> = { instanceUrl: 'https://dev1.service-now.com', operation };
        if (!['create', 'query', 'count'].includes(operation)) values.sysId = SYS_ID;
        if (operation === 'create') for (const field of table.fields.filter((candidate) => candidate.mandatory && isOfferedForWriting(candidate))) values[`field.${field.element}`] = sample(field)[0];
        const request = proveRequest(template, values, { secrets });
        expect([table.name, operation, request.method, request.url, request.warnings]).toEqual([
          table.name,
          operation,
          OPERATION_HTTP[operation].method,
          `https://dev1.service-now.com${OPERATION_HTTP[operation].api}${table.name}${values.sysId ? `/${SYS_ID}` : ''}`,
          []
        ]);
      }
    }
  });

  it('a Create setting every writable column sends each one, under its own name, and nothing else', () => {
    for (const table of tables) {
      // given
      const writable = table.fields.filter(isOfferedForWriting).filter((field) => sample(field)[0] !== '');
      // The collapsed group's fields are set with its toggle on, as a user must.
      const values: Record<string, unknown> = { instanceUrl: 'https://dev1.service-now.com', moreFieldsShown: 'shown' };
      for (const field of writable) values[`field.${field.element}`] = sample(field)[0];

      // when
      const request = proveRequest(templates.get(table.name) as ElementTemplate, values, { secrets });

      // then
      expect(request.body).toEqual(Object.fromEntries(writable.map((field) => [field.element, sample(field)[1]])));
    }
  });

  it('an Update setting one column sends that one column', () => {
    for (const table of tables) {
      const field = table.fields.find(isOfferedForWriting) as Field;
      const request = proveRequest(templates.get(table.name) as ElementTemplate, { instanceUrl: 'https://dev1.service-now.com', operation: 'update', sysId: SYS_ID, moreFieldsShown: 'shown', [`field.${field.element}`]: sample(field)[0] }, { secrets });
      expect([table.name, request.body]).toEqual([table.name, { [field.element]: sample(field)[1] }]);
    }
  });

  it('incident offers impact and urgency, says they set priority, and does not offer priority', () => {
    // given
    const incident = templates.get('incident') as ElementTemplate;
    const ids = incident.properties.map((property) => property.id);

    // then
    expect(ids).not.toContain('field.priority');
    for (const id of ['field.impact', 'field.urgency']) expect(incident.properties.find((property) => property.id === id)?.description).toMatch(/priority/i);
  });
});
