import { describe, expect, it } from 'vitest';
import { checkSchemaAndIcon, MAX_ICON_BYTES, UNPINNED_SCHEMA_URL } from '../../../../core/template/check/schema-and-icon';

const PINNED = 'https://unpkg.com/@camunda/zeebe-element-templates-json-schema@0.46.0/resources/schema.json';
const icon = (bytes: number) => ({ contents: 'x'.repeat(bytes) });

describe('core/template/check - checkSchemaAndIcon', () => {
  it.each(['modeler', 'web-modeler'] as const)('finds nothing in the unpinned schema and an icon of exactly 8 KB (%s)', (target) => {
    expect(checkSchemaAndIcon({ $schema: UNPINNED_SCHEMA_URL, icon: icon(MAX_ICON_BYTES) }, target)).toEqual([]);
  });

  it('refuses a template without $schema, which no Camunda 8 diagram is offered', () => {
    expect(checkSchemaAndIcon({}, 'modeler')).toEqual([
      { severity: 'error', message: `no $schema: the Modeler offers a template to Camunda 8 diagrams only when its $schema names @camunda/zeebe-element-templates-json-schema; set it to ${UNPINNED_SCHEMA_URL}` }
    ]);
  });

  it('refuses the Camunda 7 schema', () => {
    expect(checkSchemaAndIcon({ $schema: 'https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json' }, 'modeler')).toEqual([
      { severity: 'error', message: `$schema is "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json", not the Camunda 8 element template schema; set it to ${UNPINNED_SCHEMA_URL}` }
    ]);
  });

  it('warns about a pinned $schema in general (Desktop takes it) and refuses it for Web Modeler', () => {
    const message = `$schema is pinned: it pins version 0.46.0; Web Modeler accepts only the unpinned ${UNPINNED_SCHEMA_URL}`;
    expect(checkSchemaAndIcon({ $schema: PINNED }, 'modeler')).toEqual([{ severity: 'warning', message }]);
    expect(checkSchemaAndIcon({ $schema: PINNED }, 'web-modeler')).toEqual([{ severity: 'error', message }]);
  });

  // camunda/connectors@9b30630f5cacce76db089e7780b6aeecc032baec connectors/soap/element-templates/soap-outbound-connector.json ships such an icon, which Desktop shows
  it('warns about an icon one byte over 8 KB, counted in UTF-8 bytes as stored, and refuses it for Web Modeler', () => {
    const over = { $schema: UNPINNED_SCHEMA_URL, icon: { contents: `${'x'.repeat(MAX_ICON_BYTES - 1)}é` } };
    const message = 'icon is 8193 bytes as stored in the template; Web Modeler accepts at most 8 KB (8192 bytes): simplify or compress the icon';
    expect(checkSchemaAndIcon(over, 'modeler')).toEqual([{ severity: 'warning', message }]);
    expect(checkSchemaAndIcon(over, 'web-modeler')).toEqual([{ severity: 'error', message }]);
  });
});
