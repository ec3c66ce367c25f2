import { expect, test } from '@playwright/test';
import { openHarness } from './helpers/harness-page';

/**
 * Applying a template in bpmn-js-element-templates: the library filters the
 * properties by their conditions before it writes any default, and runs the
 * whole change again each time a written value switches properties on
 * (ConditionalBehavior). Ours match the unset operation menu as its default,
 * so applying them with their defaults is one pass.
 */
test.describe('applying our templates to a new service task', () => {
  test('takes one pass of the library and writes the default operation with its inputs and headers', async ({ page }) => {
    // given
    await openHarness(page);

    // when
    const applied = await page.evaluate(() => {
      const modeler = window.harness.modeler;
      const templates = modeler.get('elementTemplates');
      const eventBus = modeler.get('eventBus');
      // The generic template, the incident and the largest table template (each apply takes the library a while).
      const ids = ['community.servicenow.AnyTable', 'community.servicenow.incident', 'community.servicenow.change_request'];
      const ours = ids.map((id) => templates.getAll().filter((template: { id: string }) => template.id === id).sort((a: { version: number }, b: { version: number }) => b.version - a.version)[0]);
      return ours.map((template: { id: string }) => {
        const task = modeler.get('modeling').createShape({ type: 'bpmn:ServiceTask' }, { x: 400, y: 400 }, modeler.get('canvas').getRootElement());
        let passes = 0;
        const count = (event: { command: string }) => { if (event.command === 'propertiesPanel.zeebe.changeTemplate') passes++; };
        eventBus.on('commandStack.execute', count);
        templates.applyTemplate(task, template);
        eventBus.off('commandStack.execute', count);
        const values = modeler.get('elementRegistry').get(task.id).businessObject.extensionElements.values;
        const headers = values.find((value: { $type: string }) => value.$type === 'zeebe:TaskHeaders').values;
        const inputs = values.find((value: { $type: string }) => value.$type === 'zeebe:IoMapping').inputParameters;
        return {
          id: template.id,
          passes,
          operation: headers.find((header: { key: string }) => header.key === 'serviceNowOperation')?.value,
          method: inputs.find((input: { target: string }) => input.target === 'method')?.source,
          errorExpression: headers.some((header: { key: string }) => header.key === 'errorExpression')
        };
      });
    });

    // then
    expect(applied.map((template) => template.id)).toEqual(['community.servicenow.AnyTable', 'community.servicenow.incident', 'community.servicenow.change_request']);
    for (const template of applied) expect(template, template.id).toEqual({ id: template.id, passes: 1, operation: 'create', method: 'POST', errorExpression: true });
  });

  test('a switch to Get drops the collapsed group\'s inputs, whose conditions name only the toggle that Get does not show', async ({ page }) => {
    // given: Create with the other fields shown and one of them filled
    await openHarness(page);

    // when
    const steps = await page.evaluate(() => {
      const modeler = window.harness.modeler;
      const templates = modeler.get('elementTemplates');
      const modeling = modeler.get('modeling');
      const incident = templates.getAll().filter((template: { id: string }) => template.id === 'community.servicenow.incident').sort((a: { version: number }, b: { version: number }) => b.version - a.version)[0];
      const task = modeling.createShape({ type: 'bpmn:ServiceTask' }, { x: 400, y: 400 }, modeler.get('canvas').getRootElement());
      const values = () => modeler.get('elementRegistry').get(task.id).businessObject.extensionElements.values;
      const inputs = () => values().find((value: { $type: string }) => value.$type === 'zeebe:IoMapping').inputParameters as { target: string; source?: string }[];
      const input = (target: string) => inputs().find((each) => each.target === target);
      const header = (key: string) => values().find((value: { $type: string }) => value.$type === 'zeebe:TaskHeaders').values.find((each: { key: string }) => each.key === key);
      const state = () => ({ toggle: input('sn_moreFieldsShown')?.source, workStart: input('sn_f_work_start')?.source ?? null, collapsed: inputs().filter((each) => each.target === 'sn_f_work_start' || each.target === 'sn_f_active').length });
      templates.applyTemplate(task, incident);
      modeling.updateModdleProperties(task, input('sn_moreFieldsShown'), { source: 'shown' });
      modeling.updateModdleProperties(task, input('sn_f_work_start'), { source: '2026-01-05 08:00:00' });
      const shown = state();
      modeling.updateModdleProperties(task, header('serviceNowOperation'), { value: 'get' });
      const get = state();
      modeling.updateModdleProperties(task, header('serviceNowOperation'), { value: 'create' });
      return { shown, get, createAgain: state() };
    });

    // then
    expect(steps.shown).toEqual({ toggle: 'shown', workStart: '2026-01-05 08:00:00', collapsed: 2 });
    expect(steps.get).toEqual({ toggle: undefined, workStart: null, collapsed: 0 });
    expect(steps.createAgain).toEqual({ toggle: 'hidden', workStart: null, collapsed: 0 });
  });
});
