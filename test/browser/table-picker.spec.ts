import { expect, test } from '@playwright/test';
import { headerValue, inputValue, openGroup, openHarness, screenshot, selectElement, templateGroup, templateOf, undo } from './helpers/harness-page';

const SYS_ID = '46d44a5fa9fe198100c4bf8d1234abcd';

test.describe('table picker', () => {
  test('switching tables keeps the shared values as one undoable step', async ({ page }) => {
    test.setTimeout(120_000);
    // given: the incident task of the built diagram, with shared values set through the panel
    await openHarness(page, { diagram: 'incident-tasks.bpmn' });
    await selectElement(page, 'Task_Create');
    await (await templateGroup(page, 'operation')).getByLabel('Operation', { exact: true }).selectOption('update');
    await (await templateGroup(page, 'operation')).getByLabel('sys_id', { exact: true }).fill(SYS_ID);
    await (await templateGroup(page, 'connection')).getByLabel('Instance URL').fill('https://dev12345.service-now.com');
    await (await templateGroup(page, 'authentication')).getByLabel('User name').fill('{{secrets.SN_USER}}');
    await (await templateGroup(page, 'output')).getByLabel('Result variable').fill('updateResponse');
    await expect.poll(() => headerValue(page, 'Task_Create', 'resultVariable')).toBe('updateResponse');
    const shared = async () => ({
      template: await templateOf(page, 'Task_Create'),
      operation: await headerValue(page, 'Task_Create', 'serviceNowOperation'),
      sysId: await inputValue(page, 'Task_Create', 'sn_sysId'),
      instance: await inputValue(page, 'Task_Create', 'sn_instanceUrl'),
      user: await inputValue(page, 'Task_Create', 'authentication.username'),
      resultVariable: await headerValue(page, 'Task_Create', 'resultVariable'),
      url: await inputValue(page, 'Task_Create', 'url')
    });
    const before = await shared();

    // when
    const picker = page.getByRole('combobox', { name: 'Table' });
    await picker.fill('Requested Item');
    await screenshot(page, 'table-picker', picker);
    await page.locator('[role="option"][data-table="sc_req_item"][data-template-id="community.servicenow.sc_req_item"]').click();

    // then
    await expect.poll(() => templateOf(page, 'Task_Create'), { timeout: 60_000 }).toBe('community.servicenow.sc_req_item');
    expect(await headerValue(page, 'Task_Create', 'serviceNowOperation')).toBe('update');
    expect(await inputValue(page, 'Task_Create', 'sn_sysId')).toBe(SYS_ID);
    expect(await inputValue(page, 'Task_Create', 'sn_instanceUrl')).toBe('https://dev12345.service-now.com');
    expect(await inputValue(page, 'Task_Create', 'authentication.username')).toBe('{{secrets.SN_USER}}');
    expect(await headerValue(page, 'Task_Create', 'resultVariable')).toBe('updateResponse');
    expect(await inputValue(page, 'Task_Create', 'url')).toContain('"sc_req_item"');
    await expect(page.locator('.servicenow-current-table')).toHaveText('Current: sc_req_item');

    // when
    await undo(page);

    // then: one undo restores the incident task exactly
    expect(await shared()).toEqual(before);
    expect(before.template).toBe('community.servicenow.incident');
  });

  test('sets the table input of a generic template', async ({ page }) => {
    // given
    await openHarness(page);
    await selectElement(page, 'Task_Create');
    // collapsed on a plain task
    await openGroup(page, 'servicenow');

    // when
    await page.getByRole('combobox', { name: 'Table' }).fill('change_task');
    await page.locator('[role="option"][data-table="change_task"][data-template-id="io.camunda.connectors.ServiceNow.v1"]').click();

    // then
    await expect.poll(() => templateOf(page, 'Task_Create')).toBe('io.camunda.connectors.ServiceNow.v1');
    expect(await inputValue(page, 'Task_Create', 'targetTable')).toBe('change_task');
    await expect(page.locator('.servicenow-current-table')).toHaveText('Current: change_task');
  });

  test('is usable with the keyboard and labelled for screen readers', async ({ page }) => {
    // given
    await openHarness(page);
    await selectElement(page, 'Task_Create');
    await openGroup(page, 'servicenow');
    const picker = page.getByRole('combobox', { name: 'Table' });

    // when
    await picker.focus();
    await page.keyboard.type('group');

    // then
    const listbox = page.getByRole('listbox', { name: 'ServiceNow tables' });
    await expect(picker).toHaveAttribute('aria-expanded', 'true');
    await expect(listbox.getByRole('option').first()).toContainText('sys_user_group');
    await expect(picker).toHaveAttribute('aria-activedescendant', await listbox.getByRole('option').first().getAttribute('id') ?? '');

    // when
    await page.keyboard.press('Enter');

    // then
    await expect.poll(() => templateOf(page, 'Task_Create'), { timeout: 30_000 }).toBe('community.servicenow.sys_user_group');
  });

  test('a switch keeps the field values the new table has, reveals "More fields" rather than drop, and says what it kept and dropped', async ({ page }) => {
    test.setTimeout(120_000);
    // given: an incident Create task with fields set
    await openHarness(page, { diagram: 'incident-tasks.bpmn' });
    await selectElement(page, 'Task_Create');
    const fields = await templateGroup(page, 'fields');
    await fields.getByLabel('Caller', { exact: true }).fill(SYS_ID);
    await fields.getByLabel('Impact', { exact: true }).selectOption('2');
    await fields.getByLabel('Urgency', { exact: true }).selectOption('1');
    await fields.getByLabel('Short description', { exact: true }).fill('Printer down');
    await expect.poll(() => inputValue(page, 'Task_Create', 'sn_f_short_description')).toBe('Printer down');

    // when
    await page.getByRole('combobox', { name: 'Table' }).fill('sc_req_item');
    await page.locator('[role="option"][data-table="sc_req_item"][data-template-id="community.servicenow.sc_req_item"]').click();

    // then
    await expect.poll(() => templateOf(page, 'Task_Create'), { timeout: 60_000 }).toBe('community.servicenow.sc_req_item');
    if (process.env.SCREENS_DIR) await page.locator('#properties').screenshot({ path: `${process.env.SCREENS_DIR}/3-after-switch.png` });
    const report = page.locator('.servicenow-switch-report');
    // Kept values are listed in the new template's field order, which is not the point here.
    await expect(report).toContainText(/Kept: (?=[^.]*Impact)(?=[^.]*Urgency)(?=[^.]*Short description)[^.]*\./);
    await expect(report).toContainText('Dropped: Caller (sc_req_item has no field caller_id).');
    await expect(report).toContainText('One undo returns to the previous table.');
    expect(await headerValue(page, 'Task_Create', 'serviceNowOperation')).toBe('create');
    expect(await inputValue(page, 'Task_Create', 'sn_f_impact')).toBe('2');
    expect(await inputValue(page, 'Task_Create', 'sn_f_urgency')).toBe('1');
    expect(await inputValue(page, 'Task_Create', 'sn_f_short_description')).toBe('Printer down');
    // impact and urgency sit under "More fields" on sc_req_item: shown, not dropped
    expect(await inputValue(page, 'Task_Create', 'sn_moreFieldsShown')).toBe('shown');
    await screenshot(page, 'table-switch-report', report);
  });

  test('switching to the official template keeps the operation, the instance and the fields (as its payload)', async ({ page }) => {
    test.setTimeout(120_000);
    // given
    await openHarness(page, { diagram: 'incident-tasks.bpmn' });
    await selectElement(page, 'Task_Create');
    await (await templateGroup(page, 'connection')).getByLabel('Instance URL').fill('https://dev12345.service-now.com');
    await (await templateGroup(page, 'fields')).getByLabel('Short description', { exact: true }).fill('Printer down');
    await expect.poll(() => inputValue(page, 'Task_Create', 'sn_f_short_description')).toBe('Printer down');

    // when
    await page.getByRole('combobox', { name: 'Table' }).fill('incident');
    await page.locator('[role="option"][data-table="incident"][data-template-id="io.camunda.connectors.ServiceNowIncident.v1"]').click();

    // then
    await expect.poll(() => templateOf(page, 'Task_Create'), { timeout: 60_000 }).toBe('io.camunda.connectors.ServiceNowIncident.v1');
    expect(await inputValue(page, 'Task_Create', 'operationGroup')).toBe('create');
    expect(await inputValue(page, 'Task_Create', 'snInstance')).toBe('dev12345');
    expect(await inputValue(page, 'Task_Create', 'body_incident')).toContain('"short_description": "Printer down"');
    await expect(page.locator('.servicenow-switch-report')).toContainText('Kept: Operation, Instance, Short description (in the payload).');
  });

  test('lists our templates first, marks the current table, and puts the official rows under their own heading', async ({ page }) => {
    // given
    await openHarness(page, { diagram: 'incident-tasks.bpmn' });
    await selectElement(page, 'Task_Create');
    const picker = page.getByRole('combobox', { name: 'Table' });

    // when
    await picker.fill('incident');

    // then: the highlighted (Enter) option is ours, the current table is marked, official rows are grouped apart
    const listbox = page.getByRole('listbox', { name: 'ServiceNow tables' });
    const active = listbox.locator('[role="option"][aria-selected="true"]');
    await expect(active).toHaveAttribute('data-template-id', 'community.servicenow.incident');
    await expect(active).toHaveAttribute('aria-current', 'true');
    await expect(active).toContainText('(current)');
    const official = listbox.getByRole('group', { name: 'Camunda\'s official ServiceNow connector' });
    await expect(official.getByRole('option')).not.toHaveCount(0);
    for (const id of await official.getByRole('option').evaluateAll((options) => options.map((option) => option.getAttribute('data-template-id')))) expect(id).toMatch(/^io\.camunda\./);
    await expect(listbox.getByRole('group', { name: 'ServiceNow templates (this plugin)' }).getByRole('option')).not.toHaveCount(0);
    await screenshot(page, 'table-picker-groups', listbox);

    // when: Escape, then ArrowDown reopens the list
    await page.keyboard.press('Escape');
    await expect(picker).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('ArrowDown');

    // then: with an option highlighted
    await expect(picker).toHaveAttribute('aria-expanded', 'true');
    await expect(listbox.locator('[role="option"][aria-selected="true"]')).toHaveCount(1);
    await expect(picker).toHaveAttribute('aria-activedescendant', /option-0$/);
  });
});
