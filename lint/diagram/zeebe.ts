/**
 * Reading the Zeebe extension elements a template writes (inputs, task
 * headers) from a business object. Works on plain moddle elements, so the
 * lint rule (Node and browser) and the panel share it.
 */

/** A moddle element: typed by its descriptor at runtime, so its attributes are dynamic here. */
/* eslint-disable @typescript-eslint/no-explicit-any */
export interface ModdleElement {
  $type: string;
  $parent?: ModdleElement;
  id?: string;
  name?: string;
  get(name: string): any;
  [key: string]: any;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The element's first extension element of `type` (e.g. `zeebe:TaskDefinition`). */
export function extensionValues(bo: ModdleElement, type: string): ModdleElement | undefined {
  const values: ModdleElement[] = bo.get?.('extensionElements')?.get('values') ?? [];
  return values.find((value) => value.$type === type);
}

export function getIoMapping(bo: ModdleElement): ModdleElement | undefined {
  return extensionValues(bo, 'zeebe:IoMapping');
}

export function getTaskHeaders(bo: ModdleElement): ModdleElement | undefined {
  return extensionValues(bo, 'zeebe:TaskHeaders');
}

export function getInput(bo: ModdleElement, target: string): ModdleElement | undefined {
  return (getIoMapping(bo)?.get('inputParameters') ?? []).find((input: ModdleElement) => input.get('target') === target);
}

export function getInputValue(bo: ModdleElement, target: string): string | undefined {
  return getInput(bo, target)?.get('source');
}

export function getHeader(bo: ModdleElement, key: string): ModdleElement | undefined {
  return (getTaskHeaders(bo)?.get('values') ?? []).find((header: ModdleElement) => header.get('key') === key);
}

export function getHeaderValue(bo: ModdleElement, key: string): string | undefined {
  return getHeader(bo, key)?.get('value');
}

/** The `zeebe:modelerTemplate` id linked to the element, if any. */
export function templateIdOf(bo: ModdleElement): string | undefined {
  return bo.get?.('zeebe:modelerTemplate') || undefined;
}

export function templateVersionOf(bo: ModdleElement): number | undefined {
  const version = bo.get?.('zeebe:modelerTemplateVersion');
  return version === undefined || version === null || version === '' ? undefined : Number(version);
}

/** The `zeebe:Subscription` of a message event's message (where the correlation key lives). */
export function getMessageSubscription(bo: ModdleElement): ModdleElement | undefined {
  const message: ModdleElement | undefined = bo.get?.('eventDefinitions')?.[0]?.get?.('messageRef');
  return message ? extensionValues(message, 'zeebe:Subscription') : undefined;
}

/** A `zeebe:property` (what inbound connectors read). */
export function getProperty(bo: ModdleElement, name: string): ModdleElement | undefined {
  return (extensionValues(bo, 'zeebe:Properties')?.get('properties') ?? []).find((entry: ModdleElement) => entry.get('name') === name);
}

export function getPropertyValue(bo: ModdleElement, name: string): string | undefined {
  return getProperty(bo, name)?.get('value');
}
