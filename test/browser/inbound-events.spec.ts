import { expect, test, type Page } from '@playwright/test';
import { applyTemplate, diagnostics, openHarness, queryField, selectElement, templateGroup } from './helpers/harness-page';

/** A catch event after Task_Create (which stores incidentSysId), with the incident wait template applied. */
async function waitAfterCreate(page: Page, templateId: string): Promise<string> {
  await openHarness(page, { diagram: 'incident-tasks.bpmn' });
  const eventId = await page.evaluate(() => {
    const modeler = window.harness.modeler;
    const registry = modeler.get('elementRegistry');
    const create = registry.get('Task_Create');
    const event = modeler.get('modeling').appendShape(create, { type: 'bpmn:IntermediateCatchEvent' }, { x: create.x + 250, y: create.y + 300 });
    return event.id as string;
  });
  await applyTemplate(page, eventId, templateId);
  await selectElement(page, eventId);
  return eventId;
}

/** The correlation key of a message event, from the diagram model. */
async function correlationKey(page: Page, id: string): Promise<string | undefined> {
  return page.evaluate((elementId) => {
    const bo = window.harness.modeler.get('elementRegistry').get(elementId).businessObject;
    const message = bo.eventDefinitions[0].messageRef;
    return (message.extensionElements?.values ?? []).find((value: { $type: string }) => value.$type === 'zeebe:Subscription')?.correlationKey;
  }, id);
}

/** A zeebe:property of an event (the polling connector's properties), from the diagram model. */
async function connectorProperty(page: Page, id: string, name: string): Promise<string | undefined> {
  return page.evaluate(({ elementId, propertyName }) => {
    const bo = window.harness.modeler.get('elementRegistry').get(elementId).businessObject;
    const properties = (bo.extensionElements?.values ?? []).find((value: { $type: string }) => value.$type === 'zeebe:Properties');
    return (properties?.properties ?? []).find((property: { name: string }) => property.name === propertyName)?.value;
  }, { elementId: id, propertyName: name });
}

test.describe('the event templates in the Modeler', () => {
  test('the wait template\'s condition is validated live, inside its record query', async ({ page }) => {
    // given
    await waitAfterCreate(page, 'community.servicenow.incident.wait');
    await templateGroup(page, 'record');
    await expect(diagnostics(page)).toContainText('No problems found in this query.');

    // when
    await queryField(page).fill('{"sysparm_query": get or else("sys_id=" + incidentSysId + "^stat=6", "sys_idISEMPTY"), "sysparm_limit": "1"}');

    // then
    await expect(diagnostics(page).locator('[data-code="field.unknown"]')).toContainText('stat is not a field of incident');
    await expect(page.locator('[data-entry-id="servicenow-table"]')).toHaveCount(0);
  });

  test('a fix in the wait template\'s record query is written to the event', async ({ page }) => {
    // given
    const eventId = await waitAfterCreate(page, 'community.servicenow.incident.wait');
    await templateGroup(page, 'record');
    await queryField(page).fill('{"sysparm_query": get or else("sys_id=" + incidentSysId + "^stat=6", "sys_idISEMPTY"), "sysparm_limit": "1"}');
    await expect(diagnostics(page).locator('[data-code="field.unknown"]')).toBeVisible();

    // when
    await page.getByRole('button', { name: 'Apply fix: replace "stat" with "state"' }).click();

    // then
    await expect.poll(() => connectorProperty(page, eventId, 'queryParameters')).toBe('={"sysparm_query": get or else("sys_id=" + incidentSysId + "^state=6", "sys_idISEMPTY"), "sysparm_limit": "1"}');
    await expect(diagnostics(page)).toContainText('No problems found in this query.');
  });

  test('the sys_id picker offers the variable the earlier task stores and writes it to the correlation key', async ({ page }) => {
    // given
    const eventId = await waitAfterCreate(page, 'community.servicenow.incident.event.intermediate');
    const record = await templateGroup(page, 'correlation');
    await record.locator('.cm-content').first().fill('otherSysId');
    await expect.poll(() => correlationKey(page, eventId)).toBe('=otherSysId');
    const picker = record.locator('.servicenow-sysid-picker select');

    // when
    await picker.selectOption('incidentSysId');

    // then
    await expect.poll(() => correlationKey(page, eventId)).toBe('=incidentSysId');
  });

  test('on a wait event, the sys_id picker names the variable in the record query too, as one undoable step', async ({ page }) => {
    // given: the wait's correlation key and record query name another variable
    const eventId = await waitAfterCreate(page, 'community.servicenow.incident.wait');
    const record = await templateGroup(page, 'correlation');
    await record.locator('.cm-content').first().fill('otherSysId');
    await expect.poll(() => correlationKey(page, eventId)).toBe('=otherSysId');
    await templateGroup(page, 'record');
    await queryField(page).fill('{"sysparm_query": get or else("sys_id=" + otherSysId + "^stateIN6,7", "sys_idISEMPTY"), "sysparm_limit": "1"}');
    await expect.poll(() => connectorProperty(page, eventId, 'queryParameters')).toContain('otherSysId');
    const picker = record.locator('.servicenow-sysid-picker select');

    // when
    await picker.selectOption('incidentSysId');

    // then
    await expect.poll(() => correlationKey(page, eventId)).toBe('=incidentSysId');
    expect(await connectorProperty(page, eventId, 'queryParameters')).toBe('={"sysparm_query": get or else("sys_id=" + incidentSysId + "^stateIN6,7", "sys_idISEMPTY"), "sysparm_limit": "1"}');
    await page.evaluate(() => window.harness.modeler.get('commandStack').undo());
    expect(await correlationKey(page, eventId)).toBe('=otherSysId');
    expect(await connectorProperty(page, eventId, 'queryParameters')).toContain('otherSysId');
  });
});
