import { headerBinding, inputBinding } from './operations';
import type { TemplateProperty } from './types';

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
      constraints: { notEmpty: true, pattern: { value: '^\\d+$', message: 'must be a whole number.' } }
    },
    {
      id: 'retryBackoff',
      label: 'Retry backoff',
      description: 'ISO-8601 duration to wait between retries, e.g. PT30S.',
      group: 'retries',
      type: 'String',
      value: 'PT30S',
      binding: headerBinding('retryBackoff'),
      constraints: { notEmpty: true, pattern: { value: '^P(?=\\d|T\\d)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$', message: 'must be an ISO-8601 duration such as PT30S or PT5M.' } }
    }
  ];
}
