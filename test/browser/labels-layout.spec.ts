import { expect, test, type Locator } from '@playwright/test';
import { openHarness, selectElement, templateGroup } from './helpers/harness-page';

/** Whether every option of a dropdown fits in its closed box (text width measured in the select's own font). */
async function optionsFit(select: Locator): Promise<string[]> {
  return select.evaluate((node) => {
    const element = node as HTMLSelectElement;
    const style = getComputedStyle(element);
    const canvas = document.createElement('canvas').getContext('2d')!;
    canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    // room for the text: the box minus its padding and the arrow
    const room = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
    return [...element.options].filter((option) => canvas.measureText(option.text).width > room).map((option) => option.text);
  });
}

test('Result mapping and Error handling choices fit in their dropdowns', async ({ page }) => {
  // given
  await openHarness(page, { diagram: 'incident-tasks.bpmn' });
  await selectElement(page, 'Task_Create');

  // then
  const output = await templateGroup(page, 'output');
  expect(await optionsFit(output.getByLabel('Result mapping', { exact: true }))).toEqual([]);
  const errors = await templateGroup(page, 'error');
  expect(await optionsFit(errors.getByLabel('Error handling', { exact: true }))).toEqual([]);
});

test('a checkbox label that wraps stays beside its box', async ({ page }) => {
  // given
  await openHarness(page, { diagram: 'incident-tasks.bpmn' });
  await selectElement(page, 'Task_Create');
  await (await templateGroup(page, 'operation')).getByLabel('Operation', { exact: true }).selectOption('get');
  const query = await templateGroup(page, 'query');
  const entry = query.locator('.bio-properties-panel-checkbox').filter({ hasText: 'Exclude reference links' });

  // when
  const box = (await entry.locator('input[type="checkbox"]').boundingBox())!;
  const label = (await entry.locator('label').boundingBox())!;

  // then: the label starts right of the box (no line of it under the box)
  expect(label.x).toBeGreaterThanOrEqual(box.x + box.width);
  expect(label.height).toBeGreaterThan(box.height);
});

test('Hide says that it clears the values of the other fields before it is chosen', async ({ page }) => {
  // given
  await openHarness(page, { diagram: 'incident-tasks.bpmn' });
  await selectElement(page, 'Task_Create');
  const more = await templateGroup(page, 'moreFields');

  // then
  await expect(more.getByLabel(/^Show the other/).locator('option[value="hidden"]')).toHaveText('Hide (clears their values)');
});
