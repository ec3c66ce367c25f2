import { bindingKey, isKnownBinding } from '../rules/bindings';
import { conditionTargets, mutuallyExclusive, simpleConditions } from '../rules/conditions';
import type { Binding, Condition, ElementTemplate, TemplateProperty } from '../types';
import { parseFeel } from './feel';
import { checkSchemaAndIcon } from './schema-and-icon';
import { checkStaticText } from './static-text';

export type Severity = 'error' | 'warning';

/** A property as the checks see it: a binding the schema does not know is absent (the schema check reports it). */
export type CheckedProperty = Omit<TemplateProperty, 'binding'> & { binding?: Binding };

/** One finding about a template: the property is its id, or `#<index>` when it has none. */
export interface TemplateProblem {
  severity: Severity;
  property?: string;
  message: string;
}

export { MAX_ICON_BYTES } from './schema-and-icon';
/** Inputs without a source evaluate to null only from this Camunda version on. */
const EMPTY_INPUT_MIN_VERSION: [number, number] = [8, 8];
/** Task headers the connector runtime evaluates as FEEL. */
const FEEL_HEADERS = new Set(['resultExpression', 'errorExpression']);

/**
 * The semantic checks the JSON schema cannot express (it validates each
 * property alone). Collects every problem instead of stopping at the first.
 */
export function checkTemplate(template: ElementTemplate): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const report = (severity: Severity, property: string | undefined, message: string) =>
    problems.push({ severity, ...(property === undefined ? {} : { property }), message });
  // Schema-invalid input is reported by the schema check; here it only must not crash the checks.
  const properties = (Array.isArray(template.properties) ? template.properties : [])
    .filter((property): property is TemplateProperty => isObject(property))
    .map((property): CheckedProperty => ({
      ...property,
      binding: isKnownBinding(property.binding) ? property.binding : undefined,
      choices: Array.isArray(property.choices) ? property.choices.filter(isObject) as TemplateProperty['choices'] : undefined,
      condition: conditionOrNothing(property.condition)
    }));
  // Looked up for every condition of every property: a template has hundreds of properties.
  const byId = firstById(properties);
  // A property without an id by its place, and its label when it has one: in a template of a hundred properties "#85" alone is a count to make.
  const name = (property: CheckedProperty, index: number) => property.id ?? (typeof property.label === 'string' && property.label ? `#${index} (${property.label})` : `#${index}`);

  // (1) template level: engines, $schema, icon
  // The schema makes engines optional and the Modelers then offer the template for every version: a gap, not a defect.
  if (!template.engines || typeof template.engines.camunda !== 'string') {
    report('warning', undefined, 'no engines.camunda: the Modeler offers the template for every Camunda version; state the lowest it works on');
  }
  for (const finding of checkSchemaAndIcon(template, 'modeler')) report(finding.severity, undefined, finding.message);

  // (2) groups
  const groups = new Set<string>();
  for (const group of Array.isArray(template.groups) ? template.groups.filter(isObject) : []) {
    if (groups.has(group.id)) report('error', undefined, `group "${group.id}" is declared twice`);
    groups.add(group.id);
  }

  // (3) ids, groups, conditions, choices, FEEL per property
  const firstIndex = new Map<string, number>();
  properties.forEach((property, index) => {
    const where = name(property, index);
    if (property.id !== undefined) {
      const first = firstIndex.get(property.id);
      if (first === undefined) firstIndex.set(property.id, index);
      else if (!interchangeable(properties[first] as CheckedProperty, property, properties)) report('error', where, `duplicate property id (first at index ${first})`);
    }
    // The panel puts a property of an undeclared group under "Custom properties" (CustomProperties); a Hidden one is never shown.
    if (property.group !== undefined && !groups.has(property.group) && property.type !== 'Hidden') report('warning', where, `group "${property.group}" is not declared in groups: the Modeler shows it under "Custom properties"`);
    for (const target of conditionTargets(property.condition)) {
      if (target === property.id) report('error', where, 'condition depends on the property itself');
      else if (!byId.has(target)) report('error', where, `condition names property "${target}", which does not exist`);
    }
    if (property.type === 'Dropdown') checkDropdown(property, where, report);
    if (property.type === 'Hidden' && property.choices?.length) report('warning', where, 'Hidden property has choices, which are never offered');
    const dead = unreachableBecause(property, byId);
    if (dead) report('warning', where, `can never be active: ${dead}`);
    checkFeel(property, where, report);
    checkStaticText(property, where, report);
  });

  checkBindings(properties, byId, name, report);
  checkInputOrder(properties, name, report);
  checkEmptyInputs(template, properties, name, report);
  checkSteps(template, properties, report);
  return problems;
}

/**
 * Menu steps and presets: bpmn-js-element-templates applies a preset whose
 * id it cannot find as the bare template, and a preset value for a property
 * that does not exist is dropped without a word, so both are errors here.
 */
