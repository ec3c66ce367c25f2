/**
 * The plugin's properties provider. Priority 200 (< 300): it runs after the
 * element templates provider, so it sees the template's entries and its own
 * group is not dropped on templated tasks. Middleware steps:
 * (1) a diagnostics entry after the query field, (2) a sys_id picker after
 * every sys_id field, (2b) a text filter over the shown "More fields", (3) the ServiceNow group (table picker, output helper)
 * on ServiceNow tasks and on plain service tasks only, (4) an autocomplete
 * after every query field.
 * It never drops or reorders groups it does not own.
 */
import type { Service, DiagramElement } from '../types/bpmn-js';
import { LazyOutputHelper } from '../output-mapping/LazyOutputHelper';
import { addQueryAutocomplete } from '../query-autocomplete/entries';
import { LazyQueryDiagnostics } from '../query-validation/LazyQueryDiagnostics';
import { LazyInputDiagnostics } from '../input-checks/LazyInputDiagnostics';
import { checkedInputs } from '../../lint/input-checks/check-task-inputs';
import { MoreFieldsFilter } from './MoreFieldsFilter';
import { filterMoreFields, moreFieldsFilterText } from './more-fields-filter';
import { MORE_FIELDS_TOGGLE_ID } from '../../core/template/table-fields';
import { annotatedInputEntryId, annotatedQueryEntryId, inputChecksEntryId, MORE_FIELDS_FILTER_ENTRY_ID, OUTPUT_HELPER_ENTRY_ID, queryDiagnosticsEntryId, SERVICENOW_GROUP_ID, sysIdPickerEntryId, TABLE_PICKER_ENTRY_ID } from '../../lint/diagram/entry-ids';
import { isInboundTemplate } from '../../core/inbound/template-kind';
import { sameBinding } from '../../core/template/rules/bindings';
import { isServiceNowTemplate, queryProperty, sysIdInputs } from '../../lint/diagram/servicenow-template';
import { LazySysIdPicker } from '../sys-id-picker/LazySysIdPicker';
import { LazyTablePicker } from '../table-picker/LazyTablePicker';
import type { ElementTemplate, TemplateProperty } from '../../core/template/types';

export const PROVIDER_PRIORITY = 200;
const TEMPLATE_GROUP_PREFIX = 'ElementTemplates__CustomProperties';

interface Entry { id: string; component?: unknown; property?: TemplateProperty; [key: string]: unknown }
interface Group { id: string; label: string; entries: Entry[]; [key: string]: unknown }

export class ServiceNowPropertiesProvider {
  static $inject = ['propertiesPanel', 'elementTemplates', 'eventBus'];
  private elementTemplates: Service;

  constructor(propertiesPanel: Service, elementTemplates: Service, eventBus: Service) {
    this.elementTemplates = elementTemplates;
    propertiesPanel.registerProvider(PROVIDER_PRIORITY, this);
    // Query problems are reported against the diagnostics entry; showing it means focusing the query field above it.
    eventBus.on('propertiesPanel.showEntry', ({ id }: { id?: string }) => {
      const fieldEntryId = id ? annotatedQueryEntryId(id) ?? annotatedInputEntryId(id) : undefined;
      if (fieldEntryId) eventBus.fire('propertiesPanel.showEntry', { id: fieldEntryId });
    });
  }

  getGroups(element: DiagramElement) {
    return (groups: Group[]) => {
      const template: ElementTemplate | undefined = this.elementTemplates.get(element) ?? undefined;
      const serviceNow = isServiceNowTemplate(template);
      if (!serviceNow && !isPlainServiceTask(element, template)) return groups;
      if (serviceNow) annotateTemplateEntries(groups, template);
      if (serviceNow) addMoreFieldsFilter(groups, element);
      if (serviceNow) addQueryAutocomplete(groups, template);
      // Events keep their own output mapping and cannot switch to a table template.
      if (isInboundTemplate(template)) return groups;
      insertAfter(groups, serviceNowGroup(serviceNow), ['ElementTemplates__Template', 'general']);
      return groups;
    };
  }
}

/**
 * Where the group helps besides ServiceNow tasks: a service task with no
 * template and no job type yet, i.e. not another connector's task (its
 * template would be replaced in one click) nor a job worker's.
 */
function isPlainServiceTask(element: DiagramElement, template: ElementTemplate | undefined): boolean {
  if (element.type !== 'bpmn:ServiceTask' || template) return false;
  const values: { $type: string; type?: string }[] = element.businessObject.extensionElements?.values ?? [];
  return !values.some((value) => value.$type === 'zeebe:TaskDefinition' && value.type);
}

/** Open on a ServiceNow task; collapsed on a plain task, where it is an offer. */
function serviceNowGroup(serviceNow: boolean): Group {
  const entries: Entry[] = [{ id: TABLE_PICKER_ENTRY_ID, component: LazyTablePicker }];
  if (serviceNow) entries.push({ id: OUTPUT_HELPER_ENTRY_ID, component: LazyOutputHelper });
  return { id: SERVICENOW_GROUP_ID, label: 'ServiceNow table', entries, shouldOpen: serviceNow };
}

/** (1) + (2): sibling entries right after the template fields they annotate. */
function annotateTemplateEntries(groups: Group[], template: ElementTemplate): void {
  const query = queryProperty(template);
  const sysIds = sysIdInputs(template);
  const checked = checkedInputs(template);
  for (const group of groups) {
    if (!group.id.startsWith(TEMPLATE_GROUP_PREFIX)) continue;
    group.entries = group.entries.flatMap((entry) => {
      const property = entry.property;
      if (!property) return [entry];
      if (query && sameProperty(property, query)) {
        return [entry, { id: queryDiagnosticsEntryId(entry.id), component: LazyQueryDiagnostics, queryEntryId: entry.id, property }];
      }
      const input = checked.find((each) => sameProperty(property, each.property));
      if (input) return [entry, { id: inputChecksEntryId(entry.id), component: LazyInputDiagnostics, inputEntryId: entry.id, property, kind: input.kind }];
      const sysId = sysIds.find((input) => sameProperty(property, input.property));
      if (sysId) {
        return [entry, { id: sysIdPickerEntryId(entry.id), component: LazySysIdPicker, property, ...(sysId.referencedTable ? { referencedTable: sysId.referencedTable } : {}) }];
      }
      return [entry];
    });
  }
}

/** (2b): after the toggle of the collapsed group, once it shows the fields. */
function addMoreFieldsFilter(groups: Group[], element: DiagramElement): void {
  const group = groups.find((each) => each.id === `${TEMPLATE_GROUP_PREFIX}-moreFields`);
  const toggle = group?.entries.findIndex((entry) => entry.property?.id === MORE_FIELDS_TOGGLE_ID) ?? -1;
  if (!group || toggle < 0 || !group.entries.some((entry) => entry.property?.id?.startsWith('field.'))) return;
  const filtered = filterMoreFields(group.entries.slice(toggle + 1), moreFieldsFilterText(element));
  group.entries = [...group.entries.slice(0, toggle + 1), { id: MORE_FIELDS_FILTER_ENTRY_ID, component: MoreFieldsFilter }, ...filtered];
}

function sameProperty(a: TemplateProperty, b: TemplateProperty): boolean {
  return a === b || (a.id !== undefined && a.id === b.id && sameBinding(a.binding, b.binding));
}

function insertAfter(groups: Group[], group: Group, anchors: string[]): void {
  for (const anchor of anchors) {
    const index = groups.findIndex((each) => each.id === anchor);
    if (index >= 0) {
      groups.splice(index + 1, 0, group);
      return;
    }
  }
  groups.push(group);
}
