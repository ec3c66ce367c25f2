/**
 * What the rules share around a report: bpmnlint's reporter, the template a
 * task is linked to (resolved in the rule's lint context), and the context a
 * finding of the query engine is reported with (the panel entry it leads to,
 * and the range and fix the plugin's Problems list uses).
 */
import type { Diagnostic } from '../core/query';
import type { ElementTemplate } from '../core/template/types';
import { findTemplate } from './diagram/find-template';
import { isServiceNowTemplate } from './diagram/servicenow-template';
import { templateIdOf, templateVersionOf, type ModdleElement } from './diagram/zeebe';
import { lintContextOf, type LintContext, type LintRuleOptions } from './lint-context';

export interface Reporter {
  report(id: string, message: string, context?: Record<string, unknown>): void;
}

/** The template a task with an id is linked to, and the context it was found in; undefined for any other element. */
export function linkedTemplate(node: ModdleElement, options: LintRuleOptions): { template: ElementTemplate; context: LintContext } | undefined {
  const templateId = templateIdOf(node);
  if (!templateId || !node.id) return undefined;
  const context = lintContextOf(node, options);
  const template = findTemplate(context.templates, templateId, templateVersionOf(node));
  return template ? { template, context } : undefined;
}

/**
 * Whether a task links a ServiceNow template the context has only in other
 * versions: Desktop shows it as "Not found" (bpmn-js-element-templates' own
 * rule reports that), and the request inside it is that version's business,
 * not a REST connector task of the user's. A REST connector template's
 * other version is no such case: its Table API query is checked whatever
 * the version (lint/diagram/rest-task.ts).
 */
export function linksOtherServiceNowVersion(node: ModdleElement, options: LintRuleOptions): boolean {
  const templateId = templateIdOf(node);
  if (!templateId) return false;
  const { templates } = lintContextOf(node, options);
  return templates.some((template) => template.id === templateId && isServiceNowTemplate(template)) && !findTemplate(templates, templateId, templateVersionOf(node));
}

/** The report context of an engine finding shown in the panel entry `entryId`. */
export function diagnosticContext(diagnostic: Diagnostic, entryId: string | undefined): Record<string, unknown> {
  return {
    ...(entryId ? { propertiesPanel: { entryIds: [entryId] } } : {}),
    servicenow: { code: diagnostic.code, start: diagnostic.start, end: diagnostic.end, ...(diagnostic.suggestion !== undefined ? { suggestion: diagnostic.suggestion } : {}) }
  };
}
