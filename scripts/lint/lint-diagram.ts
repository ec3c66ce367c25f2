/**
 * Runs the plugin's bpmnlint rules (lint/bpmnlint-plugin-servicenow)
 * over one saved diagram, parsed with bpmn-moddle and the Zeebe extension as
 * the Modeler does. The templates and metadata are passed to the rules as
 * options (bpmnlint's `[category, options]`).
 */
import { BpmnModdle } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import Linter from 'bpmnlint/lib/linter';
import { parseFeelExpression } from '../../core/feel/parse';
import type { ElementTemplate } from '../../core/template/types';
import type { LintRuleOptions } from '../../lint/lint-context';
import { configs, rules } from '../../lint/bpmnlint-plugin-servicenow';
import { FEEL_CHECKS } from '../../lint/diagram/feel-checks';
import { findTemplate } from '../../lint/diagram/find-template';
import { restTableQuery } from '../../lint/diagram/rest-task';
import { templateVersionOf, type ModdleElement } from '../../lint/diagram/zeebe';
import { tightenAttributeSpacing } from './attribute-spacing';
import { readerProblems, spacingProblems, type ReaderWarning } from './reader-problems';
import { unreadableDiagram } from './unreadable-diagram';

export interface LintProblem {
  file: string;
  /** The BPMN element id, and its name when it has one; none for a file that is no BPMN diagram. */
  id?: string;
  name?: string;
  /** The line of the element in the diagram file (1-based). */
  line?: number;
  /** `info`: a note of what could not be checked, not a problem. */
  severity: 'error' | 'warning' | 'info';
  /** The rule reporting it; none for a file that is no BPMN diagram, or for what the XML reader reports. */
  rule?: string;
  message: string;
  /** The engine's diagnostic: code and offsets into the query value; a fix of a whole value (a result expression) has a suggestion and no offsets. */
  code?: string;
  start?: number;
  end?: number;
  suggestion?: string;
}

interface Report {
  id: string;
  message: string;
  category: string;
  servicenow?: { code?: string; start?: number; end?: number; suggestion?: string };
}

const resolver = {
  resolveRule: (_pkg: string, ruleName: string) => rules[ruleName as keyof typeof rules],
  resolveConfig: () => { throw new Error('no configs to resolve'); }
};

/** The tasks of a diagram that use one template id+version, and whether lint knows that template. */
export interface TemplateUse {
  templateId: string;
  /** Undefined when the diagram names no version. */
  version?: number;
  tasks: number;
  checked: boolean;
  /** For an unchecked use: the versions of that template id lint has (empty when it has none). */
  knownVersions?: number[];
}

export interface DiagramLint {
  problems: LintProblem[];
  templates: TemplateUse[];
}

interface DiagramElement {
  name?: string;
  get?(name: string): unknown;
}

