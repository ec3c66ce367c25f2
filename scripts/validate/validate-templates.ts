import { checkTemplate, type Severity } from '../../core/template/check/check-template';
import type { ElementTemplate } from '../../core/template/types';
import { camunda7SchemaPackage, camunda7SchemaVersion, meaningfulErrors, validateCamunda7, validateZeebeText, zeebeSchemaVersion, type SchemaError } from './zeebe-schema';
import { fileTooLarge, oversizedTexts } from './size-limits';
import { modelerRefusals } from './modeler-refusals';
import { jsonProblem } from '../io/text-file';

/** One finding in one file: where (template, property) and what. */
export interface FileProblem {
  file: string;
  /** The template's id, when it has one. */
  templateId?: string;
  templateVersion?: number;
  /** Position in the file when it holds an array of templates. */
  templateIndex?: number;
  /** Property id, or `#<index>` for a property without one. */
  property?: string;
  /** 1-based line in the file, when the schema validator knows it. */
  line?: number;
  severity: Severity;
  message: string;
}

/**
 * Checks the text of one element template file (one template or an array,
 * as the Modeler accepts): the official schema, then the semantic checks.
 */
export function validateTemplateText(file: string, text: string): FileProblem[] {
  const tooLarge = fileTooLarge(text);
  if (tooLarge) return [{ file, severity: 'error', message: tooLarge }];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return [{ file, severity: 'error', message: `not valid JSON: ${jsonProblem(text, error)}` }];
  }
  if (isTemplateIndex(parsed)) {
    return [{ file, severity: 'error', message: 'a template index (template ids mapped to versions and the URLs of their files, as camunda/connectors\' connector-templates.json), not an element template: validate the template files it names' }];
  }
  if (isPackageManifest(file, parsed)) {
    return [{ file, severity: 'error', message: 'an npm package manifest, not an element template (as in @camunda/connectors-element-templates, whose templates sit under src/element-templates/): validate the template files of the package' }];
  }
  const templates = Array.isArray(parsed) ? parsed : [parsed];
  if (templates.length === 0) return [{ file, severity: 'error', message: 'the file holds an empty array: no template' }];
  return templates.flatMap((template, index) => {
    const where = {
      file,
      ...(typeof (template as ElementTemplate | null)?.id === 'string' ? { templateId: (template as ElementTemplate).id } : {}),
      ...(typeof (template as ElementTemplate | null)?.version === 'number' ? { templateVersion: (template as ElementTemplate).version } : {}),
      ...(Array.isArray(parsed) ? { templateIndex: index } : {})
    };
    // The file's own text keeps line numbers in the validator's data pointers; a template in an array has none of its own.
    const own = Array.isArray(parsed) ? JSON.stringify(template, null, 2) : text;
    const camunda7 = isCamunda7Template(template);
    const schema = camunda7 ? validateCamunda7(own) : validateZeebeText(own, template);
    const problems: FileProblem[] = [
      ...meaningfulErrors(schema).map((error) => schemaProblem(where, template, error, 'error')),
      ...(schema.warnings ?? []).map((warning) => schemaProblem(where, template, warning, 'warning'))
    ];
    if (template && typeof template === 'object' && !Array.isArray(template)) {
      for (const problem of oversizedTexts(template as Record<string, unknown>)) problems.push({ ...where, ...problem });
      for (const problem of modelerRefusals(template as Record<string, unknown>, camunda7 ? camunda7SchemaVersion : zeebeSchemaVersion)) problems.push({ ...where, ...problem });
      // The semantic checks read Zeebe bindings and Camunda 8 runtime rules.
      if (camunda7) return problems;
      try {
        for (const problem of checkTemplate(template as ElementTemplate)) problems.push({ ...where, ...problem });
      } catch (error) {
        problems.push({ ...where, severity: 'warning', message: `semantic checks skipped until the schema errors are fixed (${(error as Error).message})` });
      }
    }
    return problems;
  });
}

