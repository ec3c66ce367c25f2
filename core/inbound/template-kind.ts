import type { ElementTemplate } from '../template/types';

type WithMetadata = Pick<ElementTemplate, 'metadata'> | undefined | null;

function inboundKind(template: WithMetadata): unknown {
  return (template?.metadata as { servicenow?: { inbound?: unknown } } | undefined)?.servicenow?.inbound;
}

/** An event template (polling or webhook): it has a table but no Table API operations. */
export function isInboundTemplate(template: WithMetadata): boolean {
  return inboundKind(template) !== undefined;
}

/** One of the "Wait for <table>" templates. */
export function isWaitTemplate(template: WithMetadata): boolean {
  return inboundKind(template) === 'polling';
}
