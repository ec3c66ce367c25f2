/**
 * Browser harness that stands in for Camunda Desktop Modeler's Camunda 8 tab:
 * it provides the globals Desktop gives plugins (`window.vendor`,
 * `window.react`, `window.components`, `window.plugins`), loads a plugin
 * folder's script and style as Desktop does (from its index.js manifest),
 * then builds the modeler from what the plugin registered: bpmn-js modules,
 * lint rules (run with @camunda/linting, as Desktop's Camunda 8 tab does,
 * together with the element templates' own rules; shown in a problems list,
 * and under the fields through @camunda/linting's modeler module) and client
 * extensions (mounted with React into a status-bar slot).
 *
 * `harness.addModeler(templates)` opens one more modeler on the page, with
 * its own templates and linter, as a second Desktop tab of another folder
 * would be.
 *
 * Query parameters: `pluginDir` (a plugin folder; default: the server's),
 * `diagram` (a file in test/browser/fixtures), `templates` (extra template
 * fixtures, comma-separated), `official=false` (leave Camunda's out).
 */
import Modeler from 'camunda-bpmn-js/lib/camunda-cloud/Modeler';
import * as propertiesPanelCommon from '@bpmn-io/properties-panel';
import * as preactRoot from '@bpmn-io/properties-panel/preact';
import * as preactHooks from '@bpmn-io/properties-panel/preact/hooks';
import * as preactCompat from '@bpmn-io/properties-panel/preact/compat';
import * as preactJsxRuntime from '@bpmn-io/properties-panel/preact/jsx-runtime';
import * as bpmnPropertiesPanel from 'bpmn-js-properties-panel';
import * as React from 'react';
import { createPortal } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { Linter } from '@camunda/linting';
import lintingModule from '@camunda/linting/modeler';
import { CloudElementTemplatesLinterPlugin } from 'bpmn-js-element-templates';
import type { Service } from '../../../client/types/bpmn-js';

type Registration = { plugin: Service; type: string };
type Listener = (event: Service) => void;

declare global {
  interface Window {
    plugins: Registration[];
    vendor: unknown;
    react: unknown;
    components: unknown;
    harness: Harness;
  }
}

interface Harness {
  modeler: Service;
  /** Another modeler with its own element templates and linter (a second tab); its reports are not rendered. */
  addModeler(templates: unknown[]): { modeler: Service; lint(): Promise<LintProblem[]> };
  pluginName: string;
  lint(): Promise<LintProblem[]>;
  problems: LintProblem[];
  ready: Promise<void>;
}

interface LintReport { id: string; message: string; category: string; rule: string; propertiesPanel?: { entryIds?: string[] } }
interface LintProblem { id: string; message: string; category: string; rule: string; entryIds: string[]; report: LintReport }

const params = new URLSearchParams(location.search);

/** 1. The globals Desktop sets before it loads plugin scripts (client/src/index.js). */
function provideGlobals(): void {
  window.plugins = [];
  window.react = { ...React, React };
  window.vendor = {
    propertiesPanel: {
      common: propertiesPanelCommon,
      preact: { root: preactRoot, compat: { ...preactCompat, default: (preactCompat as Service).default ?? preactCompat }, hooks: preactHooks, jsxRuntime: preactJsxRuntime },
      bpmn: bpmnPropertiesPanel
    }
  };
  window.components = { Fill };
}

/** Desktop's Fill renders into the named slot; here each slot is an element with `data-slot`. */
function Fill({ slot, children }: { slot: string; children?: React.ReactNode }) {
  const target = document.querySelector(`[data-slot="${slot}"]`);
  return target ? createPortal(children, target) : null;
}

/** 2. Load the plugin folder the way Desktop does: style as <link>, script as <script async=false>. */
async function loadPlugin(): Promise<string> {
  const dir = params.get('pluginDir');
  const manifest = await fetchJson(`/plugin/manifest.json${dir ? `?dir=${encodeURIComponent(dir)}` : ''}`);
  if (manifest.style) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = manifest.style;
    document.head.append(link);
  }
  if (manifest.script) {
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.async = false;
      script.src = manifest.script;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`cannot load plugin script ${manifest.script}`));
      document.head.append(script);
    });
  }
  return manifest.name;
}

function registered(...types: string[]): Service[] {
  return window.plugins.filter((registration) => types.includes(registration.type)).map((registration) => registration.plugin);
}

async function loadTemplates(): Promise<unknown[]> {
  const sets = [fetchJson('/templates/ours.json')];
  if (params.get('official') !== 'false') sets.push(fetchJson('/templates/official.json'));
  for (const fixture of (params.get('templates') ?? '').split(',').filter(Boolean)) sets.push(fetchJson(`/fixtures/${fixture}`));
  return (await Promise.all(sets)).flat();
}

