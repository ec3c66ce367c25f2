/**
 * `servicenow/result-expression-guard`: a ServiceNow task's own result
 * expression sets variables without the presets' answer check while no
 * result variable keeps the response (or sets the result variable itself),
 * so the error expression, which the connector then hands those variables
 * instead of the response, cannot turn a redirect to a login page or an
 * HTML page into an incident: the task completes with null outputs. Also an
 * answer check left over from another operation.
 * The fix offered is the expression inside the answer check the presets
 * and the output helper write (lint/diagram/result-guard.ts), which comes
 * with the FEEL parser (lint/diagram/feel-checks.ts).
 */
import { findTemplate } from '../../diagram/find-template';
import { isServiceNowTemplate } from '../../diagram/servicenow-template';
import { propertyEntryId } from '../../diagram/template-values';
import { templateIdOf, templateVersionOf, type ModdleElement } from '../../diagram/zeebe';
import type { Reporter } from '../../diagnostic-report';
import { lintContextOf, type LintRuleOptions } from '../../lint-context';

export default function resultExpressionGuard(options: LintRuleOptions = {}) {
  return {
    check(node: ModdleElement, reporter: Reporter) {
      if (!node.id || !templateIdOf(node)) return;
      const { templates, feel, feelChecks } = lintContextOf(node, options);
      // The guard is read as FEEL: until the parser and its checks are there, nothing is judged.
      if (!feel || !feelChecks) return;
      const template = findTemplate(templates, templateIdOf(node), templateVersionOf(node));
      if (!isServiceNowTemplate(template)) return;
      const problem = feelChecks.resultGuardProblem(template, node, feel);
      if (!problem) return;
      const property = feelChecks.resultExpressionProperty(template, node);
      const entryId = property && propertyEntryId(template, property, node);
      reporter.report(node.id, `Result expression: ${problem.message}`, {
        ...(entryId ? { propertiesPanel: { entryIds: [entryId] } } : {}),
        servicenow: { code: problem.code, suggestion: problem.suggestion }
      });
    }
  };
}
