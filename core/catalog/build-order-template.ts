/**
 * "ServiceNow: Order <item>": one template per catalog item, ordering it
 * through the Service Catalog API (`POST /api/sn_sc/servicecatalog/items/
 * {sys_id}/order_now`) with typed variables, so the request goes through the
 * catalog (sc_request, sc_req_item, variables, the item's flow and
 * approvals), unlike a Table API insert into sc_req_item. Plus the generic
 * "ServiceNow: Order catalog item" taking the sys_id and a FEEL context.
 */
import type { CatalogItem } from '../metadata/catalog';
import { feelString, withoutUnset } from '../template/body';
import { envelope } from '../template/build-template';
import { authenticationProperties, connectionProperties } from '../template/connection';
import { constantConnectorInputProperties } from '../template/connector-inputs';
import { errorPropertiesFor } from '../template/error-handling';
import { apiGroups } from '../template/groups';
import { BASE_URL_VARIABLE, inputBinding } from '../template/operations';
import { optionalPattern, SYS_ID } from '../template/patterns';
import { presetOutputProperties, RESULT_CONTEXT } from '../template/preset-output';
import { retryProperties, taskProperties, timeoutProperties } from '../template/runtime';
import type { BuildOptions, ElementTemplate, TemplateGroup, TemplateProperty } from '../template/types';
import { rowSetEntry, rowSetProperty, variableEntry, variableProperty, VARIABLES_GROUP } from './variable-inputs';

export const CATALOG_API_DOCUMENTATION = 'https://www.servicenow.com/docs/bundle/zurich-api-reference/page/integrate/inbound-rest/concept/c_ServiceCatalogAPI.html';
export const ORDER_ANY_ITEM_ID = 'OrderCatalogItem';

const QUANTITY = 'sn_quantity';
const REQUESTED_FOR = 'sn_requestedFor';
const ALSO_REQUEST_FOR = 'sn_alsoRequestFor';
/** The Requested For variable type: the item's requests may be for more users (c_ServiceCatalogAPI, sysparm_also_request_for). */
const REQUESTED_FOR_TYPE = '31';
const ITEM_SYS_ID = 'sn_catalogItemSysId';
const VARIABLES = 'sn_variables';

/** Process variables of the output preset. */
export const ORDER_OUTPUT = { requestSysId: 'requestSysId', requestNumber: 'requestNumber' } as const;

/** An item's name as lower-case words joined by `_` (`Laptop Request` → `laptop_request`): its template id suffix and file name. */
export function orderSlug(item: Pick<CatalogItem, 'name'>): string {
  const words = item.name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  return words.join('_') || 'item';
}

/** Order template ids start with a capitalised segment, so they never equal a table template's (table names are lower case). */
export function orderTemplateId(idPrefix: string, slug: string): string {
  return `${idPrefix}.CatalogItem.${slug}`;
}

function groups(): TemplateGroup[] {
  return apiGroups([{ id: 'item', label: 'Catalog item', openByDefault: true }], [{ id: VARIABLES_GROUP, label: 'Variables', openByDefault: true }]);
}

/**
 * sysparm_also_request_for (c_ServiceCatalogAPI, order_now): up to 50 more
 * users, each getting a requested item of its own in the one request
 * (delegated-request-exp); ServiceNow rejects it for an item without a
 * Requested For variable, so an item's own template offers it only then.
 */
const ALSO_REQUEST_FOR_PROPERTY: TemplateProperty = {
  id: 'alsoRequestFor',
  label: 'Also request for (sysparm_also_request_for)',
  description: 'Comma-separated sys_ids of up to 50 more <code>sys_user</code> records: each gets a requested item of its own in the same request. The item needs a Requested For variable with <b>Enable also request for</b>; if one user does not qualify, ServiceNow rejects the whole order.',
  group: 'item',
  type: 'String',
  feel: 'optional',
  binding: inputBinding(ALSO_REQUEST_FOR),
  constraints: { pattern: optionalPattern(`${SYS_ID}(,${SYS_ID}){0,49}`, 'must be up to 50 sys_ids separated by commas (or a FEEL expression starting with =).') }
};

