/**
 * Loads bpmn-js-element-templates' real linter plugin in Node. The package
 * ships one bundle whose UI modules touch `document` when imported (and
 * bpmn-js's ESM omits file extensions, which Node rejects), so esbuild
 * bundles it and a stub DOM satisfies those import-time side effects. The
 * lint rules themselves never use the DOM.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

export interface LinterPlugin {
  config: { rules: Record<string, unknown> };
  resolver: unknown;
}

type PluginFactory = (templates: unknown[]) => LinterPlugin;

function domStub(): unknown {
  return new Proxy(function () {}, {
    get: (_, key) => (key === Symbol.toPrimitive ? () => '' : key === 'length' ? 0 : domStub()),
    apply: () => domStub(),
    construct: () => domStub() as object
  });
}

export async function loadLinterPlugin(): Promise<PluginFactory> {
  const result = await build({
    stdin: { contents: "export { CloudElementTemplatesLinterPlugin } from 'bpmn-js-element-templates';", resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'error'
  });
  const file = join(await mkdtemp(join(tmpdir(), 'element-templates-lint-')), 'plugin.cjs');
  await writeFile(file, result.outputFiles[0]?.text ?? '');
  const globals = globalThis as Record<string, unknown>;
  const saved = { document: globals.document, window: globals.window };
  globals.document = domStub();
  globals.window = globalThis;
  try {
    return (createRequire(file)(file) as { CloudElementTemplatesLinterPlugin: PluginFactory }).CloudElementTemplatesLinterPlugin;
  } finally {
    globals.document = saved.document;
    globals.window = saved.window;
  }
}
