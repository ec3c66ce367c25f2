import { expect, test } from '@playwright/test';
import { applyTemplate, openHarness, selectElement } from './helpers/harness-page';

test('loads the plugin bundle and shows the ServiceNow group on a service task', async ({ page }) => {
  // given
  await openHarness(page);

  // when
  await applyTemplate(page, 'Task_Create', 'io.camunda.connectors.ServiceNowIncident.v1');
  await selectElement(page, 'Task_Create');

  // then
  await expect(page.locator('[data-group-id="group-servicenow"]')).toBeVisible();
  await page.screenshot({ path: 'test-results/smoke.png' });
});
