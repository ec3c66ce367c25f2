/**
 * Shared by the rules that check a task's inputs besides its query (the
 * columns to return, a payload): reports each finding of one kind against
 * the plugin's findings entry under the input, the one place the panel
 * shows them (the Problems list still leads to the input through it).
 */
import type { ElementTemplate } from '../../core/template/types';
import { checkTaskInputs, type CheckedInputKind } from './check-task-inputs';
import { inputChecksEntryId } from '../shared/entry-ids';
import { findTemplate, publishedTemplates } from '../shared/template-registry';
import { propertyEntryId } from '../shared/template-values';
import { templateIdOf, templateVersionOf, type ModdleElement } from '../shared/zeebe';

export interface InputRuleOptions {
  /** The element templates to resolve `zeebe:modelerTemplate` with; default: those the Modeler has loaded. */
  templates?: readonly ElementTemplate[];
}

interface Reporter {
  report(id: string, message: string, context?: Record<string, unknown>): void;
}

export function inputRule(kind: CheckedInputKind) {
  return (options: InputRuleOptions = {}) => ({
    check(node: ModdleElement, reporter: Reporter) {
      const templateId = templateIdOf(node);
      if (!templateId || !node.id) return;
      const template = findTemplate(options.templates ?? publishedTemplates(), templateId, templateVersionOf(node));
      if (!template) return;
      for (const checked of checkTaskInputs(template, node, kind)) {
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