/** 3. Build the modeler as the Camunda 8 tab does (tabs/cloud-bpmn/BpmnEditor.js + configure.js). */
function createModeler(templates: unknown[], container: string | HTMLElement = '#canvas', panel: string | HTMLElement = '#properties'): Service {
  const moddleExtensions: Record<string, unknown> = {};
  for (const extension of registered('bpmn.modeler.moddleExtension', 'bpmn.cloud.modeler.moddleExtension')) moddleExtensions[extension.name] = extension;
  return new (Modeler as Service)({
    container,
    propertiesPanel: { parent: panel },
    additionalModules: [...registered('bpmn.modeler.additionalModules', 'bpmn.cloud.modeler.additionalModules'), lintingModule],
    moddleExtensions,
    linting: { active: true },
    elementTemplates: { loadTemplates: templates, engines: { camunda: '8.8.0', camundaDesktopModeler: '5.50.1' } }
  });
}

/** 4. Client extensions, mounted with the props Desktop gives them (CommonPluginProps). */
function mountClientExtensions(): { emit(event: string, payload: unknown): void } {
  const listeners = new Map<string, Set<Listener>>();
  const subscribe = (event: string, listener: Listener) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(event, set);
    return { cancel: () => set.delete(listener) };
  };
  const props = {
    subscribe,
    triggerAction: () => undefined,
    displayNotification: () => undefined,
    log: () => undefined,
    getConfig: async () => undefined,
    setConfig: async () => undefined,
    settings: { get: () => undefined, set: () => undefined, register: () => undefined, subscribe: () => undefined }
  };
  const host = document.getElementById('client-extensions') as HTMLElement;
  createRoot(host).render(React.createElement(React.Fragment, null,
    ...registered('client').map((Component, index) => React.createElement(Component, { key: index, ...props }))));
  return { emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)) };
}

/**
 * 5. Linting as the Camunda 8 tab does: @camunda/linting's Linter with the
 * plugins' `lintRules.cloud-bpmn` and the element templates' rules, debounced
 * 300 ms; its modeler module puts errors under the fields of the selected
 * element and leads from a problem to its entry.
 */
function setUpLinting(modeler: Service, templates: unknown[], render = true): Pick<Harness, 'lint' | 'problems'> & { problems: LintProblem[] } {
  const linter = new Linter({ modeler: 'desktop', type: 'cloud', plugins: [...registered('lintRules.cloud-bpmn'), CloudElementTemplatesLinterPlugin(templates)] });
  const state = { problems: [] as LintProblem[] };
  const lint = async () => {
    const reports = (await linter.lint(modeler.getDefinitions())) as LintReport[];
    state.problems = reports.map((report) => ({ id: report.id, message: report.message, category: report.category, rule: report.rule, entryIds: report.propertiesPanel?.entryIds ?? [], report }));
    modeler.get('linting').setErrors(reports);
    if (render) renderProblems(modeler, state.problems);
    return state.problems;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => { clearTimeout(timer); timer = setTimeout(() => void lint(), 300); };
  modeler.get('eventBus').on(['import.done', 'elements.changed'], schedule);
  return { lint, get problems() { return state.problems; } };
}

function renderProblems(modeler: Service, problems: LintProblem[]): void {
  const list = document.querySelector('#problems ul') as HTMLElement;
  list.replaceChildren(...problems.map((problem) => {
    const item = document.createElement('li');
    item.tabIndex = 0;
    item.dataset.elementId = problem.id;
    item.dataset.rule = problem.rule;
    item.textContent = `${problem.category}: ${problem.id}: ${problem.message} (${problem.rule})`;
    const open = () => modeler.get('linting').showError(problem.report);
    item.addEventListener('click', open);
    item.addEventListener('keydown', (event) => { if (event.key === 'Enter') open(); });
    return item;
  }));
}

async function fetchJson(url: string): Promise<Service> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function start(): Promise<void> {
  provideGlobals();
  const pluginName = await loadPlugin();
  const extensions = mountClientExtensions();
  const templates = await loadTemplates();
  const modeler = createModeler(templates);
  const linting = setUpLinting(modeler, templates);
  window.harness.modeler = modeler;
  window.harness.pluginName = pluginName;
  window.harness.lint = linting.lint;
  Object.defineProperty(window.harness, 'problems', { get: () => linting.problems });
  extensions.emit('bpmn.modeler.created', { modeler, tab: { id: 'harness', type: 'cloud-bpmn' } });
  const diagram = await (await fetch(`/fixtures/${params.get('diagram') ?? 'two-tasks.bpmn'}`)).text();
  await modeler.importXML(diagram);
  extensions.emit('app.activeTabChanged', { activeTab: { id: 'harness', type: 'cloud-bpmn' } });
  modeler.get('canvas').zoom('fit-viewport');
}

/** A second tab: its own canvas, panel, templates and linter (Desktop's getLinter per tab), the same plugin registrations. */
function addModeler(templates: unknown[]): ReturnType<Harness['addModeler']> {
  const host = document.createElement('div');
  host.className = 'harness-extra-modeler';
  const canvas = document.createElement('div');
  const panel = document.createElement('div');
  host.append(canvas, panel);
  document.body.append(host);
  const modeler = createModeler(templates, canvas, panel);
  return { modeler, lint: setUpLinting(modeler, templates, false).lint };
}

window.harness = { addModeler } as Harness;
window.harness.ready = start().catch((error) => {
  document.body.dataset.harnessError = String(error?.stack ?? error);
  throw error;
});
