/**
 * The dropdown values that make a template property active: for each
 * `equals` condition on a Dropdown (directly or in `allMatch`), the value it
 * asks for. `oneOf` conditions (such as the operation) are left to the user.
 * Used to switch a template to the mode whose field the plugin writes (e.g.
 * "Custom result expression").
 */
import type { Condition, ElementTemplate, TemplateProperty } from '../../core/template/types';
import { propertyValue } from './template-values';
import type { ModdleElement } from './zeebe';

export function valuesToActivate(template: ElementTemplate, property: TemplateProperty, bo: ModdleElement): { property: TemplateProperty; value: string }[] {
  const conditions = flatten(property.condition);
  const changes: { property: TemplateProperty; value: string }[] = [];
  for (const condition of conditions) {
    if (!('equals' in condition)) continue;
    const related = template.properties.find((candidate) => candidate.id === condition.property);
    if (related?.type !== 'Dropdown' || propertyValue(bo, related) === condition.equals) continue;
    changes.push({ property: related, value: String(condition.equals) });
  }
  return changes;
}

function flatten(condition: Condition | undefined): Condition[] {
  if (!condition) return [];
  return 'allMatch' in condition ? condition.allMatch.flatMap(flatten) : [condition];
}
