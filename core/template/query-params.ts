import { withoutUnset } from './body';
import { inputBinding, whenOperation, QUERY_OPERATIONS, READ_OPERATIONS, WRITE_OPERATIONS, type Operation } from './operations';
import { optionalPattern, safeTextPattern } from './patterns';
import type { TemplateProperty } from './types';

interface QueryParameter {
  /** The Table API parameter, e.g. `sysparm_query`. */
  name: string;
  /** The FEEL variable holding its value. */
  variable: string;
  property: Omit<TemplateProperty, 'binding' | 'condition' | 'id' | 'group'>;
  operations: Operation[];
}

/**
 * Default page size: ServiceNow's own default of 10,000 rows is rarely what
 * a process wants, and the connector (8.8.16, 8.9.7) fails the task without
 * retries when the variables it stores exceed 1.5 MB; the result variable
 * holds the whole response and the records list holds it again. With the
 * default columns a page is a few kB; 50 whole records with display values
 * can pass 1 MB.
 */
export const DEFAULT_LIMIT = '50';

/** The property id of "Values sent" (stored or display values): reference inputs switch their check on it. */
export const INPUT_DISPLAY_VALUE_ID = 'sysparm_input_display_value';

/** The 1.5 MB output cap, said where the user sets fields and limit. */
const OUTPUT_CAP_NOTE = 'The connector fails the task (no retries) when the stored variables pass 1.5 MB (the result variable counts the response again).';

const PARAMETERS: QueryParameter[] = [
  {
    name: 'sysparm_query',
    variable: 'sn_query',
    operations: QUERY_OPERATIONS,
    property: {
      label: 'Encoded query (sysparm_query)',
      description: 'A ServiceNow encoded query, sent exactly as written, e.g. <code>active=true^priority=1^ORDERBYDESCsys_created_on</code>. Conditions on unknown fields are silently ignored by ServiceNow.',
      placeholder: 'active=true^ORDERBYDESCsys_created_on',
      type: 'Text',
      feel: 'optional',
      constraints: { pattern: safeTextPattern() }
    }
  },
  {
    name: 'sysparm_fields',
    variable: 'sn_fields',
    operations: READ_OPERATIONS,
    property: { label: 'Fields to return (sysparm_fields)', description: 'Comma-separated column names; empty returns all.', placeholder: 'sys_id,number,short_description', type: 'String', feel: 'optional', constraints: { pattern: safeTextPattern() } }
  },
  {
    name: 'sysparm_display_value',
    variable: 'sn_displayValue',
    operations: READ_OPERATIONS,
    property: {
      label: 'Values returned (sysparm_display_value)',
      type: 'Dropdown',
      value: 'false',
      choices: [
        { name: 'Stored values', value: 'false' },
        { name: 'Display values', value: 'true' },
        { name: 'Both (value and display_value)', value: 'all' }
      ]
    }
  },
  {
    name: 'sysparm_exclude_reference_link',
    variable: 'sn_excludeReferenceLink',
    operations: READ_OPERATIONS,
    property: { label: 'Exclude reference links (sysparm_exclude_reference_link)', type: 'Boolean', value: true }
  },
  {
    name: 'sysparm_limit',
    variable: 'sn_limit',
    operations: ['query'],
    property: {
      label: 'Limit (sysparm_limit)',
      description: `Maximum number of records. Without it ServiceNow returns up to 10,000. ${OUTPUT_CAP_NOTE}`,
      type: 'String',
      feel: 'optional',
      value: DEFAULT_LIMIT,
      constraints: { pattern: optionalPattern('\\d+', 'must be a positive whole number, or a FEEL expression') }
    }
  },
  {
    name: 'sysparm_offset',
    variable: 'sn_offset',
    operations: ['query'],
    property: {
      label: 'Offset (sysparm_offset)',
      description: 'Records to skip, for paging. Add a unique ORDERBY to the query for stable pages.',
      type: 'String',
      feel: 'optional',
      constraints: { pattern: optionalPattern('\\d+', 'must be a whole number, or a FEEL expression') }
    }
  },
  {
    name: 'sysparm_group_by',
    variable: 'sn_groupBy',
    operations: ['count'],
    property: {
      label: 'Group by (sysparm_group_by)',
      description: 'Optional comma-separated columns: one count per distinct value, e.g. <code>priority</code>.',
      placeholder: 'priority',
      type: 'String',
      feel: 'optional',
      constraints: { pattern: optionalPattern('[a-z0-9_.]+(,[a-z0-9_.]+)*', 'must be column names separated by commas, or a FEEL expression') }
    }
  },
  {
    name: INPUT_DISPLAY_VALUE_ID,
    variable: 'sn_inputDisplayValue',
    operations: WRITE_OPERATIONS,
    // A dropdown, not a checkbox: the library reads an unset cast Boolean as true (bpmn-js-element-templates
    // core.esm.js `fromFeelExpression`), so column inputs switched on a checkbox flipped when its default was
    // written and applying took three passes; an unset dropdown ('') and its default 'false' select the same inputs.
    property: {
      label: 'Values sent (sysparm_input_display_value)',
      description: 'Display values: e.g. a user\'s name instead of a sys_id; dates are then read in the user\'s time zone.',
      type: 'Dropdown',
      value: 'false',
      choices: [
        { name: 'Stored values (sys_ids)', value: 'false' },
        { name: 'Display values', value: 'true' }
      ]
    }
  }
];

