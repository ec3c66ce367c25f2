/**
 * Builds the diagrams most specs start from, in the real modeler: applying a
 * generated template with ~130 conditional properties takes the template
 * library many seconds, so it happens once here (dist/fixtures/), not in
 * every test. Always fresh: the diagrams link the templates of this build.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type FullConfig } from '@playwright/test';

export default async function globalSetup(config: FullConfig): Promise<void> {
  const use = config.projects[0]?.use ?? {};
  const browser = await chromium.launch(use.launchOptions);
  try {
    const page = await browser.newPage();
    await page.goto(`${use.baseURL}/?diagram=two-tasks.bpmn`);
    await page.waitForFunction(() => window.harness?.ready !== undefined);
    await page.evaluate(() => window.harness.ready);
    const xml = await page.evaluate(async () => {
      const modeler = window.harness.modeler;
      const templates = modeler.get('elementTemplates');
      const registry = modeler.get('elementRegistry');
      const incident = templates.getAll().filter((each: { id: string }) => each.id === 'community.servicenow.incident')
        .sort((a: { version?: number }, b: { version?: number }) => (b.version ?? 0) - (a.version ?? 0))[0];
      if (!incident) throw new Error('templates/servicenow-incident.json is missing: run npm run generate');
      templates.applyTemplate(registry.get('Task_Create'), incident);
      templates.applyTemplate(registry.get('Task_Get'), incident);
      const operation = incident.properties.find((property: { id?: string }) => property.id === 'operation');
      const header = (id: string) => registry.get(id).businessObject.extensionElements.values
        .find((value: { $type: string }) => value.$type === 'zeebe:TaskHeaders').values
        .find((each: { key: string }) => each.key === operation.binding.key);
      modeler.get('modeling').updateModdleProperties(registry.get('Task_Get'), header('Task_Get'), { value: 'get' });
      return (await modeler.saveXML({ format: true })).xml as string;
    });
    const dir = join(__dirname, '../../dist/fixtures');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'incident-tasks.bpmn'), xml);
    writeFileSync(join(dir, 'xss-template.json'), JSON.stringify(hostileTemplate()));
  } finally {
    await browser.close();
  }
}

/**
 * A real generated template (sys_user_group) whose metadata holds HTML: the
 * table label and a choice value of an added field. The plugin must render
 * both as text.
 */
function hostileTemplate(): unknown {
  const source = [JSON.parse(readFileSync(join(__dirname, '../../templates/servicenow-sys_user_group.json'), 'utf8'))].flat().pop();
  const servicenow = source.metadata.servicenow;
  return {
    ...source,
    id: 'test.servicenow.hostile',
    name: 'Hostile metadata',
    metadata: {
      ...source.metadata,
      servicenow: {
        ...servicenow,
        table: 'u_hostile',
        label: '<img src=x onerror="window.__xss=\'label\'">',
        hierarchy: ['u_hostile'],
        fields: { ...servicenow.fields, u_state: ['string', null, ['<img src=x onerror="window.__xss=\'choice\'">', 'ok']] }
      }
    }
  };
}
