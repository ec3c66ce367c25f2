import { expect, test, type Page } from '@playwright/test';
import { applyTemplate, diagnostics, inputValue, openHarness, queryField, screenshot, selectElement, templateGroup, undo } from './helpers/harness-page';

const TYPO_QUERY = 'caler_id=abc^stateIN1,9';

/** Task_Get of the diagram global-setup built, switched to the Query operation. */
async function ourIncidentQueryTask(page: Page): Promise<void> {
  await openHarness(page, { diagram: 'incident-tasks.bpmn' });
  await selectElement(page, 'Task_Get');
  await (await templateGroup(page, 'operation')).getByLabel('Operation', { exact: true }).selectOption('query');
  await templateGroup(page, 'query');
}

test.describe('live encoded-query validation', () => {
  test('reports the unknown field and the bad choice value as the user types, with the explanation', async ({ page }) => {
    // given
    await ourIncidentQueryTask(page);

    // when
    await queryField(page).fill(TYPO_QUERY);

    // then
    const found = diagnostics(page);
    await expect(found.locator('[data-code="field.unknown"]')).toContainText('Error: caler_id is not a field of incident');
    await expect(found.locator('[data-code="field.unknown"]')).toContainText('did you mean caller_id?');
    await expect(found.locator('[data-code="value.choice"]')).toContainText('9 is not a state of incident; states are 1 New, 2 In Progress, 3 On Hold, 6 Resolved, 7 Closed, 8 Canceled');
    await expect(found.locator('.servicenow-query-explanation')).toContainText('State is one of');
    await screenshot(page, 'query-validation', found.locator('.servicenow-query-explanation'));
  });

  test('applies the suggested fix as one undoable command', async ({ page }) => {
    // given
    await ourIncidentQueryTask(page);
    await queryField(page).fill(TYPO_QUERY);
    await expect.poll(() => inputValue(page, 'Task_Get', 'sn_query')).toBe(TYPO_QUERY);

    // when
    await page.getByRole('button', { name: 'Apply fix: replace "caler_id" with "caller_id"' }).click();

    // then
    await expect.poll(() => inputValue(page, 'Task_Get', 'sn_query')).toBe('caller_id=abc^stateIN1,9');
    await expect(queryField(page)).toHaveValue('caller_id=abc^stateIN1,9');
    await expect(diagnostics(page).locator('[data-code="field.unknown"]')).toHaveCount(0);

    // when
    await undo(page);

    // then
    await expect.poll(() => inputValue(page, 'Task_Get', 'sn_query')).toBe(TYPO_QUERY);
  });

  for (const [how, click] of [
    ['with the mouse', async (page: Page) => page.getByRole('button', { name: 'Apply fix: replace "caler_id" with "caller_id"' }).click()],
    // Without moving focus (a button that does not take focus, as in Safari): the field's pending save never gets its blur.
    ['without leaving the field', async (page: Page) => page.getByRole('button', { name: 'Apply fix: replace "caler_id" with "caller_id"' }).evaluate((button: HTMLButtonElement) => button.click())]
  ] as const) {
    test(`a fix applied ${how} right after typing is not overwritten by the field's pending save`, async ({ page }) => {
      // given: typed, and the field's debounced save (300 ms) still pending (a fake clock: the test moves time on instead of waiting)
      await page.clock.install();
      await ourIncidentQueryTask(page);
      await queryField(page).fill(TYPO_QUERY);
      await expect(diagnostics(page).locator('[data-code="field.unknown"]')).toHaveCount(1);

      // when
      await click(page);
      await page.clock.runFor(700);

      // then
      expect(await inputValue(page, 'Task_Get', 'sn_query')).toBe('caller_id=abc^stateIN1,9');
      await expect(queryField(page)).toHaveValue('caller_id=abc^stateIN1,9');

      // when: one undo goes back to what was typed
      await undo(page);

      // then
      await expect.poll(() => inputValue(page, 'Task_Get', 'sn_query')).toBe(TYPO_QUERY);
    });
  }

  test('checks dot-walks into any SDK table with the metadata chunk, fetched once from beside the plugin script', async ({ page }) => {
    // given
    const scripts: string[] = [];
    page.on('request', (request) => { if (request.url().endsWith('.js')) scripts.push(request.url()); });
    await ourIncidentQueryTask(page);

    // when: caller_id is a sys_user, its location a cmn_location
    await queryField(page).fill('caller_id.location.citty=Berlin');

    // then
    await expect(diagnostics(page).locator('[data-code="field.unknown"]')).toContainText('not a field of cmn_location');
    await expect(diagnostics(page).locator('[data-code="field.unknown"]')).toContainText('did you mean city?');
    const plugin = scripts.find((url) => url.endsWith('/client.js'))!;
    expect(scripts.filter((url) => url.endsWith('/servicenow-metadata.js'))).toEqual([plugin.replace(/client\.js$/, 'servicenow-metadata.js')]);
  });

  test('checks FEEL-built queries', async ({ page }) => {
    // given
    await ourIncidentQueryTask(page);

    // when
    await queryField(page).fill('="caler_id=" + callerSysId + "^active=true"');

    // then
    await expect(diagnostics(page).locator('[data-code="field.unknown"]')).toContainText('did you mean caller_id?');
  });

  test('works on Camunda\'s official ServiceNow incident template', async ({ page }) => {
    // given
    await openHarness(page);
    await applyTemplate(page, 'Task_Create', 'io.camunda.connectors.ServiceNowIncident.v1');
    await selectElement(page, 'Task_Create');
    await (await templateGroup(page, 'operation')).getByLabel('Operation', { exact: true }).selectOption('read');
    const input = await templateGroup(page, 'input');
    // The official template opens its optional-FEEL query in FEEL mode: switch to a plain string.
    const feelToggle = input.getByRole('button', { name: 'Click to remove dynamic value with FEEL expression' }).first();
    if (await feelToggle.isVisible()) await feelToggle.click();

    // when
    await queryField(page).fill(TYPO_QUERY);

    // then
    await expect(diagnostics(page).locator('[data-code="field.unknown"]')).toContainText('did you mean caller_id?');
    await expect(diagnostics(page).locator('[data-code="value.choice"]')).toContainText('9 is not a state of incident');
    await screenshot(page, 'query-validation-official-template', diagnostics(page).locator('.servicenow-query-explanation'));
  });

  test('typing into a 2 kB query checks it and writes the diagram at most once per keystroke, and every keystroke lands', async ({ page }) => {
    // given
    await ourIncidentQueryTask(page);
    const query = Array.from({ length: 80 }, (_, index) => `short_descriptionLIKEprinter${index}`).join('^OR').slice(0, 2048);
    await queryField(page).fill(query);
    const typed = '^active=true^caler_id=1';
    // Counts, not times: the live check runs per animation frame and the panel's write is debounced, so neither may run more often than keys are pressed.
    await page.evaluate(() => {
      const counts = { checks: 0, commands: 0 };
      const eventBus = window.harness.modeler.get('eventBus');
      eventBus.on('servicenow.query.checked', () => { counts.checks++; });
      eventBus.on('commandStack.changed', () => { counts.commands++; });
      (window as unknown as { typingCounts: typeof counts }).typingCounts = counts;
    });

    // when: typing 23 more characters one by one
    await queryField(page).focus();
    await page.keyboard.press('End');
    await queryField(page).pressSequentially(typed, { delay: 0 });

    // then: every keystroke landed and the diagnostics follow the final text
    await expect(queryField(page)).toHaveValue(`${query}${typed}`);
    await expect(diagnostics(page)).toHaveAttribute('data-checked-length', String(query.length + 23));
    await expect(diagnostics(page).locator('[data-code="field.unknown"]')).toContainText('did you mean caller_id?');
    const counts = await page.evaluate(() => (window as unknown as { typingCounts: { checks: number; commands: number } }).typingCounts);
    expect(counts.checks).toBeGreaterThanOrEqual(1);
    expect(counts.checks).toBeLessThanOrEqual(typed.length);
    expect(counts.commands).toBeLessThanOrEqual(typed.length);
  });
});

