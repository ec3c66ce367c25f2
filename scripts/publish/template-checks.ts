// @ts-expect-error the package ships no type declarations
import { validateZeebe as untypedValidateZeebe } from '@bpmn-io/element-templates-validator';

/** The only `$schema` Web Modeler accepts: the unpinned latest schema (manage-element-templates docs). */
export const UNPINNED_SCHEMA_URL = 'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json';
/** Web Modeler refuses icons above 8 KB; we read KB as 1024 bytes of decoded image data. */
export const MAX_ICON_BYTES = 8 * 1024;

export interface ElementTemplate {
  $schema?: unknown;
  id: string;
  name: string;
  version?: number;
  icon?: { contents?: unknown };
  [key: string]: unknown;
}

export type CheckResult = { ok: true; template: ElementTemplate } | { ok: false; problems: string[] };

interface ValidationError {
  message?: string;
  keyword?: string;
  instancePath?: string;
  dataPointer?: { value?: { line: number } };
}
interface ZeebeValidation {
  valid: boolean;
  errors?: ValidationError[];
}
type ValidateZeebe = (template: unknown) => ZeebeValidation;

const validateZeebe = untypedValidateZeebe as ValidateZeebe;

/**
 * The checks Web Modeler applies on upload, run locally so that each file gets
 * one clear message instead of a server-side 400: one template per file, the
 * unpinned `$schema`, the icon size limit, and the official schema validation.
 */
export function checkTemplateText(text: string): CheckResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`not valid JSON: ${(error as Error).message}`] };
  }
  if (Array.isArray(parsed)) {
    return {
      ok: false,
      problems: [
        parsed.length === 1
          ? 'holds a list with one template; Web Modeler keeps one template per file: remove the list brackets'
          : `holds a list of ${parsed.length} templates; Web Modeler keeps one template per file: split it into ${parsed.length} files`
      ]
    };
  }
  if (parsed === null || typeof parsed !== 'object') {
    return { ok: false, problems: ['is not an element template: expected a JSON object'] };
  }
  const template = parsed as Record<string, unknown>;
  const problems = [...schemaProblems(template.$schema), ...iconProblems(template.icon)];
  // Validating the text (not the object) gives line numbers in the messages.
  const validation = validateZeebe(text);
  if (!validation.valid) {
    const errors = (validation.errors ?? []).filter((error) => !isRootOneOfNoise(error));
    for (const error of errors.slice(0, 5)) problems.push(`schema: ${describeValidationError(error)}`);
    if (errors.length > 5) problems.push(`schema: … and ${errors.length - 5} more errors`);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, template: template as ElementTemplate };
}

function schemaProblems(schema: unknown): string[] {
  if (schema === undefined) return [`has no "$schema"; set it to ${UNPINNED_SCHEMA_URL}`];
  if (typeof schema !== 'string' || !schema.includes('@camunda/zeebe-element-templates-json-schema')) {
    return [`"$schema" is ${JSON.stringify(schema)}, not the Camunda 8 element template schema; set it to ${UNPINNED_SCHEMA_URL}`];
  }
  const pinned = /@camunda\/zeebe-element-templates-json-schema@([^/]+)/.exec(schema);
  if (pinned) {
    return [`"$schema" pins version ${pinned[1]}; Web Modeler accepts only the unpinned ${UNPINNED_SCHEMA_URL}`];
  }
  return [];
}

function iconProblems(icon: unknown): string[] {
  const contents = (icon as { contents?: unknown } | undefined)?.contents;
  if (typeof contents !== 'string' || !contents.startsWith('data:')) return [];
  const bytes = dataUriByteLength(contents);
  if (bytes === undefined) return ['icon.contents is a malformed data URI (expected data:<type>[;base64],<data>)'];
  if (bytes > MAX_ICON_BYTES) {
    return [`icon is ${bytes} bytes; Web Modeler accepts at most 8 KB (${MAX_ICON_BYTES} bytes): simplify or compress the icon`];
  }
  return [];
}

/** Size of the decoded payload of a data URI, or undefined when it is malformed. */
export function dataUriByteLength(uri: string): number | undefined {
  const comma = uri.indexOf(',');
  if (comma < 0) return undefined;
  const header = uri.slice(5, comma);
  const data = uri.slice(comma + 1);
  if (header.split(';').includes('base64')) return Buffer.from(data, 'base64').length;
  try {
    return Buffer.byteLength(decodeURIComponent(data), 'utf8');
  } catch {
    return undefined;
  }
}

/** The schema root is `oneOf: [template, array]`; its "must be array"/"oneOf" echoes say nothing new. */
function isRootOneOfNoise(error: ValidationError): boolean {
  return error.instancePath === '' && (error.keyword === 'type' || error.keyword === 'oneOf');
}

function describeValidationError(error: ValidationError): string {
  const line = error.dataPointer?.value?.line;
  const where = [line === undefined ? undefined : `line ${line + 1}`, error.instancePath || undefined].filter(Boolean).join(' ');
  return `${where ? `${where}: ` : ''}${error.message ?? 'invalid'}`;
}
