import type { Condition, TemplateProperty } from './types';
import { BASE_URL_VARIABLE, headerBinding, inputBinding } from './operations';
import { safeTextPattern } from './patterns';
import { LOWEST_CONNECTOR_RUNTIME } from './runtime';

const INSTANCE_URL_VARIABLE = 'sn_instanceUrl';
/** A ServiceNow instance name, the part before `.service-now.com`. */
const INSTANCE_NAME = '[A-Za-z0-9][A-Za-z0-9-]*';
const URL_CORE = String.raw`(?:https?://|\{\{\s*secrets\.).+`;
const URL_PATTERN = safeTextPattern(URL_CORE, 'must start with https:// (or be a {{secrets.NAME}} placeholder or a FEEL expression)');
const INSTANCE_PATTERN = safeTextPattern(`${INSTANCE_NAME}|${URL_CORE}`, 'must be the instance name (ven1234), its URL (https://ven1234.service-now.com or a custom domain), a {{secrets.NAME}} placeholder holding the full URL, or a FEEL expression');

/** A `{{secrets.NAME}}` placeholder: the connector runtime replaces it, so no credential is ever stored in a diagram. */
function secret(name: string): string {
  return `{{secrets.${name}}}`;
}

/**
 * The instance: a bare name as ServiceNow and Camunda's own connector ask
 * for it (`ven1234` → `https://ven1234.service-now.com`), or a URL, any
 * host, so custom domains work, with trailing slashes dropped so request
 * URLs never contain `//`. `http://` is kept as given (a proxy, an
 * on-premise or test instance may need it); ServiceNow's cloud answers it
 * with a redirect to https://, which the error handling turns into an
 * incident naming that address. A placeholder is replaced only by the
 * connector, after this FEEL ran in Zeebe, so it must hold the full URL.
 */
export function connectionProperties(): TemplateProperty[] {
  const url = INSTANCE_URL_VARIABLE;
  return [
    {
      id: 'instanceUrl',
      label: 'Instance URL',
      description: 'The instance name (<code>ven1234</code> for https://ven1234.service-now.com) or its URL, e.g. a custom domain. A <code>{{secrets.NAME}}</code> placeholder must hold the full URL (https://..., no trailing slash).',
      placeholder: 'ven1234 or https://<instance>.service-now.com',
      group: 'connection',
      type: 'String',
      feel: 'optional',
      binding: inputBinding(url),
      constraints: { notEmpty: true, pattern: INSTANCE_PATTERN }
    },
    {
      id: 'baseUrl',
      type: 'Hidden',
      value: `=if ${url} = null then null else if matches(${url}, "^${INSTANCE_NAME}$") then "https://" + ${url} + ".service-now.com" else replace(${url}, "/+$", "")`,
      binding: inputBinding(BASE_URL_VARIABLE)
    }
  ];
}

const AUTH_TYPE = 'authentication.type';
type AuthType = 'basic' | 'oauth-client-credentials-flow' | 'bearer';

/**
 * The user's choice is bound to a task header and its default (Basic) is
 * stored as the empty value: the properties panel then applies the template
 * with defaults in one pass (bpmn-js-element-templates re-runs the apply for
 * every default that switches more properties on). Hidden inputs, one per
 * choice, give the connector its real `authentication.type`.
 */
const AUTH_CHOICE_HEADER = 'serviceNowAuthType';
const AUTH_TYPES: { name: string; type: AuthType }[] = [
  { name: 'Basic (user name and password)', type: 'basic' },
  { name: 'OAuth 2.0 client credentials', type: 'oauth-client-credentials-flow' },
  { name: 'Bearer token', type: 'bearer' }
];
const DEFAULT_AUTH_TYPE: AuthType = 'basic';

/** The stored dropdown value of an authentication type: empty for the default. */
export function authChoiceValue(type: AuthType): string {
  return type === DEFAULT_AUTH_TYPE ? '' : type;
}

