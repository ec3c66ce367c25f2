/**
 * Shared by the rules that check a task's inputs besides its query (the
 * columns to return, a payload): reports each finding of one kind against
 * the plugin's findings entry under the input, the one place the panel
 * shows them (the Problems list still leads to the input through it).
 */
import { checkTaskInputs, type CheckedInputKind } from './check-task-inputs';
import { inputChecksEntryId } from '../diagram/entry-ids';
import { findTemplate } from '../diagram/find-template';
import { lintContextOf, type LintRuleOptions } from '../lint-context';
import { propertyEntryId } from '../diagram/template-values';
import { templateIdOf, templateVersionOf, type ModdleElement } from '../diagram/zeebe';

interface Reporter {
  report(id: string, message: string, context?: Record<string, unknown>): void;
}

export function inputRule(kind: CheckedInputKind) {
  return (options: LintRuleOptions = {}) => ({
    check(node: ModdleElement, reporter: Reporter) {
      const templateId = templateIdOf(node);
      if (!templateId || !node.id) return;
      const context = lintContextOf(node, options);
      const template = findTemplate(context.templates, templateId, templateVersionOf(node));
      if (!template) return;
      for (const checked of checkTaskInputs(template, node, kind, context.metadata)) {
        const entryId = propertyEntryId(template, checked.property, node);
        for (const diagnostic of checked.diagnostics) {
          if (diagnostic.severity === 'info') continue;
          reporter.report(node.id, `${checked.property.label ?? checked.property.id ?? 'Input'}: ${diagnostic.message}`, {
            ...(entryId ? { propertiesPanel: { entryIds: [inputChecksEntryId(entryId)] } } : {}),
            servicenow: { code: diagnostic.code, start: diagnostic.start, end: diagnostic.end, ...(diagnostic.suggestion !== undefined ? { suggestion: diagnostic.suggestion } : {}) }
          });
        }
      }
    }
  });
}
