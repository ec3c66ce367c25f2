import type { Table } from '../metadata/model';
import { toFieldIndex } from '../template/field-index';
import { outputVariableNames } from '../template/output';
import type { BuildOptions, ElementTemplate, TemplateProperty } from '../template/types';
import { inboundEnvelope, type InboundKind } from './envelope';
import { connectorProperty, feelDefault, inboundTypeProperty, JAVA_DURATION, messageNameProperty, processCorrelationKey } from './inbound-properties';
import { SIGNATURE_HEADER, WEBHOOK_SECRET_NAME, WEBHOOK_SECRET_PROPERTY, type RecordOperation } from './webhook-payload';

/** The HTTP Webhook connector (connectors 8.8 `HttpWebhookExecutable`). */
export const WEBHOOK_TYPE = 'io.camunda:webhook:1';

/** The webhook ID a table's event templates and Business Rules share by default. */
export function defaultWebhookId(table: string): string {
  return `servicenow-${table.replace(/_/g, '-')}`;
}

const EVENT_CHOICES: { name: string; operations: RecordOperation[] }[] = [
  { name: 'Created or updated', operations: ['insert', 'update'] },
  { name: 'Created', operations: ['insert'] },
  { name: 'Updated', operations: ['update'] }
];

/**
 * The activation condition, evaluated against `{request: {body, headers,
 * params}, connectorData}` (connectors 8.8 `WebhookResultContext`,
 * `MappedHttpRequest`): the table and the operation the Business Rule sent.
 */
export function webhookActivation(table: string, operations: RecordOperation[]): string {
  const operation = operations.length === 1
    ? `request.body.operation = "${operations[0]}"`
    : `list contains([${operations.map((each) => `"${each}"`).join(', ')}], request.body.operation)`;
  return `=request.body.table = "${table}" and ${operation}`;
}

/**
 * "ServiceNow: <table> created/updated": a message start, intermediate catch
 * or boundary event on the Webhook connector. The Business Rules of
 * `servicenow-artifacts` POST the record there, signed with HMAC-SHA256
 * over the raw body (`HMACSignatureValidator`, body scope by default in
 * `WebhookConnectorProperties`).
 */
