import { UNPINNED_SCHEMA_URL } from './check/schema-and-icon';
import type { Table } from '../metadata/model';
import { findField } from '../metadata/model';
import { additionalFieldsProperty, bodyProperty, feelString, requireContext, withoutUnset } from './body';
import { authenticationProperties, connectionProperties } from './connection';
import { unusedConnectorInputProperties } from './connector-inputs';
import { errorHandlingProperties } from './error-handling';
import { toFieldIndex, type ServiceNowTemplateMetadata } from './field-index';
import { templateGroups } from './groups';
import { ICON } from './icon';
import { inputBinding, operationProperty, requestProperties, sysIdProperty, whenOperation, WRITE_OPERATIONS } from './operations';
import { outputProperties } from './output';
import { operationSteps } from './presets';
import { inputDisplayValueProperty, queryParameterProperties, queryParametersProperties } from './query-params';
import { retryProperties, taskProperties, timeoutProperties } from './runtime';
import { MORE_FIELDS_SHOWN, MORE_FIELDS_TOGGLE_VARIABLE, moreFieldsToggle, OPERATION_INPUT_VARIABLE, operationInputs, tableFieldInputs } from './table-fields';
import { createNote, tableNote } from './table-notes';
import type { BuildOptions, ElementTemplate, TemplateProperty } from './types';

/** The unpinned schema URL: Web Modeler accepts only this, and Desktop Modeler skips its version check. */
export const TEMPLATE_SCHEMA = UNPINNED_SCHEMA_URL;

/**
 * The lowest Camunda version the templates work on: inputs left empty are
 * written without a source, which the engine maps to null only since 8.8
 * (camunda/camunda#12961); templates therefore need no deprecated `optional`.
 */
export const ENGINES = { camunda: '^8.8' };

export const DOCUMENTATION_REF = 'https://www.servicenow.com/docs/bundle/zurich-api-reference/page/integrate/inbound-rest/concept/c_TableAPI.html';

/** The suffix of the generic template's id; table names are lower case, so it never collides. */
export const ANY_TABLE_ID = 'AnyTable';

export function templateId(options: BuildOptions, tableName: string | undefined): string {
  return `${options.idPrefix}.${tableName ?? ANY_TABLE_ID}`;
}

/**
 * The element template of one ServiceNow table: Create, Get, Query, Update
 * and Delete on the Table API through the REST connector, one typed input
 * per writable column. Pure: the same table and options give the same object.
 */
export function buildTemplate(table: Table, options: BuildOptions): ElementTemplate {
  const id = templateId(options, table.name);
  const fields = tableFieldInputs(table);
  const entries = (inputs: typeof fields.inputs.open) => inputs.map((input): [string, string] => [input.element, input.bodyValue]);
  const properties: TemplateProperty[] = [
    ...taskProperties(id, options.version),
    operationProperty(createNote(table.name)),
    sysIdProperty(table.label),
    ...connectionProperties(),
    ...authenticationProperties(),
    inputDisplayValueProperty(),
    ...fields.open,
    ...(fields.collapsed.length > 0 ? [moreFieldsToggle(fields.collapsedCount)] : []),
    ...fields.collapsed,
    additionalFieldsProperty('moreFields'),
    ...queryParameterProperties(queryColumns(table)),
    ...requestProperties(feelString(table.name)),
    ...queryParametersProperties(),
    ...(fields.inputs.openOnUpdate.length > 0 ? operationInputs() : []),
    bodyProperty(entries(fields.inputs.open), {
      variable: MORE_FIELDS_TOGGLE_VARIABLE,
      shown: MORE_FIELDS_SHOWN,
      entries: entries(fields.inputs.gated),
      update: { variable: OPERATION_INPUT_VARIABLE, entries: entries(fields.inputs.openOnUpdate) }
    }),
    ...timeoutProperties(),
    ...unusedConnectorInputProperties(),
    ...outputProperties(table.name, findField(table, 'number') !== undefined),
    ...errorHandlingProperties(),
    ...retryProperties()
  ];
  return envelope({
    id,
    name: `ServiceNow: ${table.label}`,
    description: [`Create, get, query, update and delete ${table.label} [${table.name}] records through the ServiceNow Table API.`, tableNote(table.name)].filter(Boolean).join(' '),
    keywords: [...new Set(['servicenow', table.name, table.label.toLowerCase(), 'table api', ...table.hierarchy.slice(1)])],
    version: options.version,
    metadata: toFieldIndex(table),
    groups: templateGroups(table.label, { fields: true }),
    properties,
    ...operationSteps({ label: table.label, table: table.name })
  });
}

