/**
 * URL parameters pasted along with a query (`...&sysparm_limit=10` from a
 * list URL): the fix removes them from the query, and the template's own
 * field for the parameter (property id `sysparm_limit`) gets the value, so
 * the limit is moved, not lost. Parameters the template has no field for
 * are only removed.
 */
import type { Diagnostic } from '../../core/query';
import type { ElementTemplate, TemplateProperty } from '../../core/template/types';

export interface MovedParameter {
  property: TemplateProperty;
  value: string;
}

export function movedParameters(text: string, diagnostics: readonly Diagnostic[], template: ElementTemplate | undefined): MovedParameter[] {
  if (!template) return [];
  const moved: MovedParameter[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.code !== 'syntax.parameter-name' || diagnostic.suggestion !== '') continue;
    const match = /^&(sysparm_[a-z_]+)=(.*)$/.exec(text.slice(diagnostic.start, diagnostic.end));
    const property = match ? template.properties.find((candidate) => candidate.id === match[1] && candidate.type !== 'Hidden') : undefined;
    if (match && property && match[2] !== '') moved.push({ property, value: decodeValue(match[2]!) });
  }
  return moved;
}

function decodeValue(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}
