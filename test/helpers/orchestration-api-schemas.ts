/**
 * Request bodies of the Orchestration Cluster REST API v2 endpoints the
 * Script Include calls, as JSON Schema. Transcribed from the request
 * validators that @camunda8/orchestration-cluster-api 8.8.4 generates from
 * the published OpenAPI (dist/chunk-DYRPWSDP.js: zMessagePublicationRequest,
 * zMessageCorrelationRequest, zSignalBroadcastRequest,
 * zProcessInstanceCreationInstructionById, zCancelProcessInstanceRequest,
 * zProcessInstanceCreationInstructionByKey, zProcessDefinitionId, zLongKey, zTagSet,
 * zTenantId) and its paths (publishMessage
 * `/messages/publication`, correlateMessage `/messages/correlation`,
 * broadcastSignal `/signals/broadcast`, createProcessInstance
 * `/process-instances`, cancelProcessInstance
 * `/process-instances/{processInstanceKey}/cancellation`, under `/v2`).
 * Stricter in one way: unknown properties are refused, so a misspelt field
 * fails here instead of being ignored.
 */
const tenantId = { type: 'string', minLength: 1, maxLength: 256, pattern: '^(<default>|[A-Za-z0-9_@.+-]+)$' };
const variables = { type: 'object' };
/** zLongKey: a Java long as a string. */
const longKey = { type: 'string', minLength: 1, maxLength: 25, pattern: '^-?[0-9]+$' };
/** zTagSet of zTag. */
const tags = { type: 'array', maxItems: 10, items: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z][A-Za-z0-9_\\-:.]{0,99}$' } };
const creationOptions = {
  variables,
  tenantId,
  operationReference: { type: 'integer', minimum: 1 },
  startInstructions: { type: 'array' },
  runtimeInstructions: { type: 'array' },
  awaitCompletion: { type: 'boolean' },
  fetchVariables: { type: 'array', items: { type: 'string' } },
  requestTimeout: { type: 'integer' },
  tags
};

export const V2_REQUEST_SCHEMAS: Record<string, object> = {
  '/v2/messages/publication': {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    properties: { name: { type: 'string' }, correlationKey: { type: 'string' }, timeToLive: { type: 'integer' }, messageId: { type: 'string' }, variables, tenantId }
  },
  '/v2/messages/correlation': {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    properties: { name: { type: 'string' }, correlationKey: { type: 'string' }, variables, tenantId }
  },
  '/v2/signals/broadcast': {
    type: 'object',
    required: ['signalName'],
    additionalProperties: false,
    properties: { signalName: { type: 'string' }, variables, tenantId }
  },
  // zProcessInstanceCreationInstruction: z.union([...ById, ...ByKey]); the two share all but the process fields.
  '/v2/process-instances': {
    oneOf: [
      {
        type: 'object',
        required: ['processDefinitionId'],
        additionalProperties: false,
        properties: {
          processDefinitionId: { type: 'string', minLength: 1, pattern: '^[a-zA-Z_][a-zA-Z0-9_\\-\\.]*$' },
          processDefinitionVersion: { type: 'integer' },
          ...creationOptions
        }
      },
      {
        type: 'object',
        required: ['processDefinitionKey'],
        additionalProperties: false,
        properties: { processDefinitionKey: longKey, ...creationOptions }
      }
    ]
  },
  '/v2/process-instances/{processInstanceKey}/cancellation': {
    anyOf: [{ type: 'null' }, { type: 'object', additionalProperties: false, properties: { operationReference: { type: 'integer', minimum: 1 } } }]
  }
};
