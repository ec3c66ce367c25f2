import { expect, test } from '@playwright/test';
import { inputValue, openHarness, queryField, screenshot, selectElement, templateGroup } from './helpers/harness-page';

test('the status bar counts ServiceNow tasks and query problems and leads to a task', async ({ page }) => {
  // given
  await openHarness(page, { diagram: 'incident-tasks.bpmn' });
  const status = page.locator('.servicenow-status-button');
  await expect(status).toHaveText('ServiceNow: 2 tasks, 0 query problems');

  // when: a query with two errors
  await selectElement(page, 'Task_Get');
  await (await templateGroup(page, 'operation')).getByLabel('Operation', { exact: true }).selectOption('query');
  await templateGroup(page, 'query');
  await queryField(page).fill('caler_id=abc^stateIN1,9');
  await expect.poll(() => inputValue(page, 'Task_Get', 'sn_query')).toBe('caler_id=abc^stateIN1,9');

  // then
  await expect(status).toHaveText('ServiceNow: 2 tasks, 2 query problems');

  // when
  await selectElement(page, 'Task_Create');
  await status.click();
  const list = page.getByRole('dialog', { name: 'ServiceNow tasks' });
  await expect(list.getByRole('button')).toHaveText(['Get incident (incident): 2 problems', 'Create incident (incident): 0 problems']);
  await screenshot(page, 'status-bar');
  await list.getByRole('button', { name: 'Get incident (incident): 2 problems' }).click();

  // then
  await expect.poll(() => page.evaluate(() => window.harness.modeler.get('selection').get().map((element: { id: string }) => element.id))).toEqual(['Task_Get']);
  await expect(status).toHaveAttribute('aria-expanded', 'false');
});
