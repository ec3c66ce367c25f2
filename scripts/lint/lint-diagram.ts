/**
 * Runs the plugin's bpmnlint rules (client/lint/bpmnlint-plugin-servicenow)
 * over one saved diagram, parsed with bpmn-moddle and the Zeebe extension as
 * the Modeler does. The templates are passed to the rules as options.
 */
import { BpmnModdle } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import Linter from 'bpmnlint/lib/linter';
import { UserError } from '../../core/errors';
import type { ElementTemplate } from '../../core/template/types';
import { configs, rules } from '../../client/lint/bpmnlint-plugin-servicenow';

export interface LintProblem {
  file: string;
  /** The BPMN element id, and its name when it has one. */
  id: string;
  name?: string;
  category: 'error' | 'warn';
  rule: string;
  message: string;
  /** The engine's diagnostic: code and offsets into the query value. */
  code?: string;
  start?: number;
  end?: number;
  suggestion?: string;
}

interface Report {
  id: string;
  message: string;
  category: string;
  servicenow?: { code: string; start: number; end: number; suggestion?: string };
}

const resolver = {
  resolveRule: (_pkg: string, ruleName: string) => rules[ruleName as keyof typeof rules],
  resolveConfig: () => { throw new Error('no configs to resolve'); }
};

export async function lintDiagram(file: string, xml: string, templates: readonly ElementTemplate[]): Promise<LintProblem[]> {
  const moddle = new BpmnModdle({ zeebe: zeebeSchema });
  let rootElement: { $type: string };
  let elementsById: Record<string, { name?: string }>;
  try {
    ({ rootElement, elementsById } = await moddle.fromXML(xml, 'bpmn:Definitions') as { rootElement: { $type: string }; elementsById: Record<string, { name?: string }> });
  } catch (error) {
    throw new UserError(`${file}: not a BPMN diagram (${(error as Error).message.split('\n')[0]})`, ['Pass .bpmn files saved by Camunda Modeler.']);
  }
  const ruleConfig = Object.fromEntries(Object.entries(configs.recommended.rules).map(([name, category]) => [name, [category, { templates }]]));
  const results = await new Linter({ resolver }).lint(rootElement, { rules: ruleConfig }) as Record<string, Report[]>;
  const problems: LintProblem[] = [];
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports) {
      const name = elementsById[report.id]?.name;
      problems.push({
        file, id: report.id, ...(name ? { name } : {}), category: report.category === 'error' ? 'error' : 'warn', rule, message: report.message,
        ...(report.servicenow ?? {})
      });
    }
  }
  return problems.sort((a, b) => a.id.localeCompare(b.id) || (a.start ?? 0) - (b.start ?? 0) || a.rule.localeCompare(b.rule));
}
