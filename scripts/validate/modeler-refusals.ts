/**
 * What Camunda Modeler's template loader refuses besides the JSON schema
 * (bpmn-js-element-templates `cloud-element-templates/Validator.js` and the
 * base `element-templates/Validator.js` it extends, at commit 32df31dc): a
 * `$schema` naming a newer schema version than the Modeler's, an
 * `elementType` the template's `appliesTo` cannot become, an `engines` entry
 * that is no semver range, and blank names of configuration templates. The schema
 * accepts both, and the Modeler then drops the template with an error in
 * its log, so the template never shows up in the chooser.
 */
import { isSatisfied } from '@bpmn-io/semver-compat';
import { BpmnModdle } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import type { TemplateProblem } from '../../core/template/check/check-template';

/** The base types within which the Modeler lets an element change its type (`MORPHABLE_TYPES`). */
const MORPHABLE_TYPES = ['bpmn:Activity', 'bpmn:Event', 'bpmn:Gateway'];

let moddle: BpmnModdle | undefined;

/** `schemaVersion`: the newest version of the template's schema (Camunda 8 or 7) the validator knows. */
export function modelerRefusals(template: Record<string, unknown>, schemaVersion: string): TemplateProblem[] {
  return [...newerSchema(template.$schema, schemaVersion), ...impossibleElementType(template.appliesTo, template.elementType), ...invalidEngineRanges(template.engines), ...blankConfigurationNames(template)];
}

/**
 * Each `engines` value must be a semver range: the Modeler checks it with the
 * same library (`_validateEngines`: `isSatisfied(range, '0.0.0') === null`
 * from @bpmn-io/semver-compat) and refuses the template otherwise.
 */
function invalidEngineRanges(engines: unknown): TemplateProblem[] {
  if (!engines || typeof engines !== 'object' || Array.isArray(engines)) return [];
  return Object.entries(engines).filter(([, range]) => typeof range === 'string' && isSatisfied(range, '0.0.0') === null).map(([engine, range]) => ({
    severity: 'error',
    message: `engines.${engine} "${range}" is no semver range: Camunda Modeler refuses the template ("Engine <${engine}> specifies invalid semver range"); write a range such as ^8.8 or >=8.8`
  }));
}

/**
 * Embedded configuration templates and Configuration properties: the schema
 * requires their names, the Modeler also refuses one that is only spaces
 * (`_validateConfiguration`, `isNonEmptyString`).
 */
function blankConfigurationNames(template: Record<string, unknown>): TemplateProblem[] {
  const blank = (value: unknown) => typeof value === 'string' && value.trim() === '';
  const problems: TemplateProblem[] = [];
  const refuse = (what: string, property?: string) => problems.push({ severity: 'error', ...(property === undefined ? {} : { property }), message: `${what} is empty or only spaces: Camunda Modeler refuses the template (it needs a non-empty string there)` });
  (Array.isArray(template.configurationTemplates) ? template.configurationTemplates : []).forEach((configuration: unknown, index) => {
    for (const key of ['id', 'name', 'kind']) if (blank((configuration as Record<string, unknown> | null)?.[key])) refuse(`configurationTemplates/${index}/${key}`);
  });
  (Array.isArray(template.properties) ? template.properties : []).forEach((property: unknown, index) => {
    const { type, id, configurationTemplate, binding } = (property ?? {}) as { type?: unknown; id?: unknown; configurationTemplate?: unknown; binding?: { name?: unknown } };
    if (type !== 'Configuration') return;
    const where = typeof id === 'string' ? id : `#${index}`;
    if (blank(configurationTemplate)) refuse('configurationTemplate', where);
    if (blank(binding?.name)) refuse('binding/name', where);
  });
  return problems;
}

/** The Modeler reads the first `x.y.z` of the `$schema` URL as the version it needs (`getSchemaVersion`). */
function newerSchema(schema: unknown, known: string): TemplateProblem[] {
  const version = typeof schema === 'string' ? /\d+\.\d+\.\d+/.exec(schema)?.[0] : undefined;
  if (version === undefined || compareVersions(version, known) <= 0) return [];
  return [{
    severity: 'error',
    message: `$schema names schema version ${version}, newer than ${known}, the newest this check and the Modelers of its time know: a Camunda Modeler refuses a template whose schema is newer than its own ("unsupported element template schema version"), and this check cannot read it against that schema; name version ${known} or older, or no version`
  }];
}

/**
 * `elementType` must be one of the `appliesTo` types (or a subtype), and each
 * of them must be able to become it: an activity stays an activity, an
 * event an event, a gateway a gateway (`_validateElementType`).
 */
function impossibleElementType(appliesTo: unknown, elementType: unknown): TemplateProblem[] {
  const target = (elementType as { value?: unknown } | null | undefined)?.value;
  if (!Array.isArray(appliesTo) || typeof target !== 'string') return [];
  const sources = appliesTo.filter((type): type is string => typeof type === 'string');
  if (!sources.some((source) => isType(target, source))) {
    return [{ severity: 'error', message: `elementType ${target} is none of appliesTo (${sources.join(', ')}) nor a subtype of one: Camunda Modeler refuses the template ("template does not apply to requested element type"); add ${target} or one of its base types to appliesTo` }];
  }
  const problems: TemplateProblem[] = [];
  for (const source of sources) {
    if (source === target) continue;
    const base = MORPHABLE_TYPES.find((type) => isType(source, type));
    if (base !== undefined && isType(target, base)) continue;
    problems.push({ severity: 'error', message: `appliesTo ${source} cannot become elementType ${target}: Camunda Modeler changes an element's type only within activities, events or gateways, and refuses the template ("can not morph"); remove ${source} from appliesTo or choose another elementType` });
  }
  return problems;
}

/** Whether `type` is `base` or extends it, as the Modeler's moddle (BPMN with the Zeebe extension) defines them. */
function isType(type: string, base: string): boolean {
  moddle ??= new BpmnModdle({ zeebe: zeebeSchema });
  try {
    return base in moddle.getElementDescriptor(moddle.getType(type)).allTypesByName;
  } catch {
    return false; // a name no package defines, which the schema reports
  }
}

function compareVersions(a: string, b: string): number {
  const [left, right] = [a, b].map((version) => version.split('.').map(Number)) as [number[], number[]];
  for (let i = 0; i < 3; i++) if ((left[i] ?? 0) !== (right[i] ?? 0)) return (left[i] ?? 0) - (right[i] ?? 0);
  return 0;
}
