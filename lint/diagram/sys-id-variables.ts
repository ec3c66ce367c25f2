/**
 * Which sys_id variables the ServiceNow tasks earlier in the process produce:
 * the tasks from which a sequence-flow path leads to the element (walking
 * incoming flows backwards, and out of enclosing sub-processes), whose result
 * expression stores a sys_id with the output helper's entry.
 */
import { formSchemaVariables } from '../../core/bpmn/form-variables';
import type { FeelParser } from '../../core/feel/tree';
import { closestMatch } from '../../core/text/close-matches';
import { contextKeys, readOutputVariables } from './result-expression';
import { extensionValues, getHeaderValue, getIoMapping, getPropertyValue, type ModdleElement } from './zeebe';

export interface SysIdVariable {
  variable: string;
  taskId: string;
  taskName: string;
  /** The table of the producing task, when known. */
  table?: string;
}

/** Describes a task as a ServiceNow task (its table, the variable its template stores the sys_id in) or returns undefined. */
export type DescribeTask = (bo: ModdleElement) => { table?: string; sysIdVariable?: string } | undefined;

/** `produced`: what a node stores, for callers that read it once per node (the lint rule, across all tasks of a pass). */
export function sysIdVariablesBefore(bo: ModdleElement, describe: DescribeTask, feel: FeelParser, produced = (node: ModdleElement) => producedVariable(node, describe, feel)): SysIdVariable[] {
  const found: SysIdVariable[] = [];
  for (const node of nodesBefore(bo)) {
    const variable = produced(node);
    if (variable) found.push(variable);
  }
  return found.sort((a, b) => a.variable.localeCompare(b.variable) || a.taskName.localeCompare(b.taskName));
}

/** The variable a ServiceNow task stores its record's sys_id in, if it does. */
export function producedVariable(bo: ModdleElement, describe: DescribeTask, feel: FeelParser): SysIdVariable | undefined {
  const task = describe(bo);
  if (!task) return undefined;
  // Tasks keep the result expression in a header, event connectors in a zeebe:property.
  const variable = task.sysIdVariable ?? readOutputVariables(getHeaderValue(bo, 'resultExpression') ?? getPropertyValue(bo, 'resultExpression'), feel).sysId;
  if (!variable) return undefined;
  return { variable, taskId: bo.id ?? '', taskName: bo.name || bo.id || '', ...(task.table ? { table: task.table } : {}) };
}

/** The label a picker shows: `incidentSysId, from "Create incident" (incident)`. */
export function sysIdVariableLabel(variable: SysIdVariable): string {
  const task = `"${variable.taskName}"`;
  return `${variable.variable}, from ${task}${variable.table ? ` (${variable.table})` : ''}`;
}

/**
 * Variables that exist before a task besides those ServiceNow tasks store:
 * what a start or user task form submits, and output mappings of earlier elements (the
 * FEEL editor offers these too). `open`: a linked form (`formId`) starts the
 * process, or a job worker or a call activity comes before, whose fields or
 * variables the diagram does not hold, so any name may exist.
 */
export interface KnownVariables {
  names: ReadonlySet<string>;
  open: boolean;
}

export const NO_KNOWN_VARIABLES: KnownVariables = { names: new Set(), open: false };

/**
 * What the elements on a path before `bo` (and the start forms among them)
 * provide (output mappings, connector, script and decision results, start and
 * user task forms; any name after a job worker or a call activity), and
 * the local variables of `bo` and of the sub-processes around it: a
 * multi-instance input element, a sub-process's input mappings.
 */
