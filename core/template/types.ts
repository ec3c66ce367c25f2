/**
 * The subset of the Camunda 8 (Zeebe) element template schema the generator
 * writes and the checks read. Field names follow
 * @camunda/zeebe-element-templates-json-schema.
 */

export type PropertyType = 'String' | 'Text' | 'Boolean' | 'Dropdown' | 'Number' | 'Hidden';

/**
 * Where a property's value goes: every binding type of the schema, closed,
 * so code that switches on `type` is checked for exhaustiveness. Identity
 * (which two bindings write the same thing) lives in rules/bindings.ts.
 */
export type Binding =
  | { type: 'property'; name: string }
  | { type: 'zeebe:input'; name: string }
  | { type: 'zeebe:output'; source: string }
  | { type: 'zeebe:taskHeader'; key: string }
  | { type: 'zeebe:taskDefinition'; property: 'type' | 'retries' }
  | { type: 'zeebe:taskDefinition:type' }
  | { type: 'zeebe:property'; name: string }
  | { type: 'bpmn:Message#property'; name: string }
  | { type: 'bpmn:Message#zeebe:subscription#property'; name: string }
  | { type: 'bpmn:Signal#property'; name: string }
  | { type: 'bpmn:TimerEventDefinition#property'; name: string }
  | { type: 'bpmn:ConditionalEventDefinition#property'; name: string }
  | { type: 'bpmn:ConditionalEventDefinition#zeebe:conditionalFilter#property'; name: string }
  | { type: 'zeebe:linkedResource'; linkName: string; property: string }
  | { type: 'zeebe:executionListener' | 'zeebe:taskListener'; eventType: string; headers?: { key: string; value: string }[] }
  | {
      type:
        | 'zeebe:calledElement'
        | 'zeebe:userTask'
        | 'zeebe:calledDecision'
        | 'zeebe:formDefinition'
        | 'zeebe:script'
        | 'zeebe:assignmentDefinition'
        | 'zeebe:priorityDefinition'
        | 'zeebe:jobPriorityDefinition'
        | 'zeebe:adHoc'
        | 'zeebe:taskSchedule';
      property: string;
    };

export type Condition =
  | { property: string; equals: string | number | boolean; type?: 'simple' }
  | { property: string; oneOf: (string | number | boolean)[]; type?: 'simple' }
  | { property: string; isActive: boolean }
  | { property: string; isEmpty: boolean }
  | { allMatch: Condition[] };

export interface Pattern {
  value: string;
  message: string;
}

export interface Constraints {
  notEmpty?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string | Pattern;
}

export interface Choice {
  name: string;
  value: string;
  condition?: Condition;
}

export interface TemplateProperty {
  id?: string;
  label?: string;
  description?: string;
  tooltip?: string;
  type: PropertyType;
  value?: string | number | boolean;
  /** A value the Modeler generates when the template is applied (e.g. a message name). */
  generatedValue?: { type: 'uuid' };
  placeholder?: string;
  feel?: 'optional' | 'required' | 'static';
  language?: string;
  group?: string;
  binding: Binding;
  condition?: Condition;
  constraints?: Constraints;
  choices?: Choice[];
  optional?: boolean;
  editable?: boolean;
}

export interface TemplateGroup {
  id: string;
  label: string;
  tooltip?: string;
  openByDefault?: boolean;
}

export interface ElementTemplate {
  $schema?: string;
  name: string;
  id: string;
  version?: number;
  description?: string;
  keywords?: string[];
  documentationRef?: string;
  category?: { id: string; name: string };
  appliesTo: string[];
  elementType?: { value: string; eventDefinition?: string };
  engines?: Record<string, string>;
  metadata?: Record<string, unknown>;
  groups?: TemplateGroup[];
  properties: TemplateProperty[];
  icon?: { contents: string };
  steps?: TemplateStep[];
  presets?: TemplatePreset[];
  [key: string]: unknown;
}

/** A menu entry of the template (schema 0.41+): a category with `steps`, or a leaf applying `presetId`. */
export interface TemplateStep {
  name: string;
  description?: string;
  keywords?: string[];
  presetId?: string;
  steps?: TemplateStep[];
}

/** Values that override the named properties' `value` when the template is applied with this preset. */
export interface TemplatePreset {
  id: string;
  properties: Record<string, string | number | boolean>;
}

/** What the caller controls about every generated template. */
export interface BuildOptions {
  /** Namespace of template ids, e.g. `community.servicenow` → `community.servicenow.incident`. */
  idPrefix: string;
  /** The template version (the generator decides it from the released copies). */
  version: number;
}
