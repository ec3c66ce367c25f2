import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { UserError } from '../../core/errors';
import { pluginManifestFiles } from './plugin-manifest';
import { olderVersionsOnly, type ReleaseTemplates } from './release-templates';
import type { ReleaseInfo } from './release-version';

/** Where Desktop Modeler looks for templates of this product inside `resources/`. */
export const TEMPLATES_FOLDER = 'element-templates/servicenow';

/**
 * A fixed local-time timestamp for every entry: zip stores DOS local time,
 * so building the Date from local fields keeps the bytes equal in every time zone.
 */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * The Desktop Modeler zip: its top level mirrors the Modeler's `resources/`
 * folder, so one unzip into `<app>/resources` or `<user data>/resources`
 * installs the plugin (`plugins/<name>/`) and the templates
 * (`element-templates/servicenow/`, older released versions in `versioned/`).
 */
export async function buildDesktopZip(root: string, release: ReleaseInfo, templates: ReleaseTemplates): Promise<Uint8Array> {
  const entries = new Map<string, Uint8Array>();
  const pluginDir = `plugins/${release.name}`;
  for (const file of await pluginManifestFiles(root)) {
    entries.set(`${pluginDir}/${file}`, await readFile(join(root, file)));
  }
  for (const file of ['LICENSE', 'README.md']) {
    const content = await readFile(join(root, file)).catch(() => {
      throw new UserError(`${join(root, file)} is missing; the plugin folder must carry the licence and the README`);
    });
    entries.set(`${pluginDir}/${file}`, content);
  }
  const encoder = new TextEncoder();
  for (const { fileName, text } of templates.current) entries.set(`${TEMPLATES_FOLDER}/${fileName}`, encoder.encode(text));
  for (const { fileName, text } of olderVersionsOnly(templates)) entries.set(`${TEMPLATES_FOLDER}/versioned/${fileName}`, encoder.encode(text));
  return zipDeterministic(entries);
}

/** Sorted entries, fixed timestamps, fixed compression: the same input gives the same bytes. */
export function zipDeterministic(entries: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const tree: Zippable = {};
  for (const path of [...entries.keys()].sort()) {
    tree[path] = [entries.get(path) as Uint8Array, { mtime: FIXED_MTIME, level: 9 }];
  }
  return zipSync(tree, { mtime: FIXED_MTIME });
}