/** The columns a Query returns by default: the record's keys and what a person reads it by. */
function queryColumns(table: Table): string[] {
  return ['sys_id', 'number', 'short_description', 'name'].filter((column) => column === 'sys_id' || findField(table, column) !== undefined);
}

const TABLE_VARIABLE = 'sn_table';
const PAYLOAD_VARIABLE = 'sn_payload';

/** The generic template: the table name is an input and the payload a FEEL context. */
export function buildAnyTableTemplate(options: BuildOptions): ElementTemplate {
  const id = templateId(options, undefined);
  const properties: TemplateProperty[] = [
    ...taskProperties(id, options.version),
    operationProperty(),
    {
      id: 'table',
      label: 'Table name',
      description: 'The table\'s name (not its label), e.g. <code>incident</code>, <code>u_custom_table</code>.',
      group: 'operation',
      type: 'String',
      feel: 'optional',
      binding: inputBinding(TABLE_VARIABLE),
      constraints: { notEmpty: true, pattern: { value: '^[a-z0-9_]+$', message: 'must be a table name: lower-case letters, digits and underscores.' } }
    },
    sysIdProperty('selected'),
    ...connectionProperties(),
    ...authenticationProperties(),
    {
      id: 'payload',
      label: 'Fields',
      description: 'The fields to write as a FEEL context, e.g. <code>={"short_description": summary, "urgency": "2"}</code>. Entries whose value is null or empty are not sent.',
      group: 'payload',
      type: 'Text',
      feel: 'required',
      binding: inputBinding(PAYLOAD_VARIABLE),
      condition: whenOperation(...WRITE_OPERATIONS),
      constraints: { notEmpty: true }
    },
    ...queryParameterProperties(['sys_id']),
    inputDisplayValueProperty(),
    ...requestProperties(TABLE_VARIABLE),
    ...queryParametersProperties(),
    {
      id: 'body',
      type: 'Hidden',
      value: `=${withoutUnset(requireContext(PAYLOAD_VARIABLE, 'Fields (sn_payload) must be a FEEL context such as {"short_description": summary}'))}`,
      binding: inputBinding('body'),
      condition: whenOperation(...WRITE_OPERATIONS)
    },
    ...timeoutProperties(),
    ...unusedConnectorInputProperties(),
    ...outputProperties(undefined, true),
    ...errorHandlingProperties(),
    ...retryProperties()
  ];
  const metadata: ServiceNowTemplateMetadata = { anyTable: true };
  return envelope({
    id,
    name: 'ServiceNow: Any table',
    description: 'Create, get, query, update and delete records of any ServiceNow table through the Table API; the payload is a FEEL context.',
    keywords: ['servicenow', 'table api', 'any table', 'custom table'],
    version: options.version,
    metadata,
    groups: templateGroups('Record', { fields: false }),
    properties,
    ...operationSteps({ label: 'record' })
  });
}

/** What a template applies to: a service task unless an event template says otherwise. */
const SERVICE_TASK: Pick<ElementTemplate, 'appliesTo' | 'elementType'> = { appliesTo: ['bpmn:Task'], elementType: { value: 'bpmn:ServiceTask' } };

/** The top-level keys shared by every template, in a fixed order. */
export function envelope(parts: Pick<ElementTemplate, 'id' | 'name' | 'description' | 'keywords' | 'version' | 'groups' | 'properties' | 'steps' | 'presets'> & { metadata: ServiceNowTemplateMetadata }, documentationRef: string = DOCUMENTATION_REF, element: Pick<ElementTemplate, 'appliesTo' | 'elementType'> = SERVICE_TASK): ElementTemplate {
  return {
    $schema: TEMPLATE_SCHEMA,
    name: parts.name,
    id: parts.id,
    version: parts.version,
    description: parts.description,
    keywords: parts.keywords,
    documentationRef,
    category: { id: 'connectors', name: 'Connectors' },
    appliesTo: element.appliesTo,
    elementType: element.elementType,
    engines: ENGINES,
    metadata: { servicenow: parts.metadata },
    groups: parts.groups,
    properties: parts.properties,
    steps: parts.steps,
    presets: parts.presets,
    icon: ICON
  };
}
