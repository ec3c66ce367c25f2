/** The public API of the template builder, for the CLI, the Modeler plugin and the lint rule. */
export { buildTemplate, buildAnyTableTemplate, templateId, ENGINES, TEMPLATE_SCHEMA } from './build-template';
export { toFieldIndex, tableFromTemplate, isServiceNowTemplate, isAnyTableTemplate, findQueryProperty, countFieldInputs } from './field-index';
export type { IndexedField, ServiceNowTemplateMetadata } from './field-index';
export { outputVariableNames } from './output';
export { OPERATIONS, OPERATION_HTTP, type Operation } from './operations';
export { checkTemplate, MAX_ICON_BYTES, type TemplateProblem, type Severity } from './check/check-template';
export { planRelease, serializeTemplate, VERSIONED_DIR } from './versioning';
export type { BuildOptions, ElementTemplate, TemplateProperty, TemplateGroup, Condition, Binding } from './types';
