/**
 * The element templates the Modeler has loaded, for the lint rule: bpmnlint
 * rules see moddle elements only, and Desktop gives plugin rules no access
 * to the templates. The bpmn-js module publishes them here; the CLI passes
 * its templates as a rule option instead.
 */
import type { ElementTemplate } from '../../core/template/types';

let published: readonly ElementTemplate[] = [];

export function publishTemplates(templates: readonly ElementTemplate[]): void {
  published = templates;
}

export function publishedTemplates(): readonly ElementTemplate[] {
  return published;
}

/** The template an element links to: exact version, else the latest with that id. */
export function findTemplate(templates: readonly ElementTemplate[], id: string | undefined, version: number | undefined): ElementTemplate | undefined {
  if (!id) return undefined;
  const candidates = templates.filter((template) => template.id === id);
  return candidates.find((template) => template.version === version)
    ?? candidates.reduce<ElementTemplate | undefined>((latest, template) => (!latest || (template.version ?? 0) > (latest.version ?? 0) ? template : latest), undefined);
}
