/**
 * `serviceNowSysIdVariables`: the sys_id variables each task can use,
 * computed once per diagram change (a panel shows one picker per reference
 * field, and each would otherwise walk the process again).
 */
import type { DiagramElement, Service } from '../types/bpmn-js';
import type { BundledMetadata } from '../shared/bundled-metadata';
import { storedSysIdVariable } from '../../lint/diagram/stored-variable';
import { isServiceNowTemplate, tableOf } from '../../lint/diagram/servicenow-template';
import type { ModdleElement } from '../../lint/diagram/zeebe';
import type { FeelParser } from '../../core/feel/tree';
import { knownVariablesBefore, producedVariable, sysIdVariablesBefore, type KnownVariables, type SysIdVariable } from '../../lint/diagram/sys-id-variables';

export class SysIdVariables {
  static $inject = ['eventBus', 'elementRegistry', 'elementTemplates', 'serviceNowBundledMetadata'];
  private before = new Map<ModdleElement, SysIdVariable[]>();
  private known = new Map<ModdleElement, KnownVariables>();
  private produced: Set<string> | undefined;

  constructor(eventBus: Service, private elementRegistry: Service, private elementTemplates: Service, private bundled: BundledMetadata) {
    eventBus.on(['elements.changed', 'import.done', 'elementTemplates.changed'], () => {
      this.before.clear();
      this.known.clear();
      this.produced = undefined;
    });
  }

  /** The FEEL parser the result expressions are read with; until it arrives no task is known to store anything. */
  ready(): boolean {
    return this.bundled.feel() !== undefined;
  }

  /** The variables that ServiceNow tasks before `element` store. */
  variablesBefore(element: DiagramElement): SysIdVariable[] {
    const bo = element.businessObject;
    const feel = this.bundled.feel();
    if (!feel) return [];
    let found = this.before.get(bo);
    if (!found) {
      found = sysIdVariablesBefore(bo, this.describe(feel), feel);
      this.before.set(bo, found);
    }
    return found;
  }

  /** What forms, output mappings and other results before `element` provide. */
  knownBefore(element: DiagramElement): KnownVariables {
    const bo = element.businessObject;
    const feel = this.bundled.feel();
    let found = this.known.get(bo);
    if (found) return found;
    found = knownVariablesBefore(bo, feel);
    // Result expressions are read once the FEEL grammar is there: what is found before it is not kept.
    if (feel) this.known.set(bo, found);
    return found;
  }

  /** Whether any ServiceNow task of the diagram stores `variable`. */
  isProducedAnywhere(variable: string): boolean {
    const feel = this.bundled.feel();
    if (!feel) return false;
    this.produced ??= new Set(this.elementRegistry.getAll()
      .map((shape: DiagramElement) => producedVariable(shape.businessObject, this.describe(feel), feel)?.variable)
      .filter(Boolean));
    return this.produced.has(variable);
  }

  private describe = (feel: FeelParser) => (candidate: ModdleElement) => {
    const shape = candidate.id ? this.elementRegistry.get(candidate.id) : undefined;
    const template = shape ? this.elementTemplates.get(shape) : undefined;
    if (!isServiceNowTemplate(template)) return undefined;
    const table = tableOf(template, candidate);
    const sysIdVariable = storedSysIdVariable(template, candidate, feel);
    return { ...(table ? { table } : {}), ...(sysIdVariable ? { sysIdVariable } : {}) };
  };
}
