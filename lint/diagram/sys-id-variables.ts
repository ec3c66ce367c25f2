/**
 * Which sys_id variables the ServiceNow tasks earlier in the process produce:
 * the tasks from which a sequence-flow path leads to the element (walking
 * incoming flows backwards, and out of enclosing sub-processes), whose result
 * expression stores a sys_id with the output helper's entry.
 */
import { readOutputVariables } from './result-expression';
import { getHeaderValue, getPropertyValue, type ModdleElement } from './zeebe';

export interface SysIdVariable {
  variable: string;
  taskId: string;
  taskName: string;
  /** The table of the producing task, when known. */
  table?: string;
}

/** Describes a task as a ServiceNow task (its table, the variable its template stores the sys_id in) or returns undefined. */
export type DescribeTask = (bo: ModdleElement) => { table?: string; sysIdVariable?: string } | undefined;

export function sysIdVariablesBefore(bo: ModdleElement, describe: DescribeTask): SysIdVariable[] {
  const found: SysIdVariable[] = [];
  const seen = new Set<ModdleElement>([bo]);
  const queue: ModdleElement[] = [...predecessors(bo)];
  while (queue.length) {
    const node = queue.shift() as ModdleElement;
    if (seen.has(node)) continue;
    seen.add(node);
    const variable = producedVariable(node, describe);
    if (variable) found.push(variable);
    queue.push(...predecessors(node));
    // Variables set inside an earlier sub-process propagate out of it.
    if (node.$type === 'bpmn:SubProcess' && !seenSubProcessFrom(bo, node)) queue.push(...(node.get?.('flowElements') ?? []));
  }
  return found.sort((a, b) => a.variable.localeCompare(b.variable) || a.taskName.localeCompare(b.taskName));
}

/** The variable a ServiceNow task stores its record's sys_id in, if it does. */
export function producedVariable(bo: ModdleElement, describe: DescribeTask): SysIdVariable | undefined {
  const task = describe(bo);
  if (!task) return undefined;
  // Tasks keep the result expression in a header, event connectors in a zeebe:property.
  const variable = task.sysIdVariable ?? readOutputVariables(getHeaderValue(bo, 'resultExpression') ?? getPropertyValue(bo, 'resultExpression')).sysId;
  if (!variable) return undefined;
  return { variable, taskId: bo.id ?? '', taskName: bo.name || bo.id || '', ...(task.table ? { table: task.table } : {}) };
}

/** The label a picker shows: `incidentSysId, from "Create incident" (incident)`. */
export function sysIdVariableLabel(variable: SysIdVariable): string {
  const task = `"${variable.taskName}"`;
  return `${variable.variable}, from ${task}${variable.table ? ` (${variable.table})` : ''}`;
}

/**
 * Whether an input that reads the sys_id variable `used` reads one no earlier
 * task stores: only for names that look like sys_id variables (named as the
 * helper names them, or stored by some ServiceNow task of the diagram).
 */
export function isMissingSysIdVariable(used: string | undefined, before: readonly SysIdVariable[], producedAnywhere: (variable: string) => boolean): used is string {
  return Boolean(used && !before.some((variable) => variable.variable === used) && (/SysId$/.test(used) || producedAnywhere(used)));
}

export function missingSysIdVariableMessage(variable: string): string {
  return `no earlier ServiceNow task stores ${variable}; the process variable may not exist when this task runs.`;
}

/** Whether a sequence-flow path leads from `from` to `to` (the walk `sysIdVariablesBefore` makes). */
export function isUpstream(from: ModdleElement, to: ModdleElement): boolean {
  const seen = new Set<ModdleElement>([to]);
  const queue = [...predecessors(to)];
  while (queue.length) {
    const node = queue.shift() as ModdleElement;
    if (node === from) return true;
    if (seen.has(node)) continue;
    seen.add(node);
    queue.push(...predecessors(node));
    if (node.$type === 'bpmn:SubProcess' && !seenSubProcessFrom(to, node)) queue.push(...(node.get?.('flowElements') ?? []));
  }
  return false;
}

/** The variable a FEEL value refers to when it is just `=name`. */
export function referencedVariable(value: string | undefined): string | undefined {
  return /^=\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(value ?? '')?.[1];
}

/** Whether `bo` lies inside `subProcess` (then its later siblings are not "earlier"). */
function seenSubProcessFrom(bo: ModdleElement, subProcess: ModdleElement): boolean {
  for (let parent = bo.$parent; parent; parent = parent.$parent) if (parent === subProcess) return true;
  return false;
}

/** Flow nodes with a sequence flow into `bo`; at a sub-process start, the sub-process's own predecessors. */
function predecessors(bo: ModdleElement): ModdleElement[] {
  const incoming: ModdleElement[] = bo.get?.('incoming') ?? bo.incoming ?? [];
  const sources = incoming.filter((flow) => flow.$type === 'bpmn:SequenceFlow').map((flow) => flow.sourceRef as ModdleElement).filter(Boolean);
  const parent = bo.$parent;
  if (!incoming.length && parent && parent.$type === 'bpmn:SubProcess') sources.push(parent);
  // A boundary event follows its host.
  if (bo.$type === 'bpmn:BoundaryEvent' && bo.attachedToRef) sources.push(bo.attachedToRef);
  return sources;
}
