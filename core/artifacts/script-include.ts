import { SIGNATURE_HEADER, WEBHOOK_SECRET_PROPERTY } from '../inbound/webhook-payload';
import { fieldType, fieldTypeNames } from '../metadata/field-types';

/** The Script Include's name (its API name in the global scope). */
export const SCRIPT_INCLUDE_NAME = 'CamundaClient';

/** The column types that hold a password, one-way hashed or encrypted (sys_user.user_password, password2 columns). */
function passwordTypes(): string[] {
  return fieldTypeNames().filter((type) => fieldType(type).input === 'secret');
}

/**
 * The Script Include, in ES5 as ServiceNow's server-side engine requires.
 * One object for both directions:
 * - `sendRecord(gr, operation, webhookId)`: the Business Rules' webhook call,
 *   the record's stored values as JSON, signed with HMAC-SHA256 over the
 *   exact body (what `HMACSignatureValidator` recomputes) and sent Base64 in
 *   the signature header, which the validator accepts as is;
 * - the Orchestration Cluster REST API v2 (paths and bodies as in
 *   `@camunda8/orchestration-cluster-api` 8.8, generated from the published
 *   OpenAPI): create process instance `POST /v2/process-instances`, publish
 *   `POST /v2/messages/publication` (buffered for `timeToLive` ms), correlate
 *   `POST /v2/messages/correlation`, broadcast `POST /v2/signals/broadcast`,
 *   cancel `POST /v2/process-instances/{key}/cancellation`; each with a
 *   client-credentials token, reused until shortly before it expires.
 * Every secret comes from a system property at call time.
 */
