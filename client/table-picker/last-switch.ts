/**
 * The last table switch of each task, for the picker to report after it
 * re-renders: in the plugin script, while the switch itself sits in a chunk
 * fetched when the table list opens. Weak: gone with the element.
 */
import type { Service } from '../types/bpmn-js';
import type { CarryReport } from './carry-fields';

const lastSwitch = new WeakMap<Service, { table: string; report: CarryReport }>();

export function lastSwitchOf(bo: Service): { table: string; report: CarryReport } | undefined {
  return lastSwitch.get(bo);
}

export function recordSwitch(bo: Service, table: string, report: CarryReport): void {
  lastSwitch.set(bo, { table, report });
}
