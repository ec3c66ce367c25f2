/**
 * The official JSON schema check (@bpmn-io/element-templates-validator,
 * the library Desktop and Web Modeler use), typed for our use: the Camunda 8
 * (Zeebe) schema, and the Camunda 7 one for templates that name it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInThisContext } from 'node:vm';

export interface SchemaError {
  /** Absent when the input is not an object at all. */
  instancePath?: string;
  message: string;
  keyword: string;
  dataPointer?: { value?: { line: number; column: number } };
}

export interface SchemaResult {
  valid: boolean;
  errors?: SchemaError[] | null;
  warnings?: SchemaError[] | null;
}

/** The validator's compiled schema function (ajv standalone code): true when valid; warnings collect on the function. */
type CompiledCheck = ((template: unknown) => boolean) & { warnings?: unknown[] };

interface Validator {
  validateZeebe(template: unknown): SchemaResult;
  getZeebeSchemaVersion(): string;
  /** The Camunda 7 schema's check (@camunda/element-templates-json-schema), which Desktop Modeler's Camunda 7 diagrams use. */
  validate(template: unknown): SchemaResult;
  getSchemaVersion(): string;
  getSchemaPackage(): string;
  compiledCheck?: CompiledCheck;
}

const PACKAGE = '@bpmn-io/element-templates-validator';
/** The bundle's own loader of the standalone Zeebe validator (rollup's name for standaloneZeebeValidator.js). */
const COMPILED_CHECK_LOADER = 'requireStandaloneZeebeValidator';

/**
 * The validator, loaded with a handle on its compiled schema function as
 * well. `validateZeebe` first builds a JSON source map of the whole text
 * (for line numbers in its messages), which costs more than the schema
 * check itself; the compiled function lets a valid template skip it.
 * Both come from one copy of the bundle, so they share the schema code and
 * its warnings list. A bundle without that loader (another release)
 * still validates, only without the shortcut.
 */
function loadValidator(): Validator {
  const load = createRequire(__filename);
  const entry = load.resolve(PACKAGE);
  const source = readFileSync(entry, 'utf8');
  if (!source.includes(`function ${COMPILED_CHECK_LOADER} `)) return load(PACKAGE) as Validator;
  const wrapper = runInThisContext(`(function (exports, require, module, __filename, __dirname) {${source}\n;module.exports.compiledCheck = ${COMPILED_CHECK_LOADER}();\n})`, { filename: entry }) as (...args: unknown[]) => void;
  const module = { exports: {} as Validator };
  wrapper(module.exports, createRequire(entry), module, entry, dirname(entry));
  return module.exports;
}

/**
 * The bundle's schema functions are ajv standalone code of 140-180 KB of
 * bytecode each (the two largest of the Zeebe schema), past V8's default
 * limit for optimizing a function (61,440 bytes, `--max-optimized-bytecode-size`):
 * they would only ever run as baseline code, and the schema check of the
 * 2,000 templates of the synthetic benchmark snapshot took 15-16 s of CPU
 * instead of 8-10 s. The limit only decides which functions
 * TurboFan compiles, never what they compute. Set before the bundle runs;
 * the flag is the process's, so other threads share it.
 */
const MAX_OPTIMIZED_BYTECODE_BYTES = 256 * 1024;
setFlagsFromString(`--max-optimized-bytecode-size=${MAX_OPTIMIZED_BYTECODE_BYTES}`);

const validator = loadValidator();

/** The newest element template schema version this validator knows (a Modeler refuses templates naming a newer one). */
export const zeebeSchemaVersion = validator.getZeebeSchemaVersion();

/** The package a Camunda 7 template's `$schema` names, and the newest version of it this validator knows. */
export const camunda7SchemaPackage = validator.getSchemaPackage();
export const camunda7SchemaVersion = validator.getSchemaVersion();

/** The Camunda 7 schema's result for a template's JSON text (with line numbers). */
export function validateCamunda7(text: string): SchemaResult {
  return validator.validate(text);
}

/** Whether the shortcut for valid templates is available (the bundle has the loader it needs). */
export const hasCompiledCheck = typeof validator.compiledCheck === 'function';

/** The validator's result for a template object or its JSON text (a text gives line numbers). */
export function validateZeebe(template: unknown): SchemaResult {
  return validator.validateZeebe(template);
}

/**
 * The validator's result for `text`, whose parse is `parsed`: a template
 * the compiled schema accepts without a warning gets the result
 * `validateZeebe` would give (valid, no errors, no warnings) without the
 * source map; anything else is validated again in full, so every message
 * and line number is the validator's own.
 */
export function validateZeebeText(text: string, parsed: unknown): SchemaResult {
  const check = validator.compiledCheck;
  if (check) {
    const valid = check(parsed);
    // The list is shared by every run; `validateZeebe` empties it when it reads it, so must we.
    const warnings = check.warnings?.splice(0) ?? [];
    if (valid && warnings.length === 0) return { valid: true, errors: null, warnings: null };
  }
  return validator.validateZeebe(text);
}

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