test('Fix all cleans a query pasted from a list URL in one undoable step, moving sysparm_limit into the Limit field', async ({ page }) => {
  // given
  const pasted = 'sysparm_query=activ=true^caler_id=6816f79cc0a8016401c5a33be04be441&sysparm_limit=10';
  await ourIncidentQueryTask(page);
  await queryField(page).fill(pasted);
  await expect.poll(() => inputValue(page, 'Task_Get', 'sn_query')).toBe(pasted);

  // when
  await diagnostics(page).getByRole('button', { name: /^Fix all \(\d+\)$/ }).click();

  // then
  await expect.poll(() => inputValue(page, 'Task_Get', 'sn_query')).toBe('active=true^caller_id=6816f79cc0a8016401c5a33be04be441');
  await expect(diagnostics(page).locator('button.servicenow-fix')).toHaveCount(0);
  expect(await inputValue(page, 'Task_Get', 'sn_limit')).toBe('10');

  // when
  await undo(page);

  // then: one undo returns the pasted text and the limit
  await expect.poll(() => inputValue(page, 'Task_Get', 'sn_query')).toBe(pasted);
  expect(await inputValue(page, 'Task_Get', 'sn_limit')).toBe('50');
});

test('a long query grows its field and reads as a list of conditions', async ({ page }) => {
  // given
  await ourIncidentQueryTask(page);
  await queryField(page).fill('active=true');
  const short = (await queryField(page).boundingBox())!.height;

  // when
  await queryField(page).fill('active=true^priority=1^assignment_groupISEMPTY^short_descriptionLIKEprinter jam on the third floor near the kitchen^category=hardware^ORDERBYDESCsys_created_on');

  // then
  const items = diagnostics(page).locator('.servicenow-explanation-items li');
  await expect(items).toHaveCount(6);
  await expect(items.first()).toContainText('Active');
  expect((await queryField(page).boundingBox())!.height).toBeGreaterThan(short);
});