export function buildWebhookTemplate(table: Table, kind: InboundKind, options: BuildOptions): ElementTemplate {
  const names = outputVariableNames(table.name);
  const stem = names.sysId.replace(/SysId$/, '');
  const correlation: TemplateProperty[] = kind === 'start'
    ? [{ id: 'correlationRequired', type: 'Hidden', value: 'notRequired', binding: connectorProperty('correlationRequired') }]
    : [
      // Zeebe correlates a message once per process (camunda/camunda zeebe/engine MessageCorrelateBehavior
      // `correlateToMessageEvents`), across its instances: the webhook publishes one message per record version.
      processCorrelationKey('sys_id', `The ${table.label} record whose events this process waits for, e.g. <code>=${names.sysId}</code>. Camunda delivers each event once per process: when two instances of this process wait for the same record, one of them gets it and the other waits for the next change.`, `=${names.sysId}`),
      { id: 'correlationKeyPayload', type: 'Hidden', value: '=request.body.sys_id', binding: connectorProperty('correlationKeyExpression') }
    ];
  const eventChoices = EVENT_CHOICES.map(({ name, operations }) => ({ name: `${table.label} ${name.toLowerCase()}`, value: webhookActivation(table.name, operations) }));
  const properties: TemplateProperty[] = [
    inboundTypeProperty(WEBHOOK_TYPE),
    { id: 'inbound.method', type: 'Hidden', value: 'post', binding: connectorProperty('inbound.method') },
    {
      id: 'inbound.context',
      label: 'Webhook ID',
      description: 'The last part of the webhook URL <code>&lt;connectors base URL&gt;/inbound/&lt;ID&gt;</code>; give the same ID to <code>servicenow-artifacts --webhook-id</code>. The events of one process may share an ID; another process needs its own (the runtime activates one process per ID, the other waits until it is undeployed).',
      group: 'endpoint',
      type: 'String',
      value: defaultWebhookId(table.name),
      binding: connectorProperty('inbound.context'),
      constraints: { notEmpty: true, pattern: { value: '^[a-zA-Z0-9]+([-_][a-zA-Z0-9]+)*$', message: 'can only contain letters, numbers, or single underscores/hyphens and cannot begin or end with an underscore/hyphen.' } }
    },
    { id: 'inbound.shouldValidateHmac', type: 'Hidden', value: 'enabled', binding: connectorProperty('inbound.shouldValidateHmac') },
    {
      id: 'inbound.hmacSecret',
      label: 'HMAC secret',
      description: `The shared secret ServiceNow signs with (system property <code>${WEBHOOK_SECRET_PROPERTY}</code>). Keep the <code>{{secrets.NAME}}</code> placeholder and create the secret in your cluster.`,
      group: 'authentication',
      type: 'String',
      // The runtime reads the key as the text written, secrets replaced, never as FEEL (connectors
      // WebhookConnectorProperties.hmacSecret has no @FEEL; HttpWebhookExecutable.activate hands it to the
      // HMACVerifier as is): "=secrets.X" would sign with those ten characters and refuse every event.
      value: `{{secrets.${WEBHOOK_SECRET_NAME}}}`,
      binding: connectorProperty('inbound.hmacSecret'),
      constraints: { notEmpty: true, pattern: { value: '^[^=]', message: 'is read as text, never as FEEL: write the key itself or a {{secrets.NAME}} placeholder, without a leading =.' } }
    },
    { id: 'inbound.hmacHeader', type: 'Hidden', value: SIGNATURE_HEADER, binding: connectorProperty('inbound.hmacHeader') },
    { id: 'inbound.hmacAlgorithm', type: 'Hidden', value: 'sha_256', binding: connectorProperty('inbound.hmacAlgorithm') },
    { id: 'inbound.auth.type', type: 'Hidden', value: 'NONE', binding: connectorProperty('inbound.auth.type') },
    {
      // Bound to the activation condition itself: a helper zeebe:property would count among the properties the
      // runtime groups elements by (InboundConnectorDetailsUtil.extractRawProperties), so a "created" start and an
      // "updated" catch on one webhook ID could not share it.
      id: 'serviceNowEvent',
      label: 'Event',
      group: 'activation',
      type: 'Dropdown',
      value: eventChoices[0]?.value,
      choices: eventChoices,
      binding: connectorProperty('activationCondition')
    },
    // A request for another table or operation is answered 200 and dropped, not retried by ServiceNow.
    { id: 'consumeUnmatchedEvents', type: 'Hidden', value: true, binding: connectorProperty('consumeUnmatchedEvents') },
    // The events of one process on one webhook ID share its endpoint, each taking the requests its activation
    // condition matches. Without a mode each element is an executable of its own, and the second one registered
    // on the same ID only stands by, health DOWN (connectors 8.8.16 InboundConnectorElement.deduplicationId,
    // WebhookConnectorRegistry.register, WebhookExecutables.markAsDownAndAdd; unchanged in 8.9.7).
    { id: 'deduplicationModeAuto', type: 'Hidden', value: 'AUTO', binding: connectorProperty('deduplicationMode') },
    ...correlation,
    // One message per record version: a resent request (same sys_mod_count) is a duplicate.
    { id: 'messageIdExpression', type: 'Hidden', value: '=request.body.table + ":" + request.body.sys_id + ":" + string(request.body.sys_mod_count)', binding: connectorProperty('messageIdExpression') },
    {
      id: 'messageTtl',
      label: 'Message TTL',
      // The runtime's default: InboundConnectorRuntimeConfiguration `camunda.connector.inbound.message.ttl:PT1H` (connectors 8.8.16, 8.9.7).
      description: 'How long an event waits for a process that is not waiting yet (ISO-8601, e.g. PT10M); empty: the runtime\'s default, PT1H unless <code>camunda.connector.inbound.message.ttl</code> sets another.',
      group: 'correlation',
      type: 'String',
      // The runtime reads the raw text with Duration.parse when it registers the process, never as FEEL, and
      // a failure leaves every connector of that process inactive (connectors 8.8.16
      // ProcessDefinitionInspector.getCorrelationPointCatchEvent, ProcessStateStoreImpl.newlyDeployed). So no FEEL
      // toggle (the Modeler skips the pattern for FEEL), and optional: the Modeler writes a non-optional empty
      // zeebe:property as value="" (bpmn-js-element-templates createZeebeProperty, shouldUpdate), which Duration.parse refuses.
      optional: true,
      binding: connectorProperty('messageTtl'),
      constraints: { notEmpty: false, pattern: { value: `^(${JAVA_DURATION})?$`, message: 'must be an ISO-8601 duration of days, hours, minutes or seconds, such as PT1H or P1D.' } }
    },
    messageNameProperty(),
    {
      id: 'resultVariable',
      label: 'Result variable',
      // The runtime stores the whole correlation context, WebhookTriggerResultContext {request, connectorData,
      // documents} (connectors 8.8.16 InboundWebhookRestController.toWebhookTriggerResultContext,
      // ConnectorResultHandler.createOutputVariables), not the request alone.
      description: 'Stores what the webhook received in this process variable: <code>request</code> (<code>body</code>, <code>headers</code>, <code>params</code>), <code>connectorData</code> and <code>documents</code>; the record is <code>&lt;variable&gt;.request.body.record</code>.',
      group: 'output',
      type: 'String',
      binding: connectorProperty('resultVariable')
    },
    {
      id: 'resultExpression',
      label: 'Result expression',
      description: 'Maps the request to process variables; the record is <code>request.body.record</code>.',
      group: 'output',
      type: 'Text',
      ...feelDefault(`={${names.sysId}: request.body.sys_id, ${stem}Record: request.body.record, ${stem}Operation: request.body.operation}`),
      binding: connectorProperty('resultExpression')
    }
  ];
  const suffix = { start: 'start', intermediate: 'intermediate', boundary: 'boundary' }[kind];
  return inboundEnvelope({
    id: `${options.idPrefix}.${table.name}.event.${suffix}`,
    name: `ServiceNow: ${table.label} created/updated${kind === 'start' ? '' : kind === 'boundary' ? ' (boundary)' : ' (catch)'}`,
    description: `${kind === 'start' ? 'Starts a process' : 'Continues'} when a ${table.label} record is created or updated in ServiceNow; the Business Rules of camunda-servicenow servicenow-artifacts send the signed record.`,
    keywords: ['servicenow', table.name, table.label.toLowerCase(), 'webhook', 'event', 'created', 'updated'],
    kind,
    version: options.version,
    metadata: { ...toFieldIndex(table), inbound: 'webhook' },
    groups: [
      { id: 'endpoint', label: 'Webhook' },
      { id: 'authentication', label: 'Signature' },
      { id: 'activation', label: 'Event' },
      { id: 'correlation', label: kind === 'start' ? 'Message' : 'Record' },
      { id: 'output', label: 'Output mapping' }
    ],
    properties
  });
}
