/**
 * Tasks that call ServiceNow's Table API through Camunda's REST connector
 * (job type `io.camunda:http-json:1`, with its element template or without
 * one) rather than a ServiceNow template: the query is the `sysparm_query`
 * entry of the `queryParameters` FEEL context, the table the literal path
 * segment after `/api/now/table/` in the `url` input. Only a GET reads with
 * the query (the Table API ignores it on POST, PATCH and DELETE); a method
 * computed in FEEL may be one.
 */
import { sysparmQueryEntry } from '../../core/inbound/record-query';
import { extensionValues, getInputValue, type ModdleElement } from './zeebe';

const REST_JOB_TYPE = 'io.camunda:http-json:1';
const TABLE_API = /\/api\/now\/(?:v\d+\/)?table\//;
/** A table name written in the URL; `/api/now/table/" + tableVar` names none. */
const TABLE_IN_URL = /\/api\/now\/(?:v\d+\/)?table\/([A-Za-z0-9_]+)(?=$|[?/#"])/;

export interface RestTableQuery {
  /** The whole `queryParameters` value. */
  value: string;
  table?: string;
}

/** The Table API query of a REST connector task, or undefined for any other task. */
export function restTableQuery(bo: ModdleElement): RestTableQuery | undefined {
  if (extensionValues(bo, 'zeebe:TaskDefinition')?.get('type') !== REST_JOB_TYPE) return undefined;
  const method = getInputValue(bo, 'method');
  if (method && !method.startsWith('=') && method.trim().toUpperCase() !== 'GET') return undefined;
  const url = getInputValue(bo, 'url');
  const value = getInputValue(bo, 'queryParameters');
  if (!url || !TABLE_API.test(url) || !value || !sysparmQueryEntry(value)) return undefined;
  const table = TABLE_IN_URL.exec(url)?.[1];
  return { value, ...(table ? { table } : {}) };
}
