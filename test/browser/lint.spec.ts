import { expect, test } from '@playwright/test';
import { diagnostics, inputValue, openHarness, queryField, screenshot, selectElement, templateGroup } from './helpers/harness-page';

test('reports query problems in the problems list and once under the field; a click leads to the field', async ({ page }) => {
  // given
  await openHarness(page, { diagram: 'incident-tasks.bpmn' });
  await selectElement(page, 'Task_Get');
  await (await templateGroup(page, 'operation')).getByLabel('Operation', { exact: true }).selectOption('query');
  await templateGroup(page, 'query');
  await queryField(page).fill('caler_id=abc^stateIN1,9');
  await expect.poll(() => inputValue(page, 'Task_Get', 'sn_query')).toBe('caler_id=abc^stateIN1,9');

  // when
  const problem = page.locator('#problems li[data-element-id="Task_Get"][data-rule="servicenow/valid-query"]');

  // then
  await expect(problem).toHaveCount(2);
  await expect(problem.filter({ hasText: 'caler_id is not a field of incident' })).toHaveCount(1);
  await expect(problem.filter({ hasText: '9 is not a state of incident' })).toHaveCount(1);

  // when: another task is selected, then the problem is clicked
  await selectElement(page, 'Task_Create');
  await problem.filter({ hasText: 'caler_id' }).click();

  // then: the task is selected, its query field focused, the live check under it showing the error (and no second copy)
  await expect.poll(() => page.evaluate(() => window.harness.modeler.get('selection').get().map((element: { id: string }) => element.id))).toEqual(['Task_Get']);
  const queryEntry = diagnostics(page).locator('xpath=preceding-sibling::div[1]');
  await expect(diagnostics(page).locator('[data-code="field.unknown"]')).toContainText('caler_id is not a field of incident');
  await expect(queryEntry.locator('.bio-properties-panel-error')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-entry-id]')?.getAttribute('data-entry-id'))).toBe(await queryEntry.getAttribute('data-entry-id'));
  await screenshot(page, 'lint-problems', queryEntry);
});