/** Active when the dropdown holds `type` (the default is matched as empty). */
function whenAuth(type: AuthType): Condition {
  return type === DEFAULT_AUTH_TYPE ? { property: AUTH_TYPE, isEmpty: true } : { property: AUTH_TYPE, equals: type };
}

function credential(id: string, label: string, authType: AuthType, secretName: string, description: string): TemplateProperty {
  return {
    id: `authentication.${id}`,
    label,
    description,
    group: 'authentication',
    type: 'String',
    feel: 'optional',
    value: secret(secretName),
    binding: inputBinding(`authentication.${id}`),
    condition: whenAuth(authType),
    constraints: { notEmpty: true, pattern: safeTextPattern() }
  };
}

/**
 * Authentication as the REST connector reads it (`authentication.type` and
 * its type-specific fields). Every credential defaults to a secret placeholder.
 */
export function authenticationProperties(): TemplateProperty[] {
  const secretHint = `Keep the <code>{{secrets.NAME}}</code> placeholder and create the secret in your cluster (connector runtime ${LOWEST_CONNECTOR_RUNTIME} or later: older ones evaluate a secret value starting with = as FEEL).`;
  return [
    {
      id: AUTH_TYPE,
      label: 'Type',
      group: 'authentication',
      type: 'Dropdown',
      value: authChoiceValue(DEFAULT_AUTH_TYPE),
      choices: AUTH_TYPES.map(({ name, type }) => ({ name, value: authChoiceValue(type) })),
      binding: headerBinding(AUTH_CHOICE_HEADER)
    },
    ...AUTH_TYPES.map(({ type }): TemplateProperty => ({
      id: `${AUTH_TYPE}.${type}`,
      type: 'Hidden',
      value: type,
      binding: inputBinding(AUTH_TYPE),
      condition: whenAuth(type)
    })),
    credential('username', 'User name', 'basic', 'SERVICENOW_USERNAME', `A ServiceNow user with the roles the operation needs. ${secretHint}`),
    credential('password', 'Password', 'basic', 'SERVICENOW_PASSWORD', secretHint),
    credential('token', 'Bearer token', 'bearer', 'SERVICENOW_TOKEN', `An OAuth access token. ${secretHint}`),
    {
      id: 'authentication.oauthTokenEndpoint',
      label: 'Token URL',
      description: 'The instance\'s OAuth token endpoint: by default <code>&lt;instance URL&gt;/oauth_token.do</code>. Client credentials need <code>glide.oauth.inbound.client.credential.grant_type.enabled=true</code> on the instance.',
      group: 'authentication',
      type: 'String',
      feel: 'optional',
      value: `=${BASE_URL_VARIABLE} + "/oauth_token.do"`,
      binding: inputBinding('authentication.oauthTokenEndpoint'),
      condition: whenAuth('oauth-client-credentials-flow'),
      constraints: { notEmpty: true, pattern: URL_PATTERN }
    },
    credential('clientId', 'Client ID', 'oauth-client-credentials-flow', 'SERVICENOW_CLIENT_ID', `From the OAuth application registry entry. ${secretHint}`),
    credential('clientSecret', 'Client secret', 'oauth-client-credentials-flow', 'SERVICENOW_CLIENT_SECRET', secretHint),
    {
      id: 'authentication.clientAuthentication',
      label: 'Client authentication',
      description: 'ServiceNow reads the client ID and secret from the form body.',
      group: 'authentication',
      type: 'Dropdown',
      value: 'credentialsBody',
      choices: [
        { name: 'Send client credentials in body', value: 'credentialsBody' },
        { name: 'Send client credentials as Basic auth header', value: 'basicAuthHeader' }
      ],
      binding: inputBinding('authentication.clientAuthentication'),
      condition: whenAuth('oauth-client-credentials-flow')
    },
    {
      id: 'authentication.scopes',
      label: 'Scopes',
      description: 'Optional, space-separated.',
      group: 'authentication',
      type: 'String',
      feel: 'optional',
      binding: inputBinding('authentication.scopes'),
      condition: whenAuth('oauth-client-credentials-flow'),
      constraints: { pattern: safeTextPattern() }
    }
  ];
}
