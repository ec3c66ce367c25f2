/**
 * The dropdown values that make a template property active: for each
 * `equals` condition on a Dropdown (directly or in `allMatch`), the value it
 * asks for; for an `isEmpty: true` one, the empty value (the default choice). `oneOf` conditions (such as the operation) are left to the user.
 * Used to switch a template to the mode whose field the plugin writes (e.g.
 * "Custom result expression").
 */
import { simpleConditions } from '../../core/template/rules/conditions';
import type { ElementTemplate, TemplateProperty } from '../../core/template/types';
import { propertyValue } from '../../lint/diagram/template-values';
import type { ModdleElement } from '../../lint/diagram/zeebe';

export function valuesToActivate(template: ElementTemplate, property: TemplateProperty, bo: ModdleElement): { property: TemplateProperty; value: string }[] {
  const conditions = simpleConditions(property.condition);
  const changes: { property: TemplateProperty; value: string }[] = [];
  for (const condition of conditions) {
    // A dropdown's default choice may be stored as the empty value and matched with `isEmpty: true`.
    const wanted = 'equals' in condition ? String(condition.equals) : 'isEmpty' in condition && condition.isEmpty ? '' : undefined;
    if (wanted === undefined) continue;
    const related = template.properties.find((candidate) => candidate.id === condition.property);
    if (related?.type !== 'Dropdown' || (propertyValue(bo, related) ?? '') === wanted) continue;
    changes.push({ property: related, value: wanted });
  }
  return changes;
}