function checkSteps(template: ElementTemplate, properties: CheckedProperty[], report: Report): void {
  const presets = Array.isArray(template.presets) ? template.presets.filter(isObject) as NonNullable<ElementTemplate['presets']> : [];
  const presetIds = new Set<string>();
  for (const preset of presets) {
    if (presetIds.has(preset.id)) report('error', undefined, `preset "${preset.id}" is declared twice`);
    presetIds.add(preset.id);
    for (const [id, value] of Object.entries(isObject(preset.properties) ? preset.properties : {})) {
      // applyPreset sets the value of every property of the id; the active one must offer it.
      const targets = properties.filter((candidate) => candidate.id === id);
      if (targets.length === 0) report('error', undefined, `preset "${preset.id}" sets property "${id}", which does not exist`);
      else if (targets.every((property) => property.type === 'Dropdown' && !(property.choices ?? []).some((choice) => choice.value === String(value)))) {
        report('error', id, `preset "${preset.id}" sets "${String(value)}", which is not one of the choices`);
      }
    }
  }
  const used = new Set<string>();
  const visit = (steps: unknown, path: string) => {
    for (const step of Array.isArray(steps) ? steps.filter(isObject) : []) {
      const where = `${path}${String(step['name'] ?? '?')}`;
      if (typeof step['presetId'] === 'string') {
        used.add(step['presetId']);
        if (!presetIds.has(step['presetId'])) report('error', undefined, `step "${where}" applies preset "${step['presetId']}", which does not exist`);
      }
      visit(step['steps'], `${where} > `);
    }
  };
  visit(template.steps, '');
  for (const id of presetIds) if (!used.has(id)) report('warning', undefined, `preset "${id}" is applied by no step`);
}

/**
 * Properties of one id that write one binding act as one: conditions read
 * the binding's stored value, presets set every property of the id
 * (`applyPreset`), so Camunda's connectors declare one `operationId`
 * dropdown per resource type. Only `isActive`, which asks the first
 * property of the id alone, tells them apart.
 */
function interchangeable(first: CheckedProperty, duplicate: CheckedProperty, properties: CheckedProperty[]): boolean {
  if (!first.binding || !duplicate.binding || bindingKey(first.binding) !== bindingKey(duplicate.binding)) return false;
  return !properties.some((property) => simpleConditions(property.condition).some((simple) => simple.property === first.id && 'isActive' in simple));
}

/** A condition on a Hidden property that its fixed value never satisfies makes the property dead. */
function unreachableBecause(property: CheckedProperty, byId: ReadonlyMap<string | undefined, CheckedProperty>): string | undefined {
  const conditions = property.condition && 'allMatch' in property.condition ? property.condition.allMatch : property.condition ? [property.condition] : [];
  for (const condition of conditions) {
    if ('allMatch' in condition || !('equals' in condition || 'oneOf' in condition)) continue;
    const target = byId.get(condition.property);
    if (target?.type !== 'Hidden' || target.value === undefined) continue;
    const allowed = 'equals' in condition ? [condition.equals] : condition.oneOf;
    if (!allowed.includes(target.value)) return `"${target.id}" is Hidden with the fixed value "${String(target.value)}"`;
  }
  return undefined;
}

/** A condition as far as the checks read it: objects only, also inside allMatch. */
function conditionOrNothing(condition: unknown): Condition | undefined {
  if (!isObject(condition)) return undefined;
  if (!('allMatch' in condition)) return condition as Condition;
  return { allMatch: Array.isArray(condition['allMatch']) ? condition['allMatch'].map(conditionOrNothing).filter((each): each is Condition => each !== undefined) : [] };
}

/** The first property of each id, as `properties.find((p) => p.id === id)` finds it (properties without an id under undefined). */
function firstById(properties: readonly CheckedProperty[]): Map<string | undefined, CheckedProperty> {
  const byId = new Map<string | undefined, CheckedProperty>();
  for (const property of properties) if (!byId.has(property.id)) byId.set(property.id, property);
  return byId;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Report = (severity: Severity, property: string | undefined, message: string) => void;

function checkDropdown(property: CheckedProperty, where: string, report: Report): void {
  const values = (property.choices ?? []).map((choice) => choice.value);
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) report('error', where, `choice value "${value}" appears twice`);
    seen.add(value);
  }
  if (property.value !== undefined && !values.includes(String(property.value))) {
    report('error', where, `value "${String(property.value)}" is not one of its choices`);
  }
}

function isFeelBinding({ binding }: CheckedProperty): boolean {
  return (
    binding?.type === 'zeebe:input' ||
    binding?.type === 'zeebe:output' ||
    binding?.type === 'zeebe:taskDefinition' ||
    (binding?.type === 'zeebe:taskHeader' && FEEL_HEADERS.has(binding.key))
  );
}

