import { expect, test } from '@playwright/test';
import { headerValue, inputValue, openHarness, screenshot, selectElement, templateGroup, undo } from './helpers/harness-page';

test.describe('sys_id output helper and picker', () => {
  test('the output helper writes the chosen variable into the result expression', async ({ page }) => {
    // given: the generated template's preset already stores incidentSysId
    await openHarness(page, { diagram: 'incident-tasks.bpmn' });
    await selectElement(page, 'Task_Create');
    const helper = page.getByLabel('Store sys_id in variable');
    await expect(helper).toHaveValue('incidentSysId');
    // what is done reads as text, not as a disabled button
    await expect(page.locator('.servicenow-output-status')).toHaveText('Stored in the result expression as incidentSysId.');
    await expect(page.locator('.servicenow-output-helper button:disabled')).toHaveCount(0);
    const preset = await headerValue(page, 'Task_Create', 'resultExpression');

    // when
    await helper.fill('newIncidentSysId');
    await page.getByRole('button', { name: 'Rename variable' }).click();

    // then
    await expect.poll(() => headerValue(page, 'Task_Create', 'resultExpression')).toContain('newIncidentSysId: (if body.result.sys_id instance of context');
    expect(await headerValue(page, 'Task_Create', 'resultExpression')).toContain('newIncidentNumber: (if body.result.number instance of context');
    // inside the presets' answer check for Create (201 with a result and no cancelled transaction), so a login redirect still raises an incident
    expect(await headerValue(page, 'Task_Create', 'resultExpression')).toMatch(/^=if list contains\(\[201\], status\) and body instance of context and get value\(body, "result"\) != null and get value\(body, "error"\) = null then \{\n {2}newIncidentSysId: /);
    await expect(page.locator('.servicenow-output-guard')).toHaveCount(0);
    expect(await headerValue(page, 'Task_Create', 'serviceNowResultMapping')).toBe('custom');
    await expect((await templateGroup(page, 'output')).getByLabel('Result expression')).toBeVisible();
    await screenshot(page, 'output-helper', helper);

    // when
    await undo(page);

    // then
    expect(await headerValue(page, 'Task_Create', 'resultExpression')).toBe(preset);
  });

  test('the sys_id picker offers variables of earlier tasks only', async ({ page }) => {
    // given
    await openHarness(page, { diagram: 'incident-tasks.bpmn' });

    // when: the later task
    await selectElement(page, 'Task_Get');
    const picker = page.getByLabel('sys_id from an earlier task', { exact: true });

    // then
    await expect(picker.locator('option')).toContainText(['Choose a variable…', 'incidentSysId, from "Create incident" (incident)']);

    // when
    await picker.selectOption('incidentSysId');

    // then
    await expect.poll(() => inputValue(page, 'Task_Get', 'sn_sysId')).toBe('=incidentSysId');
    await screenshot(page, 'sys-id-picker', picker);

    // when: the earlier task, reading a record too
    await selectElement(page, 'Task_Create');
    await (await templateGroup(page, 'operation')).getByLabel('Operation', { exact: true }).selectOption('get');

    // then
    const earlier = page.getByLabel('sys_id from an earlier task', { exact: true });
    await expect(earlier.locator('option')).toHaveText(['No earlier ServiceNow task stores a sys_id']);
    await expect(earlier).toBeDisabled();
  });

  test('warns when an input uses a sys_id variable no earlier task stores', async ({ page }) => {
    // given
    await openHarness(page, { diagram: 'incident-tasks.bpmn' });
    await selectElement(page, 'Task_Get');

    // when
    await (await templateGroup(page, 'operation')).getByLabel('sys_id', { exact: true }).fill('=problemSysId');

    // then
    await expect(page.locator('.servicenow-sysid-warning')).toHaveText('Warning: no earlier ServiceNow task stores problemSysId; the process variable may not exist when this task runs.');
  });

  test('a new name is saved when the field loses focus, not only by Enter or the button', async ({ page }) => {
    // given
    await openHarness(page, { diagram: 'incident-tasks.bpmn' });
    await selectElement(page, 'Task_Create');
    const helper = page.getByLabel('Store sys_id in variable');

    // when: typed, then Tab away
    await helper.fill('newIncidentSysId');
    await page.keyboard.press('Tab');

    // then
    await expect.poll(() => headerValue(page, 'Task_Create', 'resultExpression')).toContain('newIncidentSysId:');
  });

  test('after a rename, offers to update the later tasks that read the old name, as one undoable step; the lint reports them until then', async ({ page }) => {
    // given: Get incident reads Create incident's incidentSysId
    await openHarness(page, { diagram: 'incident-tasks.bpmn' });
    await selectElement(page, 'Task_Get');
    await page.getByLabel('sys_id from an earlier task', { exact: true }).selectOption('incidentSysId');
    await expect.poll(() => inputValue(page, 'Task_Get', 'sn_sysId')).toBe('=incidentSysId');
    await selectElement(page, 'Task_Create');

    // when
    await page.getByLabel('Store sys_id in variable').fill('createdSysId');
    await page.getByLabel('Store sys_id in variable').blur();

    // then: the Problems list names the broken usage without Get incident being selected
    const problem = page.locator('#problems li[data-element-id="Task_Get"][data-rule="servicenow/sys-id-variables"]');
    await expect(problem).toContainText('no earlier ServiceNow task stores incidentSysId');
    const offer = page.getByRole('button', { name: 'Also update 1 usage in Get incident' });
    await expect(offer).toBeVisible();
    await screenshot(page, 'output-helper-rename-usages', offer);

    // when
    await offer.click();

    // then
    await expect.poll(() => inputValue(page, 'Task_Get', 'sn_sysId')).toBe('=createdSysId');
    await expect(problem).toHaveCount(0);

    // when: one undo reverts the usages, a second the rename
    await undo(page);

    // then
    await expect.poll(() => inputValue(page, 'Task_Get', 'sn_sysId')).toBe('=incidentSysId');
    expect(await headerValue(page, 'Task_Create', 'resultExpression')).toContain('createdSysId:');
  });

  test('a result expression without the answer check is reported, and the helper adds the check in one undoable step', async ({ page }) => {
    // given
    await openHarness(page, { diagram: 'incident-tasks.bpmn' });
    await selectElement(page, 'Task_Create');
    const output = await templateGroup(page, 'output');
    await output.getByLabel('Result mapping', { exact: true }).selectOption('custom');

    // when: the modeler's own mapping, no result variable
    await output.locator('[data-entry-id]').filter({ has: page.getByText('Result expression', { exact: true }) }).locator('.cm-content').fill('{incidentSysId: body.result.sys_id}');
    await expect.poll(() => headerValue(page, 'Task_Create', 'resultExpression')).toBe('={incidentSysId: body.result.sys_id}');

    // then: in the Problems list and under the helper
    const problem = page.locator('#problems li[data-element-id="Task_Create"][data-rule="servicenow/result-expression-guard"]');
    await expect(problem).toContainText('can complete the task with null outputs instead of raising an incident');
    const warning = page.locator('.servicenow-output-guard');
    await expect(warning).toContainText('Warning: the result expression sets its variables without the answer check (HTTP 201 with a result)');

    // when
    await warning.getByRole('button', { name: 'Add the answer check' }).click();

    // then
    await expect.poll(() => headerValue(page, 'Task_Create', 'resultExpression')).toBe('=if list contains([201], status) and body instance of context and get value(body, "result") != null and get value(body, "error") = null then {incidentSysId: body.result.sys_id} else {}');
    await expect(problem).toHaveCount(0);
    await expect(warning).toHaveCount(0);

    // when
    await undo(page);

    // then
    expect(await headerValue(page, 'Task_Create', 'resultExpression')).toBe('={incidentSysId: body.result.sys_id}');
  });
});
