/**
 * How the validator words an operator that does not suit a field's type.
 * Which types belong to which family, and which operators each family
 * takes, is the field-type table's (core/metadata/field-types.ts).
 */
import type { OperatorName } from '../ast';
import type { Field } from '../../metadata/model';
import { fieldType, operatorLimit, type QueryFamily } from '../../metadata/field-types';

export type TypeFamily = QueryFamily;

export function familyOf(field: Field): TypeFamily {
  if (field.choices.length > 0 && field.choiceMode !== 0 && field.internalType !== 'boolean') {
    return 'choice';
  }
  return fieldType(field.internalType).family;
}

/** Why `operator` does not suit `field`, or undefined. */
export function operatorMismatch(operator: OperatorName, field: Field, family: TypeFamily): string | undefined {
  const limit = operatorLimit(operator, family, field.internalType);
  if (!limit) return undefined;
  const type = family === 'choice' ? `a choice field` : `a ${family} field`;
  switch (limit) {
    case 'date-only':
      return `${operator} only works on date fields; ${field.element} is ${type}.`;
    case 'reference-only':
      return `${operator} only works on reference fields; ${field.element} is ${type}.`;
    case 'class-only':
      return `${operator} only works on the class field (sys_class_name); ${field.element} is ${type}.`;
    case 'geo-only':
      return `${operator} only works on geo point fields; ${field.element} is ${type}.`;
    case 'not-boolean':
      return `${operator} does not apply to a true/false field; use = or !=.`;
    case 'numbers-or-dates':
      return `${operator} compares numbers or dates; ${field.element} is ${type}.`;
  }
}
