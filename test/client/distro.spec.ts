import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import webpack, { type Configuration, type StatsModule } from 'webpack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const outDir = mkdtempSync(join(tmpdir(), 'servicenow-plugin-'));
let modules: string[] = [];
let bundle = '';

/** Builds the plugin exactly as `npm run bundle` does, into a temporary folder. */
async function build(): Promise<void> {
  process.env.SERVICENOW_BUNDLE_OUTPUT = join(outDir, 'client.js');
  delete require.cache[require.resolve(join(root, 'webpack.config.js'))];
  const config = (await import(join(root, 'webpack.config.js'))).default as Configuration;
  delete process.env.SERVICENOW_BUNDLE_OUTPUT;
  const stats = await new Promise<webpack.Stats>((done, fail) => webpack({ ...config, context: root }, (error, result) => (error || !result ? fail(error) : done(result))));
  expect(stats.hasErrors(), stats.toString('errors-only')).toBe(false);
  const flatten = (list: StatsModule[] = []): StatsModule[] => list.flatMap((module) => [module, ...flatten(module.modules)]);
  modules = flatten(stats.toJson({ modules: true, nestedModules: true }).modules).map((module) => module.nameForCondition ?? module.name ?? '').filter(Boolean).map((name) => relative(root, name));
  bundle = readFileSync(join(outDir, 'client.js'), 'utf8');
}

beforeAll(build, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('distro: the plugin bundle', () => {
  it('contains no second copy of preact, React or the properties panel', () => {
    const forbidden = ['node_modules/preact/', 'node_modules/react/', 'node_modules/react-dom/', 'node_modules/@bpmn-io/properties-panel/', 'node_modules/bpmn-js-properties-panel/'];
    expect(modules.filter((module) => forbidden.some((path) => module.includes(path)))).toEqual([]);
  });

  it('takes them from the Modeler through the helpers\' vendor modules', () => {
    const vendor = modules.filter((module) => module.includes('camunda-modeler-plugin-helpers/vendor/'));
    expect(vendor).toEqual(expect.arrayContaining([
      expect.stringContaining('vendor/@bpmn-io/properties-panel/preact/jsx-runtime.js'),
      expect.stringContaining('vendor/@bpmn-io/properties-panel/preact/hooks.js'),
      expect.stringContaining('vendor/bpmn-js-properties-panel.js'),
      expect.stringContaining('vendor/react.js')
    ]));
  });

  it('registers for Camunda 8 diagrams only', () => {
    expect(bundle).toContain('bpmn.cloud.modeler.additionalModules');
    expect(bundle).toContain('lintRules.cloud-bpmn');
    expect(bundle).not.toContain('bpmn.platform.modeler.additionalModules');
  });

  it('names files in the manifest that the build produces', async () => {
    const manifest = (await import(join(root, 'index.js'))).default as { name: string; script: string; style: string };
    expect(manifest.name).toBe('ServiceNow');
    expect(manifest.script).toBe('./dist/client.js');
    expect(existsSync(join(root, manifest.style))).toBe(true);
  });
});
