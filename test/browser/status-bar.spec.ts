import { expect, test } from '@playwright/test';
import { inputValue, openHarness, queryField, screenshot, selectElement, templateGroup } from './helpers/harness-page';

test('the status bar counts ServiceNow tasks and query errors and leads to a task', async ({ page }) => {
  // given
  await openHarness(page, { diagram: 'incident-tasks.bpmn' });
  const status = page.locator('.servicenow-status-button');
  await expect(status).toHaveText('ServiceNow: 2 tasks, 2 required fields empty');

  // when: a query with two errors
  await selectElement(page, 'Task_Get');
  await (await templateGroup(page, 'operation')).getByLabel('Operation', { exact: true }).selectOption('query');
  await templateGroup(page, 'query');
  await queryField(page).fill('caler_id=abc^stateIN1,9');
  await expect.poll(() => inputValue(page, 'Task_Get', 'sn_query')).toBe('caler_id=abc^stateIN1,9');

  // then
  await expect(status).toHaveText('ServiceNow: 2 tasks, 2 query errors, 1 required field empty');

  // when
  await selectElement(page, 'Task_Create');
  await status.click();
  const list = page.getByRole('dialog', { name: 'ServiceNow tasks' });
  await expect(list.getByRole('button')).toHaveText(['Get incident (incident): 2 query errors', 'Create incident (incident): 1 required field empty']);
  await screenshot(page, 'status-bar');
  await list.getByRole('button', { name: 'Get incident (incident): 2 query errors' }).click();

  // then
  await expect.poll(() => page.evaluate(() => window.harness.modeler.get('selection').get().map((element: { id: string }) => element.id))).toEqual(['Task_Get']);
  await expect(status).toHaveAttribute('aria-expanded', 'false');
});

test('the status bar list closes on Escape and on a click outside', async ({ page }) => {
  // given
  await openHarness(page, { diagram: 'incident-tasks.bpmn' });
  const status = page.locator('.servicenow-status-button');
  const list = page.getByRole('dialog', { name: 'ServiceNow tasks' });
  await status.click();
  await expect(list).toBeVisible();

  // when
  await page.keyboard.press('Escape');

  // then
  await expect(list).toHaveCount(0);

  // when
  await status.click();
  await page.locator('#canvas').click({ position: { x: 5, y: 5 } });

  // then
  await expect(list).toHaveCount(0);
});

test('the status bar shows nothing on a diagram without ServiceNow tasks', async ({ page }) => {
  // given: the plain diagram, no template applied
  await openHarness(page);
  await expect(page.locator('.bio-properties-panel-header, #canvas').first()).toBeVisible();

  // then
  await expect(page.locator('[data-slot="status-bar__file"]')).toBeEmpty();
});

test('the status bar counts a warning as a warning, not as a problem to fix', async ({ page }) => {
  // given
  await openHarness(page, { diagram: 'incident-tasks.bpmn' });
  await selectElement(page, 'Task_Get');
  await (await templateGroup(page, 'operation')).getByLabel('Operation', { exact: true }).selectOption('query');
  await templateGroup(page, 'query');

  // when: a query the engine only warns about
  await queryField(page).fill('active=true^active=true');

  // then
  await expect(page.locator('.servicenow-query-diagnostics .servicenow-warning')).not.toHaveCount(0);
  await expect(page.locator('.servicenow-query-diagnostics .servicenow-error')).toHaveCount(0);
  await expect(status(page)).toHaveText(/^ServiceNow: 2 tasks, \d+ query warnings?, 1 required field empty$/);
});

test('the status bar and its list count required fields left empty, as the Problems list does', async ({ page }) => {
  // given: the diagram's Create has no Short description and its Get no sys_id, both required
  await openHarness(page, { diagram: 'incident-tasks.bpmn' });
  await expect(status(page)).toHaveText('ServiceNow: 2 tasks, 2 required fields empty');
  await expect(status(page)).toHaveClass(/has-problems/);
  await status(page).click();
  await expect(page.getByRole('dialog', { name: 'ServiceNow tasks' }).getByRole('button')).toHaveText(['Create incident (incident): 1 required field empty', 'Get incident (incident): 1 required field empty']);
  await page.keyboard.press('Escape');

  // when
  await selectElement(page, 'Task_Create');
  const fields = await templateGroup(page, 'fields');
  await fields.getByLabel('Short description', { exact: true }).fill('Printer jam');
  await fields.getByLabel('Short description', { exact: true }).blur();

  // then
  await expect(status(page)).toHaveText('ServiceNow: 2 tasks, 1 required field empty');
});

function status(page: import('@playwright/test').Page) {
  return page.locator('.servicenow-status-button');
}
