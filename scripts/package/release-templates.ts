import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../core/errors';
import { checkTemplateText, type ElementTemplate } from '../publish/template-checks';

export interface TemplateFile {
  /** File name, e.g. `servicenow-incident.json`. */
  fileName: string;
  text: string;
  template: ElementTemplate;
}

export interface ReleaseTemplates {
  /** `templates/*.json`: the current version of each template. */
  current: TemplateFile[];
  /** `templates/versioned/*.json`: released older versions, still needed by diagrams that use them. */
  versioned: TemplateFile[];
}

/**
 * Reads the generated templates and holds them to the rules every channel
 * shares: one template per file with the unpinned `$schema` (Web Modeler,
 * Marketplace), a unique id+version (Desktop Modeler refuses duplicates),
 * and a released version never changed in place.
 */
export async function readReleaseTemplates(templatesDir: string): Promise<ReleaseTemplates> {
  const current = await readFolder(templatesDir, true);
  if (current.length === 0) {
    throw new UserError(`${templatesDir} holds no templates; run "npm run generate" first`);
  }
  const versioned = await readFolder(join(templatesDir, 'versioned'), false);
  checkReleasedVersions(current, versioned);
  return { current, versioned };
}

async function readFolder(dir: string, required: boolean): Promise<TemplateFile[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' && !required) return [] as string[];
    if (error.code === 'ENOENT') throw new UserError(`${dir} does not exist; run "npm run generate" first`);
    throw error;
  });
  const files: TemplateFile[] = [];
  const problems: string[] = [];
  for (const fileName of names.filter((name) => name.endsWith('.json')).sort()) {
    const text = await readFile(join(dir, fileName), 'utf8');
    const result = checkTemplateText(text);
    if (result.ok) files.push({ fileName, text, template: result.template });
    else problems.push(...result.problems.map((problem) => `${join(dir, fileName)}: ${problem}`));
  }
  if (problems.length > 0) throw new UserError(`${problems.length} problem(s) in the templates to release`, problems);
  return files;
}

function checkReleasedVersions(current: TemplateFile[], versioned: TemplateFile[]): void {
  const problems: string[] = [];
  const seen = new Map<string, TemplateFile>();
  for (const file of [...current, ...versioned]) {
    const key = `${file.template.id}@${file.template.version ?? '-'}`;
    const other = seen.get(key);
    if (!other) {
      seen.set(key, file);
      continue;
    }
    if (current.includes(file) || !sameJson(other.text, file.text)) {
      problems.push(`${file.fileName} and ${other.fileName} both are ${key} but differ; a released version must not change: raise "version"`);
    }
  }
  const newestReleased = new Map<string, number>();
  for (const { template } of versioned) {
    newestReleased.set(template.id, Math.max(newestReleased.get(template.id) ?? 0, template.version ?? 0));
  }
  for (const { fileName, template } of current) {
    const released = newestReleased.get(template.id) ?? 0;
    if ((template.version ?? 0) < released) {
      problems.push(`${fileName} has version ${template.version ?? 'none'}, older than the released version ${released} in versioned/`);
    }
  }
  if (problems.length > 0) throw new UserError('the template versions do not agree with the released copies', problems);
}

function sameJson(a: string, b: string): boolean {
  return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
}

/** Versioned copies that the current set does not already hold (the same id and version would clash in Desktop Modeler). */
export function olderVersionsOnly(templates: ReleaseTemplates): TemplateFile[] {
  const currentKeys = new Set(templates.current.map(({ template }) => `${template.id}@${template.version ?? '-'}`));
  return templates.versioned.filter(({ template }) => !currentKeys.has(`${template.id}@${template.version ?? '-'}`));
}
