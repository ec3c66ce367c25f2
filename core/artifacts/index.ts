/** What a ServiceNow admin imports to send records to Camunda and call its API. */
export { buildArtifacts, businessRuleScript, type ArtifactsRequest, type RecordRule } from './artifacts';
export { scriptIncludeSource, SCRIPT_INCLUDE_NAME } from './script-include';
export { SYSTEM_PROPERTIES, type SystemProperty } from './properties';
export { updateSetXml, recordPayload, recordSysId, type ArtifactRecord, type UpdateSet } from './update-set';
