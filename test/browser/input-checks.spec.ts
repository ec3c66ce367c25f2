import { expect, test, type Page } from '@playwright/test';
import { applyTemplate, inputValue, openHarness, screenshot, selectElement, templateGroup } from './helpers/harness-page';

/** The findings entry under a checked input, and that input's own entry (the one before it). */
function checks(page: Page, index = 0) {
  const entry = page.locator('.servicenow-input-diagnostics').nth(index);
  return { entry, field: entry.locator('xpath=preceding-sibling::div[1]') };
}

test('the columns to return are checked against the metadata, dot-walks included, with a fix button', async ({ page }) => {
  // given
  await openHarness(page, { diagram: 'incident-tasks.bpmn' });
  await selectElement(page, 'Task_Get');
  const query = await templateGroup(page, 'query');

  // when
  await query.getByLabel('Fields to return (sysparm_fields)').fill('number,short_descripton,caller_id.nmae');

  // then: both names, each with its did-you-mean, live (before the field saves)
  const { entry } = checks(page);
  await expect(entry.locator('[data-code="field.unknown"]').first()).toContainText('short_descripton is not a field of incident, so ServiceNow leaves it out of the response without a word; did you mean short_description?');
  await expect(entry.locator('[data-code="field.unknown"]').nth(1)).toContainText('nmae is not a field of sys_user (reached through caller_id)');

  // when
  await entry.getByRole('button', { name: 'Apply fix: replace "short_descripton" with "short_description"' }).click();

  // then
  await expect.poll(() => inputValue(page, 'Task_Get', 'sn_fields')).toBe('number,short_description,caller_id.nmae');
  await expect(entry.locator('[data-code="field.unknown"]')).toHaveCount(1);
  await screenshot(page, 'input-checks-fields', entry);
});

test('a payload on Camunda\'s official incident template is checked: unknown keys with a did-you-mean, a choice value no choice has', async ({ page }) => {
  // given
  await openHarness(page);
  await applyTemplate(page, 'Task_Create', 'io.camunda.connectors.ServiceNowIncident.v1');
  await selectElement(page, 'Task_Create');
  await templateGroup(page, 'input');
  const { entry, field } = checks(page);

  // when
  await field.locator('.cm-content').fill('{"caller": callerSysId, "short_descripton": "Printer jam", "impact": 9}');

  // then
  await expect(entry.locator('[data-code="field.unknown"]').first()).toContainText('caller is not a field of incident, so ServiceNow ignores it without a word; did you mean caller_id?');
  await expect(entry.locator('[data-code="field.unknown"]').nth(1)).toContainText('did you mean short_description?');
  await expect(entry.locator('[data-code="value.choice"]')).toContainText('9 is not an impact of incident');

  // when
  await entry.getByRole('button', { name: 'Apply fix: replace "caller" with "caller_id"' }).click();

  // then: one undoable write of the payload
  await expect.poll(() => inputValue(page, 'Task_Create', 'body_incident')).toBe('={"caller_id": callerSysId, "short_descripton": "Printer jam", "impact": 9}');
  await screenshot(page, 'input-checks-official-payload', entry);
});
