import { access, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, normalize, relative, isAbsolute } from 'node:path';
import { UserError } from '../../core/errors';

/**
 * The chunks the script loads on demand: webpack writes them next to it
 * (servicenow-metadata.js) and the script fetches them relative to its own URL.
 */
async function chunksBeside(root: string, script: string): Promise<string[]> {
  const dir = dirname(script);
  const names = await readdir(join(root, dir));
  return names.filter((name) => name.endsWith('.js') && name !== basename(script)).sort().map((name) => join(dir, name).split('\\').join('/'));
}

/** The files a Desktop Modeler plugin manifest (`index.js`) points at: `script` (with its chunks), `style`, `menu`. */
export async function pluginManifestFiles(root: string): Promise<string[]> {
  const manifestPath = join(root, 'index.js');
  let manifest: Record<string, unknown>;
  try {
    // A fresh require each time: the manifest is plain CommonJS, as the Modeler loads it.
    const load = createRequire(manifestPath);
    delete load.cache[load.resolve(manifestPath)];
    manifest = load(manifestPath) as Record<string, unknown>;
  } catch (error) {
    throw new UserError(`cannot load the plugin manifest ${manifestPath}: ${(error as Error).message}`);
  }
  if (typeof manifest.name !== 'string' || typeof manifest.script !== 'string') {
    throw new UserError(`${manifestPath} must export { name, script } (camunda-modeler plugin manifest)`);
  }
  const files = ['index.js'];
  for (const key of ['script', 'style', 'menu'] as const) {
    const value = manifest[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new UserError(`${manifestPath}: "${key}" must be a path`);
    const rel = normalize(value);
    if (isAbsolute(rel) || relative('.', rel).startsWith('..')) throw new UserError(`${manifestPath}: "${key}" must stay inside the plugin folder`);
    await access(join(root, rel)).catch(() => {
      throw new UserError(`${manifestPath} names ${key} "${value}", which does not exist; run "npm run bundle" first`);
    });
    files.push(rel.split('\\').join('/'));
    if (key === 'script') files.push(...(await chunksBeside(root, rel)));
  }
  return files;
}
