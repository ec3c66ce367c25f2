/**
 * The properties provider's middleware on the groups bpmn-js-properties-panel
 * hands it: which entries it adds where, on which elements, and that it
 * leaves other groups alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PROVIDER_PRIORITY, ServiceNowPropertiesProvider } from '../../../client/properties/ServiceNowPropertiesProvider';
import type { DiagramElement } from '../../../client/types/bpmn-js';
import type { ElementTemplate, TemplateProperty } from '../../../core/template/types';

// The entry components render in the panel (browser tests); here they are only the values the provider places.
vi.mock('../../../client/table-picker/LazyTablePicker', () => ({ LazyTablePicker: 'LazyTablePicker' }));
vi.mock('../../../client/output-mapping/LazyOutputHelper', () => ({ LazyOutputHelper: 'LazyOutputHelper' }));
vi.mock('../../../client/query-validation/LazyQueryDiagnostics', () => ({ LazyQueryDiagnostics: 'LazyQueryDiagnostics' }));
vi.mock('../../../client/sys-id-picker/LazySysIdPicker', () => ({ LazySysIdPicker: 'LazySysIdPicker' }));
vi.mock('../../../client/query-autocomplete/LazyQueryAutocomplete', () => ({ LazyQueryAutocomplete: 'LazyQueryAutocomplete' }));
vi.mock('../../../client/input-checks/LazyInputDiagnostics', () => ({ LazyInputDiagnostics: 'LazyInputDiagnostics' }));
vi.mock('../../../client/properties/MoreFieldsFilter', () => ({ MoreFieldsFilter: 'MoreFieldsFilter' }));

const read = (name: string) => JSON.parse(readFileSync(join(__dirname, '../../../templates', name), 'utf8')) as ElementTemplate;
const incident = read('servicenow-incident.json');
const inbound = read('servicenow-incident-event-intermediate.json');

interface Group { id: string; label: string; entries: { id: string; property?: TemplateProperty; [key: string]: unknown }[]; [key: string]: unknown }

function provider(template: ElementTemplate | undefined) {
  const registered: [number, unknown][] = [];
  const listeners = new Map<string, ((event: { id?: string }) => void)[]>();
  const fired: [string, unknown][] = [];
  const eventBus = {
    on: (name: string, listener: (event: { id?: string }) => void) => listeners.set(name, [...(listeners.get(name) ?? []), listener]),
    fire: (name: string, event: { id?: string }) => { fired.push([name, event]); }
  };
  const instance = new ServiceNowPropertiesProvider({ registerProvider: (priority: number, each: unknown) => registered.push([priority, each]) }, { get: () => template }, eventBus);
  return { instance, registered, listeners, fired };
}

const task = (type = 'bpmn:ServiceTask', values: unknown[] = []): DiagramElement => ({ id: 'Task_1', type, businessObject: { $type: type, get: () => undefined, extensionElements: { values } } });
const property = (template: ElementTemplate, id: string) => template.properties.find((each) => each.id === id)!;
const ids = (groups: Group[]) => groups.map((group) => [group.id, group.entries.map((entry) => entry.id)]);

function templateGroups(template: ElementTemplate, entries: [string, string][]): Group[] {
  return [
    { id: 'general', label: 'General', entries: [{ id: 'name' }] },
    { id: 'ElementTemplates__Template', label: 'Template', entries: [{ id: 'template-name' }] },
    { id: 'ElementTemplates__CustomProperties-operation', label: 'Operation', entries: entries.map(([entryId, propertyId]) => ({ id: entryId, property: property(template, propertyId) })) }
  ];
}

describe('client/properties - ServiceNowPropertiesProvider', () => {
  it('registers after the element templates provider (priority below 300)', () => {
    const { instance, registered } = provider(undefined);
    expect(registered).toEqual([[PROVIDER_PRIORITY, instance]]);
    expect(PROVIDER_PRIORITY).toBeLessThan(300);
  });

  it('on a ServiceNow task: diagnostics and autocomplete after the query field, a picker after the sys_id field, its open group after the template group', () => {
    // given
    const groups = templateGroups(incident, [['custom-entry-q', 'sysparm_query'], ['custom-entry-s', 'sysId'], ['custom-entry-i', 'instanceUrl']]);

    // when
    const result = provider(incident).instance.getGroups(task())(groups) as Group[];

    // then
    expect(ids(result)).toEqual([
      ['general', ['name']],
      ['ElementTemplates__Template', ['template-name']],
      ['servicenow', ['servicenow-table', 'servicenow-output-sysid']],
      ['ElementTemplates__CustomProperties-operation', ['custom-entry-q', 'custom-entry-q-servicenow-diagnostics', 'custom-entry-q-servicenow-autocomplete', 'custom-entry-s', 'custom-entry-s-servicenow-sysid-picker', 'custom-entry-i']]
    ]);
    expect(result.find((group) => group.id === 'servicenow')).toMatchObject({ label: 'ServiceNow table', shouldOpen: true });
    expect(result[3]!.entries[1]).toMatchObject({ component: 'LazyQueryDiagnostics', queryEntryId: 'custom-entry-q', property: property(incident, 'sysparm_query') });
    expect(result[3]!.entries[2]).toMatchObject({ component: 'LazyQueryAutocomplete', queryEntryId: 'custom-entry-q' });
    expect(result[3]!.entries[4]).toMatchObject({ component: 'LazySysIdPicker', property: property(incident, 'sysId') });
    expect(result[2]!.entries.map((entry) => entry['component'])).toEqual(['LazyTablePicker', 'LazyOutputHelper']);
  });

  it('on a plain service task: only the table picker, collapsed, after the general group', () => {
    const groups: Group[] = [{ id: 'general', label: 'General', entries: [] }, { id: 'other', label: 'Other', entries: [] }];
    const result = provider(undefined).instance.getGroups(task())(groups) as Group[];
    expect(ids(result)).toEqual([['general', []], ['servicenow', ['servicenow-table']], ['other', []]]);
    expect(result[1]).toMatchObject({ shouldOpen: false });
  });

  it("leaves another connector's or a job worker's task and non-service tasks untouched", () => {
    const groups = (): Group[] => [{ id: 'general', label: 'General', entries: [] }];
    const other: ElementTemplate = { id: 'io.camunda.connectors.HttpJson.v2', name: 'REST', appliesTo: ['bpmn:Task'], properties: [{ type: 'Hidden', value: 'io.camunda:http-json:1', binding: { type: 'zeebe:taskDefinition', property: 'type' } }] };
    expect(ids(provider(other).instance.getGroups(task())(groups()) as Group[])).toEqual([['general', []]]);
    expect(ids(provider(undefined).instance.getGroups(task('bpmn:ServiceTask', [{ $type: 'zeebe:TaskDefinition', type: 'worker' }]))(groups()) as Group[])).toEqual([['general', []]]);
    expect(ids(provider(undefined).instance.getGroups(task('bpmn:UserTask'))(groups()) as Group[])).toEqual([['general', []]]);
  });

  it('on a ServiceNow event: annotates its fields but adds no table group', () => {
    const query = inbound.properties.find((each) => each.binding.type === 'zeebe:property' && each.type !== 'Hidden' && /query/i.test(each.id ?? ''));
    const groups: Group[] = [{ id: 'ElementTemplates__CustomProperties-x', label: 'X', entries: query ? [{ id: 'custom-entry-q', property: query }] : [] }];
    const result = provider(inbound).instance.getGroups(task('bpmn:IntermediateCatchEvent'))(groups) as Group[];
    expect(result.map((group) => group.id)).toEqual(['ElementTemplates__CustomProperties-x']);
  });

  it('shows the query field when the Problems panel asks for its diagnostics entry', () => {
    // given
    const { listeners, fired } = provider(incident);
    const [showEntry] = listeners.get('propertiesPanel.showEntry') ?? [];

    // when
    showEntry?.({ id: 'custom-entry-q-servicenow-diagnostics' });
    showEntry?.({ id: 'custom-entry-other' });

    // then
    expect(fired).toEqual([['propertiesPanel.showEntry', { id: 'custom-entry-q' }]]);
  });
});