export function knownVariablesBefore(bo: ModdleElement, feel?: FeelParser): KnownVariables {
  const names = new Set<string>();
  let open = false;
  for (let scope: ModdleElement | undefined = bo; scope && scope.$type !== 'bpmn:Process'; scope = scope.$parent) {
    // Each instance's input mappings see its input element (camunda/camunda docs/src/bpmn-workflows/multi-instance/multi-instance.md, "Variable Mappings").
    const element: unknown = scope.get?.('loopCharacteristics') && extensionValues(scope.get('loopCharacteristics'), 'zeebe:LoopCharacteristics')?.get('inputElement');
    if (typeof element === 'string' && element) names.add(element);
    if (scope === bo) continue;
    for (const input of getIoMapping(scope)?.get('inputParameters') ?? []) {
      const target: unknown = input.get('target');
      if (typeof target === 'string' && target) names.add(target);
    }
  }
  for (const node of nodesBefore(bo)) {
    for (const output of getIoMapping(node)?.get('outputParameters') ?? []) {
      const target: unknown = output.get('target');
      if (typeof target === 'string' && target) names.add(target);
    }
    // A job worker may complete with any variables, and without output mappings all of them reach the process
    // (camunda/camunda docs/src/reference/variables.md, "Output Mappings"); a connector's (job type io.camunda...) are
    // its result variable and the keys of its result expression (read with the FEEL grammar, once it is there).
    const jobType: unknown = extensionValues(node, 'zeebe:TaskDefinition')?.get('type');
    if (typeof jobType === 'string') {
      if (!/^io\.camunda[.:]/.test(jobType) && !getIoMapping(node)?.get('outputParameters')?.length) open = true;
      const resultVariable = getHeaderValue(node, 'resultVariable');
      if (resultVariable) names.add(resultVariable);
      for (const key of (feel && contextKeys(getHeaderValue(node, 'resultExpression'), feel)) || []) if (key) names.add(key);
    }
    // A script task's or business rule task's result variable (zeebe:script, zeebe:calledDecision).
    const result: unknown = (extensionValues(node, 'zeebe:Script') ?? extensionValues(node, 'zeebe:CalledDecision'))?.get('resultVariable');
    if (typeof result === 'string' && result) names.add(result);
    // A call activity hands back every variable of the called process unless told not to (camunda/camunda
    // zeebe/bpmn-model/.../ZeebeCalledElementImpl.java: propagateAllChildVariables defaults to true), which this diagram does not hold.
    if (node.$type === 'bpmn:CallActivity' && extensionValues(node, 'zeebe:CalledElement')?.get('propagateAllChildVariables') !== false) open = true;
    // A user task submits its form's fields as a start form does.
    const form = node.$type === 'bpmn:StartEvent' || node.$type === 'bpmn:UserTask' ? extensionValues(node, 'zeebe:FormDefinition') : undefined;
    if (!form) continue;
    const embedded = embeddedForm(node, form.get('formKey'));
    const fields = embedded === undefined ? undefined : formSchemaVariables(embedded);
    if (fields) for (const name of fields) names.add(name);
    else open = true;
  }
  return { names, open };
}

/** The schema of an embedded form (`formKey="camunda-forms:bpmn:<id>"`, a `zeebe:userTaskForm` of the process). */
function embeddedForm(node: ModdleElement, formKey: unknown): string | undefined {
  const id = typeof formKey === 'string' ? /^camunda-forms:bpmn:(.+)$/.exec(formKey)?.[1] : undefined;
  if (!id) return undefined;
  for (let parent = node.$parent; parent; parent = parent.$parent) {
    const forms: ModdleElement[] = parent.extensionElements?.values?.filter((value: ModdleElement) => value.$type === 'zeebe:UserTaskForm') ?? [];
    const form = forms.find((candidate) => candidate.id === id);
    if (form) return typeof form.body === 'string' ? form.body : undefined;
  }
  return undefined;
}

export interface SysIdVariableProblem {
  variable: string;
  message: string;
  /** The variable meant, when one earlier task stores a name this close (case ignored). */
  suggestion?: string;
}

/**
 * Whether an input that reads the sys_id variable `used` reads one nothing
 * before it provides: only for names that look like sys_id variables
 * (`...SysId`, `..._sys_id`, any case), or that some ServiceNow task of the
 * diagram stores. FEEL names are case-sensitive, so `incidentSysID` where
 * `incidentSysId` is stored is reported, with the name meant.
 */
