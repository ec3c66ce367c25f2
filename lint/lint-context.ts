/**
 * What the rules check a diagram with: the element templates that resolve
 * `zeebe:modelerTemplate`, and the table metadata for tables a template
 * carries no field index of (and for dot-walks). No module holds them:
 * Desktop lints diagrams from different folders, each with its own
 * templates, so a shared copy was last-tab-wins. Two ways in:
 *
 * - rule options, bpmnlint's `[category, { templates, metadata }]`, the way
 *   bpmn-js-element-templates' `validate` rule takes `templates` (the CLI,
 *   the rule tests);
 * - the diagram itself. Desktop hands the plugin's `{config, resolver}`
 *   unchanged to every tab's linter and lints `modeler.getDefinitions()`
 *   (camunda-modeler v5.50.1: App.js `lintTab`, tabs/cloud-bpmn/BpmnEditor.js
 *   `handleLinting`), so the plugin's bpmn-js module attaches each modeler's
 *   context to its definitions and a rule reads it from the linted
 *   element's root.
 */
import type { FeelParser } from '../core/feel/tree';
import type { Metadata } from '../core/metadata/model';
import type { ElementTemplate } from '../core/template/types';
import type { FeelChecks } from './diagram/feel-checks';
import type { ModdleElement } from './diagram/zeebe';

export interface LintContext {
  readonly templates: readonly ElementTemplate[];
  readonly metadata?: Metadata | undefined;
  /** Reads FEEL values; until the plugin's FEEL chunk arrives there is none and FEEL values are not judged. */
  readonly feel?: FeelParser | undefined;
  /** The checks that read FEEL and only run with the parser; the plugin fetches them in its FEEL chunk, so its script stays small. */
  readonly feelChecks?: FeelChecks | undefined;
}

/** The options each rule takes; without `templates` the diagram's own context applies. */
export interface LintRuleOptions {
  templates?: readonly ElementTemplate[];
  metadata?: Metadata;
  feel?: FeelParser;
  feelChecks?: FeelChecks;
}

// A registered symbol: the same key whichever copy of this module attached it.
const CONTEXT = Symbol.for('camunda-modeler-servicenow-plugin.lint-context');

const NO_CONTEXT: LintContext = { templates: [] };

/** Gives a diagram (its root `bpmn:Definitions`) the context its rules check it with; not saved to XML. */
export function attachLintContext(definitions: object, context: LintContext): void {
  Object.defineProperty(definitions, CONTEXT, { value: context, configurable: true, enumerable: false, writable: false });
}

/**
 * The context to check `node` with: the rule options when they name
 * templates, else the one attached to the node's diagram, else none (a
 * diagram parsed from XML by another linter: nothing is checked, nothing
 * wrong reported).
 */
export function lintContextOf(node: ModdleElement, options: LintRuleOptions): LintContext {
  if (options.templates) return { templates: options.templates, metadata: options.metadata, feel: options.feel, feelChecks: options.feelChecks };
  let root = node;
  while (root.$parent) root = root.$parent;
  const attached = (root as { [CONTEXT]?: LintContext })[CONTEXT];
  return attached ?? (options.metadata ? { templates: [], metadata: options.metadata, feel: options.feel, feelChecks: options.feelChecks } : NO_CONTEXT);
}
