import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '../../core/errors';

/**
 * Expands the command-line operands into template files: a file stands for
 * itself, a directory for the `*.json` files directly inside it (not its
 * subfolders, so `templates/` does not pick up the released copies in
 * `templates/versioned/`). Sorted, so the summary order is stable.
 */
export async function collectTemplateFiles(operands: readonly string[], cwd: string): Promise<string[]> {
  if (operands.length === 0) {
    throw new UserError('name the template files or folders to publish, for example: templates/');
  }
  const files = new Set<string>();
  for (const operand of operands) {
    const path = resolve(cwd, operand);
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new UserError(`${operand}: no such file or folder`);
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((name) => name.endsWith('.json')).sort();
      if (names.length === 0) throw new UserError(`${operand}: the folder holds no .json template files`);
      for (const name of names) files.add(join(path, name));
    } else {
      files.add(path);
    }
  }
  return [...files];
}
