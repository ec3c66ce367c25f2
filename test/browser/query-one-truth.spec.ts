import { expect, test, type Page } from '@playwright/test';
import { diagnostics, openHarness, queryField, selectElement, templateGroup } from './helpers/harness-page';

const TYPO = 'activ=true';
const MESSAGE = 'activ is not a field of incident';
// Before/after pictures for a change note: SCREENS_DIR=<folder> (and PLUGIN_DIR=<another build> for the before).
const BEFORE_AFTER = process.env.SCREENS_DIR;

async function queryTaskWithTypo(page: Page): Promise<void> {
  await openHarness(page, { diagram: 'incident-tasks.bpmn' });
  await selectElement(page, 'Task_Get');
  await (await templateGroup(page, 'operation')).getByLabel('Operation', { exact: true }).selectOption('query');
  await templateGroup(page, 'query');
  await queryField(page).fill(TYPO);
  await queryField(page).blur();
  // The lint pass has run: the Problems list holds the error.
  await expect(page.locator('#problems li[data-element-id="Task_Get"]').filter({ hasText: MESSAGE })).toHaveCount(1);
}

/**
 * What the panel shows two frames after the live check first reads "No
 * problems found", and the status bar within six (the lint pass, and the
 * status bar's own refresh of the stored value, come 300 ms or more later).
 */
async function stateWhenLiveCheckClears(page: Page): Promise<{ redLines: number; outlined: boolean; status: string; lintBehindNote: boolean; problemsListStale: boolean }> {
  return page.evaluate(() => new Promise((resolve) => {
    const statusText = () => document.querySelector('.servicenow-status-button')?.textContent ?? '';
    const statusWithin = (frames: number, done: (text: string) => void) => {
      if (frames === 0 || !/error|warning/.test(statusText())) done(statusText());
      else requestAnimationFrame(() => statusWithin(frames - 1, done));
    };
    const read = () => {
      const diagnosticsEntry = document.querySelector('.servicenow-query-diagnostics') as HTMLElement;
      const queryEntry = diagnosticsEntry.previousElementSibling as HTMLElement;
      const input = queryEntry.querySelector('input, textarea') as HTMLElement;
      const panel = {
        redLines: queryEntry.querySelectorAll('.bio-properties-panel-error').length,
        // The red border comes from the panel's own error (has-error) or from the diagnostics entry's data-has-errors (style.css);
        // comparing colours would read the focus border, since a fix returns the focus to the field.
        outlined: queryEntry.classList.contains('has-error') || diagnosticsEntry.hasAttribute('data-has-errors') || input.matches(':is(.has-error *)'),
        lintBehindNote: Boolean(diagnosticsEntry.querySelector('.servicenow-lint-behind')),
        problemsListStale: [...document.querySelectorAll('#problems li')].some((item) => item.textContent?.includes('activ is not a field'))
      };
      statusWithin(4, (status) => resolve({ ...panel, status }));
    };
    const afterFrames = () => requestAnimationFrame(() => requestAnimationFrame(read));
    const observer = new MutationObserver(() => {
      if (document.querySelector('.servicenow-diagnostics-ok')?.textContent) { observer.disconnect(); afterFrames(); }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  }));
}

test.describe('one truth for query errors', () => {
  test('the panel shows each query error once, under the field, and outlines the field', async ({ page }) => {
    // given
    await queryTaskWithTypo(page);

    // then: one copy of the message in the panel (the live check), and the field outlined
    if (BEFORE_AFTER) await page.locator('#properties').screenshot({ path: `${BEFORE_AFTER}/1-query-error-shown.png` });
    await expect(page.locator('#properties').getByText(MESSAGE)).toHaveCount(1);
    await expect(diagnostics(page).locator('[data-code="field.unknown"]')).toContainText(MESSAGE);
    const color = await queryField(page).evaluate((input) => getComputedStyle(input).borderColor);
    const [red = 0, green = 0, blue = 0] = (color.match(/\d+/g) ?? []).map(Number);
    expect(red, `query field border ${color}`).toBeGreaterThan(150);
    expect(green + blue, `query field border ${color}`).toBeLessThan(120);
  });

  test('after a fix, the field, the status bar and the panel agree with the live check at once', async ({ page }) => {
    // given
    await queryTaskWithTypo(page);
    await expect(page.locator('.servicenow-status-button')).toContainText('1 query error');
    const cleared = stateWhenLiveCheckClears(page);

    // when
    await page.getByRole('button', { name: 'Apply fix: replace "activ" with "active"' }).click();

    // then: no lagging red line or outline, the status bar already counts no error
    const state = await cleared;
    if (BEFORE_AFTER) await page.locator('#properties').screenshot({ path: `${BEFORE_AFTER}/1-after-fix.png` });
    expect(state.redLines).toBe(0);
    expect(state.outlined).toBe(false);
    expect(state.status).toBe('ServiceNow: 2 tasks, 1 required field empty');
    // and while the Problems list (the last lint pass) still shows the old error, the entry says it is behind
    if (state.problemsListStale) expect(state.lintBehindNote).toBe(true);

    // then: the next lint pass catches up, and the note goes
    await expect(page.locator('#problems li').filter({ hasText: MESSAGE })).toHaveCount(0);
    await expect(diagnostics(page).locator('.servicenow-lint-behind')).toHaveCount(0);
  });

  test('a problem in the Problems list leads to the query field', async ({ page }) => {
    // given
    await queryTaskWithTypo(page);
    await selectElement(page, 'Task_Create');

    // when
    await page.locator('#problems li[data-element-id="Task_Get"]').filter({ hasText: MESSAGE }).click();

    // then
    await expect.poll(() => page.evaluate(() => window.harness.modeler.get('selection').get().map((element: { id: string }) => element.id))).toEqual(['Task_Get']);
    const queryEntryId = await diagnostics(page).locator('xpath=preceding-sibling::div[1]').getAttribute('data-entry-id');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-entry-id]')?.getAttribute('data-entry-id'))).toBe(queryEntryId);
  });
});
