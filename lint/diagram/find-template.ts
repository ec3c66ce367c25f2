/** Finding the element template a diagram element links to, among the templates a lint context has. */
import type { ElementTemplate } from '../../core/template/types';

/**
 * The template an element links to: that id in exactly that version (a
 * template without a version for an element naming none), as
 * bpmn-js-element-templates resolves it (`ElementTemplates#get`). Desktop
 * shows any other version as "Not found" without its properties, and the
 * library's own lint rule reports it; checked against another version, a
 * task would get findings about properties it does not have.
 */
export function findTemplate(templates: readonly ElementTemplate[], id: string | undefined, version: number | undefined): ElementTemplate | undefined {
  if (!id) return undefined;
  return templates.find((template) => template.id === id && template.version === version);
}
