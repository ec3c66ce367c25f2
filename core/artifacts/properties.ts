import { WEBHOOK_SECRET_PROPERTY } from '../inbound/webhook-payload';

/**
 * The system properties the generated Script Include reads. The update set
 * creates them empty (secrets as password2, which ServiceNow stores
 * encrypted); the admin fills them in. One home for their names.
 */
export interface SystemProperty {
  name: string;
  description: string;
  type: 'string' | 'password2' | 'integer';
}

export const PROPERTY_PREFIX = 'camunda.';

export const SYSTEM_PROPERTIES: SystemProperty[] = [
  { name: 'camunda.webhook.base_url', type: 'string', description: 'Base URL of the Camunda connectors runtime that hosts the webhooks, without /inbound (SaaS: https://<region>.connectors.camunda.io/<cluster id>; Self-Managed: e.g. https://connectors.example.com).' },
  { name: WEBHOOK_SECRET_PROPERTY, type: 'password2', description: 'Shared secret the records are signed with (HMAC-SHA256). The same value as the cluster secret SERVICENOW_WEBHOOK_SECRET.' },
  { name: 'camunda.api.base_url', type: 'string', description: 'Orchestration Cluster REST API base URL, without /v2 (SaaS: https://<region>.zeebe.camunda.io/<cluster id>; Self-Managed: e.g. https://camunda.example.com).' },
  { name: 'camunda.oauth.token_url', type: 'string', description: 'OAuth token endpoint (SaaS: https://login.cloud.camunda.io/oauth/token; Self-Managed: the identity provider\'s, e.g. https://keycloak.example.com/auth/realms/camunda-platform/protocol/openid-connect/token).' },
  { name: 'camunda.oauth.client_id', type: 'string', description: 'Client ID of the Camunda API client.' },
  { name: 'camunda.oauth.client_secret', type: 'password2', description: 'Client secret of the Camunda API client.' },
  { name: 'camunda.oauth.audience', type: 'string', description: 'Token audience (SaaS: zeebe.camunda.io; Self-Managed: as configured, often orchestration-api). Empty: none sent.' },
  { name: 'camunda.oauth.scope', type: 'string', description: 'Token scope, if the identity provider needs one. Empty: none sent.' },
  { name: 'camunda.http.timeout_ms', type: 'integer', description: 'HTTP timeout in milliseconds for every call (default 10000).' }
];
