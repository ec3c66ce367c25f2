/**
 * `servicenow/unchecked-fields`: says which tasks' query fields lint could
 * not check, and why (the table or operation is a FEEL value known only at
 * runtime, a custom table is left empty, a REST connector URL computes its
 * table), so that no finding is not read as a clean query. Info, not a
 * problem: like the CLI's unchecked template versions, it tells what was
 * not checked. The query's syntax still is (valid-query, query-warnings).
 */
import { taskQuery } from '../../query/check-task-query';
import { restTableQuery } from '../../diagram/rest-task';
import { isServiceNowTemplate } from '../../diagram/servicenow-template';
import { linkedTemplate, linksOtherServiceNowVersion, type Reporter } from '../../diagnostic-report';
import { queryDiagnosticsEntryId } from '../../diagram/entry-ids';
import { propertyEntryId } from '../../diagram/template-values';
import type { ModdleElement } from '../../diagram/zeebe';
import { lintContextOf, type LintRuleOptions } from '../../lint-context';

const SYNTAX_CHECKED = 'the query\'s syntax is checked';

export default function uncheckedFields(options: LintRuleOptions = {}) {
  return {
    check(node: ModdleElement, reporter: Reporter) {
      if (!node.id) return;
      const linked = linkedTemplate(node, options);
      if (linked && isServiceNowTemplate(linked.template)) {
        const query = taskQuery(linked.template, node);
        if (!query?.value || !query.fieldsUnchecked) return;
        const entryId = propertyEntryId(linked.template, query.property, node);
        reporter.report(node.id, `${query.property.label ?? 'Query'}: fields not checked: ${query.fieldsUnchecked}; ${SYNTAX_CHECKED}.`,
          entryId ? { propertiesPanel: { entryIds: [queryDiagnosticsEntryId(entryId)] } } : undefined);
        return;
      }
      const rest = linksOtherServiceNowVersion(node, options) ? undefined : restTableQuery(node, lintContextOf(node, options).feel);
      if (rest && !rest.table) reporter.report(node.id, `URL: fields not checked: the table in the URL is computed at runtime; ${SYNTAX_CHECKED}.`);
    }
  };
}
