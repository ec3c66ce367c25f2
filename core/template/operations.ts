import type { Binding, Condition, TemplateProperty } from './types';
import { SYS_ID } from '../metadata/field-types';

/** The Table API operations every template offers, in menu order. */
export const OPERATIONS = ['create', 'get', 'query', 'update', 'delete', 'count'] as const;
export type Operation = (typeof OPERATIONS)[number];

const TABLE_API = '/api/now/table/';
/** The Aggregate API (c_AggregateAPI.md): `GET /api/now/stats/{table}`. */
const AGGREGATE_API = '/api/now/stats/';

/** Method, success status and API path (before the table name) as the Table and Aggregate APIs document them (c_TableAPI.md). */
export const OPERATION_HTTP: Record<Operation, { method: string; status: number; label: string; api: string }> = {
  create: { method: 'POST', status: 201, label: 'Create a record', api: TABLE_API },
  get: { method: 'GET', status: 200, label: 'Get a record by sys_id', api: TABLE_API },
  query: { method: 'GET', status: 200, label: 'Query records (list)', api: TABLE_API },
  update: { method: 'PATCH', status: 200, label: 'Update a record', api: TABLE_API },
  delete: { method: 'DELETE', status: 204, label: 'Delete a record', api: TABLE_API },
  count: { method: 'GET', status: 200, label: 'Count records (Aggregate API)', api: AGGREGATE_API }
};

export const OPERATION_PROPERTY_ID = 'operation';
/** Operations addressing one record by sys_id in the URL path. */
export const SINGLE_RECORD_OPERATIONS: Operation[] = ['get', 'update', 'delete'];
export const WRITE_OPERATIONS: Operation[] = ['create', 'update'];
export const READ_OPERATIONS: Operation[] = ['get', 'query'];
/** Operations taking an encoded query (`sysparm_query`, bound to the same input). */
export const QUERY_OPERATIONS: Operation[] = ['query', 'count'];

/** The FEEL variable holding the instance base URL without a trailing slash. */
export const BASE_URL_VARIABLE = 'sn_baseUrl';
export const SYS_ID_VARIABLE = 'sn_sysId';

export function inputBinding(name: string): Binding {
  return { type: 'zeebe:input', name };
}

export function headerBinding(key: string): Binding {
  return { type: 'zeebe:taskHeader', key };
}

/** A condition that holds for the given operations only. */
export function whenOperation(...operations: Operation[]): Condition {
  return operations.length === 1
    ? { property: OPERATION_PROPERTY_ID, equals: operations[0] as Operation }
    : { property: OPERATION_PROPERTY_ID, oneOf: [...operations] };
}

/** Both conditions must hold. */
export function allOf(...conditions: Condition[]): Condition {
  return { allMatch: conditions };
}

/** The operation menu. Bound to a task header: it is read by conditions, never by FEEL. */
export function operationProperty(description?: string): TemplateProperty {
  return {
    id: OPERATION_PROPERTY_ID,
    label: 'Operation',
    ...(description ? { description } : {}),
    group: 'operation',
    type: 'Dropdown',
    value: 'create',
    choices: OPERATIONS.map((operation) => ({ name: OPERATION_HTTP[operation].label, value: operation })),
    binding: headerBinding('serviceNowOperation')
  };
}

/** The sys_id of the record for Get, Update and Delete. */
export function sysIdProperty(recordLabel: string): TemplateProperty {
  return {
    id: 'sysId',
    label: 'sys_id',
    description: `The sys_id of the ${recordLabel} record (32 hexadecimal characters), or a FEEL expression such as <code>=incidentSysId</code>.`,
    group: 'operation',
    type: 'String',
    feel: 'optional',
    binding: inputBinding(SYS_ID_VARIABLE),
    condition: whenOperation(...SINGLE_RECORD_OPERATIONS),
    constraints: { notEmpty: true, pattern: { value: `^${SYS_ID}$`, message: 'must be a sys_id: 32 hexadecimal characters (or a FEEL expression starting with =).' } }
  };
}

/**
 * One Hidden `method` and one Hidden `url` input per operation, each active
 * for its operation only: static values the Modeler writes as they are.
 * `tablePath` is a FEEL string expression naming the table (a literal for a
 * table template, a variable for the generic one).
 */
export function requestProperties(tablePath: string): TemplateProperty[] {
  const properties: TemplateProperty[] = [];
  for (const operation of OPERATIONS) {
    properties.push({
      id: `method.${operation}`,
      type: 'Hidden',
      value: OPERATION_HTTP[operation].method,
      binding: inputBinding('method'),
      condition: whenOperation(operation)
    });
  }
  for (const operation of OPERATIONS) {
    const record = SINGLE_RECORD_OPERATIONS.includes(operation) ? ` + "/" + ${SYS_ID_VARIABLE}` : '';
    properties.push({
      id: `url.${operation}`,
      type: 'Hidden',
      value: `=${BASE_URL_VARIABLE} + "${OPERATION_HTTP[operation].api}" + ${tablePath}${record}`,
      binding: inputBinding('url'),
      condition: whenOperation(operation)
    });
  }
  properties.push({
    id: 'headers',
    type: 'Hidden',
    value: '={"Accept": "application/json"}',
    binding: inputBinding('headers')
  });
  return properties;
}
