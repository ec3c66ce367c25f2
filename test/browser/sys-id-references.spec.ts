import { expect, test, type Page } from '@playwright/test';
import { inputValue, openHarness, screenshot, selectElement, templateGroup } from './helpers/harness-page';

const PICKER = 'sys_id from an earlier task';

async function typeSysId(page: Page, value: string): Promise<void> {
  await (await templateGroup(page, 'operation')).getByLabel('sys_id', { exact: true }).fill(value);
}

/** Gives the process an embedded start form (as the Form group of the start event writes it) with one field. */
async function addStartForm(page: Page, key: string): Promise<void> {
  await page.evaluate((fieldKey) => {
    const modeler = window.harness.modeler;
    const registry = modeler.get('elementRegistry');
    const factory = modeler.get('bpmnFactory');
    const modeling = modeler.get('modeling');
    const start = registry.get('StartEvent_1');
    const process = start.businessObject.$parent;
    const body = JSON.stringify({ type: 'default', id: 'StartForm', components: [{ type: 'textfield', key: fieldKey, label: 'Problem' }] });
    const form = factory.create('zeebe:UserTaskForm', { id: 'StartForm', body });
    modeling.updateModdleProperties(registry.get(process.id), process, { extensionElements: factory.create('bpmn:ExtensionElements', { values: [form] }) });
    const definition = factory.create('zeebe:FormDefinition', { formKey: 'camunda-forms:bpmn:StartForm' });
    modeling.updateModdleProperties(start, start.businessObject, { extensionElements: factory.create('bpmn:ExtensionElements', { values: [definition] }) });
  }, key);
}

test.describe('sys_id references', () => {
  test('a name stored under another case is reported with the name meant, and one click fixes it', async ({ page }) => {
    // given
    await openHarness(page, { diagram: 'incident-tasks.bpmn' });
    await selectElement(page, 'Task_Get');

    // when
    await typeSysId(page, '=incidentSysID');

    // then
    const warning = page.locator('.servicenow-sysid-warning');
    await expect(warning).toContainText('no earlier ServiceNow task stores incidentSysID; did you mean incidentSysId? (variable names are case-sensitive)');
    await screenshot(page, 'sys-id-did-you-mean', warning);

    // when
    await warning.getByRole('button', { name: 'Apply fix: use incidentSysId instead of incidentSysID' }).click();

    // then: the input reads the stored variable, and the picker names it
    await expect.poll(() => inputValue(page, 'Task_Get', 'sn_sysId')).toBe('=incidentSysId');
    await expect(warning).toHaveCount(0);
    await expect(page.getByLabel(PICKER, { exact: true })).toHaveValue('incidentSysId');
  });

  test('the picker names the variable picked', async ({ page }) => {
    // given
    await openHarness(page, { diagram: 'incident-tasks.bpmn' });
    await selectElement(page, 'Task_Get');
    const picker = page.getByLabel(PICKER, { exact: true });
    await expect(picker).toHaveValue('');

    // when
    await picker.selectOption('incidentSysId');

    // then
    await expect.poll(() => inputValue(page, 'Task_Get', 'sn_sysId')).toBe('=incidentSysId');
    await expect(picker).toHaveValue('incidentSysId');
    await expect(picker.locator('option:checked')).toHaveText('incidentSysId, from "Create incident" (incident)');
  });

  test('a variable the start form submits is no false alarm', async ({ page }) => {
    // given: a variable nothing provides yet
    await openHarness(page, { diagram: 'incident-tasks.bpmn' });
    await selectElement(page, 'Task_Get');
    await typeSysId(page, '=problemSysId');
    await expect(page.locator('.servicenow-sysid-warning')).toContainText('no earlier ServiceNow task stores problemSysId');

    // when: the process starts with a form that has a problemSysId field
    await addStartForm(page, 'problemSysId');
    await selectElement(page, 'Task_Create');
    await selectElement(page, 'Task_Get');

    // then
    await expect(page.getByLabel(PICKER, { exact: true })).toBeVisible();
    await expect(page.locator('.servicenow-sysid-warning')).toHaveCount(0);
  });
});
