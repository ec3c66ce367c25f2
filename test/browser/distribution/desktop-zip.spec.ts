import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { buildDesktopZip } from '../../../scripts/package/desktop-zip';
import { readReleaseTemplates } from '../../../scripts/package/release-templates';
import { readReleaseInfo } from '../../../scripts/package/release-version';
import { applyTemplate, openHarness, selectElement } from '../helpers/harness-page';

const ROOT = join(__dirname, '..', '..', '..');
/** Used while the generator has not written templates/ in this checkout; the plugin part is the real one either way. */
const FIXTURE_TEMPLATES = join(ROOT, 'test/scripts/package/package-release/templates');

let resources: string;
let pluginName: string;

test.beforeAll(async () => {
  // given: the Desktop Modeler zip built from this checkout, unzipped as a user would into resources/
  const release = await readReleaseInfo(ROOT);
  pluginName = release.name;
  const generated = (await readdir(join(ROOT, 'templates')).catch(() => [])).some((file) => file.endsWith('.json'));
  const templates = await readReleaseTemplates(generated ? join(ROOT, 'templates') : FIXTURE_TEMPLATES);
  const zip = unzipSync(await buildDesktopZip(ROOT, release, templates));
  resources = await mkdtemp(join(tmpdir(), 'modeler-resources-'));
  for (const [path, content] of Object.entries(zip)) {
    await mkdir(dirname(join(resources, path)), { recursive: true });
    await writeFile(join(resources, path), content);
  }
});

test.afterAll(async () => {
  await rm(resources, { recursive: true, force: true });
});

test('the plugin folder from the Desktop Modeler zip loads in the harness', async ({ page }) => {
  // given
  const pluginDir = join(resources, 'plugins', pluginName);
  const served: string[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/plugin/files/') && response.ok()) served.push(decodeURIComponent(new URL(response.url()).pathname));
  });

  // when
  await openHarness(page, { pluginDir });
  await applyTemplate(page, 'Task_Create', 'io.camunda.connectors.ServiceNowIncident.v1');
  await selectElement(page, 'Task_Create');

  // then
  expect(served.some((path) => path.startsWith(`/plugin/files/${pluginDir}/`) && path.endsWith('.js'))).toBe(true);
  await expect(page.locator('[data-group-id="group-servicenow"]')).toBeVisible();
  await page.screenshot({ path: 'test-results/distribution-desktop-zip.png' });
});