function orderProperties(alsoRequestFor: boolean): TemplateProperty[] {
  return [
    {
      id: 'quantity',
      label: 'Quantity (sysparm_quantity)',
      group: 'item',
      type: 'String',
      feel: 'optional',
      value: '1',
      binding: inputBinding(QUANTITY),
      constraints: { notEmpty: true, pattern: { value: '^[1-9][0-9]*$', message: 'must be a positive whole number (or a FEEL expression).' } }
    },
    {
      id: 'requestedFor',
      label: 'Requested for (sysparm_requested_for)',
      description: 'The sys_id of the <code>sys_user</code> the request is for; empty: the user the connector signs in as.',
      group: 'item',
      type: 'String',
      feel: 'optional',
      binding: inputBinding(REQUESTED_FOR),
      constraints: { pattern: optionalPattern(SYS_ID, 'must be a sys_id: 32 hexadecimal characters (or a FEEL expression starting with =).') }
    },
    ...(alsoRequestFor ? [ALSO_REQUEST_FOR_PROPERTY] : [])
  ];
}

/** method, url, headers and body: the variables context is built without unset values. */
function requestProperties(itemPath: string, variablesContext: string, alsoRequestFor: boolean): TemplateProperty[] {
  const also = alsoRequestFor ? `, "sysparm_also_request_for": ${ALSO_REQUEST_FOR}` : '';
  const body = withoutUnset(`{"sysparm_quantity": string(${QUANTITY}), "sysparm_requested_for": ${REQUESTED_FOR}${also}, "variables": ${variablesContext}}`);
  return [
    { id: 'method', type: 'Hidden', value: 'POST', binding: inputBinding('method') },
    { id: 'url', type: 'Hidden', value: `=${BASE_URL_VARIABLE} + "/api/sn_sc/servicecatalog/items/" + ${itemPath} + "/order_now"`, binding: inputBinding('url') },
    { id: 'headers', type: 'Hidden', value: '={"Accept": "application/json", "Content-Type": "application/json"}', binding: inputBinding('headers') },
    { id: 'body', type: 'Hidden', value: `=${body}`, binding: inputBinding('body') },
    { id: 'queryParameters', type: 'Hidden', value: '={}', binding: inputBinding('queryParameters') }
  ];
}

const ORDER_PRESET = `={result: ${RESULT_CONTEXT}, out: {${ORDER_OUTPUT.requestSysId}: get value(result, "request_id"), ${ORDER_OUTPUT.requestNumber}: get value(result, "request_number")}}.out`;

/**
 * order_now answers 200 with `result` holding the request (c_ServiceCatalogAPI:
 * request_id, request_number); on an instance with two-step checkout
 * (sys_property glide.sc.checkout.twostep, default false) it only fills the
 * user's cart and answers `{"result": {"cart_id": ...}}` (ServiceNow
 * Community m-p/3441243, accepted answer): no request exists, so that is an
 * incident, not a task completed with null outputs.
 */
const ORDER_RULE = {
  statuses: [200],
  needsResult: true,
  resultKey: 'request_id',
  resultKeyMissing: 'order_now put the item in a cart instead of ordering it, as it does when the instance uses two-step checkout (glide.sc.checkout.twostep is true); set that property to false, or submit the cart (POST /api/sn_sc/servicecatalog/cart/submit_order)',
  api: 'Service Catalog API'
};
const ORDER_ANSWER = [{ id: 'order', rule: ORDER_RULE }];

function tailProperties(): TemplateProperty[] {
  return [
    ...timeoutProperties(),
    ...constantConnectorInputProperties(),
    ...presetOutputProperties(`Request: ${ORDER_OUTPUT.requestSysId}, ${ORDER_OUTPUT.requestNumber}`, [{ id: 'preset', expression: ORDER_PRESET, rule: ORDER_RULE }], `={${ORDER_OUTPUT.requestSysId}: body.result.request_id}`),
    ...errorPropertiesFor(ORDER_ANSWER),
    ...retryProperties()
  ];
}

