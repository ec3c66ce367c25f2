/**
 * What the ServiceNow side sends to a webhook template: one home for the
 * names both the templates and the generated Script Include use.
 */
export type RecordOperation = 'insert' | 'update';

/** The header carrying the Base64 HMAC-SHA256 of the raw body (the connector also accepts Base64: `HMACSignatureValidator`). */
export const SIGNATURE_HEADER = 'X-ServiceNow-Signature';
/** The ServiceNow system property the Script Include signs with. */
export const WEBHOOK_SECRET_PROPERTY = 'camunda.webhook.secret';
/** The cluster secret the webhook templates verify with. */
export const WEBHOOK_SECRET_NAME = 'SERVICENOW_WEBHOOK_SECRET';

/** The JSON body the Business Rules POST. */
export interface RecordEvent {
  table: string;
  operation: RecordOperation;
  sys_id: string;
  sys_mod_count: string;
  /** Stored values of the record's fields. */
  record: Record<string, string>;
}
