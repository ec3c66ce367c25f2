/**
 * The element templates the lint command resolves `zeebe:modelerTemplate`
 * with, found where Desktop Modeler finds them: the package's own
 * templates/, Camunda's official ServiceNow templates, every
 * `.camunda/element-templates` folder above a diagram, and any file or
 * folder given with --templates.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../../core/errors';
import { packageRoot } from '../io/package-root';
import type { ElementTemplate } from '../../core/template/types';
import { collectTemplateFiles } from '../io/template-files';
import { officialServiceNowTemplateFiles } from './official-templates';
import { jsonProblem } from '../io/text-file';

export const packageTemplatesDir = join(packageRoot, 'templates');

export async function loadTemplates(explicit: string[], diagrams: string[], cwd: string): Promise<ElementTemplate[]> {
  const sources = [...explicit.map((path) => resolve(cwd, path))];
  if (await isDirectory(packageTemplatesDir)) sources.push(packageTemplatesDir);
  sources.push(...(await officialServiceNowTemplateFiles()));
  for (const diagram of diagrams) sources.push(...(await projectTemplateDirs(resolve(cwd, diagram))));
  const files = (await collectTemplateFiles([...new Set(sources)], cwd, { depth: 'all' })).map((file) => file.path);
  const templates: ElementTemplate[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new UserError(`${file}: not valid JSON (${jsonProblem(text, error)})`, ['Pass element template files (one template or an array).']);
    }
    for (const template of [parsed].flat()) if (isTemplate(template)) templates.push(template);
  }
  return templates;
}

/** `.camunda/element-templates` in the diagram's folder and every folder above it. */
async function projectTemplateDirs(diagram: string): Promise<string[]> {
  const found: string[] = [];
  for (let dir = dirname(diagram); ; dir = dirname(dir)) {
    const candidate = join(dir, '.camunda', 'element-templates');
    if (await isDirectory(candidate)) found.push(candidate);
    if (dirname(dir) === dir) return found;
  }
}

function isTemplate(value: unknown): value is ElementTemplate {
  const template = value as Partial<ElementTemplate> | null;
  return typeof template?.id === 'string' && Array.isArray(template.properties);
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}
