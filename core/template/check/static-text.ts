import { holdsBareSecret, isSecretReference, staticTextProblem } from '../patterns';
import type { Binding, TemplateProperty } from '../types';

type Report = (severity: 'error' | 'warning', property: string | undefined, message: string) => void;

/** Texts a user may type that the runtime would change; a free-text input's pattern must refuse both. */
const PROBES = ['rotate secrets.yaml', 'Disk full on D:\\backups\\new'];

function patternOf(property: Pick<TemplateProperty, 'constraints'>): string | undefined {
  const pattern = property.constraints?.pattern;
  return typeof pattern === 'string' ? pattern : pattern?.value;
}

/**
 * Static input values reach the connector changed when they hold a
 * backslash or a bare `secrets.<name>` (patterns.ts SAFE_TEXT): a fixed or
 * choice value that does is an error; a free-text input whose pattern lets
 * a user type it is a warning. FEEL values are checked for the secret form
 * only, as the replacement runs on evaluated values too.
 */
export function checkStaticText(property: Omit<TemplateProperty, 'binding'> & { binding?: Binding }, where: string, report: Report): void {
  if (property.binding?.type !== 'zeebe:input') return;
  const values = [property.value, ...(property.choices ?? []).map((choice) => choice.value)];
  for (const value of values) {
    if (typeof value !== 'string' || value === '' || isSecretReference(value)) continue;
    const feel = value.trim().startsWith('=');
    const problem = feel ? (holdsBareSecret(value) ? 'holds the text secrets.<name>, which the connector runtime replaces in the evaluated value' : undefined) : staticTextProblem(value);
    if (problem) report('error', where, `value "${value.length > 40 ? `${value.slice(0, 37)}...` : value}" ${problem}`);
  }
  const typed = (property.type === 'String' || property.type === 'Text') && property.feel !== 'required';
  if (!typed) return;
  const pattern = patternOf(property);
  const accepted = PROBES.filter((probe) => !pattern || new RegExp(pattern).test(probe));
  if (accepted.length > 0) report('warning', where, `lets a user type static text the runtime changes (e.g. ${JSON.stringify(accepted[0])}): add a constraints.pattern refusing backslashes and bare secrets.<name>`);
}
