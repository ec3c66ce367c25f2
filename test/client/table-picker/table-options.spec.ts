import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filterOptions, tableOptions } from '../../../client/table-picker/table-options';
import type { ElementTemplate } from '../../../core/template/types';

const root = join(__dirname, '../../..');
const ours = readdirSync(join(root, 'templates')).filter((file) => file.endsWith('.json'))
  .flatMap((file) => [JSON.parse(readFileSync(join(root, 'templates', file), 'utf8'))].flat()) as ElementTemplate[];
const officialDir = join(root, 'node_modules/@camunda/connectors-element-templates/src/element-templates');
const official = ['servicenow-connector.json', 'servicenow-incident-connector.json', 'servicenow-flow-starter-connector.json']
  .flatMap((file) => JSON.parse(readFileSync(join(officialDir, file), 'utf8'))) as ElementTemplate[];

describe('client/table-picker - table-options', () => {
  it('offers each table of our templates once, from the latest version', () => {
    // when
    const options = tableOptions(ours, []);

    // then
    const incident = options.filter((option) => option.table === 'incident');
    expect(incident).toHaveLength(1);
    expect(incident[0]?.template.id).toBe('community.servicenow.incident');
    expect(incident[0]?.viaGeneric).toBe(false);
  });

  it('finds a catalog item\'s order template by the item\'s name', () => {
    // when
    const found = filterOptions(tableOptions(ours, []), 'laptop');

    // then
    expect(found.map((option) => [option.table, option.label, option.template.id, option.catalogItem])).toEqual([
      ['sc_cat_item', 'Order: Laptop Request', 'community.servicenow.CatalogItem.laptop_request', 'Laptop Request']
    ]);
  });

  it('offers snapshot tables without a template through the generic template', () => {
    // when
    const options = tableOptions(ours, [{ name: 'u_custom', label: 'Custom' }, { name: 'incident', label: 'Incident' }]);

    // then
    expect(options.filter((option) => option.table === 'u_custom').map((option) => [option.template.id, option.viaGeneric, option.label]))
      .toEqual([['community.servicenow.AnyTable', true, 'Custom']]);
    expect(options.filter((option) => option.table === 'incident' && option.viaGeneric)).toEqual([]);
  });

  it('offers the official templates: incident fixed, the generic one per table of its dropdown, not the inbound flow starter', () => {
    // when
    const options = tableOptions(official, []);

    // then
    expect(options.filter((option) => !option.viaGeneric).map((option) => [option.table, option.template.id])).toEqual([['incident', 'io.camunda.connectors.ServiceNowIncident.v1']]);
    expect(options.filter((option) => option.viaGeneric).map((option) => option.table)).toEqual(['change_request', 'change_task', 'incident', 'sc_req_item', 'sc_request', 'sc_task']);
    expect(options.some((option) => option.template.id.includes('Flow'))).toBe(false);
  });

  it('finds tables by name or label, every word, name prefixes first', () => {
    // given
    const options = tableOptions(ours, [{ name: 'sc_req_item', label: 'Requested Item' }]);

    // then
    expect(filterOptions(options, 'requested item').map((option) => option.table)).toEqual(['sc_req_item']);
    expect(filterOptions(options, 'INCIDENT').map((option) => option.table)).toEqual(['incident', 'incident_task']);
    expect(filterOptions(options, 'no such table')).toEqual([]);
  });

  it('lists our templates before the official ones, typed or not', () => {
    // given
    const options = tableOptions([...official, ...ours], []);

    // when
    const typed = filterOptions(options, 'incident');
    const all = filterOptions(options, '');

    // then
    expect(typed[0]?.template.id).toBe('community.servicenow.incident');
    for (const list of [typed, all]) {
      const firstOfficial = list.findIndex((option) => option.official);
      expect(firstOfficial).toBeGreaterThan(0);
      expect(list.slice(firstOfficial).every((option) => option.official)).toBe(true);
    }
  });
});
