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

/** The operation menu's default: what a task whose operation is not written yet does. */
export const DEFAULT_OPERATION: Operation = 'create';

/**
 * A condition that holds for the given operations only. The default
 * operation also matches the unset (empty) menu: bpmn-js-element-templates
 * filters the properties by their conditions before it writes any default
 * (ConditionalBehavior `_ensureConditional`), so an operation written during
 * the apply would switch the default's properties on only in a second pass
 * and a third (each re-writing every property, with a quadratic comparison
 * of the bindings per write). Matching the unset menu as its default makes
 * applying the template one pass; the menu offers no empty choice, so a
 * modeller never sees the difference.
 */
export function whenOperation(...operations: Operation[]): Condition {
  const values: string[] = operations.flatMap((operation) => (operation === DEFAULT_OPERATION ? [operation, ''] : [operation]));
  return values.length === 1
    ? { property: OPERATION_PROPERTY_ID, equals: values[0] as string }
    : { property: OPERATION_PROPERTY_ID, oneOf: values };
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
    value: DEFAULT_OPERATION,
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