const FIELDS_PARAMETER = 'sysparm_fields';

/**
 * The `sysparm_*` inputs, each active for the operations that accept it.
 * Query gets its own copy of the fields input, defaulting to `queryFields`
 * so that a list stays far below the output cap; Get returns whole records.
 */
export function queryParameterProperties(queryFields: string[]): TemplateProperty[] {
  return PARAMETERS.filter((parameter) => parameter.name !== INPUT_DISPLAY_VALUE_ID).flatMap((parameter): TemplateProperty[] => {
    const property = (operations: Operation[], id = parameter.name): TemplateProperty => parameterProperty(parameter, operations, id);
    if (parameter.name !== FIELDS_PARAMETER) return [property(parameter.operations)];
    const others = parameter.operations.filter((operation) => operation !== 'query');
    return [
      ...others.map((operation) => property([operation], `${FIELDS_PARAMETER}.${operation}`)),
      { ...property(['query']), value: queryFields.join(','), description: `Comma-separated column names; empty returns whole records. ${OUTPUT_CAP_NOTE}` }
    ];
  });
}

/**
 * "Values sent", declared apart from the other parameters:
 * the column inputs switch their check on it, and a condition may only name
 * a property declared before it.
 */
export function inputDisplayValueProperty(): TemplateProperty {
  const parameter = PARAMETERS.find((each) => each.name === INPUT_DISPLAY_VALUE_ID) as QueryParameter;
  return parameterProperty(parameter, parameter.operations, parameter.name);
}

function parameterProperty(parameter: QueryParameter, operations: Operation[], id: string): TemplateProperty {
  return { id, group: 'query', ...parameter.property, binding: inputBinding(parameter.variable), condition: whenOperation(...operations) };
}

/** Parameters an operation always sends: the Aggregate API counts only when asked to. */
const FIXED_PARAMETERS: Partial<Record<Operation, string[]>> = { count: ['"sysparm_count": "true"'] };

/** One Hidden `queryParameters` per operation that takes any: a string map without unset entries. */
export function queryParametersProperties(): TemplateProperty[] {
  const operations: Operation[] = ['create', 'get', 'query', 'update', 'count'];
  return operations.map((operation) => {
    const entries = [
      ...(FIXED_PARAMETERS[operation] ?? []),
      ...PARAMETERS.filter((parameter) => parameter.operations.includes(operation)).map(
        (parameter) => `"${parameter.name}": if ${parameter.variable} = null then null else string(${parameter.variable})`
      )
    ];
    return {
      id: `queryParameters.${operation}`,
      type: 'Hidden',
      value: `=${withoutUnset(`{${entries.join(', ')}}`)}`,
      binding: inputBinding('queryParameters'),
      condition: whenOperation(operation)
    };
  });
}

/** The input the encoded query is bound to (read by the Modeler plugin). */
export const QUERY_VARIABLE = 'sn_query';
