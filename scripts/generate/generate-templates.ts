import type { Metadata } from '../../core/metadata/model';
import { buildAnyTableTemplate, buildTemplate } from '../../core/template/build-template';
import { planRelease, type PlannedTemplate, type ReleasePlan } from '../../core/template/versioning';
import { validateTemplateText, type FileProblem } from '../validate/validate-templates';
import { selectTables } from './select-tables';

export const ANY_TABLE_FILE = 'servicenow-any-table.json';

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

export interface GenerateResult extends ReleasePlan {
  /** Problems of the written templates (schema and semantic checks). */
  problems: FileProblem[];
}

/**
 * Builds the templates, decides their versions against the existing output
 * directory and checks every template that will be written. Pure apart from
 * CPU: the caller reads the directory and writes the result.
 */
export function generateTemplates(metadata: Metadata, request: GenerateRequest, existing: ReadonlyMap<string, string>): GenerateResult {
  const { tables, warnings } = selectTables(metadata, request.tables);
  const planned: PlannedTemplate[] = [
    ...tables.map((table) => ({ file: templateFile(table.name), build: (version: number) => buildTemplate(table, { idPrefix: request.idPrefix, version }) })),
    { file: ANY_TABLE_FILE, build: (version: number) => buildAnyTableTemplate({ idPrefix: request.idPrefix, version }) }
  ];
  // Only a full run knows which tables left the snapshot.
  const replaceAll = request.replaceAll ?? request.tables === undefined;
  const plan = planRelease(planned, existing, { retire: (path) => replaceAll && isGeneratedFile(path) });
  const problems = plan.results.flatMap((result) => validateTemplateText(result.file, plan.files.get(result.file) ?? ''));
  return { ...plan, warnings: [...warnings, ...plan.warnings], problems };
}
