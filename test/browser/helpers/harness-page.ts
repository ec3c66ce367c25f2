/**
 * Driving the harness page (test/browser/harness) from Playwright: open it,
 * select tasks the way a user does (clicking the shape), find panel entries
 * by their entry id, read the diagram back through saveXML.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { screenshotPath } from './screenshot-path';

export interface OpenOptions {
  diagram?: string;
  /** Extra template fixtures from test/browser/fixtures. */
  templates?: string[];
  official?: boolean;
  pluginDir?: string;
}

export async function openHarness(page: Page, options: OpenOptions = {}): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  const params = new URLSearchParams();
  if (options.diagram) params.set('diagram', options.diagram);
  if (options.templates?.length) params.set('templates', options.templates.join(','));
  if (options.official === false) params.set('official', 'false');
  // PLUGIN_DIR runs a spec against another build of the plugin (e.g. the one before a change).
  const pluginDir = options.pluginDir ?? process.env.PLUGIN_DIR;
  if (pluginDir) params.set('pluginDir', pluginDir);
  await page.goto(`/?${params}`);
  await page.waitForFunction(() => window.harness?.ready !== undefined);
  await page.evaluate(() => window.harness.ready);
  expect(errors, 'page errors while loading').toEqual([]);
}

export async function selectElement(page: Page, id: string): Promise<void> {
  const selected = await page.evaluate(() => window.harness.modeler.get('selection').get().map((element: { id: string }) => element.id));
  // A second click on the selected shape can read as a double click (label editing): click only when needed.
  if (selected.length !== 1 || selected[0] !== id) await page.locator(`.djs-element[data-element-id="${id}"]`).first().click();
  await expect(page.locator('.bio-properties-panel-header')).toBeVisible();
}

export function entry(page: Page, id: string): Locator {
  return page.locator(`[data-entry-id="${id}"]`);
}

/** The control of a template entry (`#bio-properties-panel-<id>`, dots escaped). */
export function control(page: Page, entryId: string): Locator {
  return page.locator(`[id="bio-properties-panel-${entryId}"]`);
}

export async function openGroup(page: Page, groupId: string): Promise<void> {
  const header = page.locator(`[data-group-id="group-${groupId}"] .bio-properties-panel-group-header`);
  if (!(await header.evaluate((node) => node.classList.contains('open')))) await header.click();
}

export async function saveXml(page: Page): Promise<string> {
  return page.evaluate(async () => (await window.harness.modeler.saveXML({ format: true })).xml as string);
}

export async function undo(page: Page): Promise<void> {
  await page.evaluate(() => window.harness.modeler.get('commandStack').undo());
}

/** Applies a template by id (latest version) to an element, as the template chooser would. */
export async function applyTemplate(page: Page, elementId: string, templateId: string): Promise<void> {
  await page.evaluate(([element, template]) => {
    const modeler = window.harness.modeler;
    const templates = modeler.get('elementTemplates');
    const latest = templates.getAll().filter((each: { id: string }) => each.id === template)
      .sort((a: { version?: number }, b: { version?: number }) => (b.version ?? 0) - (a.version ?? 0))[0];
    if (!latest) throw new Error(`no template ${template}`);
    templates.applyTemplate(modeler.get('elementRegistry').get(element), latest);
  }, [elementId, templateId] as const);
}

/** The template field a diagnostics entry annotates: the entry right before it. */
export function queryField(page: Page): Locator {
  return page.locator('.servicenow-query-diagnostics').locator('xpath=preceding-sibling::div[1]').locator('input, textarea, .cm-content').first();
}

export function diagnostics(page: Page): Locator {
  return page.locator('.servicenow-query-diagnostics');
}

/** A template group of the selected element (`ElementTemplates__CustomProperties-<id>`), opened. */
export async function templateGroup(page: Page, groupId: string): Promise<Locator> {
  await openGroup(page, `ElementTemplates__CustomProperties-${groupId}`);
  return page.locator(`[data-group-id="group-ElementTemplates__CustomProperties-${groupId}"]`);
}

/** Reads a Zeebe extension entry of an element from the diagram model: an input (`target` → `source`) or a task header (`key` → `value`). */
async function extensionValue(page: Page, elementId: string, kind: 'input' | 'header', name: string): Promise<string | undefined> {
  return page.evaluate(([id, which, wanted]) => {
    const [type, list, keyName, valueName] = which === 'input'
      ? ['zeebe:IoMapping', 'inputParameters', 'target', 'source']
      : ['zeebe:TaskHeaders', 'values', 'key', 'value'];
    const bo = window.harness.modeler.get('elementRegistry').get(id).businessObject;
    const container = (bo.extensionElements?.values ?? []).find((value: { $type: string }) => value.$type === type);
    return (container?.[list] ?? []).find((entry: Record<string, string>) => entry[keyName] === wanted)?.[valueName];
  }, [elementId, kind, name] as const);
}

export const inputValue = (page: Page, elementId: string, target: string) => extensionValue(page, elementId, 'input', target);
export const headerValue = (page: Page, elementId: string, key: string) => extensionValue(page, elementId, 'header', key);

export async function templateOf(page: Page, elementId: string): Promise<string | undefined> {
  return page.evaluate((id) => window.harness.modeler.get('elementRegistry').get(id).businessObject.get('zeebe:modelerTemplate'), elementId);
}

/** Saves a screenshot (the README's images, see screenshot-path.ts), scrolling `focus` into view first. */
export async function screenshot(page: Page, name: string, focus?: Locator): Promise<void> {
  if (focus) await focus.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath(name) });
}
