import { expect, test, type Page } from '@playwright/test';
import { inputValue, openHarness, selectElement, templateGroup } from './helpers/harness-page';

const VALUES_SENT = 'Values sent (sysparm_input_display_value)';

/** The Caller input of the selected task and the error the panel shows under it. */
async function caller(page: Page) {
  const fields = await templateGroup(page, 'fields');
  const input = fields.getByLabel('Caller', { exact: true });
  const error = fields.locator('.bio-properties-panel-entry').filter({ has: page.getByLabel('Caller', { exact: true }) }).locator('.bio-properties-panel-error');
  return { input, error };
}

test('sending display values lets a reference field take a user\'s name, and the sys_id check returns with stored values', async ({ page }) => {
  // given
  await openHarness(page, { diagram: 'incident-tasks.bpmn' });
  await selectElement(page, 'Task_Create');

  // when: a name while stored values are sent
  const stored = await caller(page);
  await stored.input.fill('Abel Tuter');
  await stored.input.blur();

  // then: refused as a sys_id
  await expect(stored.error).toContainText('must be a sys_id');

  // when: the task sends display values
  await (await templateGroup(page, 'query')).getByLabel(VALUES_SENT).selectOption('true');

  // then: the name is accepted and kept; the placeholder asks for a display value
  const display = await caller(page);
  await expect(display.input).toHaveValue('Abel Tuter');
  await expect(display.input).toHaveAttribute('placeholder', /Display value of a sys_user record/);
  await expect(display.error).toHaveCount(0);
  expect(await inputValue(page, 'Task_Create', 'sn_f_caller_id')).toBe('Abel Tuter');

  // when: stored values again
  await (await templateGroup(page, 'query')).getByLabel(VALUES_SENT).selectOption('false');

  // then: the sys_id check is back
  const again = await caller(page);
  await expect(again.input).toHaveAttribute('placeholder', /sys_id of a sys_user record/);
  await expect(again.error).toContainText('must be a sys_id');
});
