import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createModdle } from 'bpmnlint/lib/testers/helper';
import Linter from 'bpmnlint/lib/linter';
import RuleTester from 'bpmnlint/lib/testers/rule-tester';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { beforeEach, describe, expect, it } from 'vitest';
import resultExpressionGuard from '../../../../lint/bpmnlint-plugin-servicenow/rules/result-expression-guard';
import type { LintRuleOptions } from '../../../../lint/lint-context';
import type { ElementTemplate } from '../../../../core/template/types';
import { parseFeelExpression } from '../../../../core/feel/parse';
import { deferUnexpectedAnswer } from '../../../../core/template/answer-guard';
import { operationRule } from '../../../../core/template/error-handling';
import { FEEL_CHECKS } from '../../../../lint/diagram/feel-checks';
import { writeOutputVariables } from '../../../../lint/diagram/result-expression-writer';
import { taskDiagram } from '../../../helpers/task-diagram';
import { applyTemplate, type Values } from '../../../helpers/runtime/modeler';

// bpmnlint's RuleTester is written for mocha's globals.
Object.assign(globalThis, { describe, it, beforeEach });

const TEMPLATES_DIR = join(__dirname, '../../../../templates');
const ours = readdirSync(TEMPLATES_DIR).filter((file) => file.endsWith('.json')).sort().flatMap((file) => [JSON.parse(readFileSync(join(TEMPLATES_DIR, file), 'utf8'))].flat() as ElementTemplate[]);
const official = ['servicenow-connector.json', 'servicenow-incident-connector.json', 'servicenow-flow-starter-connector.json']
  .flatMap((file) => JSON.parse(readFileSync(require.resolve(`@camunda/connectors-element-templates/src/element-templates/${file}`), 'utf8')) as ElementTemplate[]);
const config: LintRuleOptions = { templates: [...ours, ...official], feel: parseFeelExpression, feelChecks: FEEL_CHECKS };

const byId = (id: string, version?: number) => {
  const found = config.templates?.filter((template) => template.id === id && (version === undefined || template.version === version)).sort((a, b) => (b.version ?? 0) - (a.version ?? 0))[0];
  if (!found) throw new Error(`no template ${id}`);
  return found;
};
const incident = byId('community.servicenow.incident');
const laptop = byId('community.servicenow.CatalogItem.laptop_request');
const LAPTOP_VARIABLES = { 'variable.laptop_type': 'standard', 'variable.operating_system': 'linux', 'variable.justification': 'x', 'variable.contact_name': 'A', 'variable.contact_email': 'a@example.com' };
const ORDER_MAPPING = '={requestSysId: body.result.request_id}';
const task = (template: ElementTemplate, values: Values, headers?: Record<string, string | undefined>) => createModdle(taskDiagram(template, values, { headers }), { zeebe: zeebeSchema });

/** A modeler's own mapping, as the Result expression field's example suggests. */
const MINE = '={incidentSysId: body.result.sys_id}';
const createCustom = (resultExpression: string, more: Values = {}) => ({ instanceUrl: 'https://dev1.service-now.com', operation: 'create', resultMapping: 'custom', resultExpression, ...more });
const RESULT_ENTRY = 'custom-entry-community.servicenow.incident-output-2';
const UNGUARDED = 'Result expression: sets its variables without the answer check (HTTP 201 with a result); once it sets any, the error expression gets them instead of the response (no result variable is set), so a redirect to a login page, an HTML page or an answer without a result can complete the task with null outputs instead of raising an incident. Put the mapping inside that check (the output helper and the fix write it), or set a result variable.';

