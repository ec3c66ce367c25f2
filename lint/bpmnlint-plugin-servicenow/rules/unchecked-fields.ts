/**
 * `servicenow/unchecked-fields`: says which tasks' query fields lint could
 * not check, and why (the table or operation is a FEEL value known only at
 * runtime, a custom table is left empty, a REST connector URL computes its
 * table), so that no finding is not read as a clean query. Info, not a
 * problem: like the CLI's unchecked template versions, it tells what was
 * not checked. The query's syntax still is (valid-query, query-warnings),
 * unless the whole query is computed at runtime: then nothing of it is.
 */
import type { CheckResult } from '../../../core/query';
import { checkQueryText, checkRestQueryText, taskQuery } from '../../query/check-task-query';
import { restTableQuery } from '../../diagram/rest-task';
import { isServiceNowTemplate } from '../../diagram/servicenow-template';
import { linkedTemplate, linksOtherServiceNowVersion, type Reporter } from '../../diagnostic-report';
import { queryDiagnosticsEntryId } from '../../diagram/entry-ids';
import { propertyEntryId } from '../../diagram/template-values';
import type { ModdleElement } from '../../diagram/zeebe';
import { lintContextOf, type LintRuleOptions } from '../../lint-context';
import { REST_QUERY_LABEL, REST_URL_LABEL } from './helper';

const SYNTAX_CHECKED = 'the query\'s syntax is checked';
const COMPUTED = 'not checked: the whole query is computed at runtime.';

export default function uncheckedFields(options: LintRuleOptions = {}) {
  return {
    check(node: ModdleElement, reporter: Reporter) {
      if (!node.id) return;
      const linked = linkedTemplate(node, options);
      if (linked && isServiceNowTemplate(linked.template)) {
        const query = taskQuery(linked.template, node);
        if (!query?.value) return;
        const { template, context } = linked;
        // Only a FEEL value can be computed as a whole.
        const computed = query.value.startsWith('=') && checkQueryText(query.value, template, query.table, context.metadata, context.feel).computed;
        if (!computed && !query.fieldsUnchecked) return;
        const entryId = propertyEntryId(template, query.property, node);
        reporter.report(node.id, `${query.property.label ?? 'Query'}: ${computed ? COMPUTED : `fields not checked: ${query.fieldsUnchecked}; ${SYNTAX_CHECKED}.`}`,
          entryId ? { propertiesPanel: { entryIds: [queryDiagnosticsEntryId(entryId)] } } : undefined);
        return;
      }
      const context = lintContextOf(node, options);
      const rest = linksOtherServiceNowVersion(node, options) ? undefined : restTableQuery(node, context.feel);
      if (!rest) return;
      const checked = checkRestQueryText(rest, context.metadata, context.feel);
      // `sent`: the input has a query to send (a URL whose query the check could not find in its FEEL still names sysparm_query).
      const report = (label: string, sent: boolean, result: CheckResult | undefined) => {
        if (result?.computed) reporter.report(node.id as string, `${label}: ${COMPUTED}`);
        else if (sent && !rest.table) reporter.report(node.id as string, `${label}: fields not checked: the table in the URL is computed at runtime; ${SYNTAX_CHECKED}.`);
      };
      report(REST_QUERY_LABEL, rest.parameters !== undefined, checked.parameters);
      report(REST_URL_LABEL, rest.url !== undefined, checked.url);
    }
  };
}