export async function lintDiagram(file: string, xml: string, options: LintRuleOptions & { templates: readonly ElementTemplate[] }): Promise<DiagramLint> {
  const { templates } = options;
  // The CLI has the FEEL grammar at hand (the plugin fetches it as a chunk): rules read FEEL values with it.
  const ruleOptions: LintRuleOptions = { feel: parseFeelExpression, feelChecks: FEEL_CHECKS, ...options };
  const moddle = new BpmnModdle({ zeebe: zeebeSchema });
  const readable = tightenAttributeSpacing(xml);
  let rootElement: { $type: string };
  let elementsById: Record<string, DiagramElement>;
  let warnings: ReaderWarning[];
  try {
    ({ rootElement, elementsById, warnings } = await moddle.fromXML(readable.xml, 'bpmn:Definitions') as { rootElement: { $type: string }; elementsById: Record<string, DiagramElement>; warnings: ReaderWarning[] });
  } catch (error) {
    // An error of this file, as validate reports an unreadable template: the other diagrams of a folder are still checked.
    return { problems: [unreadableDiagram(file, xml, error as Error)], templates: [] };
  }
  const ruleConfig = Object.fromEntries(Object.entries(configs.recommended.rules).map(([name, category]) => [name, [category, ruleOptions]]));
  const results = await new Linter({ resolver }).lint(rootElement, { rules: ruleConfig }) as Record<string, Report[]>;
  const uses = templateUses(elementsById, templates);
  const problems: LintProblem[] = [...spacingProblems(file, xml, readable.spaced, elementsById), ...readerProblems(file, xml, warnings, elementsById)];
  let lines: Map<string, number> | undefined;
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports) {
      const name = elementsById[report.id]?.name;
      const line = (lines ??= idLines(xml)).get(report.id);
      problems.push({
        file, id: report.id, ...(name ? { name } : {}), ...(line ? { line } : {}), severity: report.category === 'error' || report.category === 'info' ? report.category : 'warning', rule, message: report.message,
        ...(report.servicenow ?? {})
      });
    }
  }
  for (const problem of problems) if (problem.line === undefined && problem.id !== undefined) {
    const line = (lines ??= idLines(xml)).get(problem.id);
    if (line) problem.line = line;
  }
  // In diagram order, as a reader goes through the file (ids are random: Activity_0divtrc, Activity_0pg78zh).
  problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.id ?? '').localeCompare(b.id ?? '') || (a.start ?? 0) - (b.start ?? 0) || (a.rule ?? '').localeCompare(b.rule ?? ''));
  return { problems, templates: uses.map(({ elementIds, ...use }) => ({ ...use, tasks: elementIds.length })) };
}

/** Every template id+version the diagram's elements apply, with the elements, and whether one of `templates` is that exact template. */
function templateUses(elementsById: Record<string, DiagramElement>, templates: readonly ElementTemplate[]): (Omit<TemplateUse, 'tasks'> & { elementIds: string[] })[] {
  const uses = new Map<string, Omit<TemplateUse, 'tasks'> & { elementIds: string[] }>();
  for (const [id, element] of Object.entries(elementsById)) {
    const templateId = element.get?.('zeebe:modelerTemplate');
    if (typeof templateId !== 'string' || templateId === '') continue;
    const version = templateVersionOf(element as ModdleElement);
    const known = templates.filter((template) => template.id === templateId);
    // A REST connector task calling the Table API is checked even when its template is unknown (lint/diagram/rest-task.ts).
    const checked = findTemplate(templates, templateId, version) !== undefined || (known.length === 0 && restTableQuery(element as ModdleElement, parseFeelExpression) !== undefined);
    const key = `${templateId}\u0000${version ?? ''}\u0000${checked}`;
    const knownVersions = checked ? undefined : [...new Set(known.map((template) => template.version).filter((each) => each !== undefined))].sort((a, b) => a - b);
    const use = uses.get(key) ?? { templateId, ...(version === undefined ? {} : { version }), checked, ...(knownVersions ? { knownVersions } : {}), elementIds: [] };
    use.elementIds.push(id);
    uses.set(key, use);
  }
  return [...uses.values()].sort((a, b) => a.templateId.localeCompare(b.templateId) || (a.version ?? 0) - (b.version ?? 0));
}

/**
 * The 1-based line of each id attribute's first occurrence in the XML text,
 * read in one pass: searching the text again for every report took seconds
 * on a diagram of a few hundred tasks.
 */
function idLines(xml: string): Map<string, number> {
  const lines = new Map<string, number>();
  let line = 1;
  let scanned = 0;
  // XML allows either quote and spaces around `=` (the Modeler writes id="..."; other tools and hand edits need not).
  for (const match of xml.matchAll(/\sid\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    for (; scanned < match.index; scanned++) if (xml.charCodeAt(scanned) === 10) line++;
    const id = (match[1] ?? match[2]) as string;
    if (!lines.has(id)) lines.set(id, line);
  }
  return lines;
}
