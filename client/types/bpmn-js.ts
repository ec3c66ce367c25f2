/**
 * bpmn-js, diagram-js and the properties panel ship no typings for their
 * services (modeling, commandStack, elementTemplates, ...): `Service` names
 * that, in one place, instead of `any` scattered through the plugin.
 */
import type { ModdleElement } from '../../lint/diagram/zeebe';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Service = any;

/** A diagram-js shape or connection. */
export interface DiagramElement {
  id: string;
  type: string;
  businessObject: ModdleElement;
  [key: string]: unknown;
}
