/**
 * Tasks that call ServiceNow's Table API through Camunda's REST connector
 * (job type `io.camunda:http-json:1`, with its element template or without
 * one) rather than a ServiceNow template: the query is the `sysparm_query`
 * entry of the `queryParameters` FEEL context, or the `sysparm_query`
 * parameter written in the `url` input itself; the table the literal path
 * segment after `/api/now/table/` in the URL. A URL written in FEEL is read
 * as the strings it joins (`=baseUrl + "/api/now/table/" + "incident"` names
 * incident; `... + tableName` names none). Only a GET reads with the query
 * (the Table API ignores it on POST, PATCH and DELETE); a method computed in
 * FEEL may be one.
 */
import { joinedText } from '../../core/feel/concatenation';
import type { FeelParser } from '../../core/feel/tree';
import { sysparmQueryEntry } from '../../core/inbound/record-query';
import { hasUrlQuery } from '../../core/query';
import { OPAQUE } from '../../core/query/scan';
import { extensionValues, getInputValue, type ModdleElement } from './zeebe';

const REST_JOB_TYPE = 'io.camunda:http-json:1';
const TABLE_API = /\/api\/now\/(?:v\d+\/)?table\//;
/**
 * A table name written in the URL, up to where its path segment ends: a part
 * known only at runtime (OPAQUE) right after it may continue the name. A FEEL
 * URL read as written (no FEEL grammar at hand) ends the name at a quote.
 */
const TABLE_IN_URL = /\/api\/now\/(?:v\d+\/)?table\/([A-Za-z0-9_]+)(?=$|[?/#"])/;

export interface RestTableQuery {
  table?: string;
  /** The whole `queryParameters` value, when it has a `sysparm_query` entry. */
  parameters?: string;
  /** The whole `url` value, when its query string has `sysparm_query`. */
  url?: string;
}

/**
 * The Table API query of a REST connector task, or undefined for any other
 * task. `feel` reads a FEEL URL's literals (the plugin has it once its FEEL
 * chunk has arrived).
 */
export function restTableQuery(bo: ModdleElement, feel?: FeelParser): RestTableQuery | undefined {
  if (extensionValues(bo, 'zeebe:TaskDefinition')?.get('type') !== REST_JOB_TYPE) return undefined;
  const method = getInputValue(bo, 'method');
  if (method && !method.startsWith('=') && method.trim().toUpperCase() !== 'GET') return undefined;
  const url = getInputValue(bo, 'url');
  if (!url) return undefined;
  const sent = sentUrl(url, feel);
  // Found in the text as written too: a URL built in a FEEL context or function (the official templates' `{...}.fullUrl`) joins nothing lint reads.
  if (!TABLE_API.test(sent) && !TABLE_API.test(url)) return undefined;
  const parameters = getInputValue(bo, 'queryParameters');
  const inParameters = parameters !== undefined && sysparmQueryEntry(parameters) !== undefined;
  const inUrl = hasUrlQuery(sent) || hasUrlQuery(url);
  if (!inParameters && !inUrl) return undefined;
  const table = TABLE_IN_URL.exec(sent)?.[1];
  return { ...(table ? { table } : {}), ...(inParameters ? { parameters } : {}), ...(inUrl ? { url } : {}) };
}

/** The URL as the connector gets it, parts known only at runtime as OPAQUE; a FEEL URL is read as written without the grammar or when a literal is left open. */
function sentUrl(url: string, feel: FeelParser | undefined): string {
  return (url.startsWith('=') && feel && joinedText(url, feel, OPAQUE)) || url;
}
