/** The ServiceNow tasks of a diagram and their query problems, for the status bar. */
import type { DiagramElement } from '../types/bpmn-js';
import type { ElementTemplate } from '../../core/template/types';
import { checkQueryText, taskQuery } from '../query-validation/check-task-query';
import { isServiceNowTemplate, tableOf } from '../shared/servicenow-template';
import { propertyEntryId } from '../shared/template-values';

export interface TaskSummary {
  id: string;
  name: string;
  table?: string;
  /** Errors and warnings of its query. */
  problems: number;
  /** The query field's entry id, to focus it. */
  queryEntryId?: string;
}

export function summarizeTasks(elements: readonly DiagramElement[], templateOf: (element: DiagramElement) => ElementTemplate | undefined): TaskSummary[] {
  const tasks: TaskSummary[] = [];
  for (const element of elements) {
    const template = templateOf(element);
    if (!isServiceNowTemplate(template)) continue;
    const bo = element.businessObject;
    const query = taskQuery(template, bo);
    const problems = query?.value
      ? checkQueryText(query.value, template, query.table).diagnostics.filter((diagnostic) => diagnostic.severity !== 'info').length
      : 0;
    const table = tableOf(template, bo);
    const queryEntryId = query ? propertyEntryId(template, query.property, bo) : undefined;
    tasks.push({ id: element.id, name: bo.name || element.id, problems, ...(table ? { table } : {}), ...(queryEntryId ? { queryEntryId } : {}) });
  }
  return tasks.sort((a, b) => b.problems - a.problems || a.name.localeCompare(b.name));
}
