/**
 * Where later tasks read a process variable: the inputs (zeebe:input) of
 * the flow nodes a sequence-flow path leads to from the producing task whose
 * FEEL expression names it. Renaming the variable in the producer leaves
 * these reading a variable that no longer exists, so the output helper
 * offers to rename them too.
 */
import { isUpstream } from '../../lint/diagram/sys-id-variables';
import { getIoMapping, type ModdleElement } from '../../lint/diagram/zeebe';

export interface VariableUsage {
  /** The flow node whose input reads the variable. */
  bo: ModdleElement;
  /** The zeebe:input element. */
  input: ModdleElement;
  /** Its source with the variable renamed. */
  renamed: string;
}

export function variableUsages(producer: ModdleElement, candidates: readonly ModdleElement[], variable: string, newName: string): VariableUsage[] {
  const usages: VariableUsage[] = [];
  for (const bo of candidates) {
    if (bo === producer) continue;
    const inputs: ModdleElement[] = getIoMapping(bo)?.get?.('inputParameters') ?? [];
    const reading = inputs.filter((input) => typeof input.source === 'string' && renameVariable(input.source, variable, newName) !== input.source);
    if (!reading.length || !isUpstream(producer, bo)) continue;
    for (const input of reading) usages.push({ bo, input, renamed: renameVariable(input.source, variable, newName) });
  }
  return usages;
}

/**
 * Renames a variable in a FEEL expression (`=...`): whole names only, not
 * inside string literals, not after a `.` (a path into a context) and not
 * before a `:` (a context key). Anything that is not FEEL is left as it is.
 */
export function renameVariable(source: string, variable: string, newName: string): string {
  if (!source.startsWith('=')) return source;
  const name = new RegExp(`(?<![A-Za-z0-9_.])${variable.replace(/[$]/g, '\\$&')}(?![A-Za-z0-9_])(?!\\s*:)`, 'g');
  // Even parts are outside string literals, odd parts are literals (with their quotes).
  return source.split(/("(?:[^"\\]|\\.)*")/).map((part, index) => (index % 2 ? part : part.replace(name, newName))).join('');
}

/** "1 usage in Update incident", "3 usages in Update incident, Resolve incident". */
export function usagesText(usages: readonly VariableUsage[]): string {
  const names = [...new Set(usages.map((usage) => usage.bo.name || usage.bo.id))];
  return `${usages.length} usage${usages.length === 1 ? '' : 's'} in ${names.join(', ')}`;
}
