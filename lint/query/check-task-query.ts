/**
 * Checks the encoded query of one ServiceNow task: the panel entry, the lint
 * rule and the status bar all call this, so they always agree.
 */
import { checkRecordQuery } from '../../core/inbound/record-query';
import { isWaitTemplate } from '../../core/inbound/template-kind';
import { checkFeelQuery, checkUrlQuery, type CheckOptions, type CheckResult } from '../../core/query';
import type { FeelParser } from '../../core/feel/tree';
import type { Metadata } from '../../core/metadata/model';
import type { ElementTemplate, TemplateProperty } from '../../core/template/types';
import { metadataForTemplate } from '../metadata/template-metadata';
import { isServiceNowTemplate, queryProperty, removesQuerySpaces, tableOf } from '../diagram/servicenow-template';
import { activeProperties, propertyValue } from '../diagram/template-values';
import type { RestTableQuery } from '../diagram/rest-task';
import type { ModdleElement } from '../diagram/zeebe';

export interface TaskQuery {
  property: TemplateProperty;
  table?: string;
  value: string;
}

/** The task's query when its template has one and it is active (the operation reads records). */
export function taskQuery(template: ElementTemplate | undefined, bo: ModdleElement): TaskQuery | undefined {
  if (!isServiceNowTemplate(template)) return undefined;
  const property = queryProperty(template);
  if (!property || !activeProperties(template, bo).includes(property)) return undefined;
  const value = propertyValue(bo, property);
  const table = tableOf(template, bo);
  return { property, value: typeof value === 'string' ? value : '', ...(table ? { table } : {}) };
}

/** Checks query text (plain or FEEL `=...`) against the table's metadata: the template's field index on top of `bundled`. */
export function checkQueryText(value: string, template: ElementTemplate | undefined, table: string | undefined, bundled: Metadata | undefined, feel: FeelParser | undefined): CheckResult {
  const options = queryOptions(template, table, bundled, feel);
  // A wait template's query is the sysparm_query entry of its FEEL context.
  return isWaitTemplate(template) ? checkRecordQuery(value, options) : checkFeelQuery(value, options);
}

/**
 * Checks a REST connector task's queries (lint/diagram/rest-task.ts): the
 * sysparm_query entry of its query parameters' FEEL context, and the one in
 * its URL, each with offsets into its own input.
 */
export function checkRestQueryText(query: RestTableQuery, bundled: Metadata | undefined, feel: FeelParser | undefined): { parameters?: CheckResult; url?: CheckResult } {
  const options = queryOptions(undefined, query.table, bundled, feel);
  const url = query.url === undefined ? undefined : checkUrlQuery(query.url, options);
  return { ...(query.parameters === undefined ? {} : { parameters: checkRecordQuery(query.parameters, options) }), ...(url ? { url } : {}) };
}

function queryOptions(template: ElementTemplate | undefined, table: string | undefined, bundled: Metadata | undefined, feel: FeelParser | undefined): CheckOptions {
  const metadata = metadataForTemplate(template, table, bundled);
  return { ...(table ? { table } : {}), ...(metadata ? { metadata } : {}), ...(feel ? { feel } : {}), ...(template && removesQuerySpaces(template) ? { spacesRemoved: true } : {}) };
}
