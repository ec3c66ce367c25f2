/** Finding the element template a diagram element links to, among the templates a lint context has. */
import type { ElementTemplate } from '../../core/template/types';

/** The template an element links to: exact version, else the latest with that id. */
export function findTemplate(templates: readonly ElementTemplate[], id: string | undefined, version: number | undefined): ElementTemplate | undefined {
  if (!id) return undefined;
  const candidates = templates.filter((template) => template.id === id);
  return candidates.find((template) => template.version === version)
    ?? candidates.reduce<ElementTemplate | undefined>((latest, template) => (!latest || (template.version ?? 0) > (latest.version ?? 0) ? template : latest), undefined);
}
