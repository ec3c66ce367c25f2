import { MAX_ICON_BYTES } from '../../core/template/check/check-template';
import { meaningfulErrors, validateZeebe, type SchemaError } from '../validate/zeebe-schema';

/** The only `$schema` Web Modeler accepts: the unpinned latest schema (manage-element-templates docs). */
export const UNPINNED_SCHEMA_URL = 'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json';

export interface ElementTemplate {
  $schema?: unknown;
  id: string;
  name: string;
  version?: number;
  icon?: { contents?: unknown };
  [key: string]: unknown;
}

export type CheckResult = { ok: true; template: ElementTemplate } | { ok: false; problems: string[] };

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
    const errors = meaningfulErrors(validation);
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

/** Measured like the `validate` command does: the bytes of the icon as stored in the template. */
function iconProblems(icon: unknown): string[] {
  const contents = (icon as { contents?: unknown } | undefined)?.contents;
  if (typeof contents !== 'string') return [];
  const bytes = new TextEncoder().encode(contents).length;
  if (bytes <= MAX_ICON_BYTES) return [];
  return [`icon is ${bytes} bytes as stored in the template; Web Modeler accepts at most 8 KB (${MAX_ICON_BYTES} bytes): simplify or compress the icon`];
}

function describeValidationError(error: SchemaError): string {
  const line = error.dataPointer?.value?.line;
  const where = [line === undefined ? undefined : `line ${line + 1}`, error.instancePath || undefined].filter(Boolean).join(' ');
  return `${where ? `${where}: ` : ''}${error.message ?? 'invalid'}`;
}
