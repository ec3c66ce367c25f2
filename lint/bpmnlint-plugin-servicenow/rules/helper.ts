/**
 * Shared by the query rules: finds each ServiceNow task's query, checks it
 * with the query engine and reports the diagnostics of one severity. The
 * report names the plugin's diagnostics entry, not the query field: the live
 * check under the field is the one place a query's problems are shown (a
 * second, lint-driven copy under the field would lag the live one by a lint
 * pass), while the Problems list still leads to the field through it.
 */
import type { Diagnostic, Severity } from '../../../core/query';
import { checkQueryText, checkRestQueryText, taskQuery } from '../../query/check-task-query';
import { restTableQuery } from '../../diagram/rest-task';
import { isServiceNowTemplate } from '../../diagram/servicenow-template';
import { diagnosticContext, linkedTemplate, linksOtherServiceNowVersion, type Reporter } from '../../diagnostic-report';
import { queryDiagnosticsEntryId } from '../../diagram/entry-ids';
import { propertyEntryId } from '../../diagram/template-values';
import type { ModdleElement } from '../../diagram/zeebe';
import { lintContextOf, type LintRuleOptions } from '../../lint-context';

/** The REST connector template's labels of the inputs holding a query. */
export const REST_QUERY_LABEL = 'Query parameters (sysparm_query)';
export const REST_URL_LABEL = 'URL (sysparm_query)';
/**
 * The connector adds the query parameters to the URL's own
 * (camunda/connectors connector-commons/http-client/.../ApacheRequestQueryParametersBuilder.java),
 * so both reach ServiceNow; which one it reads is not documented.
 */
const BOTH_SET = 'The URL and the query parameters both set sysparm_query: the connector sends both, and which one ServiceNow reads is not documented. Keep one.';

export function queryRule(severity: Severity) {
  return (options: LintRuleOptions = {}) => ({
    check(node: ModdleElement, reporter: Reporter) {
      const linked = linkedTemplate(node, options);
      if (linked && isServiceNowTemplate(linked.template)) {
        const query = taskQuery(linked.template, node);
        if (!query || !query.value) return;
        const { template, context } = linked;
        const entryId = propertyEntryId(template, query.property, node);
        report(`${query.property.label ?? 'Query'}: `, checkQueryText(query.value, template, query.table, context.metadata, context.feel).diagnostics, entryId && queryDiagnosticsEntryId(entryId));
        return;
      }
      // The REST connector calling the Table API: its template, if any, is none of the plugin's (no panel entry to lead to).
      const context = lintContextOf(node, options);
      const rest = node.id && !linksOtherServiceNowVersion(node, options) ? restTableQuery(node, context.feel) : undefined;
      if (!rest) return;
      const checked = checkRestQueryText(rest, context.metadata, context.feel);
      if (checked.parameters) report(`${REST_QUERY_LABEL}: `, checked.parameters.diagnostics, undefined);
      if (checked.url) report(`${REST_URL_LABEL}: `, checked.url.diagnostics, undefined);
      if (severity === 'warning' && checked.parameters && checked.url) reporter.report(node.id as string, BOTH_SET);

      function report(label: string, diagnostics: Diagnostic[], entryId: string | undefined) {
        for (const diagnostic of diagnostics) {
          if (diagnostic.severity === severity) reporter.report(node.id as string, `${label}${diagnostic.message}`, diagnosticContext(diagnostic, entryId));
        }
      }
    }
  });
}
