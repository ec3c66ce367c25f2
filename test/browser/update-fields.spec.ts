import { expect, test, type Page } from '@playwright/test';
import { openHarness, selectElement, templateGroup } from './helpers/harness-page';

/** Saves a before/after image for the closing note when SCREENS_DIR is set (npm test writes none). */
async function note(page: Page, name: string): Promise<void> {
  if (process.env.SCREENS_DIR) await page.locator('#properties').screenshot({ path: `${process.env.SCREENS_DIR}/${name}.png` });
}

async function visibleLabels(page: Page, groupId: string): Promise<string[]> {
  const group = await templateGroup(page, groupId);
  const labels = await group.locator('.bio-properties-panel-entry:visible > label, .bio-properties-panel-entry:visible .bio-properties-panel-label').allTextContents();
  return labels.map((label) => label.trim());
}

test('an Update task shows what an update sets first: journal, state, resolution and assignment', async ({ page }) => {
  // given
  await openHarness(page, { diagram: 'incident-tasks.bpmn' });
  await selectElement(page, 'Task_Create');

  // when
  await (await templateGroup(page, 'operation')).getByLabel('Operation', { exact: true }).selectOption('update');
  const labels = await visibleLabels(page, 'fields');
  await note(page, '5-update-fields');

  // then: work notes, comments, state and the resolution fields lead, before the form's Create fields
  expect(labels.slice(0, 8)).toEqual(['Additional comments', 'Work notes', 'State', 'On hold reason', 'Close notes', 'Resolution code', 'Assigned to', 'Assignment group']);
  expect(labels).toContain('Short description');
});

test('More fields can be filtered, and offer no column the platform maintains', async ({ page }) => {
  // given
  await openHarness(page, { diagram: 'incident-tasks.bpmn' });
  await selectElement(page, 'Task_Create');
  const more = await templateGroup(page, 'moreFields');
  await more.getByLabel(/^Show the other/).selectOption('shown');
  await expect(more.getByLabel('Work notes', { exact: true })).toBeVisible();

  // then: counters and SLA flags the platform keeps are not offered
  for (const label of ['Reassignment count', 'Reopen count', 'Made SLA', 'Child Incidents', 'Number']) {
    await expect(more.getByLabel(label, { exact: true })).toHaveCount(0);
  }

  // when
  await more.getByLabel('Filter fields').fill('notes');
  await note(page, '5-more-fields-filter');

  // then: only matching fields stay, and typing keeps its place in the filter
  await expect(more.getByLabel('Work notes', { exact: true })).toBeVisible();
  await expect(more.getByLabel('Opened', { exact: true })).toHaveCount(0);
  await expect(more.getByLabel('Filter fields')).toBeFocused();
  await page.keyboard.type(' work');
  await expect(more.getByLabel('Filter fields')).toHaveValue('notes work');
  await expect(more.getByLabel('Work notes', { exact: true })).toBeVisible();
  await expect(more.getByLabel('Close notes', { exact: true })).toHaveCount(0);
});

test('Caller is not required: only the dictionary makes a field mandatory, not a form UI policy', async ({ page }) => {
  // given
  await openHarness(page, { diagram: 'incident-tasks.bpmn' });
  await selectElement(page, 'Task_Create');
  const fields = await templateGroup(page, 'fields');

  // when
  const caller = fields.getByLabel('Caller', { exact: true });
  await caller.fill('');
  await caller.blur();

  // then
  await expect(fields.locator('[data-entry-id*="field.caller_id"] .bio-properties-panel-error')).toHaveCount(0);
  const labels = await visibleLabels(page, 'fields');
  expect(labels[0]).toBe('Short description');
});
