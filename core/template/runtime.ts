import { headerBinding, inputBinding } from './operations';
import { JAVA_DURATION } from './java-duration';
import type { TemplateProperty } from './types';

/**
 * The lowest connector runtime the templates are proven for. The request
 * proof models 8.8.16 and 8.9.7; the input list (HttpJsonFunction), the
 * secret replacement (SecretUtil) and the status handling are the same from
 * 8.8.0. Before 8.8.7 the job's variables were bound with an object mapper
 * that evaluates `@FEEL` fields (OutboundConnectorRuntimeConfiguration took
 * the FEEL-enabled mapper; 8.8.7 added `outboundConnectorObjectMapper` with
 * `JacksonModuleFeelFunction(false)`), so a secret whose value starts with
 * `=` is evaluated as FEEL: a password such as `=abc` turns into null or
 * fails the job. Only 8.8.16 and 8.9.7 refuse an output over 1.5 MB
 * (InlineSizeGuard); older ones hand it to Zeebe, which rejects the
 * completion above its message size.
 */
export const LOWEST_CONNECTOR_RUNTIME = '8.8.7';

/** The REST connector's job type. */
export const REST_CONNECTOR_TYPE = 'io.camunda:http-json:1';

/** The job type and the template id/version headers the connector runtime tags its metrics with. */
export function taskProperties(templateId: string, version: number): TemplateProperty[] {
  return [
    { type: 'Hidden', value: REST_CONNECTOR_TYPE, binding: { type: 'zeebe:taskDefinition', property: 'type' } },
    { type: 'Hidden', value: templateId, binding: headerBinding('elementTemplateId') },
    { type: 'Hidden', value: String(version), binding: headerBinding('elementTemplateVersion') }
  ];
}

function timeout(id: string, label: string, description: string): TemplateProperty {
  return {
    id,
    label,
    description,
    group: 'timeout',
    type: 'Number',
    feel: 'static',
    value: 20,
    binding: inputBinding(id),
    constraints: { notEmpty: true }
  };
}

export function timeoutProperties(): TemplateProperty[] {
  return [
    timeout('connectionTimeoutInSeconds', 'Connection timeout (seconds)', '0 waits forever.'),
    timeout('readTimeoutInSeconds', 'Read timeout (seconds)', 'Time to wait for the response; 0 waits forever.')
  ];
}

/**
 * A number of retries Zeebe keeps as written: it evaluates the attribute as
 * a long (BpmnJobBehavior.evalRetriesExp, a static text read by
 * StaticExpression as a BigDecimal) and stores `intValue()` in the job
 * record, so 2147483648 became -2147483648 retries and 4294967299 became 3.
 * 0 to 2147483647, leading zeros allowed.
 */
const JOB_RETRIES = '0*(?:\\d{1,9}|1\\d{9}|20\\d{8}|21[0-3]\\d{7}|214[0-6]\\d{6}|2147[0-3]\\d{5}|21474[0-7]\\d{4}|214748[0-2]\\d{3}|2147483[0-5]\\d{2}|21474836[0-3]\\d|214748364[0-7])';

/** Retries and backoff as the connector runtime reads them (task definition retries, `retryBackoff` header). */
export function retryProperties(): TemplateProperty[] {
  return [
    {
      id: 'retryCount',
      label: 'Retries',
      description: 'How often a failed request is tried again before an incident is raised.',
      group: 'retries',
      type: 'String',
      value: '3',
      binding: { type: 'zeebe:taskDefinition', property: 'retries' },
      constraints: { notEmpty: true, pattern: { value: `^${JOB_RETRIES}$`, message: 'must be a whole number of at most 2147483647.' } }
    },
    {
      id: 'retryBackoff',
      label: 'Retry backoff',
      description: 'ISO-8601 duration to wait between retries, e.g. PT30S.',
      group: 'retries',
      type: 'String',
      value: 'PT30S',
      binding: headerBinding('retryBackoff'),
      constraints: { notEmpty: true, pattern: { value: `^${JAVA_DURATION}$`, message: 'must be an ISO-8601 duration such as PT30S or PT5M.' } }
    }
  ];
}
