/**
 * The Modeler plugin in Chromium (the browser test harness):
 * - panel_render_ratio_vs_official: median time from selecting a task to the
 *   last panel entry rendered, our incident template / Camunda's official
 *   incident template (20 runs each, same page; target <= 1.2);
 * - query_feedback_ms: median time from an input event on a 2 kB query to
 *   its diagnostics rendered (20 runs; target < 16);
 * - template_apply_incident_ms / template_apply_official_ms (and their ratio,
 *   template_apply_ratio_vs_official, target <= 1.2): median time of
 *   applying our incident template and the official one to a new service
 *   task (7 runs each, interleaved, each undone), the library's work when a
 *   table is picked;
 * - bundle_kb: dist/client.js minified (target <= 120), without the
 *   metadata, which sits in its own chunk: metadata_chunk_kb, every table of
 *   the bundled snapshot packed (target <= 250); metadata_reader_chunk_kb:
 *   the code reading that snapshot, a chunk fetched alongside it;
 *   autocomplete_chunk_kb (the query suggestions and explanation, fetched
 *   when a query field is first shown), table_switch_chunk_kb (fetched when
 *   the table list opens), feel_chunk_kb (the FEEL grammar and the lint
 *   checks reading FEEL, fetched with the snapshot) and
 *   panel_helpers_chunk_kb (the table picker, the output helper and the sys_id
 *   picker, fetched when a ServiceNow task is first shown).
 * Builds the plugin and the harness first when dist/ lacks them.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Benchmark } from './run';

const root = join(__dirname, '..');
const RUNS = 20;

function webpack(config: string, env: Record<string, string> = {}): void {
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '-c', config], { cwd: root, env: { ...process.env, ...env }, stdio: 'ignore' });
}

function bundleSizes(): { script: number; metadataChunk: number; readerChunk: number; autocompleteChunk: number; switchChunk: number; feelChunk: number; panelHelpersChunk: number } {
  const dir = mkdtempSync(join(tmpdir(), 'servicenow-bundle-'));
  try {
    webpack('webpack.config.js', { SERVICENOW_BUNDLE_OUTPUT: join(dir, 'client.js') });
    const size = (file: string) => statSync(join(dir, file)).size;
    return { script: size('client.js'), metadataChunk: size('servicenow-metadata.js'), readerChunk: size('servicenow-metadata-reader.js'),
      autocompleteChunk: size('servicenow-autocomplete.js'), switchChunk: size('servicenow-table-switch.js'), feelChunk: size('servicenow-feel.js'),
      panelHelpersChunk: size('servicenow-panel-helpers.js') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const bench: Benchmark = {
  name: 'plugin',
  async run(log) {
    const sizes = bundleSizes();
    log(`bundle: ${(sizes.script / 1024).toFixed(1)} kB, metadata chunk ${(sizes.metadataChunk / 1024).toFixed(1)} kB, its reader ${(sizes.readerChunk / 1024).toFixed(1)} kB, `
      + `autocomplete ${(sizes.autocompleteChunk / 1024).toFixed(1)} kB, table switch ${(sizes.switchChunk / 1024).toFixed(1)} kB, FEEL ${(sizes.feelChunk / 1024).toFixed(1)} kB, `
      + `panel helpers ${(sizes.panelHelpersChunk / 1024).toFixed(1)} kB`);
    if (!existsSync(join(root, 'dist/client.js'))) webpack('webpack.config.js');
    if (!existsSync(join(root, 'dist/harness/harness.js'))) webpack('test/browser/harness/webpack.config.js');

    const noPluginDir = mkdtempSync(join(tmpdir(), 'no-plugin-'));
    writeFileSync(join(noPluginDir, 'index.js'), "module.exports = { name: 'none' };\n");
    const port = 4300 + Math.floor(Math.random() * 500);
    const server = spawn(process.execPath, [join(root, 'test/browser/harness/server.js'), String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => server.stdout.once('data', () => resolve()));
    const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    const browser = await chromium.launch({
      ...(existsSync(executable) ? { executablePath: executable } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    });
    try {
      const open = async (query: string) => {
        const opened = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        // tsx compiles with keepNames: functions passed to evaluate call its __name helper.
        await opened.addInitScript('window.__name = (fn) => fn');
        await opened.goto(`http://127.0.0.1:${port}/?diagram=two-tasks.bpmn${query}`);
        await opened.waitForFunction(() => window.harness?.ready !== undefined);
        await opened.evaluate(() => window.harness.ready);
        log('applying the templates (the library takes a while on ours)');
        await opened.evaluate(applyBoth);
        return opened;
      };
      const applyBoth = () => {
        const modeler = window.harness.modeler;
        const templates = modeler.get('elementTemplates');
        const registry = modeler.get('elementRegistry');
        const latest = (id: string) => templates.getAll().filter((each: { id: string }) => each.id === id)
          .sort((a: { version?: number }, b: { version?: number }) => (b.version ?? 0) - (a.version ?? 0))[0];
        templates.applyTemplate(registry.get('Task_Create'), latest('community.servicenow.incident'));
        templates.applyTemplate(registry.get('Task_Get'), latest('io.camunda.connectors.ServiceNowIncident.v1'));
      };
      const page = await open('');

      const renderTimes = async (taskId: string, on = page): Promise<number[]> => on.evaluate(async ([id, runs]) => {
        const modeler = window.harness.modeler;
        const selection = modeler.get('selection');
        const registry = modeler.get('elementRegistry');
        const panel = document.getElementById('properties') as HTMLElement;
        const times: number[] = [];
        const quiet = () => new Promise<number>((resolve) => {
          let last = performance.now();
          const observer = new MutationObserver(() => { last = performance.now(); });
          observer.observe(panel, { childList: true, subtree: true, attributes: true, characterData: true });
          const check = () => (performance.now() - last > 150 ? (observer.disconnect(), resolve(last)) : setTimeout(check, 20));
          setTimeout(check, 20);
        });
        for (let run = 0; run < runs; run++) {
          selection.select(registry.get('StartEvent_1'));
          await quiet();
          const started = performance.now();
          selection.select(registry.get(id));
          const lastMutation = await quiet();
          times.push(lastMutation - started);
        }
        return times;
      }, [taskId, RUNS] as const);
      // Interleave so both see the same browser state.
      const ours: number[] = [];
      const official: number[] = [];
      for (let round = 0; round < 2; round++) {
        ours.push(...await renderTimes('Task_Create'));
        official.push(...await renderTimes('Task_Get'));
      }
      log(`panel render median: ours ${median(ours).toFixed(1)} ms, official ${median(official).toFixed(1)} ms`);
      // The same template without the plugin: what the plugin itself adds to the render.
      const bare = await open(`&pluginDir=${encodeURIComponent(noPluginDir)}`);
      const oursBare = [...await renderTimes('Task_Create', bare), ...await renderTimes('Task_Create', bare)];
      await bare.close();
      log(`our template without the plugin: ${median(oursBare).toFixed(1)} ms`);

      const feedback = await page.evaluate(async (runs) => {
        const modeler = window.harness.modeler;
        const registry = modeler.get('elementRegistry');
        const element = registry.get('Task_Create');
        const headers = element.businessObject.extensionElements.values.find((value: { $type: string }) => value.$type === 'zeebe:TaskHeaders');
        const operation = headers.values.find((header: { key: string }) => header.key === 'serviceNowOperation');
        modeler.get('modeling').updateModdleProperties(element, operation, { value: 'query' });
        modeler.get('selection').select(element);
        await new Promise((resolve) => setTimeout(resolve, 500));
        const entry = document.querySelector('.servicenow-query-diagnostics') as HTMLElement;
        const field = entry.previousElementSibling?.querySelector('textarea, input') as HTMLTextAreaElement;
        const base = Array.from({ length: 120 }, (_, index) => `short_descriptionLIKEprinter${index}^ORpriority=${index % 5 + 1}`).join('^').slice(0, 2000);
        const times: number[] = [];
        for (let run = 0; run < runs; run++) {
          // A length of its own per run: the diagnostics entry marks the length it checked.
          const text = `${base}^caler_id=${'x'.repeat(run + 1)}`;
          const rendered = new Promise<number>((resolve) => {
            const observer = new MutationObserver(() => {
              const current = document.querySelector('.servicenow-query-diagnostics');
              if (current?.getAttribute('data-checked-length') === String(text.length)) { observer.disconnect(); resolve(performance.now()); }
            });
            observer.observe(document.getElementById('properties') as HTMLElement, { subtree: true, attributes: true, childList: true });
          });
          field.value = text;
          const started = performance.now();
          field.dispatchEvent(new Event('input', { bubbles: true }));
          times.push((await rendered) - started);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return times;
      }, RUNS);
      log(`query feedback median: ${median(feedback).toFixed(1)} ms (2 kB query)`);

      const applyTimes = await page.evaluate(async (ids) => {
        const modeler = window.harness.modeler;
        const templates = modeler.get('elementTemplates');
        const canvas = modeler.get('canvas');
        // A new, plain service task each run: what a modeler picks a template for.
        const task = () => modeler.get('modeling').createShape({ type: 'bpmn:ServiceTask' }, { x: 400, y: 400 }, canvas.getRootElement());
        const latest = (id: string) => templates.getAll().filter((each: { id: string }) => each.id === id)
          .sort((a: { version?: number }, b: { version?: number }) => (b.version ?? 0) - (a.version ?? 0))[0];
        const times: Record<string, number[]> = Object.fromEntries(ids.map((id) => [id, []]));
        // Interleaved, like the render runs: a load change on the machine then hits both alike, not one.
        for (let run = 0; run < 7; run++) {
          for (const id of ids) {
            const shape = task();
            const started = performance.now();
            templates.applyTemplate(shape, latest(id));
            times[id]?.push(performance.now() - started);
            modeler.get('commandStack').undo();
            modeler.get('commandStack').undo();
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
        return times;
      }, ['community.servicenow.incident', 'io.camunda.connectors.ServiceNowIncident.v1']);
      const applyOurs = median(applyTimes['community.servicenow.incident'] ?? []);
      const applyOfficial = median(applyTimes['io.camunda.connectors.ServiceNowIncident.v1'] ?? []);
      log(`template apply median: ours ${applyOurs.toFixed(0)} ms, official ${applyOfficial.toFixed(0)} ms`);

      return {
        panel_render_ratio_vs_official: median(ours) / median(official),
        panel_render_ours_ms: median(ours),
        panel_render_official_ms: median(official),
        panel_render_plugin_overhead_ratio: median(ours) / median(oursBare),
        query_feedback_ms: median(feedback),
        template_apply_incident_ms: Math.round(applyOurs),
        template_apply_official_ms: Math.round(applyOfficial),
        template_apply_ratio_vs_official: Number((applyOurs / applyOfficial).toFixed(2)),
        bundle_kb: Math.round(sizes.script / 102.4) / 10,
        metadata_chunk_kb: Math.round(sizes.metadataChunk / 102.4) / 10,
        metadata_reader_chunk_kb: Math.round(sizes.readerChunk / 102.4) / 10,
        autocomplete_chunk_kb: Math.round(sizes.autocompleteChunk / 102.4) / 10,
        table_switch_chunk_kb: Math.round(sizes.switchChunk / 102.4) / 10,
        feel_chunk_kb: Math.round(sizes.feelChunk / 102.4) / 10,
        panel_helpers_chunk_kb: Math.round(sizes.panelHelpersChunk / 102.4) / 10
      };
    } finally {
      await browser.close();
      server.kill();
      rmSync(noPluginDir, { recursive: true, force: true });
    }
  }
};

export default bench;
