import { expect, test } from '@playwright/test';
import { diagnostics, inputValue, openHarness, queryField, selectElement, templateGroup } from './helpers/harness-page';

const FEEL_QUERY = '="caler_id=" + callerSysId + "^active=true"';

test('checks a FEEL-built query once the FEEL chunk arrives, and reports nothing about it before', async ({ page }) => {
  // given: the FEEL chunk held back until the test lets it through
  let release = () => {};
  const released = new Promise<void>((resolve) => { release = resolve; });
  let requested = false;
  await page.route('**/servicenow-feel.js', async (route) => {
    requested = true;
    await released;
    await route.continue();
  });
  await openHarness(page, { diagram: 'incident-tasks.bpmn' });
  await selectElement(page, 'Task_Get');
  await (await templateGroup(page, 'operation')).getByLabel('Operation', { exact: true }).selectOption('query');
  await templateGroup(page, 'query');
  await queryField(page).fill(FEEL_QUERY);
  await expect.poll(() => inputValue(page, 'Task_Get', 'sn_query')).toBe(FEEL_QUERY);
  await expect.poll(() => requested).toBe(true);

  // then: the query waits for the parser, with no finding under the field or in the problems list
  const problem = page.locator('#problems li[data-element-id="Task_Get"][data-rule="servicenow/valid-query"]');
  await expect(problem).toHaveCount(0);
  await expect(diagnostics(page).locator('[data-code]')).toHaveCount(0);

  // when
  release();

  // then: the diagram is linted again and the field checked with the parser
  await expect(diagnostics(page).locator('[data-code="field.unknown"]')).toContainText('did you mean caller_id?');
  await expect(problem.filter({ hasText: 'caler_id is not a field of incident' })).toHaveCount(1);
});
