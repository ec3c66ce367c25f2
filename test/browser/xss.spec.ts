import { expect, test } from '@playwright/test';
import { applyTemplate, diagnostics, openGroup, openHarness, queryField, selectElement, templateGroup } from './helpers/harness-page';

test('renders labels, choice values and messages from metadata as text, never as HTML', async ({ page }) => {
  // given: a template whose metadata holds HTML
  await openHarness(page, { templates: ['xss-template.json'] });
  await selectElement(page, 'Task_Create');
  await openGroup(page, 'servicenow');

  // when: the picker lists it
  await page.getByRole('combobox', { name: 'Table' }).fill('hostile');

  // then
  const option = page.locator('[role="option"][data-table="u_hostile"]');
  await expect(option).toContainText('<img src=x onerror="window.__xss=\'label\'">');
  await expect(option.locator('img')).toHaveCount(0);

  // when: applied, and a query names a bad choice value (the message lists the hostile choice)
  await applyTemplate(page, 'Task_Create', 'test.servicenow.hostile');
  await selectElement(page, 'Task_Create');
  await (await templateGroup(page, 'operation')).getByLabel('Operation', { exact: true }).selectOption('query');
  await templateGroup(page, 'query');
  await queryField(page).fill('u_state=<b>bold</b>');

  // then
  await expect(diagnostics(page).locator('[data-code="value.choice"]')).toContainText('<img src=x onerror="window.__xss=\'choice\'">');
  await expect(diagnostics(page).locator('img, b')).toHaveCount(0);
  await expect(page.locator('.servicenow-table-picker img, .servicenow-query-diagnostics img, #servicenow-status-list img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __xss?: string }).__xss)).toBeUndefined();
});
