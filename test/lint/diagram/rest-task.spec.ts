import { BpmnModdle } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { describe, expect, it } from 'vitest';
import { parseFeelExpression } from '../../../core/feel/parse';
import { restTableQuery } from '../../../lint/diagram/rest-task';
import type { ModdleElement } from '../../../lint/diagram/zeebe';

const QUERY = '={sysparm_query: "active=true"}';

/** A REST connector task (no template) with these inputs. */
async function restTask(inputs: Record<string, string>): Promise<ModdleElement> {
  const moddle = new BpmnModdle({ zeebe: zeebeSchema });
  const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="t">
    <bpmn:process id="P"><bpmn:serviceTask id="Task_1"><bpmn:extensionElements>
      <zeebe:taskDefinition type="io.camunda:http-json:1" />
      <zeebe:ioMapping>${Object.entries(inputs).map(([target, source]) => `<zeebe:input source="${attribute(source)}" target="${target}" />`).join('')}</zeebe:ioMapping>
    </bpmn:extensionElements></bpmn:serviceTask></bpmn:process></bpmn:definitions>`;
  const { elementsById } = await moddle.fromXML(xml);
  return elementsById['Task_1'] as ModdleElement;
}

describe('lint/diagram - rest-task', () => {
  it.each([
    ['a URL written out', 'https://x.service-now.com/api/now/table/incident', 'incident'],
    ['a FEEL URL with the table in one literal', '="https://" + instance + ".service-now.com/api/now/table/incident"', 'incident'],
    ['the table a literal of its own', '="https://x.service-now.com/api/now/table/" + "incident"', 'incident'],
    ['a variable instance URL and a literal table path', '=snBaseUrl + "/api/now/table/" + "incident"', 'incident'],
    ['the name split over two literals', '=snBaseUrl + "/api/now/table/inc" + "ident"', 'incident'],
    ['a sys_id path after the table', '=snBaseUrl + "/api/now/v2/table/" + "incident" + "/" + sysId', 'incident'],
    ['the table a variable', '=snBaseUrl + "/api/now/table/" + tableName', undefined],
    // The variable may continue the name (incident_task...).
    ['a variable right after the name', '=snBaseUrl + "/api/now/table/incident" + suffix', undefined],
    ['the table computed in a nested expression', '="https://x.service-now.com/api/now/table/" + (if a then "incident" else "problem")', undefined],
    ['a URL built in a FEEL context', '={base: "https://x.service-now.com/api/now/table/", url: base + table}.url', undefined]
  ])('reads the table of %s', async (_name, url, table) => {
    // given
    const task = await restTask({ method: 'GET', url, queryParameters: QUERY });

    // when
    const query = restTableQuery(task, parseFeelExpression);

    // then
    expect(query).toEqual({ ...(table ? { table } : {}), parameters: QUERY });
  });

  it('finds the query in a URL joined from literals', async () => {
    // given
    const url = '=snBaseUrl + "/api/now/table/" + "incident" + "?sysparm_" + "query=active=true"';
    const task = await restTask({ method: 'GET', url });

    // when
    const query = restTableQuery(task, parseFeelExpression);

    // then
    expect(query).toEqual({ table: 'incident', url });
  });

  it('reads a FEEL URL as written without the FEEL grammar', async () => {
    // given
    const task = await restTask({ method: 'GET', url: '=snBaseUrl + "/api/now/table/" + "incident"', queryParameters: QUERY });

    // when
    const query = restTableQuery(task);

    // then
    expect(query).toEqual({ parameters: QUERY });
  });

  it('takes no other API for the Table API', async () => {
    // given
    const task = await restTask({ method: 'GET', url: '=snBaseUrl + "/api/now/" + "attachment"', queryParameters: QUERY });

    // then
    expect(restTableQuery(task, parseFeelExpression)).toBeUndefined();
  });
});
