import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CatalogItem } from '../../core/metadata/catalog';
import { errorBody } from './responses';
import type { TableStore } from './store';

/** One order as the emulator received it, with the records it created. */
export interface EmulatedOrder {
  item: string;
  quantity: number;
  requestedFor?: string;
  /** sysparm_also_request_for: the other users, each with requested items of their own. */
  alsoRequestFor?: string[];
  /** The variables as sent (ServiceNow stores them as strings in sc_item_option; a multi-row set's rows as JSON text). */
  variables: Record<string, string>;
  requestSysId: string;
  requestItemSysIds: string[];
}

export interface CatalogRouteContext {
  store: TableStore;
  items: readonly CatalogItem[];
  orders: EmulatedOrder[];
  authenticate(request: FastifyRequest): string | undefined;
}

/**
 * `POST /api/sn_sc/servicecatalog/items/{sys_id}/order_now` (Service
 * Catalog API): creates one sc_request and `sysparm_quantity` sc_req_items
 * and keeps the variables' values; answers 200 with the request's sys_id
 * and number. `sysparm_also_request_for` (comma-separated sys_ids, at most
 * 50) adds requested items for those users to the same request, and is
 * rejected for an item without a Requested For variable, as the docs say
 * (the 400 and its wording are the emulator's). Refused with 400 and the
 * messages the docs list for the cart item order_now orders
 * (c_ServiceCatalogAPI, add_to_cart status codes): "Invalid quantity
 * value", "Security constraints prevent ordering of Item" (an unknown or
 * inaccessible item: 400, not 404) and "Mandatory Variables are required"
 * (a mandatory variable not sent or empty; check boxes and Yes/No always
 * carry a value, and a multi-row set's columns are the rows' business).
 * With the sys_property glide.sc.checkout.twostep "true" (two-step
 * checkout, default false: docs "Service Catalog properties") order_now
 * only puts the item in the user's cart and answers 200 with
 * `{"result": {"cart_id": ...}}`, creating no request (ServiceNow
 * Community, "Buy Item (order_now) POST API only returns cart_id instead
 * of request_id as per documentation", m-p/3441243, accepted answer).
 */
export function registerCatalogRoutes(app: FastifyInstance, context: CatalogRouteContext): void {
  const { store } = context;
  app.post('/api/sn_sc/servicecatalog/items/:sys_id/order_now', (request, reply) => {
    const user = context.authenticate(request);
    if (!user) return reply.code(401).send(errorBody('User Not Authenticated', 'Required to provide Auth information'));
    const sysId = (request.params as { sys_id: string }).sys_id;
    const item = context.items.find((candidate) => candidate.sysId === sysId);
    if (!item) return reply.code(400).send(errorBody('Security constraints prevent ordering of Item', `Emulator: no active catalog item with sys_id ${sysId}`));
    const body = (request.body ?? {}) as Record<string, unknown>;
    const quantity = body.sysparm_quantity === undefined ? 1 : Number(body.sysparm_quantity);
    if (!Number.isInteger(quantity) || quantity < 1) return reply.code(400).send(errorBody('Invalid quantity value', `Emulator: sysparm_quantity must be a positive whole number, got ${JSON.stringify(body.sysparm_quantity)}`));
    const variables = body.variables ?? {};
    if (typeof variables !== 'object' || Array.isArray(variables)) return reply.code(400).send(errorBody('Invalid variables', 'variables must be an object of variable name to value'));
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(variables as Record<string, unknown>)) {
      // Names the item does not have are ignored by the instance as well; a multi-row set's rows come under its internal name.
      const known = item.variables.some((variable) => variable.name === name) || item.rowSets.some((set) => set.name === name);
      if (known && value !== null && value !== undefined) values[name] = typeof value === 'string' ? value : JSON.stringify(value);
    }
    const missing = item.variables.filter((variable) => variable.mandatory && variable.kind !== 'checkbox' && variable.kind !== 'yesNo' && (values[variable.name] ?? '') === '');
    if (missing.length > 0) return reply.code(400).send(errorBody('Mandatory Variables are required', `Emulator: not sent: ${missing.map((variable) => variable.name).join(', ')}`));
    const requestedFor = typeof body.sysparm_requested_for === 'string' && body.sysparm_requested_for ? body.sysparm_requested_for : undefined;
    const also = alsoRequestFor(body.sysparm_also_request_for, item);
    if (typeof also === 'string') return reply.code(400).send(errorBody('Invalid sysparm_also_request_for', also));
    if (store.all('sys_properties').some((property) => property.name === 'glide.sc.checkout.twostep' && property.value === 'true')) {
      return reply.code(200).send({ result: { cart_id: randomBytes(16).toString('hex') } });
    }
    if (!store.schema('sc_request') || !store.schema('sc_req_item')) return reply.code(500).send(errorBody('Emulator: the snapshot has no sc_request or sc_req_item table', null));
    const scRequest = store.insert('sc_request', { requested_for: requestedFor ?? '', short_description: item.name }, user);
    const requestItemSysIds: string[] = [];
    // One request; a requested item per user (delegated-request-exp: "Separate RITMs are created, one for each user").
    for (const forUser of [requestedFor ?? '', ...also]) {
      for (let index = 0; index < quantity; index++) {
        const requestItem = store.insert('sc_req_item', { request: scRequest.sys_id, cat_item: item.sysId, quantity: '1', short_description: item.name, requested_for: forUser }, user);
        requestItemSysIds.push(requestItem.sys_id ?? '');
      }
    }
    context.orders.push({ item: item.sysId, quantity, ...(requestedFor ? { requestedFor } : {}), ...(also.length > 0 ? { alsoRequestFor: also } : {}), variables: values, requestSysId: scRequest.sys_id ?? '', requestItemSysIds });
    return reply.code(200).send({
      result: { sys_id: scRequest.sys_id, number: scRequest.number, request_number: scRequest.number, request_id: scRequest.sys_id, table: 'sc_request' }
    });
  });
}

const REQUESTED_FOR_TYPE = '31';

/** The users of sysparm_also_request_for, or why ServiceNow rejects the order (c_ServiceCatalogAPI, order_now). */
function alsoRequestFor(value: unknown, item: CatalogItem): string[] | string {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value !== 'string') return 'sysparm_also_request_for must be a comma-separated string of sys_user sys_ids';
  const users = value.split(',').map((sysId) => sysId.trim()).filter(Boolean);
  if (users.length > 50) return `You cannot specify more than 50 additional users (got ${users.length})`;
  if (!item.variables.some((variable) => variable.typeCode === REQUESTED_FOR_TYPE)) return `The item ${item.name} has no Requested For variable: it cannot be requested for other users`;
  return users;
}
