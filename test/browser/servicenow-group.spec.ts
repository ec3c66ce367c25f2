import { expect, test } from '@playwright/test';
import { applyTemplate, openHarness, selectElement } from './helpers/harness-page';

const GROUP = '[data-group-id="group-servicenow"]';

test.describe('where the ServiceNow group shows', () => {
  test('collapsed on a plain service task', async ({ page }) => {
    // given
    await openHarness(page);

    // when
    await selectElement(page, 'Task_Create');

    // then
    await expect(page.locator(GROUP)).toHaveCount(1);
    await expect(page.locator(`${GROUP} .bio-properties-panel-group-header`)).not.toHaveClass(/open/);
  });

  test('not on another connector\'s task, nor on a job worker\'s', async ({ page }) => {
    // given: a Slack task and a job worker
    await openHarness(page, { templates: ['slack-outbound-connector.json'] });
    await applyTemplate(page, 'Task_Create', 'io.camunda.connectors.Slack.v1');
    await page.evaluate(() => {
      const modeler = window.harness.modeler;
      const task = modeler.get('elementRegistry').get('Task_Get');
      const definition = modeler.get('bpmnFactory').create('zeebe:TaskDefinition', { type: 'order-worker' });
      const extensionElements = modeler.get('bpmnFactory').create('bpmn:ExtensionElements', { values: [definition] });
      modeler.get('modeling').updateProperties(task, { extensionElements });
    });

    // when
    await selectElement(page, 'Task_Create');

    // then
    await expect(page.locator('[data-group-id^="group-ElementTemplates__"]').first()).toBeVisible();
    await expect(page.locator(GROUP)).toHaveCount(0);

    // when
    await selectElement(page, 'Task_Get');

    // then
    await expect(page.locator(GROUP)).toHaveCount(0);
  });
});