export function scriptIncludeSource(): string {
  return `var ${SCRIPT_INCLUDE_NAME} = Class.create();

${SCRIPT_INCLUDE_NAME}.SIGNATURE_HEADER = '${SIGNATURE_HEADER}';
${SCRIPT_INCLUDE_NAME}.JSON_TYPE = 'application/json; charset=utf-8';
/** Renew a token this many seconds before it expires. */
${SCRIPT_INCLUDE_NAME}.TOKEN_LEEWAY_SECONDS = 30;
/** Tokens of this script engine, by token URL and client: reused by every call in the same transaction. */
${SCRIPT_INCLUDE_NAME}.tokens = {};
/** Column types whose stored value (a password hash or ciphertext) never leaves the instance. */
${SCRIPT_INCLUDE_NAME}.PASSWORD_TYPES = ${JSON.stringify(Object.fromEntries(passwordTypes().map((type) => [type, true])))};

${SCRIPT_INCLUDE_NAME}.prototype = {
  initialize: function () {
    this.timeoutMs = parseInt(gs.getProperty('camunda.http.timeout_ms', '10000'), 10) || 10000;
  },

  /** POSTs the record to the webhook <camunda.webhook.base_url>/inbound/<webhookId>, signed. Returns the HTTP status. */
  sendRecord: function (gr, operation, webhookId) {
    var body = this._json({
      table: String(gr.getTableName()),
      operation: String(operation),
      sys_id: String(gr.getUniqueValue()),
      sys_mod_count: String(gr.getValue('sys_mod_count') || '0'),
      record: this._storedValues(gr)
    });
    var secret = this._required('${WEBHOOK_SECRET_PROPERTY}');
    var signature = new GlideCertificateEncryption().generateMac(this._base64Utf8(secret), 'HmacSHA256', body);
    var headers = { 'Content-Type': ${SCRIPT_INCLUDE_NAME}.JSON_TYPE };
    headers[${SCRIPT_INCLUDE_NAME}.SIGNATURE_HEADER] = signature;
    var url = this._trimSlash(this._required('camunda.webhook.base_url')) + '/inbound/' + encodeURIComponent(webhookId);
    return this._send('post', url, headers, body).status;
  },

  /** Starts the latest version of a process; returns the creation result (processInstanceKey, ...). */
  startProcessInstance: function (processDefinitionId, variables, tenantId) {
    var body = { processDefinitionId: String(processDefinitionId), variables: variables || {} };
    if (tenantId) body.tenantId = String(tenantId);
    return this._api('/v2/process-instances', body);
  },

  /** Publishes a message, buffered for timeToLiveMs (0: correlate now or drop); messageId makes a retry a no-op. */
  publishMessage: function (name, correlationKey, variables, timeToLiveMs, messageId, tenantId) {
    var body = { name: String(name), correlationKey: String(correlationKey || ''), timeToLive: Number(timeToLiveMs || 0), variables: variables || {} };
    if (messageId) body.messageId = String(messageId);
    if (tenantId) body.tenantId = String(tenantId);
    return this._api('/v2/messages/publication', body);
  },

  /** Correlates a message to a waiting process now; fails (404) when none waits. */
  correlateMessage: function (name, correlationKey, variables, tenantId) {
    var body = { name: String(name), correlationKey: String(correlationKey || ''), variables: variables || {} };
    if (tenantId) body.tenantId = String(tenantId);
    return this._api('/v2/messages/correlation', body);
  },

  broadcastSignal: function (signalName, variables, tenantId) {
    var body = { signalName: String(signalName), variables: variables || {} };
    if (tenantId) body.tenantId = String(tenantId);
    return this._api('/v2/signals/broadcast', body);
  },

  cancelProcessInstance: function (processInstanceKey) {
    return this._api('/v2/process-instances/' + encodeURIComponent(String(processInstanceKey)) + '/cancellation', {});
  },

  _api: function (path, body) {
    var url = this._trimSlash(this._required('camunda.api.base_url')) + path;
    var headers = { 'Content-Type': ${SCRIPT_INCLUDE_NAME}.JSON_TYPE, 'Accept': 'application/json', 'Authorization': 'Bearer ' + this._token() };
    var response = this._send('post', url, headers, this._json(body));
    if (response.status < 200 || response.status > 299) {
      throw new Error(this._failure('Camunda ' + path, response) + (response.body ? ': ' + response.body : ''));
    }
    return response.body ? JSON.parse(response.body) : {};
  },

  _token: function () {
    var tokenUrl = this._required('camunda.oauth.token_url');
    var clientId = this._required('camunda.oauth.client_id');
    var cacheKey = tokenUrl + ' ' + clientId;
    var cached = ${SCRIPT_INCLUDE_NAME}.tokens[cacheKey];
    var now = new Date().getTime();
    if (cached && cached.expiresAt > now) return cached.accessToken;
    var form = 'grant_type=client_credentials&client_id=' + encodeURIComponent(clientId) +
      '&client_secret=' + encodeURIComponent(this._required('camunda.oauth.client_secret'));
    var audience = gs.getProperty('camunda.oauth.audience', '');
    var scope = gs.getProperty('camunda.oauth.scope', '');
    if (audience) form += '&audience=' + encodeURIComponent(audience);
    if (scope) form += '&scope=' + encodeURIComponent(scope);
    var response = this._send('post', tokenUrl, { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' }, form);
    if (response.status !== 200) throw new Error(this._failure('Camunda token request', response));
    var token = JSON.parse(response.body);
    var lifetime = Number(token.expires_in || 0) - ${SCRIPT_INCLUDE_NAME}.TOKEN_LEEWAY_SECONDS;
    ${SCRIPT_INCLUDE_NAME}.tokens[cacheKey] = { accessToken: token.access_token, expiresAt: now + Math.max(lifetime, 0) * 1000 };
    return token.access_token;
  },

  _send: function (method, url, headers, body) {
    var request = new sn_ws.RESTMessageV2();
    request.setHttpMethod(method);
    request.setEndpoint(url);
    request.setHttpTimeout(this.timeoutMs);
    for (var name in headers) {
      if (headers.hasOwnProperty(name)) request.setRequestHeader(name, headers[name]);
    }
    request.setRequestBody(body);
    var what = 'Camunda: ' + method.toUpperCase() + ' ' + url;
    var response;
    try {
      // The API reference: execute() "might throw exception if http connection timed out".
      response = request.execute();
    } catch (e) {
      gs.error(what + ' failed: ' + (e && e.message ? e.message : e));
      return { status: 0, body: '', error: String(e && e.message ? e.message : e) };
    }
    var status = response.getStatusCode();
    if (response.haveError() && status === 0) {
      gs.error(what + ' failed: ' + response.getErrorMessage());
      return { status: 0, body: '', error: String(response.getErrorMessage()) };
    } else if (status < 200 || status > 299) {
      gs.warn(what + ' answered ' + status);
    }
    return { status: status, body: String(response.getBody() || '') };
  },

  /**
   * JSON.stringify replacer: a record field passed as a variable (current.number, not current.getValue('number'))
   * is a GlideElement, a platform object and no JSON value; it goes as its stored value, the string it converts to.
   */
  _fieldValues: function (key, value) {
    return value !== null && typeof value === 'object' && typeof value.getDisplayValue === 'function' && typeof value.getED === 'function' ? String(value) : value;
  },

  /** Why a call failed, for the error a caller sees: the transport's message, or the HTTP status. */
  _failure: function (what, response) {
    return what + (response.status === 0 ? ' failed: ' + response.error : ' answered ' + response.status);
  },

  /**
   * JSON in ASCII only: every other character as its \\u escape, which every
   * JSON reader turns back into the same text. The webhook's HMAC is checked
   * over the raw body bytes, so the bytes must not depend on the charset the
   * HTTP client or the MAC function encodes a string with.
   */
  _json: function (value) {
    return JSON.stringify(value, this._fieldValues).replace(/[\\u007f-\\uffff]/g, function (c) {
      return '\\\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4);
    });
  },

  /**
   * Base64 of the text's UTF-8 bytes, the key generateMac takes: the connector
   * keys its HMAC with the secret's UTF-8 bytes, and the platform's own
   * base64Encode documents no charset for characters beyond ASCII.
   */
  _base64Utf8: function (text) {
    var bytes = encodeURIComponent(String(text)).replace(/%([0-9A-F]{2})/g, function (match, hex) {
      return String.fromCharCode(parseInt(hex, 16));
    });
    var alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    var out = '';
    for (var i = 0; i < bytes.length; i += 3) {
      var n = (bytes.charCodeAt(i) << 16) | ((bytes.charCodeAt(i + 1) || 0) << 8) | (bytes.charCodeAt(i + 2) || 0);
      out += alphabet.charAt((n >> 18) & 63) + alphabet.charAt((n >> 12) & 63) +
        (i + 1 < bytes.length ? alphabet.charAt((n >> 6) & 63) : '=') + (i + 2 < bytes.length ? alphabet.charAt(n & 63) : '=');
    }
    return out;
  },

  /**
   * The record's stored values by field name, password columns left out: their value is a hash or ciphertext that
   * Camunda has no use for and would keep in process variables (getED().getInternalType() is the column's type).
   * getFields() is what the global GlideRecord API documents, a Java ArrayList (getElements() is the scoped API's).
   */
  _storedValues: function (gr) {
    var values = {};
    var fields = gr.getFields();
    for (var i = 0; i < fields.size(); i++) {
      var element = fields.get(i);
      if (${SCRIPT_INCLUDE_NAME}.PASSWORD_TYPES.hasOwnProperty(String(element.getED().getInternalType()))) continue;
      values[String(element.getName())] = String(element.toString());
    }
    return values;
  },

  _required: function (name) {
    var value = gs.getProperty(name, '');
    if (!value) throw new Error('Camunda: set the system property ' + name);
    return String(value);
  },

  _trimSlash: function (url) {
    return url.charAt(url.length - 1) === '/' ? url.substring(0, url.length - 1) : url;
  },

  type: '${SCRIPT_INCLUDE_NAME}'
};
`;
}
