/** The event templates (ServiceNow → Camunda) and what the ServiceNow side must send them. */
export { buildWaitTemplate, recordQuery, HTTP_POLLING_TYPE, WAIT_QUERY_PROPERTY_ID, RECORD_RETURNED } from './wait-template';
export { buildWebhookTemplate, defaultWebhookId, webhookActivation, WEBHOOK_TYPE } from './webhook-template';
export { WAIT_EXAMPLES, type WaitExample } from './wait-examples';
export { SIGNATURE_HEADER, WEBHOOK_SECRET_NAME, type RecordEvent, type RecordOperation } from './webhook-payload';
export type { InboundKind } from './envelope';
export { inboundTemplatePlans, type InboundTemplatePlan } from './inbound-templates';
export { checkRecordQuery, checkWaitQuery, recordQueryProperty, recordQueryWithSysId, sysparmQueryEntry } from './record-query';
export { isInboundTemplate, isWaitTemplate } from './template-kind';
