import { expect, test, type Page } from '@playwright/test';
import { headerValue, openHarness, saveXml, screenshot, selectElement, templateOf } from './helpers/harness-page';

/** Opens a context pad menu of `elementId` and types `text` into its search (key presses: the search ignores a set value). */
async function searchMenu(page: Page, elementId: string, action: 'append' | 'replace', text: string) {
  await selectElement(page, elementId);
  await page.locator(`.djs-context-pad [data-action="${action}"]`).click();
  const menu = page.locator('.djs-popup');
  await menu.locator('.djs-popup-search input').pressSequentially(text);
  return menu.locator('.djs-popup-results .entry');
}

/** The elements the diagram has, with their template and operation header. */
async function templatedTasks(page: Page): Promise<Array<{ id: string; template?: string; operation?: string }>> {
  return page.evaluate(() => window.harness.modeler.get('elementRegistry').filter((element: { type: string }) => element.type === 'bpmn:ServiceTask').map((element: { id: string; businessObject: { get(name: string): string | undefined; extensionElements?: { values: Array<{ $type: string; values?: Array<{ key: string; value: string }> }> } } }) => ({
    id: element.id,
    template: element.businessObject.get('zeebe:modelerTemplate'),
    operation: element.businessObject.extensionElements?.values.find((value) => value.$type === 'zeebe:TaskHeaders')?.values?.find((header) => header.key === 'serviceNowOperation')?.value
  })));
}

test.describe('operation entries (steps and presets) in the popup menus', () => {
  test('"create incident" in the append menu finds our entry, which appends a task with the Create operation', async ({ page }) => {
    // given
    await openHarness(page);
    const before = (await templatedTasks(page)).map((task) => task.id);

    // when
    const entries = await searchMenu(page, 'Task_Get', 'append', 'create incident');
    const ours = entries.filter({ hasText: /Create Incident/ }).filter({ hasText: '[incident]' });
    await expect(ours.first()).toBeVisible();
    await screenshot(page, 'append-menu-presets', page.locator('.djs-popup'));
    await ours.first().click();

    // then
    const appended = (await templatedTasks(page)).filter((task) => !before.includes(task.id));
    expect(appended).toEqual([{ id: expect.any(String), template: 'community.servicenow.incident', operation: 'create' }]);
  });

  test('"query incidents" in the change menu turns an existing task into our incident Query task', async ({ page }) => {
    // given
    await openHarness(page);

    // when
    const entries = await searchMenu(page, 'Task_Create', 'replace', 'query incidents');
    await entries.filter({ hasText: /Query Incidents/ }).first().click();

    // then
    await expect.poll(() => templateOf(page, 'Task_Create')).toBe('community.servicenow.incident');
    await expect.poll(() => headerValue(page, 'Task_Create', 'serviceNowOperation')).toBe('query');
    await selectElement(page, 'Task_Create');
    await expect(page.getByLabel('Operation', { exact: true })).toHaveValue('query');
  });

  test('the change menu switches the operation of a task that already has the template', async ({ page }) => {
    // given
    await openHarness(page);
    const first = await searchMenu(page, 'Task_Create', 'replace', 'create incident');
    await first.filter({ hasText: /Create Incident/ }).first().click();
    await expect.poll(() => headerValue(page, 'Task_Create', 'serviceNowOperation')).toBe('create');

    // when
    const entries = await searchMenu(page, 'Task_Create', 'replace', 'delete incident');
    await entries.filter({ hasText: /Delete Incident/ }).first().click();

    // then
    await expect.poll(() => headerValue(page, 'Task_Create', 'serviceNowOperation')).toBe('delete');
  });

  test('the table picker applies what the menu entry of the same table and operation applies', async ({ page }) => {
    test.setTimeout(120_000);
    // given: one task from the menu entry "Get Incident", another a problem Get task
    await openHarness(page);
    await (await searchMenu(page, 'Task_Create', 'replace', 'get incident')).filter({ hasText: /Get Incident/ }).first().click();
    await (await searchMenu(page, 'Task_Get', 'replace', 'get problem')).filter({ hasText: /Get Problem/ }).first().click();
    await expect.poll(() => templateOf(page, 'Task_Get')).toBe('community.servicenow.problem');

    // when: the problem task picks the incident table
    await selectElement(page, 'Task_Get');
    await page.getByRole('combobox', { name: 'Table' }).fill('Incident');
    await page.locator('[role="option"][data-table="incident"][data-template-id="community.servicenow.incident"]').click();

    // then
    await expect.poll(() => templateOf(page, 'Task_Get')).toBe('community.servicenow.incident');
    const xml = await saveXml(page);
    const task = (id: string) => xml.match(new RegExp(`<bpmn:serviceTask id="${id}"[^>]*>([\\s\\S]*?)</bpmn:serviceTask>`))?.[1]?.replace(/<bpmn:(incoming|outgoing)>[^<]*<\/bpmn:\1>/g, '').trim();
    expect(task('Task_Get')).toContain('key="serviceNowOperation" value="get"');
    expect(task('Task_Get')).toBe(task('Task_Create'));
  });
});
