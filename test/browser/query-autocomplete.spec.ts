import { expect, test, type Locator, type Page } from '@playwright/test';
import { applyTemplate, diagnostics, inputValue, openHarness, queryField, screenshot, selectElement, templateGroup, undo } from './helpers/harness-page';

/** Task_Get of the diagram global-setup built, switched to the Query operation. */
async function ourIncidentQueryTask(page: Page): Promise<void> {
  await openHarness(page, { diagram: 'incident-tasks.bpmn' });
  await selectElement(page, 'Task_Get');
  await (await templateGroup(page, 'operation')).getByLabel('Operation', { exact: true }).selectOption('query');
  await templateGroup(page, 'query');
}

function suggestions(page: Page): Locator {
  return page.getByRole('listbox', { name: 'Query suggestions' });
}

/**
 * Moves the active option to `label` with the arrow keys, then accepts it with `key`. It goes by what the active
 * option says, not by an option id read first: the list typed text is still catching up with may be replaced
 * under it, and the same place then holds another suggestion.
 */
async function pick(page: Page, combobox: Locator, label: string, key: 'Enter' | 'Tab' = 'Enter'): Promise<void> {
  const exactly = new RegExp(`^${label.replace(/[\^$.*+?()[\]{}|\\]/g, '\\$&')}$`);
  await expect(suggestions(page).getByRole('option').filter({ has: page.locator('.servicenow-completion-label', { hasText: exactly }) }).first()).toBeVisible();
  const activeLabel = async () => {
    const active = await combobox.getAttribute('aria-activedescendant');
    return active ? page.locator(`[id="${active}"] .servicenow-completion-label`).textContent() : null;
  };
  for (let step = 0; step < 300 && (await activeLabel()) !== label; step++) {
    const active = await combobox.getAttribute('aria-activedescendant');
    await page.keyboard.press('ArrowDown');
    await expect(combobox).not.toHaveAttribute('aria-activedescendant', active!);
  }
  expect(await activeLabel()).toBe(label);
  await page.keyboard.press(key);
}

