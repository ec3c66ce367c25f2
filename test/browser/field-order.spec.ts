import { expect, test } from '@playwright/test';
import { openHarness, selectElement, templateGroup } from './helpers/harness-page';

test('a Create task lists the mandatory fields first and offers no platform-numbered column', async ({ page }) => {
  // given
  await openHarness(page, { diagram: 'incident-tasks.bpmn' });
  await selectElement(page, 'Task_Create');

  // when
  const fields = await templateGroup(page, 'fields');
  const labels = await fields.locator('.bio-properties-panel-entry:visible > label, .bio-properties-panel-entry:visible .bio-properties-panel-label').allTextContents();

  // then: Short description (mandatory) before the form's own order, which starts with Caller
  if (process.env.SCREENS_DIR) await page.locator('#properties').screenshot({ path: `${process.env.SCREENS_DIR}/5-field-order.png` });
  expect(labels.slice(0, 2).map((label) => label.trim())).toEqual(['Short description', 'Caller']);

  // when: the other fields
  const more = await templateGroup(page, 'moreFields');
  await more.getByLabel(/^Show the other/).selectOption('shown');

  // then: Number (auto-numbered by the platform) is not offered for writing
  await expect(more.getByLabel('Work notes', { exact: true })).toBeVisible();
  await expect(more.getByLabel('Number', { exact: true })).toHaveCount(0);
});
