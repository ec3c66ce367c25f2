import { inputBinding, OPERATIONS, whenOperation, WRITE_OPERATIONS } from './operations';
import type { TemplateProperty } from './types';

/**
 * The REST connector's job fetches its input variables by name (8.8:
 * url, method, authentication, headers, queryParameters, skipEncoding,
 * connectionTimeoutInSeconds, readTimeoutInSeconds, writeTimeoutInSeconds,
 * body, storeResponse, groupSetCookieHeaders, ignoreNullValues; 8.9 drops
 * writeTimeoutInSeconds and adds followRedirects: connectors
 * HttpJsonFunction.java `inputVariables`), and Zeebe resolves a name the
 * task does not map from the process: a process variable `body` would be
 * sent, `followRedirects` would follow a login redirect. So every operation
 * maps every one of them; these are the ones the request itself does not
 * need. Placed after the timeouts, which `writeTimeoutInSeconds` reads.
 */
export function unusedConnectorInputProperties(): TemplateProperty[] {
  const fixed = (name: string, value: string): TemplateProperty => ({ id: `connector.${name}`, type: 'Hidden', value, binding: inputBinding(name) });
  const readOnly = OPERATIONS.filter((operation) => !WRITE_OPERATIONS.includes(operation));
  return [
    { id: 'body.none', type: 'Hidden', value: '=null', binding: inputBinding('body'), condition: whenOperation(...readOnly) },
    { id: 'queryParameters.delete', type: 'Hidden', value: '={}', binding: inputBinding('queryParameters'), condition: whenOperation('delete') },
    fixed('skipEncoding', 'false'),
    fixed('storeResponse', '=false'),
    fixed('groupSetCookieHeaders', '=false'),
    fixed('ignoreNullValues', '=false'),
    fixed('followRedirects', '=false'),
    fixed('writeTimeoutInSeconds', '=readTimeoutInSeconds')
  ];
}
