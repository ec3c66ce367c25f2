import { inputBinding, OPERATIONS, whenOperation, WRITE_OPERATIONS } from './operations';
import type { TemplateProperty } from './types';

/**
 * The REST connector's job fetches its input variables by name (8.8:
 * url, method, authentication, headers, queryParameters, skipEncoding,
 * connectionTimeoutInSeconds, readTimeoutInSeconds, writeTimeoutInSeconds,
 * body, storeResponse, groupSetCookieHeaders, ignoreNullValues; 8.9 drops
 * writeTimeoutInSeconds and adds followRedirects; 8.10.0-alpha4 adds
 * clientTls, documentReturnFormat and authenticationConfiguration: connectors
 * HttpJsonFunction.java `inputVariables`), and Zeebe resolves a name the
 * task does not map from the process: a process variable `body` would be
 * sent, `followRedirects` would follow a login redirect. So every operation
 * maps every one of them; these are the ones the request itself does not
 * need. Placed after the timeouts, which `writeTimeoutInSeconds` reads.
 */
export function unusedConnectorInputProperties(): TemplateProperty[] {
  const readOnly = OPERATIONS.filter((operation) => !WRITE_OPERATIONS.includes(operation));
  return [
    { id: 'body.none', type: 'Hidden', value: '=null', binding: inputBinding('body'), condition: whenOperation(...readOnly) },
    { id: 'queryParameters.delete', type: 'Hidden', value: '={}', binding: inputBinding('queryParameters'), condition: whenOperation('delete') },
    ...constantConnectorInputProperties()
  ];
}

/**
 * The connector inputs no ServiceNow request varies, each mapped to its
 * off value; `storeResponse: false` leaves that one to the caller (the
 * attachment download stores its answer as a document). The 8.10 inputs are
 * null, which 8.10 reads as absent: no client certificate, the template's own
 * `authentication` (a bound `authenticationConfiguration` replaces it,
 * HttpJsonRequest.java `getAuthentication`) and the answer through
 * `storeResponse` as on 8.8 and 8.9 (JobHandlerContext.java
 * `readDocumentReturnFormat`: a null variable takes the legacy path); older
 * runtimes never fetch them.
 */
export function constantConnectorInputProperties(options: { storeResponse?: boolean } = {}): TemplateProperty[] {
  const fixed = (name: string, value: string): TemplateProperty => ({ id: `connector.${name}`, type: 'Hidden', value, binding: inputBinding(name) });
  return [
    fixed('skipEncoding', 'false'),
    ...(options.storeResponse === false ? [] : [fixed('storeResponse', '=false')]),
    fixed('groupSetCookieHeaders', '=false'),
    fixed('ignoreNullValues', '=false'),
    fixed('followRedirects', '=false'),
    fixed('writeTimeoutInSeconds', '=readTimeoutInSeconds'),
    fixed('clientTls', '=null'),
    fixed('documentReturnFormat', '=null'),
    fixed('authenticationConfiguration', '=null')
  ];
}
