/**
 * Shared by the query rules: finds each ServiceNow task's query, checks it
 * with the query engine and reports the diagnostics of one severity, with the
 * query field's entry id so Desktop shows the error under the field too.
 */
import type { ElementTemplate } from '../../../../core/template/types';
import type { Severity } from '../../../../core/query';
import { checkQueryText, taskQuery } from '../../../query-validation/check-task-query';
import { findTemplate, publishedTemplates } from '../../../shared/template-registry';
import { propertyEntryId } from '../../../shared/template-values';
import { templateIdOf, templateVersionOf, type ModdleElement } from '../../../shared/zeebe';

export interface QueryRuleOptions {
  /** The element templates to resolve `zeebe:modelerTemplate` with; default: those the Modeler has loaded. */
  templates?: readonly ElementTemplate[];
}

interface Reporter {
  report(id: string, message: string, context?: Record<string, unknown>): void;
}

export function queryRule(severity: Severity) {
  return (options: QueryRuleOptions = {}) => ({
    check(node: ModdleElement, reporter: Reporter) {
      const templateId = templateIdOf(node);
      if (!templateId || !node.id) return;
      const template = findTemplate(options.templates ?? publishedTemplates(), templateId, templateVersionOf(node));
      const query = template && taskQuery(template, node);
      if (!template || !query || !query.value) return;
      const entryId = propertyEntryId(template, query.property, node);
      const { diagnostics } = checkQueryText(query.value, template, query.table);
      for (const diagnostic of diagnostics) {
        if (diagnostic.severity !== severity) continue;
        reporter.report(node.id, `${query.property.label ?? 'Query'}: ${diagnostic.message}`, {
          ...(entryId ? { propertiesPanel: { entryIds: [entryId] } } : {}),
          servicenow: { code: diagnostic.code, start: diagnostic.start, end: diagnostic.end, ...(diagnostic.suggestion !== undefined ? { suggestion: diagnostic.suggestion } : {}) }
        });
      }
    }
  });
}
