import { join } from 'node:path';
import { UserError } from '../../core/errors';
import type { Metadata } from '../../core/metadata/model';
import { inboundTemplatePlans } from '../../core/inbound/inbound-templates';
import { buildAnyTableTemplate, buildTemplate } from '../../core/template/build-template';
import { buildAttachmentTemplate } from '../../core/attachment/build-attachment-template';
import { buildOrderAnyItemTemplate, buildOrderTemplate, orderSlug } from '../../core/catalog/build-order-template';
import { buildFlowTemplate } from '../../core/flow/build-flow-template';
import type { CatalogItem } from '../../core/metadata/catalog';
import { isGeneratedTemplate } from '../../core/template/field-index';
import { releaseSteps, type PlannedTemplate, type ReleaseStep, type ReleaseSummary } from '../../core/template/versioning';
import { selectTables } from './select-tables';

export const ANY_TABLE_FILE = 'servicenow-any-table.json';
/** Files of the templates beyond the Table API: hyphens keep them apart from table names, which have none. */
export const ORDER_ANY_ITEM_FILE = 'servicenow-api-order-catalog-item.json';
export const ATTACHMENT_FILE = 'servicenow-api-attachment.json';
export const FLOW_FILE = 'servicenow-api-start-flow.json';

export function orderFile(slug: string): string {
  return `servicenow-order-${slug.replace(/_/g, '-')}.json`;
}

/** One slug per item, stable across runs: a name shared by two items gets the sys_id's first 8 characters. */
export function orderSlugs(items: readonly CatalogItem[]): Map<CatalogItem, string> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(orderSlug(item), (counts.get(orderSlug(item)) ?? 0) + 1);
  return new Map(items.map((item) => [item, (counts.get(orderSlug(item)) ?? 0) > 1 ? `${orderSlug(item)}_${item.sysId.slice(0, 8)}` : orderSlug(item)]));
}

export function templateFile(tableName: string): string {
  return `servicenow-${tableName}.json`;
}

/** The files this generator owns at the top of the output directory. */
export function isGeneratedFile(path: string): boolean {
  return /^servicenow-[a-z0-9_-]+\.json$/.test(path);
}

export interface GenerateRequest {
  /** Table names, or undefined for every non-abstract table. */
  tables: string[] | undefined;
  idPrefix: string;
  /** The tables are the whole set the output holds (a default or --all run): templates of other tables retire. Default: when `tables` is undefined. */
  replaceAll?: boolean;
}

/** Every template the request makes, each built only when asked for, and why tables were left out. */
function plannedTemplates(metadata: Metadata, request: GenerateRequest): { planned: PlannedTemplate[]; warnings: string[]; retire: (path: string, text: string, warn: (message: string) => void) => boolean } {
  const { tables, warnings } = selectTables(metadata, request.tables);
  const planned: PlannedTemplate[] = [
    ...tables.map((table) => ({ file: templateFile(table.name), build: (version: number) => buildTemplate(table, { idPrefix: request.idPrefix, version }) })),
    { file: ANY_TABLE_FILE, build: (version: number) => buildAnyTableTemplate({ idPrefix: request.idPrefix, version }) },
    ...inboundTemplatePlans(tables).map((plan) => ({ file: `servicenow-${plan.file}.json`, build: (version: number) => plan.build({ idPrefix: request.idPrefix, version }) })),
    ...[...orderSlugs(metadata.catalogItems ?? [])].map(([item, slug]) => ({ file: orderFile(slug), build: (version: number) => buildOrderTemplate(item, { idPrefix: request.idPrefix, version }, slug) })),
    { file: ORDER_ANY_ITEM_FILE, build: (version: number) => buildOrderAnyItemTemplate({ idPrefix: request.idPrefix, version }) },
    { file: ATTACHMENT_FILE, build: (version: number) => buildAttachmentTemplate({ idPrefix: request.idPrefix, version }) },
    { file: FLOW_FILE, build: (version: number) => buildFlowTemplate({ idPrefix: request.idPrefix, version }) }
  ];
  // Only a full run knows which tables left the snapshot.
  const replaceAll = request.replaceAll ?? request.tables === undefined;
  // The name alone does not make a file ours: Camunda's own servicenow-connector.json, or a user's
  // servicenow-<something>.json, sits next to our templates in a Modeler folder and is left alone.
  const retire = (path: string, text: string, warn: (message: string) => void) => {
    if (!replaceAll || !isGeneratedFile(path)) return false;
    const by = writer(text);
    if (by === 'generate') return true;
    warn(`left ${path} as it is: ${by === 'unknown' ? 'it is not valid JSON, so it cannot be told apart from a file of yours' : 'generate did not write it (no metadata.servicenow)'}`);
    return false;
  };
  return { planned, warnings, retire };
}

/** Who wrote a file of ours by name: generate (its templates carry `metadata.servicenow`), someone else, or none can tell (not JSON). */
function writer(text: string): 'generate' | 'someone else' | 'unknown' {
  try {
    return isGeneratedTemplate(JSON.parse(text)) ? 'generate' : 'someone else';
  } catch {
    return 'unknown';
  }
}

/**
 * The output files one at a time, each template built and versioned just
 * before it is yielded, so that a run of thousands holds one template at a
 * time; checking them is the caller's (see `Validation`). Pure apart from
 * CPU; `summary` (with the table selection's warnings first) is complete
 * once the steps are.
 */
export function* generateTemplateSteps(metadata: Metadata, request: GenerateRequest, existing: ReadonlyMap<string, string>, summary: ReleaseSummary, out = '.'): Generator<ReleaseStep> {
  const { planned, warnings, retire } = plannedTemplates(metadata, request);
  // Versioning would move someone else's template to versioned/ and number ours after it. A file that does
  // not parse cannot be ours either (generate writes whole files or none), so it is refused as well.
  for (const { file } of planned) {
    const text = existing.get(file);
    if (text === undefined) continue;
    const by = writer(text);
    if (by === 'someone else') {
      throw new UserError(`${join(out, file)} was not written by generate (it has no metadata.servicenow), and generate writes a template of that name; nothing was changed`, [
        'Rename or move that file, or choose another --out.'
      ]);
    }
    if (by === 'unknown') {
      throw new UserError(`${join(out, file)} is not valid JSON, so generate cannot tell it from a file of yours, and generate writes a template of that name; nothing was changed`, [
        'Fix or remove that file, or choose another --out.'
      ]);
    }
  }
  summary.warnings.push(...warnings);
  yield* releaseSteps(planned, existing, { retire: (path, text) => retire(path, text, (message) => summary.warnings.push(message)) }, summary);
}