test.describe('encoded-query autocomplete', () => {
  test('builds a valid query from suggestions: a field, a dot-walk, an operator and a choice value', async ({ page }) => {
    // given
    await ourIncidentQueryTask(page);
    const field = queryField(page);
    await field.click();

    // when
    await field.pressSequentially('cal');

    // then: the field is a combobox showing its listbox
    await expect(field).toHaveAttribute('role', 'combobox');
    await expect(field).toHaveAttribute('aria-expanded', 'true');
    await expect(suggestions(page).getByRole('option').filter({ hasText: 'caller_id' })).toBeVisible();

    // when
    await pick(page, field, 'caller_id');
    await field.pressSequentially('.');

    // then: the fields of the referenced table
    await expect(suggestions(page).getByRole('option', { name: /^name/ })).toBeVisible();
    await screenshot(page, 'query-autocomplete', suggestions(page));

    // when
    await pick(page, field, 'name', 'Tab');
    await pick(page, field, '=');
    await field.pressSequentially('Abel Tuter');
    await pick(page, field, '^');
    await field.pressSequentially('sta');
    await pick(page, field, 'state');
    await pick(page, field, '=');
    await expect(suggestions(page).getByRole('option').filter({ hasText: 'Resolved' })).toBeVisible();
    await pick(page, field, '6');

    // then
    await expect(field).toHaveValue('caller_id.name=Abel Tuter^state=6');
    await expect.poll(() => inputValue(page, 'Task_Get', 'sn_query')).toBe('caller_id.name=Abel Tuter^state=6');
    await expect(diagnostics(page).locator('.servicenow-diagnostics-ok')).toHaveText('No problems found in this query.');

    // when: Escape closes the list
    await pick(page, field, '^');
    await expect(suggestions(page)).toBeVisible();
    await page.keyboard.press('Escape');

    // then
    await expect(suggestions(page)).toBeHidden();
    await expect(field).toHaveAttribute('aria-expanded', 'false');

    // when: one undo takes back the last accepted suggestion only
    await undo(page);

    // then
    await expect.poll(() => inputValue(page, 'Task_Get', 'sn_query')).toBe('caller_id.name=Abel Tuter^state=6');
    await undo(page);
    await expect.poll(() => inputValue(page, 'Task_Get', 'sn_query')).toBe('caller_id.name=Abel Tuter^state=');
  });

  test('accepting right after typing keeps what was typed (the field\'s pending save does not overwrite it)', async ({ page }) => {
    // given: typed, the field's debounced save still pending (a fake clock: time runs, and the test moves it on instead of waiting)
    await page.clock.install();
    await ourIncidentQueryTask(page);
    const field = queryField(page);
    await field.click();
    await field.pressSequentially('active=true^cal');

    // when: the pick, then past the panel's 300 ms save debounce
    await pick(page, field, 'caller_id');
    await page.clock.runFor(700);

    // then
    expect(await inputValue(page, 'Task_Get', 'sn_query')).toBe('active=true^caller_id');
    await expect(field).toHaveValue('active=true^caller_id');
  });

  test('Tab after a complete condition leaves the field instead of appending a separator', async ({ page }) => {
    // given
    await ourIncidentQueryTask(page);
    const field = queryField(page);
    await field.click();
    await field.pressSequentially('state=1');
    await expect(suggestions(page).getByRole('option').filter({ hasText: '^NQ' })).toBeVisible();

    // when
    await page.keyboard.press('Tab');

    // then
    await expect(field).not.toBeFocused();
    await expect(suggestions(page)).toBeHidden();
    await expect.poll(() => inputValue(page, 'Task_Get', 'sn_query')).toBe('state=1');
  });

  test('suggests inside the string literals of a FEEL-built query', async ({ page }) => {
    // given
    await ourIncidentQueryTask(page);
    await queryField(page).fill('="active=true^" + callerSysId + "^sta"');
    const editor = page.locator('.servicenow-query-diagnostics').locator('xpath=preceding-sibling::div[1]').locator('.cm-content');
    await expect(editor).toBeVisible();

    // when: the caret before the closing quote
    await editor.click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('t');

    // then
    await expect(suggestions(page).getByRole('option').first()).toContainText('state');

    // when
    await pick(page, editor, 'state');

    // then
    await expect.poll(() => inputValue(page, 'Task_Get', 'sn_query')).toBe('="active=true^" + callerSysId + "^state"');
  });

  test('suggests in the query of Camunda\'s official ServiceNow incident template', async ({ page }) => {
    // given
    await openHarness(page);
    await applyTemplate(page, 'Task_Create', 'io.camunda.connectors.ServiceNowIncident.v1');
    await selectElement(page, 'Task_Create');
    await (await templateGroup(page, 'operation')).getByLabel('Operation', { exact: true }).selectOption('read');
    const input = await templateGroup(page, 'input');
    // The official template opens its optional-FEEL query in FEEL mode: switch to a plain string.
    const feelToggle = input.getByRole('button', { name: 'Click to remove dynamic value with FEEL expression' }).first();
    if (await feelToggle.isVisible()) await feelToggle.click();
    const field = queryField(page);
    await field.click();

    // when
    await field.pressSequentially('priority=');
    await pick(page, field, '1');

    // then
    await expect(field).toHaveValue('priority=1');
    await expect(diagnostics(page).locator('.servicenow-diagnostics-ok')).toHaveText('No problems found in this query.');
  });

  test('suggests for the table typed into the generic template', async ({ page }) => {
    // given
    await openHarness(page);
    await applyTemplate(page, 'Task_Create', 'community.servicenow.AnyTable');
    await selectElement(page, 'Task_Create');
    const operation = await templateGroup(page, 'operation');
    await operation.getByLabel('Operation', { exact: true }).selectOption('query');
    await operation.getByLabel('Table name', { exact: true }).fill('change_request');
    await expect.poll(() => inputValue(page, 'Task_Create', 'sn_table')).toBe('change_request');
    await templateGroup(page, 'query');
    const field = queryField(page);
    await field.click();

    // when
    await field.pressSequentially('type=');

    // then: change_request's own choices
    await expect(suggestions(page).getByRole('option').filter({ hasText: 'Emergency' })).toBeVisible();
    await pick(page, field, 'emergency');
    await expect(field).toHaveValue('type=emergency');
  });
});