describe('lint/bpmnlint-plugin-servicenow - rules/result-expression-guard', () => {
  RuleTester.verify('result-expression-guard', resultExpressionGuard, {
    valid: [
      { name: 'the preset mapping', moddleElement: task(incident, { operation: 'create' }), config },
      { name: 'a custom expression inside the answer check the output helper writes', moddleElement: task(incident, createCustom(writeOutputVariables(undefined, 'incidentSysId', true, parseFeelExpression, operationRule('create')) as string)), config },
      { name: 'a custom expression with a result variable, whose copy of the response the error expression checks', moddleElement: task(incident, createCustom(MINE, { resultVariable: 'raw' })), config },
      { name: 'a looser answer check (Delete\'s) with a result variable, whose copy of the response the error expression checks', moddleElement: task(incident, { ...createCustom(deferUnexpectedAnswer(MINE, operationRule('delete'))), operation: 'get', resultVariable: 'raw' }), config },
      { name: 'a custom expression that sets nothing', moddleElement: task(incident, createCustom('={}')), config },
      // The plugin before its FEEL chunk arrives has neither the parser nor the checks that read FEEL: nothing is judged yet.
      { name: 'an unguarded custom expression before the FEEL checks are loaded', moddleElement: task(incident, createCustom(MINE)), config: { ...config, feelChecks: undefined } },
      { name: 'a custom error expression: whether a redirect is an incident is the modeler\'s own decision', moddleElement: task(incident, createCustom(MINE, { errorHandling: 'custom', errorExpression: '=if error.code = "404" then bpmnError("NOT_FOUND", error.message) else null' })), config },
      // camunda/connectors@9b30630f connectors/servicenow/blueprints/servicenow-integration-blueprint.bpmn ("Create a Change Request", "Search Request Item"),
      // on the official template versions @camunda/connectors-element-templates ships: they have no error expression, so no guard changes what a redirect does.
      { name: 'the official blueprint\'s Create mapping, with its result variable', moddleElement: task(byId('io.camunda.connectors.ServiceNow.v1'), { operationGroup: 'create', targetTable: 'change_request', resultVariable: 'snCrResult', resultExpression: '={"crResultSysId": response.body.result.sys_id}' }), config },
      { name: 'the official blueprint\'s Search mapping, without a result variable', moddleElement: task(byId('io.camunda.connectors.ServiceNow.v1'), { operationGroup: 'read', targetTable: 'sc_req_item', resultVariable: '', resultExpression: '={\n  state: response.body.result\n}' }), config },
      // camunda/connectors@9b30630f connectors-e2e-test/connectors-e2e-test-servicenow/src/test/java/io/camunda/connector/e2e/ServiceNowTests.java
      { name: 'the official connector e2e test\'s mapping, without a result variable', moddleElement: task(byId('io.camunda.connectors.ServiceNowIncident.v1'), { resultVariable: '', resultExpression: '={sysId: response.body.result.sys_id}' }), config }
    ],
    invalid: [
      {
        name: 'a custom expression without the answer check and no result variable, with the guarded form as the fix',
        moddleElement: task(incident, createCustom(MINE)),
        config,
        report: { id: 'Task', message: UNGUARDED, propertiesPanel: { entryIds: [RESULT_ENTRY] }, servicenow: { code: 'result.unguarded', suggestion: deferUnexpectedAnswer(MINE, operationRule('create')) } }
      },
      {
        name: 'the same under error handling None, which raises the incident too',
        moddleElement: task(incident, createCustom(MINE, { errorHandling: 'none' })),
        config,
        report: { id: 'Task', message: UNGUARDED, propertiesPanel: { entryIds: [RESULT_ENTRY] }, servicenow: { code: 'result.unguarded', suggestion: deferUnexpectedAnswer(MINE, operationRule('create')) } }
      },
      {
        name: 'an answer check of another operation (written for Get, the task now creates)',
        moddleElement: task(incident, createCustom(deferUnexpectedAnswer(MINE, operationRule('get')))),
        config,
        report: {
          id: 'Task',
          message: 'Result expression: checks for HTTP 200 with a result, but this operation answers HTTP 201 with a result: a good answer maps nothing and the task completes without its outputs, and an unexpected answer completes the task instead of raising an incident (did the operation change?). Check for HTTP 201 with a result instead.',
          propertiesPanel: { entryIds: [RESULT_ENTRY] },
          servicenow: { code: 'result.guard-mismatch', suggestion: deferUnexpectedAnswer(MINE, operationRule('create')) }
        }
      },
      {
        name: 'an order with an answer check that does not ask for result.request_id: a cart answer (two-step checkout) would complete the task',
        moddleElement: task(laptop, { instanceUrl: 'https://dev1.service-now.com', ...LAPTOP_VARIABLES, resultMapping: 'custom', resultExpression: deferUnexpectedAnswer(ORDER_MAPPING, { statuses: [200], needsResult: true }) }),
        config,
        report: {
          id: 'Task',
          message: 'Result expression: checks for HTTP 200 with a result, but this operation answers HTTP 200 with a result holding request_id: an unexpected answer completes the task instead of raising an incident (did the operation change?). Check for HTTP 200 with a result holding request_id instead.',
          propertiesPanel: { entryIds: ['custom-entry-community.servicenow.CatalogItem.laptop_request-output-2'] },
          servicenow: { code: 'result.guard-mismatch', suggestion: deferUnexpectedAnswer(ORDER_MAPPING, { statuses: [200], needsResult: true, resultKey: 'request_id' }) }
        }
      },
      {
        name: 'a looser answer check (Delete\'s) and no result variable: only the unexpected answers are a problem',
        moddleElement: task(incident, { ...createCustom(deferUnexpectedAnswer(MINE, operationRule('delete'))), operation: 'get' }),
        config,
        report: {
          id: 'Task',
          message: 'Result expression: checks for HTTP 200 or 204, but this operation answers HTTP 200 with a result: an unexpected answer completes the task instead of raising an incident (did the operation change?). Check for HTTP 200 with a result instead.',
          propertiesPanel: { entryIds: [RESULT_ENTRY] },
          servicenow: { code: 'result.guard-mismatch', suggestion: deferUnexpectedAnswer(MINE, operationRule('get')) }
        }
      },
      {
        name: 'a custom expression that sets the result variable itself, replacing the response',
        moddleElement: task(incident, createCustom('={raw: body.result}', { resultVariable: 'raw' })),
        config,
        report: {
          id: 'Task',
          message: 'Result expression: sets raw, the result variable, without the answer check (HTTP 201 with a result), replacing the response the error expression checks, so a redirect to a login page, an HTML page or an answer without a result can complete the task with null outputs instead of raising an incident. Put the mapping inside that check (the output helper and the fix write it), or give the result variable another name.',
          propertiesPanel: { entryIds: [RESULT_ENTRY] },
          servicenow: { code: 'result.overwrites-result-variable', suggestion: deferUnexpectedAnswer('={raw: body.result}', operationRule('create')) }
        }
      }
    ]
  });

  it('reports none of our generated templates\' presets, for every operation, with and without a result variable, but each one\'s unguarded custom mapping', async () => {
    // given: one linter, as `camunda-servicenow lint` runs the rules
    const linter = new Linter({ resolver: { resolveRule: () => resultExpressionGuard, resolveConfig: () => ({}) } });
    const outbound = ours.filter((template) => template.properties.some((property) => property.id === 'resultMapping'));
    expect(outbound.length).toBeGreaterThanOrEqual(10);
    let checked = 0;
    let custom = 0;
    const lint = async (template: ElementTemplate, values: Values) => {
      const { root } = await task(template, values) as { root: unknown };
      return await linter.lint(root, { rules: { 'servicenow/result-expression-guard': ['warn', config] } }) as Record<string, { message: string }[]>;
    };

    for (const template of outbound) {
      const operations = template.properties.find((property) => property.id === 'operation')?.choices?.map((choice) => choice.value) ?? [undefined];
      for (const operation of operations) {
        for (const resultVariable of [undefined, 'raw']) {
          // when
          const values = { ...(operation ? { operation } : {}), ...(resultVariable ? { resultVariable } : {}) };
          const reports = await lint(template, values);

          // then
          expect(reports, `${template.id} ${operation} ${resultVariable}`).toEqual({});
          checked++;
        }
        // The rule knows each template's answer rule: the same operation's own mapping is reported.
        const values = { ...(operation ? { operation } : {}), resultMapping: 'custom' };
        if (!applyTemplate(template, values).active.some((property) => property.id === 'resultExpression')) continue;
        const reports = await lint(template, { ...values, resultExpression: MINE });
        expect(reports['servicenow/result-expression-guard']?.map((report) => report.message.startsWith('Result expression: sets its variables without the answer check')), `${template.id} ${operation}`).toEqual([true]);
        custom++;
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(custom).toBeGreaterThan(40);
  });
});