function schemaProblem(where: Omit<FileProblem, 'severity' | 'message'>, template: unknown, error: SchemaError, severity: Severity): FileProblem {
  const instancePath = error.instancePath ?? '';
  const match = instancePath.match(/^\/properties\/(\d+)(\/.*)?$/);
  const index = match ? Number(match[1]) : undefined;
  const property = index === undefined ? undefined : ((template as ElementTemplate).properties?.[index]?.id ?? `#${index}`);
  const line = error.dataPointer?.value?.line;
  const path = match ? (match[2] ?? '') : instancePath;
  return {
    ...where,
    ...(property === undefined ? {} : { property }),
    ...(line === undefined || where.templateIndex !== undefined ? {} : { line: line + 1 }),
    severity,
    message: `${path ? `${path.replace(/^\//, '')}: ` : ''}${error.message}`
  };
}

/**
 * Ids and versions must be unique across everything the Modeler loads
 * together: it keeps one template per id and version, so a second one, in
 * another file or the same, is silently dropped.
 */
export function duplicateVersions(files: { file: string; text: string }[]): FileProblem[] {
  const seen = new Map<string, { file: string; index: number }>();
  const problems: FileProblem[] = [];
  for (const { file, template, index, inList } of loadedTemplates(files)) {
    const { id, version } = (template ?? {}) as { id?: unknown; version?: unknown };
    if (typeof id !== 'string') continue;
    const key = `${id}@${String(version ?? '(none)')}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, { file, index });
      continue;
    }
    const where = first.file === file ? `at index ${first.index} of this file` : `in ${first.file}`;
    problems.push({
      file,
      templateId: id,
      ...(typeof version === 'number' ? { templateVersion: version } : {}),
      ...(inList ? { templateIndex: index } : {}),
      severity: 'error',
      message: `id ${id} version ${String(version ?? '(none)')} is also ${where}; the Modeler loads only one of them`
    });
  }
  return problems;
}

/** Every template of the files that parse, in file order: the Modeler loads a file's list or its one template (a file that does not parse is `validateTemplateText`'s to report). */
function* loadedTemplates(files: { file: string; text: string }[]): Generator<{ file: string; template: unknown; index: number; inList: boolean }> {
  for (const { file, text } of files) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      continue;
    }
    const inList = Array.isArray(parsed);
    const templates: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
    for (let index = 0; index < templates.length; index++) yield { file, template: templates[index], index, inList };
  }
}

/**
 * Configuration templates embedded in element templates are shared by id and
 * version (1 when absent) across everything the Modeler loads: a second
 * definition that differs is ignored, with a warning
 * (bpmn-js-element-templates `getConfigurationTemplateConflictWarnings`).
 */
export function configurationConflicts(files: { file: string; text: string }[]): FileProblem[] {
  const first = new Map<string, { definition: string; where: string; value: Record<string, unknown> }>();
  const problems: FileProblem[] = [];
  for (const { file, template, index, inList } of loadedTemplates(files)) {
    const { id, version, configurationTemplates } = (template ?? {}) as { id?: unknown; version?: unknown; configurationTemplates?: unknown };
    if (!Array.isArray(configurationTemplates)) continue;
    for (const configuration of configurationTemplates as { id?: unknown; version?: unknown }[]) {
      if (!configuration || typeof configuration !== 'object' || !configuration.id) continue;
      const key = `${String(configuration.id)}@${String(configuration.version ?? 1)}`;
      const definition = JSON.stringify(canonical(configuration));
      const seen = first.get(key);
      if (!seen) {
        first.set(key, { definition, where: `${file}${typeof id === 'string' ? ` (${id})` : ''}`, value: configuration as Record<string, unknown> });
        continue;
      }
      if (seen.definition === definition) continue;
      const differing = [...new Set([...Object.keys(seen.value), ...Object.keys(configuration)])]
        .filter((field) => JSON.stringify(canonical(seen.value[field])) !== JSON.stringify(canonical((configuration as Record<string, unknown>)[field])));
      problems.push({
        file,
        ...(typeof id === 'string' ? { templateId: id } : {}),
        ...(typeof version === 'number' ? { templateVersion: version } : {}),
        ...(inList ? { templateIndex: index } : {}),
        severity: 'warning',
        message: `embeds configuration template ${String(configuration.id)} version ${String(configuration.version ?? 1)} unlike ${seen.where} (${differing.join(', ')} ${differing.length === 1 ? 'differs' : 'differ'}): Camunda Modeler keeps the first definition it loads and ignores this one; embed the same definition, or give this one another id or version`
      });
    }
  }
  return problems;
}

/** The value with object keys sorted, so that two definitions compare by content. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
  return value;
}

export function formatProblem(problem: FileProblem): string {
  const version = problem.templateVersion === undefined ? '' : ` v${problem.templateVersion}`;
  const template = problem.templateId ? `${problem.templateId}${version}` : problem.templateIndex === undefined ? undefined : `[${problem.templateIndex}]`;
  const location = [problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`, template, problem.property].filter(Boolean).join(': ');
  return `${location}: ${problem.severity}: ${problem.message}`;
}

/**
 * A Camunda 7 template: its `$schema` names the Camunda 7 schema, or it has
 * none and binds `camunda:` extension elements or attributes, which only
 * Camunda 7 has.
 * Desktop Modeler offers every template without the Camunda 8 schema to
 * Camunda 7 diagrams (camunda-modeler client/src/util/elementTemplates.js
 * `getPlatformTemplates`), and its resources/element-templates folder holds
 * such templates beside Camunda 8 ones (samples.json, rpa.json): checked
 * against the Camunda 7 schema, they are no broken Camunda 8 templates. A
 * template without `$schema` and without such bindings stays a Camunda 8
 * template that lacks its `$schema`.
 */
function isCamunda7Template(template: unknown): boolean {
  if (!template || typeof template !== 'object') return false;
  const { $schema: schema, properties } = template as { $schema?: unknown; properties?: unknown };
  if (typeof schema === 'string') return schema.includes(camunda7SchemaPackage);
  return schema === undefined && Array.isArray(properties)
    && properties.some((property) => {
      const binding = (property as { binding?: { type?: unknown; name?: unknown } } | null)?.binding;
      return String(binding?.type ?? '').startsWith('camunda:') || (binding?.type === 'property' && String(binding.name ?? '').startsWith('camunda:'));
    });
}

/** A `package.json` that is no template: found when a folder holding an npm package of templates is validated. */
function isPackageManifest(file: string, parsed: unknown): boolean {
  return /(?:^|[\\/])package\.json$/.test(file) && !!parsed && typeof parsed === 'object' && !Array.isArray(parsed) && !('appliesTo' in parsed);
}

/**
 * Camunda's index of connector templates (camunda/connectors
 * connector-templates.json: `{ "<id>": [{ version, ref, engine }] }`) sits
 * among template files but holds none; read as a template it yields a list
 * of missing template fields instead of saying what it is.
 */
function isTemplateIndex(parsed: unknown): boolean {
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return false;
  const entries = Object.values(parsed);
  return entries.length > 0 && entries.every((versions) => Array.isArray(versions) && versions.length > 0
    && versions.every((each) => each !== null && typeof each === 'object' && typeof (each as { ref?: unknown }).ref === 'string'));
}
