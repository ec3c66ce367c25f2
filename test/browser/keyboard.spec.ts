import { expect, test } from '@playwright/test';
import { diagnostics, inputValue, openHarness, queryField, selectElement, templateGroup } from './helpers/harness-page';

test('Enter on a fix button keeps the focus in the query entry: on the next fix, then back in the field', async ({ page }) => {
  // given: a query with two fixable problems
  await openHarness(page, { diagram: 'incident-tasks.bpmn' });
  await selectElement(page, 'Task_Get');
  await (await templateGroup(page, 'operation')).getByLabel('Operation', { exact: true }).selectOption('query');
  await templateGroup(page, 'query');
  await queryField(page).fill('caler_id=6816f79cc0a8016401c5a33be04be441^activ=true');
  await expect.poll(() => inputValue(page, 'Task_Get', 'sn_query')).toBe('caler_id=6816f79cc0a8016401c5a33be04be441^activ=true');
  const fixes = diagnostics(page).locator('button.servicenow-fix');
  await expect(fixes).toHaveCount(3); // two fixes and Fix all

  // when
  await fixes.first().focus();
  await page.keyboard.press('Enter');

  // then: the remaining fix has the focus, not the page body
  await expect(fixes).toHaveCount(1);
  await expect(fixes.first()).toBeFocused();

  // when
  await page.keyboard.press('Enter');

  // then: no fix left, the query field has the focus
  await expect(fixes).toHaveCount(0);
  await expect(queryField(page)).toBeFocused();
  await expect.poll(() => inputValue(page, 'Task_Get', 'sn_query')).toBe('caller_id=6816f79cc0a8016401c5a33be04be441^active=true');
});
