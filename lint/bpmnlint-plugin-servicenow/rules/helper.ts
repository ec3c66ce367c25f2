/**
 * Shared by the query rules: finds each ServiceNow task's query, checks it
 * with the query engine and reports the diagnostics of one severity. The
 * report names the plugin's diagnostics entry, not the query field: the live
 * check under the field is the one place a query's problems are shown (a
 * second, lint-driven copy under the field would lag the live one by a lint
 * pass), while the Problems list still leads to the field through it.
 */
import type { Severity } from '../../../core/query';
import { checkQueryText, taskQuery } from '../../query/check-task-query';
import { findTemplate } from '../../diagram/find-template';
import { lintContextOf, type LintRuleOptions } from '../../lint-context';
import { queryDiagnosticsEntryId } from '../../diagram/entry-ids';
import { propertyEntryId } from '../../diagram/template-values';
import { templateIdOf, templateVersionOf, type ModdleElement } from '../../diagram/zeebe';

interface Reporter {
  report(id: string, message: string, context?: Record<string, unknown>): void;
}

export function queryRule(severity: Severity) {
  return (options: LintRuleOptions = {}) => ({
    check(node: ModdleElement, reporter: Reporter) {
      const templateId = templateIdOf(node);
      if (!templateId || !node.id) return;
      const context = lintContextOf(node, options);
      const template = findTemplate(context.templates, templateId, templateVersionOf(node));
      const query = template && taskQuery(template, node);
      if (!template || !query || !query.value) return;
      const entryId = propertyEntryId(template, query.property, node);
      const { diagnostics } = checkQueryText(query.value, template, query.table, context.metadata);
      for (const diagnostic of diagnostics) {
        if (diagnostic.severity !== severity) continue;
        reporter.report(node.id, `${query.property.label ?? 'Query'}: ${diagnostic.message}`, {
          ...(entryId ? { propertiesPanel: { entryIds: [queryDiagnosticsEntryId(entryId)] } } : {}),
          servicenow: { code: diagnostic.code, start: diagnostic.start, end: diagnostic.end, ...(diagnostic.suggestion !== undefined ? { suggestion: diagnostic.suggestion } : {}) }
        });
      }
    }
  });
}