function checkFeel(property: CheckedProperty, where: string, report: Report): void {
  if (!isFeelBinding(property)) return;
  const candidates = [property.value, ...(property.choices ?? []).map((choice) => choice.value)];
  for (const value of candidates) {
    if (typeof value !== 'string' || !value.trim().startsWith('=')) continue;
    const syntax = parseFeel(value.trim().slice(1));
    if (!syntax.valid) report('error', where, `FEEL expression does not parse (at character ${(syntax.errorAt ?? 0) + 1}): ${abbreviate(value)}`);
  }
}

/** Two properties writing the same input, header or attribute must never be active together. */
function checkBindings(properties: CheckedProperty[], byId: ReadonlyMap<string | undefined, CheckedProperty>, name: (property: CheckedProperty, index: number) => string, report: Report): void {
  const byKey = new Map<string, number[]>();
  properties.forEach((property, index) => {
    const key = property.binding && bindingKey(property.binding);
    if (!key) return;
    const indexes = byKey.get(key);
    if (indexes) indexes.push(index);
    else byKey.set(key, [index]);
  });
  const readOf = storedValueReader(byId);
  // Each property's condition rewritten once, not once per pair it is in.
  const reads = new Map<number, Condition | undefined>();
  const readsOf = (index: number) => {
    if (!reads.has(index)) reads.set(index, readOf((properties[index] as CheckedProperty).condition));
    return reads.get(index);
  };
  for (const [key, indexes] of byKey) {
    for (let i = 0; i < indexes.length; i++) {
      for (let j = i + 1; j < indexes.length; j++) {
        const a = properties[indexes[i] as number] as CheckedProperty;
        const b = properties[indexes[j] as number] as CheckedProperty;
        if (!mutuallyExclusive(readsOf(indexes[i] as number), readsOf(indexes[j] as number))) {
          report('error', name(b, indexes[j] as number), `binds ${key} like "${name(a, indexes[i] as number)}" and both can be active at once`);
        }
      }
    }
  }
}

/**
 * A condition reads the value its target's binding stores on the element
 * (bpmn-js-element-templates `getPropertyValue`), not the property: two
 * targets sharing one binding, such as one operation dropdown per operation
 * group, read one value. Rewrites each condition to name what it reads, so
 * "taskOp equals a" and "projectOp equals b" on one input count as disjoint,
 * and so do `isActive: true` and `isActive: false` on one property.
 */
function storedValueReader(byId: ReadonlyMap<string | undefined, CheckedProperty>): (condition: Condition | undefined) => Condition | undefined {
  const readOf = (id: string) => {
    // The library takes the first property of an id.
    const binding = byId.get(id)?.binding;
    return binding ? `binding ${bindingKey(binding)}` : `property ${id}`;
  };
  const rewrite = (condition: Condition): Condition => {
    if ('allMatch' in condition) return { allMatch: Array.isArray(condition.allMatch) ? condition.allMatch.map(rewrite) : [] };
    // isActive reads whether the target is active, a value of its own: isActive true and false never hold together.
    if ('isActive' in condition) return { property: `active ${condition.property}`, equals: condition.isActive };
    return { ...condition, property: readOf(condition.property) };
  };
  return (condition) => (condition && typeof condition === 'object' ? rewrite(condition) : condition);
}

/** Inputs are evaluated in order: a FEEL input should read only inputs mapped before it. */
function checkInputOrder(properties: CheckedProperty[], name: (property: CheckedProperty, index: number) => string, report: Report): void {
  const inputIndex = new Map<string, number>();
  properties.forEach((property, index) => {
    const { binding } = property;
    if (binding?.type === 'zeebe:input' && binding.name && !inputIndex.has(binding.name)) inputIndex.set(binding.name, index);
  });
  properties.forEach((property, index) => {
    if (property.binding?.type !== 'zeebe:input' || typeof property.value !== 'string' || !property.value.trim().startsWith('=')) return;
    const syntax = parseFeel(property.value.trim().slice(1));
    for (const variable of syntax.variables) {
      const defined = inputIndex.get(variable);
      if (defined !== undefined && defined > index) report('warning', name(property, index), `reads "${variable}", an input mapped later (inputs are evaluated in order)`);
    }
  });
}

/** Before 8.8 an input without a source breaks deployment; such inputs need `optional` or a value there. */
function checkEmptyInputs(template: ElementTemplate, properties: CheckedProperty[], name: (property: CheckedProperty, index: number) => string, report: Report): void {
  const minimum = lowestVersion(template.engines?.camunda);
  if (minimum && compareVersions(minimum, EMPTY_INPUT_MIN_VERSION) >= 0) return;
  properties.forEach((property, index) => {
    if (property.binding?.type !== 'zeebe:input' || property.optional || property.constraints?.notEmpty) return;
    if (property.value !== undefined && property.value !== '') return;
    report('warning', name(property, index), `may be left empty, which deploys only on Camunda 8.8+ but engines.camunda is ${template.engines?.camunda ?? 'not set'}`);
  });
}

function lowestVersion(range: string | undefined): [number, number] | undefined {
  const match = range?.match(/(\d+)\.(\d+)/);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

function compareVersions(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}

function abbreviate(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}
