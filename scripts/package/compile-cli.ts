import { execFile } from 'node:child_process';
import { access, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where the compiled CLI goes; bin/camunda-servicenow.js runs it when it is there. */
export const COMPILED_DIR = 'lib';

/**
 * Compiles the CLI (tsconfig.build.json: scripts/cli/run.ts and whatever it
 * imports) to JavaScript in `<root>/lib`, replacing an earlier build, so that
 * the published package runs without tsx and typescript.
 */
export async function compileCli(root: string): Promise<void> {
  await removeCompiledCli(root);
  const config = join(root, 'tsconfig.build.json');
  // A package without a build config ships no TypeScript CLI (the packaging tests' fixture project).
  if (!(await exists(config))) return;
  try {
    await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', config], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    await removeCompiledCli(root);
    const output = (error as { stdout?: string }).stdout ?? '';
    throw new Error(`compiling the CLI failed:\n${output || (error as Error).message}`, { cause: error });
  }
}

/** A checkout keeps no compiled tree, so that the CLI there always runs the sources being edited. */
export async function removeCompiledCli(root: string): Promise<void> {
  await rm(join(root, COMPILED_DIR), { recursive: true, force: true });
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}
