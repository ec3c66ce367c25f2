/** The ServiceNow tasks of a diagram and their problems (query errors and warnings, empty required fields), for the status bar. */
import type { DiagramElement } from '../types/bpmn-js';
import type { Metadata } from '../../core/metadata/model';
import type { FeelParser } from '../../core/feel/tree';
import type { ElementTemplate } from '../../core/template/types';
import { checkQueryText, taskQuery } from '../../lint/query/check-task-query';
import { isServiceNowTemplate, tableOf } from '../../lint/diagram/servicenow-template';
import { activeProperties, propertyEntryId, propertyValue } from '../../lint/diagram/template-values';

export interface TaskSummary {
  id: string;
  name: string;
  table?: string;
  /** Errors of its query. */
  errors: number;
  /** Warnings of its query (it works, but likely not as meant). */
  warnings: number;
  /** Required fields left empty (the Problems list reports each as an error). */
  missing: number;
  /** The query field's entry id, to focus it. */
  queryEntryId?: string;
}

/**
 * `liveTexts`: query texts the live check has just checked, by element id;
 * they win over the stored value, which follows the typing only after the
 * field's save. `bundled`, `feel`: the modeler's bundled snapshot and FEEL parser, when loaded.
 */
export function summarizeTasks(
  elements: readonly DiagramElement[],
  templateOf: (element: DiagramElement) => ElementTemplate | undefined,
  liveTexts: ReadonlyMap<string, string> = new Map(),
  bundled?: Metadata,
  feel?: FeelParser
): TaskSummary[] {
  const tasks: TaskSummary[] = [];
  for (const element of elements) {
    const template = templateOf(element);
    if (!isServiceNowTemplate(template)) continue;
    const bo = element.businessObject;
    const query = taskQuery(template, bo);
    const text = query ? liveTexts.get(element.id) ?? query.value : '';
    const diagnostics = query && text ? checkQueryText(text, template, query.table, bundled, feel).diagnostics : [];
    const count = (severity: string) => diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
    const missing = activeProperties(template, bo).filter((property) => property.constraints?.notEmpty && isEmpty(propertyValue(bo, property))).length;
    const table = tableOf(template, bo);
    const queryEntryId = query ? propertyEntryId(template, query.property, bo) : undefined;
    tasks.push({ id: element.id, name: bo.name || element.id, errors: count('error'), warnings: count('warning'), missing, ...(table ? { table } : {}), ...(queryEntryId ? { queryEntryId } : {}) });
  }
  return tasks.sort((a, b) => b.errors + b.missing - a.errors - a.missing || b.warnings - a.warnings || a.name.localeCompare(b.name));
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export interface ProblemCounts { errors: number; warnings: number; missing: number }

/** "2 query errors, 1 query warning, 3 required fields empty", or "no problems". */
export function problemsText({ errors, warnings, missing }: ProblemCounts): string {
  const parts = [
    errors ? plural(errors, 'query error') : '',
    warnings ? plural(warnings, 'query warning') : '',
    missing ? `${plural(missing, 'required field')} empty` : ''
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no problems';
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
