/**
 * `servicenow/sys-id-variables`: an input of a ServiceNow task that takes a
 * sys_id reads a sys_id variable (`=incidentSysId`) that no ServiceNow task
 * earlier in the process stores, e.g. after the producing task renamed it.
 * The same check the sys_id picker shows under the field, for every task of
 * the diagram (in the Problems list), not only the selected one. Names a
 * start form or an earlier output mapping provides are no problem.
 */
import type { FeelParser } from '../../../core/feel/tree';
import type { ElementTemplate } from '../../../core/template/types';
import { storedSysIdVariable } from '../../diagram/stored-variable';
import { isServiceNowTemplate, sysIdInputs, tableOf } from '../../diagram/servicenow-template';
import { findTemplate } from '../../diagram/find-template';
import { lintContextOf, type LintRuleOptions } from '../../lint-context';
import { activeProperties, propertyEntryId, propertyValue } from '../../diagram/template-values';
import { templateIdOf, templateVersionOf, type ModdleElement } from '../../diagram/zeebe';
import { knownVariablesBefore, producedVariable, referencedVariable, sysIdVariableProblem, sysIdVariablesBefore, type DescribeTask, type KnownVariables, type SysIdVariable } from '../../diagram/sys-id-variables';
import type { Reporter } from '../../diagnostic-report';

export default function sysIdVariables(options: LintRuleOptions = {}) {
  const templateOf = (bo: ModdleElement): ElementTemplate | undefined => {
    const template = findTemplate(lintContextOf(bo, options).templates, templateIdOf(bo), templateVersionOf(bo));
    return isServiceNowTemplate(template) ? template : undefined;
  };
  const describeWith = (feel: FeelParser): DescribeTask => (bo) => {
    const template = templateOf(bo);
    if (!template) return undefined;
    const table = tableOf(template, bo);
    const sysIdVariable = storedSysIdVariable(template, bo, feel);
    return { ...(table ? { table } : {}), ...(sysIdVariable ? { sysIdVariable } : {}) };
  };
  // What each task stores, read once per lint pass: every task asking each earlier one again was quadratic (400 tasks: 30 s).
  // bpmnlint enters the diagram's root first on every pass, which starts a new one: the Modeler lints the same, edited, elements again.
  let pass: LintPass | undefined;
  return {
    check(node: ModdleElement, reporter: Reporter) {
      if (node.$type === 'bpmn:Definitions') pass = undefined;
      const template = node.id ? templateOf(node) : undefined;
      // Result expressions are FEEL: until the parser is there, no task is known to store anything, so nothing is judged.
      const { feel } = lintContextOf(node, options);
      if (!template || !node.id || !feel) return;
      const id: string = node.id;
      const current = pass ??= lintPass(describeWith(feel), feel);
      const active = activeProperties(template, node);
      let before: ReturnType<typeof sysIdVariablesBefore> | undefined;
      let known: KnownVariables | undefined;
      for (const { property } of sysIdInputs(template)) {
        if (!active.includes(property)) continue;
        const value = propertyValue(node, property);
        const used = referencedVariable(typeof value === 'string' ? value : undefined);
        if (!used) continue;
        before ??= sysIdVariablesBefore(node, current.describe, feel, current.produced);
        const producedAnywhere = (variable: string) => (current.inDiagram ??= producedInDiagram(node, current.produced)).has(variable);
        const problem = sysIdVariableProblem(used, before, producedAnywhere, known ??= knownVariablesBefore(node, feel));
        if (!problem) continue;
        const entryId = propertyEntryId(template, property, node);
        reporter.report(id, `${property.label ?? 'sys_id'}: ${problem.message}`, {
          ...(entryId ? { propertiesPanel: { entryIds: [entryId] } } : {}),
          ...(problem.suggestion ? { servicenow: { suggestion: `=${problem.suggestion}` } } : {})
        });
      }
    }
  };
}

interface LintPass {
  describe: DescribeTask;
  /** What a node stores, each node read once. */
  produced: (bo: ModdleElement) => SysIdVariable | undefined;
  inDiagram?: Set<string>;
}

function lintPass(describe: DescribeTask, feel: FeelParser): LintPass {
  const memo = new Map<ModdleElement, SysIdVariable | undefined>();
  return {
    describe,
    produced: (bo) => {
      if (!memo.has(bo)) memo.set(bo, producedVariable(bo, describe, feel));
      return memo.get(bo);
    }
  };
}

/** The sys_id variables any ServiceNow task of the element's diagram stores. */
function producedInDiagram(node: ModdleElement, produced: LintPass['produced']): Set<string> {
  let root = node;
  while (root.$parent) root = root.$parent;
  const found = new Set<string>();
  const visit = (element: ModdleElement) => {
    const variable = produced(element)?.variable;
    if (variable) found.add(variable);
    for (const child of [...(element.get?.('rootElements') ?? []), ...(element.get?.('flowElements') ?? [])]) visit(child);
  };
  visit(root);
  return found;
}
