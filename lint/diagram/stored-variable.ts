/**
 * Which variable a ServiceNow task stores its record's sys_id in. Our
 * templates' preset mapping (a Hidden result expression, active and
 * unchanged) uses the generator's names (`incidentSysId`, see
 * core/template/output.ts); otherwise the helper's entries are read from the
 * user's expression.
 */
import { outputVariableNames } from '../../core/template/output';
import type { FeelParser } from '../../core/feel/tree';
import type { ElementTemplate, TemplateProperty } from '../../core/template/types';
import { tableOf } from './servicenow-template';
import { activeProperties } from './template-values';
import { getHeaderValue, type ModdleElement } from './zeebe';
import { readOutputVariables } from './result-expression';

export const RESULT_EXPRESSION = 'resultExpression';

export function isResultExpression(property: TemplateProperty): boolean {
  const binding = property.binding as { type: string; key?: string };
  return binding.type === 'zeebe:taskHeader' && binding.key === RESULT_EXPRESSION;
}

/** The active preset result expression property, when the element still holds its value. */
export function activePreset(template: ElementTemplate, bo: ModdleElement): TemplateProperty | undefined {
  const expression = getHeaderValue(bo, RESULT_EXPRESSION);
  return activeProperties(template, bo).find((property) => property.type === 'Hidden' && isResultExpression(property) && property.value === expression);
}

export function storedSysIdVariable(template: ElementTemplate, bo: ModdleElement, feel: FeelParser): string | undefined {
  const expression = getHeaderValue(bo, RESULT_EXPRESSION);
  const table = tableOf(template, bo);
  const preset = activePreset(template, bo);
  if (preset) return table && /sys_id/.test(String(preset.value)) ? outputVariableNames(table).sysId : undefined;
  return readOutputVariables(expression, feel).sysId;
}
