/**
 * What the REST connector job receives. The job worker fetches only the
 * connector's input variables, by name (connector-runtime
 * OutboundConnectorManager: `setFetchVariables(connector.inputVariables())`),
 * and Zeebe resolves each name from the task's local scope up through its
 * parent scopes: a process variable named like an input the task does not
 * map fills it.
 */

export type ConnectorRuntime = '8.8' | '8.9' | '8.10';

/**
 * `@OutboundConnector(inputVariables = ...)` of
 * connectors/http/rest/src/main/java/io/camunda/connector/http/rest/HttpJsonFunction.java:30,
 * the same from 8.8.0 to 8.8.16 and from 8.9.0 to 8.9.7. 8.10.0-alpha4 adds
 * `clientTls` (mTLS, camunda/connectors#7551), `authenticationConfiguration`
 * (a bound credential that replaces `authentication`: HttpJsonRequest.java
 * `getAuthentication`, #7741) and `documentReturnFormat` (the response as a
 * document, text or JSON instead of `storeResponse`: JobHandlerContext.java
 * `readDocumentReturnFormat`, #7554).
 */
export const CONNECTOR_INPUTS: Record<ConnectorRuntime, readonly string[]> = {
  '8.8': ['url', 'method', 'authentication', 'headers', 'queryParameters', 'skipEncoding', 'connectionTimeoutInSeconds', 'readTimeoutInSeconds', 'writeTimeoutInSeconds', 'body', 'storeResponse', 'groupSetCookieHeaders', 'ignoreNullValues'],
  '8.9': ['url', 'method', 'authentication', 'headers', 'queryParameters', 'skipEncoding', 'connectionTimeoutInSeconds', 'readTimeoutInSeconds', 'body', 'storeResponse', 'groupSetCookieHeaders', 'ignoreNullValues', 'followRedirects'],
  '8.10': ['url', 'method', 'authentication', 'clientTls', 'headers', 'queryParameters', 'skipEncoding', 'connectionTimeoutInSeconds', 'readTimeoutInSeconds', 'body', 'storeResponse', 'documentReturnFormat', 'groupSetCookieHeaders', 'ignoreNullValues', 'followRedirects', 'authenticationConfiguration']
};

/** Every name either runtime fetches: the inputs a template must map itself. */
export const ALL_CONNECTOR_INPUTS: readonly string[] = [...new Set(Object.values(CONNECTOR_INPUTS).flat())];

/** The fetched variables: a local (input mapping target) shadows a process variable of that name, even when null. */
export function fetchConnectorInputs(locals: Record<string, unknown>, processVariables: Record<string, unknown>, runtime: ConnectorRuntime): Record<string, unknown> {
  const fetched: Record<string, unknown> = {};
  for (const name of CONNECTOR_INPUTS[runtime]) {
    if (name in locals) fetched[name] = locals[name];
    else if (name in processVariables) fetched[name] = processVariables[name];
  }
  return fetched;
}

/** Process variables named like every input of both runtimes, each set to something that would change the request or result. */
export const HOSTILE_PROCESS_VARIABLES: Readonly<Record<string, unknown>> = {
  url: 'https://attacker.example.com/api',
  method: 'PUT',
  authentication: { type: 'noAuth' },
  headers: { Accept: 'text/html', 'X-Injected': 'yes' },
  queryParameters: { sysparm_query: 'active=false', sysparm_limit: '100000' },
  skipEncoding: 'true',
  connectionTimeoutInSeconds: 1,
  readTimeoutInSeconds: 1,
  writeTimeoutInSeconds: 1,
  body: { short_description: 'from a process variable' },
  storeResponse: true,
  groupSetCookieHeaders: true,
  ignoreNullValues: true,
  followRedirects: true,
  clientTls: { clientCertificate: '-----BEGIN CERTIFICATE-----', clientPrivateKey: '-----BEGIN PRIVATE KEY-----' },
  documentReturnFormat: { choice: 'DOCUMENT' },
  authenticationConfiguration: { authentication: { type: 'noAuth' } }
};
