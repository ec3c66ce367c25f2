/**
 * Checks the encoded query of one ServiceNow task: the panel entry, the lint
 * rule and the status bar all call this, so they always agree.
 */
import { checkRecordQuery, checkWaitQuery } from '../../core/inbound/record-query';
import { isWaitTemplate } from '../../core/inbound/template-kind';
import { checkFeelQuery, checkUrlQuery } from '../../core/query/check';
import type { CheckOptions, CheckResult, Explainer } from '../../core/query/check-result';
import type { FeelParser } from '../../core/feel/tree';
import type { Metadata } from '../../core/metadata/model';
import type { ElementTemplate, TemplateProperty } from '../../core/template/types';
import { metadataForTemplate } from '../metadata/template-metadata';
import { isServiceNowTemplate, queryProperty, removesQuerySpaces, tableOf, unreadableTable } from '../diagram/servicenow-template';
import { conditionTargets } from '../../core/template/rules/conditions';
import { activeProperties, propertyValue } from '../diagram/template-values';
import type { RestTableQuery } from '../diagram/rest-task';
import type { ModdleElement } from '../diagram/zeebe';

export interface TaskQuery {
  property: TemplateProperty;
  table?: string;
  value: string;
  /** Why the query's fields are not checked (its syntax still is): the table or operation is known only at runtime, or no table is set. */
  fieldsUnchecked?: string;
}

/**
 * The task's query when its template has one and it is active (the
 * operation reads records), or may be: an operation computed in FEEL may
 * read records, so its query is checked too, against no table.
 */
export function taskQuery(template: ElementTemplate | undefined, bo: ModdleElement): TaskQuery | undefined {
  if (!isServiceNowTemplate(template)) return undefined;
  const property = queryProperty(template);
  if (!property) return undefined;
  const operation = activeProperties(template, bo).includes(property) ? undefined : feelOperation(template, property, bo);
  if (operation === null) return undefined;
  const value = propertyValue(bo, property);
  const table = operation ? undefined : tableOf(template, bo);
  const fieldsUnchecked = operation ? `the ${operation} is a FEEL value, known only at runtime` : table ? undefined : unreadableTable(template, bo);
  return { property, value: typeof value === 'string' ? value : '', ...(table ? { table } : {}), ...(fieldsUnchecked ? { fieldsUnchecked } : {}) };
}

/** The label of the property the inactive query's condition reads when it holds a FEEL value; null when none does (the query is off). */
function feelOperation(template: ElementTemplate, query: TemplateProperty, bo: ModdleElement): string | null {
  for (const id of conditionTargets(query.condition)) {
    const property = template.properties.find((each) => each.id === id);
    const value = property && propertyValue(bo, property);
    if (property && typeof value === 'string' && value.startsWith('=')) return (property.label ?? 'operation').toLowerCase();
  }
  return null;
}

/**
 * Checks query text (plain or FEEL `=...`) against the table's metadata: the
 * template's field index on top of `bundled`. Explained only with an
 * `explainer` (the panel's; the lint shows diagnostics alone).
 */
export function checkQueryText(value: string, template: ElementTemplate | undefined, table: string | undefined, bundled: Metadata | undefined, feel: FeelParser | undefined, explainer?: Explainer): CheckResult {
  const options = { ...queryOptions(template, table, bundled, feel), ...(explainer ? { explainer } : {}) };
  // A wait template's query is the sysparm_query entry of its FEEL context.
  return isWaitTemplate(template) ? checkWaitQuery(value, options) : checkFeelQuery(value, options);
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
