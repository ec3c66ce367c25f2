import type { Table } from '../metadata/model';
import type { BuildOptions, ElementTemplate } from '../template/types';
import type { InboundKind } from './envelope';
import { WAIT_EXAMPLES } from './wait-examples';
import { buildWaitTemplate } from './wait-template';
import { buildWebhookTemplate } from './webhook-template';

export interface InboundTemplatePlan {
  /** File name stem after `servicenow-`, e.g. `incident-wait-boundary`. */
  file: string;
  build: (options: BuildOptions) => ElementTemplate;
}

const WAIT_KINDS: Exclude<InboundKind, 'start'>[] = ['intermediate', 'boundary'];
const EVENT_KINDS: InboundKind[] = ['start', 'intermediate', 'boundary'];

/** The event templates of the given tables: a wait and the webhook events for each table with a ready example. */
export function inboundTemplatePlans(tables: readonly Table[]): InboundTemplatePlan[] {
  const plans: InboundTemplatePlan[] = [];
  for (const example of WAIT_EXAMPLES) {
    const table = tables.find((candidate) => candidate.name === example.table);
    if (!table) continue;
    for (const kind of WAIT_KINDS) {
      plans.push({ file: `${table.name}-wait${kind === 'boundary' ? '-boundary' : ''}`, build: (options) => buildWaitTemplate(table, example, kind, options) });
    }
    for (const kind of EVENT_KINDS) {
      plans.push({ file: `${table.name}-event-${kind}`, build: (options) => buildWebhookTemplate(table, kind, options) });
    }
  }
  return plans;
}
