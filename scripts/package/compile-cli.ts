import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
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
  try {
    await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
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
