/**
 * Two modelers on one page, as Desktop has two tabs of diagrams from
 * different folders open: each folder's `.camunda/element-templates` holds
 * its own build of the same template (same id and version, generated from
 * different instances' metadata), and each tab must be linted with its own.
 * Desktop hands the plugin's lint rules the same configuration in every
 * tab, so the rules find the templates through the modeler of the diagram.
 */
import { expect, test } from '@playwright/test';
import { openHarness } from './helpers/harness-page';

test('two modelers with their own template sets each lint a diagram with their own templates', async ({ page }) => {
  // given: a Query task on u_region, a custom column only one instance has
  await openHarness(page, { diagram: 'incident-tasks.bpmn' });

  // when: the same diagram is opened in two more modelers, the one with u_region in its template first, then linted in that order
  const result = await page.evaluate(async () => {
    const base = window.harness.modeler;
    const registry = base.get('elementRegistry');
    const task = registry.get('Task_Get');
    const incident = base.get('elementTemplates').get(task);
    const operation = incident.properties.find((property: { id?: string }) => property.id === 'operation');
    const values = (type: string) => task.businessObject.extensionElements.values.find((value: { $type: string }) => value.$type === type);
    const header = values('zeebe:TaskHeaders').values.find((each: { key: string }) => each.key === operation.binding.key);
    base.get('modeling').updateModdleProperties(task, header, { value: 'query' });
    const query = values('zeebe:IoMapping').inputParameters.find((input: { target: string }) => input.target === 'sn_query');
    if (!query) throw new Error('the Query operation added no sn_query input');
    base.get('modeling').updateModdleProperties(task, query, { source: 'u_region=emea' });
    const { xml } = await base.saveXML();

    const ours = await (await fetch('/templates/ours.json')).json() as { id: string; metadata?: { servicenow?: { fields?: Record<string, unknown> } } }[];
    const withRegion = ours.map((template) => (template.id === incident.id
      ? { ...template, metadata: { servicenow: { ...template.metadata?.servicenow, fields: { ...template.metadata?.servicenow?.fields, u_region: 'string' } } } }
      : template));
    const regionTab = window.harness.addModeler(withRegion);
    const plainTab = window.harness.addModeler(ours);
    for (const tab of [regionTab, plainTab]) {
      await tab.modeler.importXML(xml);
      await tab.modeler.get('serviceNowBundledMetadata').load();
    }
    const messages = async (tab: typeof regionTab) => (await tab.lint())
      .filter((problem) => problem.id === 'Task_Get' && problem.rule.startsWith('servicenow/'))
      .map((problem) => `${problem.rule}: ${problem.message}`);
    return { region: await messages(regionTab), plain: await messages(plainTab), regionAgain: await messages(regionTab) };
  });

  // then: the tab whose template knows u_region reports nothing, the other one the custom field it cannot check, whatever was linted last
  expect(result.region).toEqual([]);
  expect(result.plain).toEqual([expect.stringMatching(/^servicenow\/query-warnings: .*u_region is not in the bundled metadata of incident/)]);
  expect(result.regionAgain).toEqual([]);
});
