/**
 * Shared by the rules that check a task's inputs besides its query (the
 * columns to return, a payload): reports each finding of one kind against
 * the plugin's findings entry under the input, the one place the panel
 * shows them (the Problems list still leads to the input through it).
 */
import { checkTaskInputs, type CheckedInputKind } from './check-task-inputs';
import { diagnosticContext, linkedTemplate, type Reporter } from '../diagnostic-report';
import { inputChecksEntryId } from '../diagram/entry-ids';
import { propertyEntryId } from '../diagram/template-values';
import type { ModdleElement } from '../diagram/zeebe';
import type { LintRuleOptions } from '../lint-context';

export function inputRule(kind: CheckedInputKind) {
  return (options: LintRuleOptions = {}) => ({
    check(node: ModdleElement, reporter: Reporter) {
      const linked = linkedTemplate(node, options);
      if (!linked) return;
      const { template, context } = linked;
      for (const checked of checkTaskInputs(template, node, kind, context.metadata, context.feel)) {
        const entryId = propertyEntryId(template, checked.property, node);
        for (const diagnostic of checked.diagnostics) {
          if (diagnostic.severity === 'info') continue;
          reporter.report(node.id as string, `${checked.property.label ?? checked.property.id ?? 'Input'}: ${diagnostic.message}`, diagnosticContext(diagnostic, entryId && inputChecksEntryId(entryId)));
        }
      }
    }
  });
}
