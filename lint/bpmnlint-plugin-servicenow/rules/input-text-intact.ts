/**
 * `servicenow/input-text-intact`: no input of a task holds text the runtime
 * would change before it is sent. Zeebe reads a static input as a FEEL
 * string literal, so a backslash is an escape (`\n` a line break, a trailing
 * `\` fails the deployment); the connector runtime replaces `secrets.<name>`
 * anywhere in the job's variables, FEEL-built values included, with a
 * cluster secret, or fails the task without retries (a value that is one
 * such reference and nothing else is meant as the secret). Checks every input of
 * every task, so diagrams saved before the templates refused such text, or
 * edited by hand, are caught too; the properties panel entry is named when
 * the task's template is loaded.
 */
import { holdsBareSecret, isSecretReference, staticTextProblem } from '../../../core/template/patterns';
import { findTemplate } from '../../diagram/find-template';
import { lintContextOf, type LintRuleOptions } from '../../lint-context';
import { activeProperties, propertyEntryId } from '../../diagram/template-values';
import { getIoMapping, templateIdOf, templateVersionOf, type ModdleElement } from '../../diagram/zeebe';
import type { Reporter } from '../../diagnostic-report';

/** FEEL string literals: only their text ends up in the evaluated value (`=mysecrets.value` reads a variable). */
const FEEL_STRINGS = /"(?:\\.|[^"\\])*"/g;

function problemOf(source: string): string | undefined {
  if (!source.trim().startsWith('=')) return isSecretReference(source) ? undefined : staticTextProblem(source);
  return (source.match(FEEL_STRINGS) ?? []).some((literal) => !isSecretReference(literal.slice(1, -1)) && holdsBareSecret(literal)) ? 'builds text holding secrets.<name>, which the connector runtime replaces with a cluster secret, or fails the task without retries when there is none: reword it, or write {{secrets.NAME}}' : undefined;
}

export default function inputTextIntact(options: LintRuleOptions = {}) {
  return {
    check(node: ModdleElement, reporter: Reporter) {
      const inputs: ModdleElement[] = (node.id && getIoMapping(node)?.get('inputParameters')) || [];
      if (inputs.length === 0) return;
      const templateId = templateIdOf(node);
      const template = templateId ? findTemplate(lintContextOf(node, options).templates, templateId, templateVersionOf(node)) : undefined;
      for (const input of inputs) {
        const source: unknown = input.get('source');
        const target: unknown = input.get('target');
        if (typeof source !== 'string' || typeof target !== 'string') continue;
        const problem = problemOf(source);
        if (!problem) continue;
        const property = template && activeProperties(template, node).find((candidate) => (candidate.binding as { type: string; name?: string }).type === 'zeebe:input' && (candidate.binding as { name?: string }).name === target);
        const entryId = template && property ? propertyEntryId(template, property, node) : undefined;
        reporter.report(node.id as string, `${property?.label ?? `Input ${target}`} ${problem}`, entryId ? { propertiesPanel: { entryIds: [entryId] } } : undefined);
      }
    }
  };
}
