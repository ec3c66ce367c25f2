/**
 * Step 2 of the proof, Zeebe (8.8+): input mappings are evaluated one by
 * one in modeling order, each seeing the earlier targets and the process
 * variables (camunda/camunda docs concepts/variables.md, "Variable mappings
 * are evaluated in the defined order"; VariableMappingTransformer.java). A
 * mapping without a source is null (NullExpression, camunda/camunda#30383);
 * a static source is quoted and decoded as a FEEL string literal
 * (feel-scala-strings.ts); a dotted target builds a nested local context
 * that replaces, not merges with, a process variable of that root name
 * (input mappings use the context value as is, unlike output mappings'
 * `mergeContextExpression`).
 */
import type { TemplateProperty } from '../../../core/template/types';
import { evaluateFeel, FeelFailure } from './feel';
import { staticSourceValue } from './feel-scala-strings';
import { isFeel } from './modeler';

/** An input mapping whose evaluation fails: Zeebe raises an incident on the task (the job is never created). */
export class IncidentRaised extends Error {}

export interface MappedInputs {
  locals: Record<string, unknown>;
  warnings: string[];
}

export function evaluateInputMappings(persisted: Map<TemplateProperty, unknown>, processVariables: Record<string, unknown>): MappedInputs {
  const warnings: string[] = [];
  const locals: Record<string, unknown> = {};
  for (const [property, value] of persisted) {
    if (property.binding.type !== 'zeebe:input') continue;
    const target = property.binding.name;
    setPath(locals, target, sourceValue(value, { ...processVariables, ...locals }, warnings, target));
  }
  return { locals, warnings };
}

function sourceValue(value: unknown, context: Record<string, unknown>, warnings: string[], target: string): unknown {
  if (value === undefined || value === null) return null;
  if (!isFeel(value)) return staticSourceValue(String(value));
  try {
    const result = evaluateFeel(value, context);
    for (const warning of result.warnings) warnings.push(`input ${target}: ${warning.message}`);
    return result.value;
  } catch (error) {
    if (error instanceof FeelFailure) throw new IncidentRaised(`input ${target}: ${error.message}`);
    throw error;
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    node = (node[part] = next && typeof next === 'object' ? { ...(next as Record<string, unknown>) } : {}) as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}
