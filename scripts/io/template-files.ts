import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '../../core/errors';
import { isFileOrLinkToFile } from './file-entries';

export interface TemplateFile {
  /** Absolute, for reading. */
  path: string;
  /** As the user named it (the operand, joined with the name found under it), for messages. */
  display: string;
}

export interface CollectOptions {
  /**
   * `all`: every `.json` file below a folder (validate, lint: Desktop reads
   * sub-folders too). `top`: only those directly in it, so that publishing
   * `templates/` does not upload the released copies in `templates/versioned/`.
   */
  depth: 'all' | 'top';
  /** Refuse a named folder that holds no `.json` file (an operand that stands for nothing is a mistake). */
  refuseEmptyFolder?: boolean;
}

/**
 * Expands command-line operands into template files: a file stands for
 * itself, a folder for the `.json` files in it, sorted, each file once even
 * when two operands name it. One home for every command that takes
 * templates (validate, lint, publish).
 */
export async function collectTemplateFiles(operands: readonly string[], cwd: string, options: CollectOptions): Promise<TemplateFile[]> {
  const files = new Map<string, TemplateFile>();
  for (const operand of operands) {
    const path = resolve(cwd, operand);
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new UserError(`${operand}: no such file or directory`);
    if (!info.isDirectory()) {
      if (!files.has(path)) files.set(path, { path, display: operand });
      continue;
    }
    const names = await jsonFilesIn(path, options.depth);
    if (names.length === 0 && options.refuseEmptyFolder) throw new UserError(`${operand}: the folder holds no .json template files`);
    for (const name of names) {
      const file = join(path, name);
      if (!files.has(file)) files.set(file, { path: file, display: join(operand, name) });
    }
  }
  return [...files.values()];
}

async function jsonFilesIn(directory: string, depth: CollectOptions['depth']): Promise<string[]> {
  const entries = await readdir(directory, { recursive: depth === 'all', withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    if (entry.name.endsWith('.json') && (await isFileOrLinkToFile(entry))) names.push(join(entry.parentPath.slice(directory.length + 1), entry.name));
  }
  return names.sort();
}