/** The order template of one catalog item. */
export function buildOrderTemplate(item: CatalogItem, options: BuildOptions, slug: string = orderSlug(item)): ElementTemplate {
  const id = orderTemplateId(options.idPrefix, slug);
  const alsoRequestFor = item.variables.some((variable) => variable.typeCode === REQUESTED_FOR_TYPE);
  const variables = `{${[...item.variables.map(variableEntry), ...item.rowSets.map(rowSetEntry)].join(', ')}}`;
  const source = item.source ? ` Example item from ${item.source}${item.verify ? ` (unconfirmed: ${item.verify})` : ''}.` : '';
  return envelope({
    id,
    name: `ServiceNow: Order ${item.name}`,
    description: `Orders the catalog item "${item.name}" (sys_id ${item.sysId}) through the Service Catalog API: creates the request (sc_request) and requested item with its ${item.variables.length} variables${item.rowSets.length > 0 ? ` and ${item.rowSets.length} multi-row variable set${item.rowSets.length === 1 ? '' : 's'}` : ''}, and starts the item's flow and approvals.${source}`,
    keywords: [...new Set(['servicenow', 'service catalog', 'order', 'request', item.name.toLowerCase()])],
    version: options.version,
    metadata: { api: 'catalog', catalogItem: { sysId: item.sysId, name: item.name } },
    groups: groups(),
    properties: [
      ...taskProperties(id, options.version),
      ...orderProperties(alsoRequestFor),
      ...connectionProperties(),
      ...authenticationProperties(),
      ...item.variables.map(variableProperty),
      ...item.rowSets.map(rowSetProperty),
      ...requestProperties(feelString(item.sysId), withoutUnset(variables), alsoRequestFor),
      ...tailProperties()
    ]
  }, CATALOG_API_DOCUMENTATION);
}

/** The generic order template: the item's sys_id and its variables as a FEEL context. */
export function buildOrderAnyItemTemplate(options: BuildOptions): ElementTemplate {
  const id = `${options.idPrefix}.${ORDER_ANY_ITEM_ID}`;
  return envelope({
    id,
    name: 'ServiceNow: Order catalog item',
    description: 'Orders any Service Catalog item by sys_id through the Service Catalog API (order_now); the variables are a FEEL context. For typed variables, generate the item\'s own template with fetch-metadata --catalog-items.',
    keywords: ['servicenow', 'service catalog', 'order', 'request', 'order_now'],
    version: options.version,
    metadata: { api: 'catalog' },
    groups: groups(),
    properties: [
      ...taskProperties(id, options.version),
      {
        id: 'catalogItem',
        label: 'Catalog item sys_id',
        description: 'The sys_id of the <code>sc_cat_item</code> to order.',
        group: 'item',
        type: 'String',
        feel: 'optional',
        binding: inputBinding(ITEM_SYS_ID),
        constraints: { notEmpty: true, pattern: { value: `^${SYS_ID}$`, message: 'must be a sys_id: 32 hexadecimal characters (or a FEEL expression starting with =).' } }
      },
      ...orderProperties(true),
      ...connectionProperties(),
      ...authenticationProperties(),
      {
        id: 'variables',
        label: 'Variables',
        description: 'The item\'s variables by name as a FEEL context, e.g. <code>={"laptop_type": "standard", "justification": reason}</code>. Yes/No variables take "Yes" or "No"; a multi-row variable set takes the JSON text of its rows (an array of objects keyed by its variables) under its internal name. Entries whose value is null or empty are not sent.',
        group: VARIABLES_GROUP,
        type: 'Text',
        feel: 'required',
        binding: inputBinding(VARIABLES),
        constraints: { notEmpty: true }
      },
      ...requestProperties(ITEM_SYS_ID, withoutUnset(VARIABLES), true),
      ...tailProperties()
    ]
  }, CATALOG_API_DOCUMENTATION);
}

