/**
 * Tasks that call ServiceNow's Table API through Camunda's REST connector
 * (job type `io.camunda:http-json:1`, with its element template or without
 * one) rather than a ServiceNow template: the query is the `sysparm_query`
 * entry of the `queryParameters` FEEL context, or the `sysparm_query`
 * parameter written in the `url` input itself; the table the literal path
 * segment after `/api/now/table/` in the URL. Only a GET reads with the query
 * (the Table API ignores it on POST, PATCH and DELETE); a method computed in
 * FEEL may be one.
 */
import { sysparmQueryEntry } from '../../core/inbound/record-query';
import { hasUrlQuery } from '../../core/query';
import { extensionValues, getInputValue, type ModdleElement } from './zeebe';

const REST_JOB_TYPE = 'io.camunda:http-json:1';
const TABLE_API = /\/api\/now\/(?:v\d+\/)?table\//;
/** A table name written in the URL; `/api/now/table/" + tableVar` names none. */
const TABLE_IN_URL = /\/api\/now\/(?:v\d+\/)?table\/([A-Za-z0-9_]+)(?=$|[?/#"])/;

export interface RestTableQuery {
  table?: string;
  /** The whole `queryParameters` value, when it has a `sysparm_query` entry. */
  parameters?: string;
  /** The whole `url` value, when its query string has `sysparm_query`. */
  url?: string;
}

/** The Table API query of a REST connector task, or undefined for any other task. */
export function restTableQuery(bo: ModdleElement): RestTableQuery | undefined {
  if (extensionValues(bo, 'zeebe:TaskDefinition')?.get('type') !== REST_JOB_TYPE) return undefined;
  const method = getInputValue(bo, 'method');
  if (method && !method.startsWith('=') && method.trim().toUpperCase() !== 'GET') return undefined;
  const url = getInputValue(bo, 'url');
  if (!url || !TABLE_API.test(url)) return undefined;
  const parameters = getInputValue(bo, 'queryParameters');
  const inParameters = parameters !== undefined && sysparmQueryEntry(parameters) !== undefined;
  const inUrl = hasUrlQuery(url);
  if (!inParameters && !inUrl) return undefined;
  const table = TABLE_IN_URL.exec(url)?.[1];
  return { ...(table ? { table } : {}), ...(inParameters ? { parameters } : {}), ...(inUrl ? { url } : {}) };
}
