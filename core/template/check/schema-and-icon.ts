/**
 * The template-level rules both Modelers apply before anything else: which
 * `$schema` a template names and how large its icon is. One home for the
 * schema URL, the icon limit and their messages, used by `validate` (any
 * Modeler), `publish` and packaging (Web Modeler).
 */

/** The unpinned latest schema: the only `$schema` Web Modeler accepts (template-metadata.md). */
export const UNPINNED_SCHEMA_URL = 'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json';
/** Web Modeler refuses larger icons (manage-element-templates.md: at most 8 KB). */
export const MAX_ICON_BYTES = 8 * 1024;

const CAMUNDA_8_SCHEMA_PACKAGE = '@camunda/zeebe-element-templates-json-schema';

/**
 * `modeler`: a template for any Modeler; `web-modeler`: one about to be
 * uploaded to Web Modeler, which refuses what Desktop still takes.
 */
export type SchemaTarget = 'modeler' | 'web-modeler';

export interface SchemaFinding {
  severity: 'error' | 'warning';
  message: string;
}

/**
 * Missing or not the Camunda 8 schema: an error everywhere, since Desktop
 * offers a template to Camunda 8 diagrams only when its `$schema` names the
 * zeebe schema package (client/src/util/elementTemplates.js) and Web Modeler
 * refuses it. Pinned to a version: Desktop takes it (up to the schema version
 * it ships), Web Modeler refuses it, so a warning in general and an error
 * before an upload.
 */
export function checkSchemaAndIcon(template: { $schema?: unknown; icon?: unknown }, target: SchemaTarget): SchemaFinding[] {
  const findings: SchemaFinding[] = [];
  const schema = template.$schema;
  if (schema === undefined) {
    findings.push({ severity: 'error', message: `no $schema: the Modeler offers a template to Camunda 8 diagrams only when its $schema names ${CAMUNDA_8_SCHEMA_PACKAGE}; set it to ${UNPINNED_SCHEMA_URL}` });
  } else if (typeof schema !== 'string' || !schema.includes(CAMUNDA_8_SCHEMA_PACKAGE)) {
    findings.push({ severity: 'error', message: `$schema is ${JSON.stringify(schema)}, not the Camunda 8 element template schema; set it to ${UNPINNED_SCHEMA_URL}` });
  } else {
    const pinned = /@camunda\/zeebe-element-templates-json-schema@([^/]+)/.exec(schema);
    if (pinned) {
      findings.push({
        severity: target === 'web-modeler' ? 'error' : 'warning',
        message: `$schema is pinned: it pins version ${pinned[1]}; Web Modeler accepts only the unpinned ${UNPINNED_SCHEMA_URL}`
      });
    }
  }
  const contents = (template.icon as { contents?: unknown } | undefined)?.contents;
  const iconBytes = typeof contents === 'string' ? new TextEncoder().encode(contents).length : 0;
  if (iconBytes > MAX_ICON_BYTES) {
    // Desktop shows a larger icon, as Camunda's own connectors have: like a pinned $schema, a warning until an upload.
    findings.push({ severity: target === 'web-modeler' ? 'error' : 'warning', message: `icon is ${iconBytes} bytes as stored in the template; Web Modeler accepts at most 8 KB (${MAX_ICON_BYTES} bytes): simplify or compress the icon` });
  }
  return findings;
}
