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
import { diagnosticContext, linkedTemplate, type Reporter } from '../../diagnostic-report';
import { queryDiagnosticsEntryId } from '../../diagram/entry-ids';
import { propertyEntryId } from '../../diagram/template-values';
import type { ModdleElement } from '../../diagram/zeebe';
import type { LintRuleOptions } from '../../lint-context';

export function queryRule(severity: Severity) {
  return (options: LintRuleOptions = {}) => ({
    check(node: ModdleElement, reporter: Reporter) {
      const linked = linkedTemplate(node, options);
      const query = linked && taskQuery(linked.template, node);
      if (!linked || !query || !query.value) return;
      const { template, context } = linked;
      const entryId = propertyEntryId(template, query.property, node);
      const { diagnostics } = checkQueryText(query.value, template, query.table, context.metadata, context.feel);
      for (const diagnostic of diagnostics) {
        if (diagnostic.severity !== severity) continue;
        reporter.report(node.id as string, `${query.property.label ?? 'Query'}: ${diagnostic.message}`, diagnosticContext(diagnostic, entryId && queryDiagnosticsEntryId(entryId)));
      }
    }
  });
}
