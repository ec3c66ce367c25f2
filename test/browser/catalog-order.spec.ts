import { expect, test } from '@playwright/test';
import { applyTemplate, inputValue, openHarness, screenshot, selectElement, templateGroup } from './helpers/harness-page';

const ORDER_TEMPLATE = 'community.servicenow.CatalogItem.laptop_request';

test('an order missing a mandatory variable is a problem in the Modeler before it is deployed; filling it clears the problem', async ({ page }) => {
  // given
  await openHarness(page, { diagram: 'two-tasks.bpmn' });
  const task = await page.evaluate(() => window.harness.modeler.get('elementRegistry').filter((element: { type: string }) => element.type === 'bpmn:Task' || element.type === 'bpmn:ServiceTask')[0].id as string);
  await applyTemplate(page, task, ORDER_TEMPLATE);
  await selectElement(page, task);

  // when: the mandatory variables stay empty
  const variables = await templateGroup(page, 'variables');
  const problems = page.locator(`#problems li[data-element-id="${task}"]`);

  // then: each mandatory variable is reported, Business Justification among them
  await expect(problems.filter({ hasText: /Business Justification/ })).toHaveCount(1);
  await expect(variables.getByText('Business Justification', { exact: true })).toBeVisible();

  // when: it is filled in
  await variables.getByLabel('Business Justification', { exact: true }).fill('A new engineer starts on Monday');
  await expect.poll(() => inputValue(page, task, 'sn_v_justification')).toBe('A new engineer starts on Monday');

  // then
  await expect(problems.filter({ hasText: /Business Justification/ })).toHaveCount(0);
  await screenshot(page, 'catalog-order', variables);
});
