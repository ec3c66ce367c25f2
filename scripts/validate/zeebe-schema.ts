/**
 * The official JSON schema check (@bpmn-io/element-templates-validator,
 * the library Desktop and Web Modeler use), typed for our use.
 */
// @ts-expect-error the package ships no type declarations
import { validateZeebe as untypedValidateZeebe } from '@bpmn-io/element-templates-validator';

export interface SchemaError {
  /** Absent when the input is not an object at all. */
  instancePath?: string;
  message: string;
  keyword: string;
  dataPointer?: { value?: { line: number; column: number } };
}

export interface SchemaResult {
  valid: boolean;
  errors?: SchemaError[];
  warnings?: SchemaError[];
}

export const validateZeebe = untypedValidateZeebe as (template: unknown) => SchemaResult;

/**
 * The errors that matter: the root `oneOf` (one template or an array of
 * them) adds "must be array" and "must match exactly one schema" to every
 * real error in a single template; those two say nothing new.
 */
export function meaningfulErrors(result: SchemaResult): SchemaError[] {
  const errors = result.errors ?? [];
  const real = errors.filter((error) => !((error.instancePath ?? '') === '' && (error.keyword === 'oneOf' || (error.keyword === 'type' && error.message === 'must be array'))));
  return real.length > 0 ? real : errors;
}
