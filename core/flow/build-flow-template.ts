/**
 * "ServiceNow: Start flow": calls a Flow Designer flow's REST API trigger
 * (Integration Hub "REST API" trigger) with any method, headers, query and
 * body. It covers what Camunda's official ServiceNow Flow Starter
 * (@camunda/connectors-element-templates, servicenow-flow-starter-connector.json)
 * offers: trigger path, method, headers, query parameters, body, Basic,
 * bearer and OAuth; and adds any host (custom domains), secrets as defaults,
 * result and error presets. One template for every flow: the records that
 * describe a REST trigger's inputs (sys_hub_trigger_instance_v2 and
 * sys_hub_flow_input of a sys_hub_flow) are not in any public metadata
 * source, so typed body inputs per flow are not generated (README: Flows).
 */
import { envelope } from '../template/build-template';
import { authenticationProperties, connectionProperties } from '../template/connection';
import { constantConnectorInputProperties } from '../template/connector-inputs';
import { errorPropertiesFor } from '../template/error-handling';
import { apiGroups } from '../template/groups';
import { BASE_URL_VARIABLE, inputBinding } from '../template/operations';
import { safeTextPattern } from '../template/patterns';
import { presetOutputProperties } from '../template/preset-output';
import { retryProperties, taskProperties, timeoutProperties } from '../template/runtime';
import type { BuildOptions, ElementTemplate } from '../template/types';

export const FLOW_TEMPLATE_ID = 'StartFlow';
export const FLOW_DOCUMENTATION = 'https://docs.camunda.io/docs/components/camunda-integrations/servicenow/connectors/flow-starter/';
export const FLOW_OUTPUT = { response: 'flowResponse', executionId: 'flowExecutionId' } as const;

const PATH = 'sn_triggerPath';
const HEADERS = 'sn_headers';
const BODY_METHODS = ['POST', 'PUT', 'PATCH'];

/** A "REST API - Asynchronous" trigger answers `{"result": {"executionId": ...}}` (Integration Hub docs, rest-trigger: "the REST request returns the execution ID"). */
const FLOW_PRESET = `={${FLOW_OUTPUT.response}: body, ${FLOW_OUTPUT.executionId}: if body instance of context and get value(body, "result") instance of context then get value(get value(body, "result"), "executionId") else null}`;

/** Any 2xx, with or without `result`: a trigger path may also be a Scripted REST API answering its own way. */
const FLOW_RULE = { statuses: [200, 201, 202, 204], needsResult: false, api: 'flow\'s REST API trigger' };

export function buildFlowTemplate(options: BuildOptions): ElementTemplate {
  const id = `${options.idPrefix}.${FLOW_TEMPLATE_ID}`;
  return envelope({
    id,
    name: 'ServiceNow: Start flow',
    description: 'Starts a ServiceNow Flow Designer flow through its REST API trigger: any method, headers, query parameters and body; Basic, OAuth or bearer authentication; the flow\'s response into a variable.',
    keywords: ['servicenow', 'flow designer', 'start flow', 'trigger flow', 'integration hub', 'rest trigger', 'automation'],
    version: options.version,
    metadata: { api: 'flow' },
    groups: apiGroups([{ id: 'flow', label: 'Flow trigger', openByDefault: true }], [{ id: 'payload', label: 'Payload', openByDefault: true }]),
    properties: [
      ...taskProperties(id, options.version),
      {
        id: 'triggerPath',
        label: 'REST API trigger path',
        description: 'The path the flow\'s REST API trigger shows: <code>/api/&lt;flow\'s application scope&gt;/&lt;flow name&gt;/&lt;path parameters&gt;</code>.',
        placeholder: '/api/sn_cico/flow_starter/my_flow',
        group: 'flow',
        type: 'String',
        feel: 'optional',
        binding: inputBinding(PATH),
        constraints: { notEmpty: true, pattern: { value: '^/[^\\s?#]*$', message: 'must be a path starting with / (no query: use Query parameters), or a FEEL expression.' } }
      },
      {
        id: 'method',
        label: 'Method',
        description: 'The method the trigger accepts.',
        group: 'flow',
        type: 'Dropdown',
        value: 'POST',
        choices: ['POST', 'GET', 'PUT', 'PATCH', 'DELETE'].map((method) => ({ name: method, value: method })),
        binding: inputBinding('method')
      },
      ...connectionProperties(),
      ...authenticationProperties(),
      {
        id: 'headers',
        label: 'Headers',
        description: 'Extra request headers as a FEEL context of text, numbers or booleans, e.g. <code>={"X-Correlation-Id": correlationId}</code>; JSON Accept and Content-Type are sent by default.',
        group: 'payload',
        type: 'String',
        feel: 'required',
        binding: inputBinding(HEADERS)
      },
      {
        id: 'requestHeaders',
        type: 'Hidden',
        value: `=context merge([{"Accept": "application/json", "Content-Type": "application/json"}, if ${HEADERS} instance of context then ${HEADERS} else {}])`,
        binding: inputBinding('headers')
      },
      {
        id: 'queryParameters',
        label: 'Query parameters',
        description: 'A FEEL context of text, numbers or booleans, e.g. <code>={"source": "camunda"}</code>: the connector refuses a nested context or list (an incident).',
        group: 'payload',
        type: 'String',
        feel: 'required',
        binding: inputBinding('queryParameters')
      },
      {
        id: 'body',
        label: 'Request body',
        description: 'The trigger\'s inputs as a FEEL context, e.g. <code>={"short_description": summary, "caller": callerSysId}</code>.',
        group: 'payload',
        type: 'Text',
        feel: 'optional',
        binding: inputBinding('body'),
        condition: { property: 'method', oneOf: BODY_METHODS },
        constraints: { pattern: safeTextPattern() }
      },
      { id: 'body.none', type: 'Hidden', value: '=null', binding: inputBinding('body'), condition: { property: 'method', oneOf: ['GET', 'DELETE'] } },
      { id: 'url', type: 'Hidden', value: `=${BASE_URL_VARIABLE} + ${PATH}`, binding: inputBinding('url') },
      ...timeoutProperties(),
      ...constantConnectorInputProperties(),
      ...presetOutputProperties(`Flow: ${FLOW_OUTPUT.response}, ${FLOW_OUTPUT.executionId}`, [{ id: 'preset', expression: FLOW_PRESET, rule: FLOW_RULE }], `={${FLOW_OUTPUT.response}: body}`),
      ...errorPropertiesFor([{ id: 'flow', rule: FLOW_RULE }]),
      ...retryProperties()
    ]
  }, FLOW_DOCUMENTATION);
}
