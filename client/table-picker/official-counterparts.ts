/**
 * What our templates and Camunda's official ServiceNow template call by
 * different names, for a table switch between the two: the operation (ours:
 * create/get/query/update/delete; official: create/read/update/delete, read
 * with or without a sys_id), the instance (ours: a name, a URL or a secret holding
 * the URL; official: the bare instance name, "Enter only the instance name from your ServiceNow URL"),
 * the record's sys_id (official: one input per operation), the query; and
 * our field values become the official payload, a FEEL context of column
 * values.
 */
import type { ElementTemplate, TemplateProperty } from '../../core/template/types';
import { isOfficialTemplate } from '../../lint/diagram/servicenow-template';
import { propertyValue } from '../../lint/diagram/template-values';
import type { ModdleElement } from '../../lint/diagram/zeebe';
import type { FieldValue } from './carry-fields';

const OUR_OPERATION = 'operation';
const OFFICIAL_OPERATION = 'operationGroup';
const OFFICIAL_SYS_ID: Record<string, string> = { read: 'readTarget', update: 'updateTarget', delete: 'deleteTarget' };
const SERVICE_NOW_HOST = /^https:\/\/([a-z0-9-]+)\.service-now\.com\/?$/i;
const BARE_NAME = /^[a-z0-9][a-z0-9-]*$/i;

export interface Counterpart {
  /** Property id in the new template. */
  id: string;
  value: string;
  label: string;
}

/** The old task's values under the new template's names, in the order to write them (operation first: the others depend on it). */
export function counterparts(oldTemplate: ElementTemplate, newTemplate: ElementTemplate, bo: ModdleElement): Counterpart[] {
  const toOfficial = !isOfficialTemplate(oldTemplate) && isOfficialTemplate(newTemplate);
  const fromOfficial = isOfficialTemplate(oldTemplate) && !isOfficialTemplate(newTemplate);
  if (!toOfficial && !fromOfficial) return [];
  const value = (id: string) => {
    const property = oldTemplate.properties.find((each) => each.id === id);
    const found = property ? propertyValue(bo, property) : undefined;
    return typeof found === 'string' ? found : '';
  };
  const out: Counterpart[] = [];
  const add = (id: string, found: string, label: string) => { if (found) out.push({ id, value: found, label }); };
  if (toOfficial) {
    const operation = value(OUR_OPERATION);
    const official = operation === 'get' || operation === 'query' ? 'read' : operation;
    add(OFFICIAL_OPERATION, official, 'Operation');
    add('snInstance', instanceName(value('instanceUrl')), 'Instance');
    if (operation !== 'query' && OFFICIAL_SYS_ID[official]) add(OFFICIAL_SYS_ID[official] as string, value('sysId'), 'sys_id');
    if (operation === 'query') add('sysparm_query', value('sysparm_query'), 'Encoded query');
  } else {
    const official = value(OFFICIAL_OPERATION) || 'create';
    const sysId = OFFICIAL_SYS_ID[official] ? value(OFFICIAL_SYS_ID[official] as string) : '';
    add(OUR_OPERATION, official === 'read' ? (sysId ? 'get' : 'query') : official, 'Operation');
    add('instanceUrl', instanceUrl(value('snInstance')), 'Instance');
    add('sysId', sysId, 'sys_id');
    if (official === 'read' && !sysId) add('sysparm_query', value('sysparm_query'), 'Encoded query');
  }
  return out;
}

/**
 * Our instance (a bare name, a URL, a secret holding the URL, FEEL) as the
 * official bare name: `https://dev12345.service-now.com` → `dev12345`; FEEL
 * passes; a secret holding a URL, or another host, has no bare name.
 */
export function instanceName(instance: string): string {
  if (instance.startsWith('=') || BARE_NAME.test(instance)) return instance;
  return SERVICE_NOW_HOST.exec(instance.trim())?.[1] ?? '';
}

/** The official instance for ours: our templates take the bare name (and FEEL) as they are. */
export function instanceUrl(name: string): string {
  return name.startsWith('=') || BARE_NAME.test(name) ? name : '';
}

/** The official payload property of a table, when the official template has one for it. */
export function officialPayload(template: ElementTemplate, table: string): TemplateProperty | undefined {
  return template.properties.find((property) => property.id === `payload_${table}`) ?? template.properties.find((property) => property.id === 'payload___custom');
}

/** Field values as the official payload: a FEEL context, plain values as strings, FEEL values as they are. */
export function payloadOf(values: readonly FieldValue[]): string {
  const entries = values.map(({ field, value }) => `  "${field}": ${value.startsWith('=') ? `(${value.slice(1)})` : JSON.stringify(value)}`);
  return `={\n${entries.join(',\n')}\n}`;
}
