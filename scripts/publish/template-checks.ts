import { checkSchemaAndIcon } from '../../core/template/check/schema-and-icon';
import { meaningfulErrors, validateZeebe, type SchemaError } from '../validate/zeebe-schema';
import { jsonProblem } from '../io/text-file';

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
    return { ok: false, problems: [`not valid JSON: ${jsonProblem(text, error)}`] };
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
  // Web Modeler refuses what Desktop would only warn about (a pinned $schema), so every finding stops the upload.
  const problems = checkSchemaAndIcon(template, 'web-modeler').map((finding) => finding.message);
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

function describeValidationError(error: SchemaError): string {
  const line = error.dataPointer?.value?.line;
  const where = [line === undefined ? undefined : `line ${line + 1}`, error.instancePath || undefined].filter(Boolean).join(' ');
  return `${where ? `${where}: ` : ''}${error.message ?? 'invalid'}`;
}