export function sysIdVariableProblem(used: string | undefined, before: readonly SysIdVariable[], producedAnywhere: (variable: string) => boolean, known: KnownVariables = NO_KNOWN_VARIABLES): SysIdVariableProblem | undefined {
  if (!used || before.some((variable) => variable.variable === used) || known.names.has(used)) return undefined;
  const lower = used.toLowerCase();
  const names = [...new Set(before.map((variable) => variable.variable))];
  const sameButCase = names.find((name) => name.toLowerCase() === lower);
  if (sameButCase) return problem(used, sameButCase, ' (variable names are case-sensitive)');
  if (known.open || !(/sys_?id$/i.test(used) || producedAnywhere(used))) return undefined;
  return problem(used, closestMatch(used, names, { ignoreCase: true }));
}

function problem(variable: string, suggestion: string | undefined, note = ''): SysIdVariableProblem {
  const hint = suggestion ? `; did you mean ${suggestion}?${note}` : '; the process variable may not exist when this task runs.';
  return { variable, message: `no earlier ServiceNow task stores ${variable}${hint}`, ...(suggestion ? { suggestion } : {}) };
}

/** The flow nodes on a path before `bo` (the walk `sysIdVariablesBefore` makes), nearest first. */
function nodesBefore(bo: ModdleElement): ModdleElement[] {
  const found: ModdleElement[] = [];
  const seen = new Set<ModdleElement>([bo]);
  const queue: ModdleElement[] = [...predecessors(bo)];
  while (queue.length) {
    const node = queue.shift() as ModdleElement;
    if (seen.has(node)) continue;
    seen.add(node);
    found.push(node);
    queue.push(...predecessors(node));
    // Variables set inside an earlier sub-process propagate out of it.
    if (isSubProcess(node) && !seenSubProcessFrom(bo, node)) queue.push(...(node.get?.('flowElements') ?? []));
  }
  return found;
}

/** Whether a sequence-flow path leads from `from` to `to` (the walk `sysIdVariablesBefore` makes). */
export function isUpstream(from: ModdleElement, to: ModdleElement): boolean {
  return nodesBefore(to).includes(from);
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
  if (!incoming.length && parent && isSubProcess(parent)) sources.push(parent);
  // A boundary event follows its host.
  if (bo.$type === 'bpmn:BoundaryEvent' && bo.attachedToRef) sources.push(bo.attachedToRef);
  // A link catch event follows the link throw events of its name on the same level (BPMN 2.0, "Link" event definition).
  const link = bo.$type === 'bpmn:IntermediateCatchEvent' ? linkName(bo) : undefined;
  if (link !== undefined && parent) {
    sources.push(...(parent.get?.('flowElements') ?? []).filter((element: ModdleElement) => element.$type === 'bpmn:IntermediateThrowEvent' && linkName(element) === link));
  }
  // An event sub-process starts whenever its event occurs while the enclosing scope runs: after any of that scope's elements.
  if (bo.$type === 'bpmn:SubProcess' && bo.get?.('triggeredByEvent') === true && parent) {
    sources.push(...(parent.get?.('flowElements') ?? []).filter((element: ModdleElement) => element !== bo && element.$type !== 'bpmn:SequenceFlow'));
  }
  return sources;
}

/** The name of an event's link event definition, if it has one. */
function linkName(event: ModdleElement): string | undefined {
  const definition = (event.get?.('eventDefinitions') ?? []).find((each: ModdleElement) => each.$type === 'bpmn:LinkEventDefinition');
  return definition ? String(definition.get('name') ?? '') : undefined;
}

/** A sub-process of any kind: an ad-hoc one (an AI agent's tools) and a transaction are sub-processes too. */
function isSubProcess(node: ModdleElement): boolean {
  return typeof node.$instanceOf === 'function' ? node.$instanceOf('bpmn:SubProcess') as boolean : node.$type === 'bpmn:SubProcess';
}
