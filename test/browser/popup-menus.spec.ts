import { expect, test, type Page } from '@playwright/test';
import { openHarness, selectElement, templateOf } from './helpers/harness-page';

/** The popup menu diagram-js opened, searched for `text`. */
async function search(page: Page, title: string, text: string) {
  const menu = page.locator('.djs-popup');
  await expect(menu.locator('.djs-popup-title')).toHaveText(title);
  // The search reacts to key presses, not to a programmatic value.
  await menu.locator('.djs-popup-search input').pressSequentially(text);
  return menu.locator('.djs-popup-results .entry');
}

test.describe('popup menus list the ServiceNow templates', () => {
  test('Append element, from the context pad', async ({ page }) => {
    // given
    await openHarness(page);
    await selectElement(page, 'Task_Create');

    // when
    await page.locator('.djs-context-pad [data-action="append"]').click();
    const entries = await search(page, 'Append element', 'Create Incident');

    // then: the template's operation entries (its steps) are what the search finds
    await expect(entries.filter({ hasText: /Create Incident/ }).filter({ hasText: '[incident]' }).first()).toBeVisible();
  });

  test('Change element, from the context pad, applies the picked template', async ({ page }) => {
    // given
    await openHarness(page);
    await selectElement(page, 'Task_Create');

    // when
    await page.locator('.djs-context-pad [data-action="replace"]').click();
    const entries = await search(page, 'Change element', 'Create Incident');
    await entries.filter({ hasText: /Create Incident/ }).first().click();

    // then
    await expect.poll(() => templateOf(page, 'Task_Create')).toBe('community.servicenow.incident');
  });

  test('Create element, from the palette', async ({ page }) => {
    // given
    await openHarness(page);

    // when
    await page.locator('.djs-palette [data-action="create"]').click();
    const entries = await search(page, 'Create element', 'Create Incident');

    // then
    await expect(entries.filter({ hasText: /Create Incident/ }).filter({ hasText: '[incident]' }).first()).toBeVisible();
  });
});
