/**
 * Camunda's official ServiceNow connector templates, which lint checks by
 * default as the plugin does in the Modeler. They come from Camunda's own npm
 * package (a runtime dependency): it is published under the Camunda License,
 * so this MIT package depends on it instead of copying its files, and npm
 * keeps them current.
 */
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const PACKAGE = '@camunda/connectors-element-templates';

/** The official ServiceNow template files (servicenow-*.json), or none when the package is missing. */
export async function officialServiceNowTemplateFiles(): Promise<string[]> {
  let directory: string;
  try {
    directory = join(dirname(require.resolve(`${PACKAGE}/package.json`)), 'src', 'element-templates');
  } catch {
    return [];
  }
  const names = await readdir(directory).catch(() => [] as string[]);
  return names.filter((name) => /^servicenow-.*\.json$/.test(name)).sort().map((name) => join(directory, name));
}
