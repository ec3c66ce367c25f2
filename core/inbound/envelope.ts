import { DOCUMENTATION_REF, envelope } from '../template/build-template';
import type { ServiceNowTemplateMetadata } from '../template/field-index';
import type { ElementTemplate, TemplateGroup, TemplateProperty } from '../template/types';

/** The events an inbound template applies to. */
export type InboundKind = 'start' | 'intermediate' | 'boundary';

/**
 * appliesTo and elementType per kind, as the official inbound templates
 * declare them (connectors 8.8 `HttpPollingConnector` / webhook element
 * templates): a message event definition carries the correlation.
 */
const ELEMENT: Record<InboundKind, { appliesTo: string[]; value: string }> = {
  start: { appliesTo: ['bpmn:StartEvent'], value: 'bpmn:StartEvent' },
  intermediate: { appliesTo: ['bpmn:IntermediateCatchEvent', 'bpmn:IntermediateThrowEvent'], value: 'bpmn:IntermediateCatchEvent' },
  boundary: { appliesTo: ['bpmn:BoundaryEvent'], value: 'bpmn:BoundaryEvent' }
};

export interface InboundParts {
  id: string;
  name: string;
  description: string;
  keywords: string[];
  kind: InboundKind;
  version: number;
  metadata: ServiceNowTemplateMetadata;
  groups: TemplateGroup[];
  properties: TemplateProperty[];
}

/** The top-level keys of an inbound template: the table templates' envelope on a message event. */
export function inboundEnvelope(parts: InboundParts): ElementTemplate {
  const element = ELEMENT[parts.kind];
  const { kind: _kind, ...shared } = parts;
  return envelope({ ...shared, keywords: [...new Set(parts.keywords)] }, DOCUMENTATION_REF, {
    appliesTo: element.appliesTo,
    elementType: { value: element.value, eventDefinition: 'bpmn:MessageEventDefinition' }
  });
}
