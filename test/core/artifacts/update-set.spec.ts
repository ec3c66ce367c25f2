import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildArtifacts, type ArtifactsRequest } from '../../../core/artifacts/artifacts';
import { scriptIncludeSource } from '../../../core/artifacts/script-include';
import { recordPayload, updateSetXml, type ArtifactRecord } from '../../../core/artifacts/update-set';
import { isUserError } from '../../../core/errors';
import { readSnapshot } from '../../../scripts/metadata/read-snapshot';

const REQUEST: ArtifactsRequest = {
  name: 'Camunda integration',
  timestamp: '2026-12-02 00:00:00',
  rules: [
    { table: 'incident', operations: ['insert', 'update'], condition: 'active=true^priority<=2', webhookIds: ['servicenow-incident'] },
    { table: 'sc_req_item', operations: ['update'], condition: '', webhookIds: ['servicenow-sc-req-item'] }
  ]
};

/**
 * The child elements of a real export, in order: lerwine/SetupAndConfig
 * xml/sys_remote_update_set_Data_Lookup.xml (commit 10ab72a), a global update
 * set exported from an instance. `sys_recorded_at` (an internal recording
 * stamp the instance sets itself) is the one field we do not write.
 */
const EXPORT_REMOTE_UPDATE_SET = ['application', 'application_name', 'application_scope', 'application_version', 'collisions', 'commit_date', 'deleted', 'description', 'inserted', 'name', 'origin_sys_id', 'parent', 'release_date', 'remote_base_update_set', 'remote_parent_id', 'remote_sys_id', 'state', 'summary', 'sys_class_name', 'sys_created_by', 'sys_created_on', 'sys_id', 'sys_mod_count', 'sys_updated_by', 'sys_updated_on', 'update_set', 'update_source', 'updated'];
const EXPORT_UPDATE_XML = ['action', 'application', 'category', 'comments', 'name', 'payload', 'payload_hash', 'remote_update_set', 'replace_on_upgrade', 'sys_created_by', 'sys_created_on', 'sys_id', 'sys_mod_count', 'sys_recorded_at', 'sys_updated_by', 'sys_updated_on', 'table', 'target_name', 'type', 'update_domain', 'update_guid', 'update_guid_history', 'update_set', 'view'];

type Ordered = Record<string, unknown>[];
const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false, trimValues: false });
const plain = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false, attributeNamePrefix: '@' });

function childNames(node: Ordered): string[] {
  return node.flatMap((child) => Object.keys(child).filter((key) => key !== ':@' && key !== '#text'));
}
function children(node: Ordered, name: string): Ordered[] {
  return node.filter((child) => name in child).map((child) => child[name] as Ordered);
}

describe('the update set XML', () => {
  const { xml } = buildArtifacts(REQUEST);
  const tree = ordered.parse(xml) as Ordered;
  const unload = children(tree, 'unload')[0] ?? [];

  it('is well-formed XML, and so is every payload', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const payloads = (plain.parse(xml) as { unload: { sys_update_xml: { payload: string }[] } }).unload.sys_update_xml.map((update) => update.payload);
    expect(payloads).toHaveLength(1 + 9 + 3);
    for (const payload of payloads) expect(XMLValidator.validate(payload)).toBe(true);
  });

  it('has the structure of a ServiceNow export: one sys_remote_update_set, then one sys_update_xml per record, fields as in a real export', () => {
    expect(childNames(tree)).toEqual(['?xml', 'unload']);
    expect(childNames(unload)).toEqual(['sys_remote_update_set', ...Array<string>(13).fill('sys_update_xml')]);
    expect(childNames(children(unload, 'sys_remote_update_set')[0] ?? [])).toEqual(EXPORT_REMOTE_UPDATE_SET);
    for (const update of children(unload, 'sys_update_xml')) expect(childNames(update)).toEqual(EXPORT_UPDATE_XML.filter((name) => name !== 'sys_recorded_at'));
  });

  const records = () => {
    const document = plain.parse(xml) as { unload: { sys_update_xml: { payload: string; type: string; table: string; remote_update_set: { '#text': string } }[]; sys_remote_update_set: { sys_id: string } } };
    return document.unload.sys_update_xml.map((update) => {
      const record = plain.parse(update.payload) as { record_update: Record<string, Record<string, unknown>> & { '@table': string } };
      const table = record.record_update['@table'];
      return { update, table, fields: record.record_update[table] as Record<string, unknown>, setId: document.unload.sys_remote_update_set.sys_id };
    });
  };

  it('round-trips: the Script Include and the Business Rules come back from the payloads character for character', () => {
    const all = records();
    const include = all.find((record) => record.table === 'sys_script_include');
    expect(include?.fields.script).toBe(scriptIncludeSource());
    const rules = all.filter((record) => record.table === 'sys_script');
    expect(rules.map((rule) => [rule.fields.collection, rule.fields.when, rule.fields.action_insert, rule.fields.action_update])).toEqual([
      ['incident', 'async_always', 'true', 'false'], ['incident', 'async_always', 'false', 'true'], ['sc_req_item', 'async_always', 'false', 'true']
    ]);
    expect(rules[0]?.fields.filter_condition).toEqual({ '#text': 'active=true^priority<=2', '@table': 'incident' });
    for (const record of all) expect(record.update.remote_update_set['#text']).toBe(record.setId);
    const rebuilt = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, suppressEmptyNode: true }).build(tree) as string;
    expect(ordered.parse(rebuilt)).toEqual(tree);
  });

  it('ties each update to its record as an export does: name and sys_update_name <table>_<sys_id>, 32-hex ids, the set referenced, the type labels of a real export', () => {
    const hex32 = /^[0-9a-f]{32}$/;
    const all = records();
    const ids = new Set<string>();
    for (const { update, table, fields, setId } of all) {
      const raw = update as unknown as Record<string, string>;
      const sysId = String(fields.sys_id);
      for (const id of [sysId, raw.sys_id ?? '', raw.update_guid ?? '', setId]) expect(id).toMatch(hex32);
      expect([raw.name, fields.sys_update_name, fields.sys_class_name]).toEqual([`${table}_${sysId}`, `${table}_${sysId}`, table]);
      expect(raw.update_guid_history).toBe(`${raw.update_guid ?? ''}:${raw.payload_hash ?? ''}`);
      ids.add(sysId).add(raw.sys_id ?? '');
    }
    expect(ids.size).toBe(2 * all.length);
    // "System Property" as in lerwine/SetupAndConfig xml/sys_remote_update_set_Post_Upgrade_Patch20201104.xml.
    expect([...new Set(all.map(({ table, update }) => `${table}=${update.type}`))]).toEqual(['sys_script_include=Script Include', 'sys_properties=System Property', 'sys_script=Business Rule']);
  });

  it('writes only fields the three tables have, and in choice fields only their choices (the bundled metadata, from @servicenow/sdk-core\'s table sources)', async () => {
    const metadata = await readSnapshot();
    const problems: string[] = [];
    for (const { table, fields } of records()) {
      const known = new Map((metadata.tables.get(table)?.fields ?? []).map((field) => [field.element, field]));
      for (const [name, value] of Object.entries(fields)) {
        // sys_* are sys_metadata's own fields (sys_name, sys_scope, ...), which every one of these tables extends.
        if (name.startsWith('sys_') || name.startsWith('@')) continue;
        const field = known.get(name);
        const text = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['#text'] ?? '' : value;
        if (!field) problems.push(`${table}.${name}: no such field`);
        else if (field.choices.length > 0 && !field.choices.some((choice) => choice.value === text && !choice.inactive)) problems.push(`${table}.${name}: ${String(text)} is no choice`);
      }
    }
    expect(problems).toEqual([]);
    expect(metadata.tables.get('sys_script')?.fields.find((field) => field.element === 'when')?.choices.map((choice) => choice.value)).toContain('async_always');
  });

  it('carries no secret and no value that a re-import would write over the one the admin filled in', () => {
    const properties = records().filter((record) => record.table === 'sys_properties');
    expect(properties.map((record) => record.fields.name)).toContain('camunda.oauth.client_secret');
    for (const property of properties) expect(Object.keys(property.fields)).not.toContain('value');
    expect(properties.filter((record) => record.fields.type === 'password2').map((record) => record.fields.name)).toEqual(['camunda.webhook.secret', 'camunda.oauth.client_secret']);
  });

  it('is deterministic: the same request gives the same bytes and sys_ids', () => {
    expect(buildArtifacts(REQUEST).xml).toBe(xml);
    expect(buildArtifacts({ ...REQUEST, name: 'Other' }).xml).not.toBe(xml);
  });
});

/**
 * The importer's view: a conforming XML 1.0 parser, as the instance reads an
 * uploaded file, first turns every literal CR LF or CR into LF (section 2.11)
 * and resolves character references; fast-xml-parser does the latter with
 * htmlEntities. Real exports hold the payload either in CDATA or, when the
 * record has CDATA of its own (a script), entity-escaped (both forms in
 * lerwine/SetupAndConfig xml/sys_remote_update_set_Post_Upgrade_Patch20201104.xml):
 * a reader of the parsed text sees no difference, and ours is always escaped.
 */
const importer = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false, attributeNamePrefix: '@', htmlEntities: true });
function importFields(xml: string): Record<string, unknown>[] {
  const read = (text: string) => importer.parse(text.replace(/\r\n?/g, '\n')) as Record<string, unknown>;
  const unload = (read(xml).unload ?? {}) as { sys_update_xml: { payload: string } | { payload: string }[] };
  return [unload.sys_update_xml].flat().map((update) => {
    const record = (read(update.payload).record_update ?? {}) as Record<string, unknown> & { '@table': string };
    return record[record['@table']] as Record<string, unknown>;
  });
}

describe('the update set as the importer reads it', () => {
  const tricky: ArtifactRecord = {
    table: 'sys_script_include',
    type: 'Script Include',
    targetName: 'Tricky',
    fields: {
      name: 'Tricky',
      // CDATA's end marker, markup characters, Windows line ends, a tab and a character outside the BMP.
      script: 'var a = "]]>";\r\nif (x < 1 && y > 2) { gs.info(\'<b>\' + "&amp;"); }\r\n\tvar s = "😀 ä";\r'
    },
    fieldAttributes: { name: { display_value: 'line one\nline two\ttab' } }
  };

  it('gives back every character of a script, the CR of Windows line ends included, and of an attribute', () => {
    const [fields] = importFields(updateSetXml({ name: 'Set', description: 'd', timestamp: '2026-12-02 00:00:00', records: [tricky] }));
    expect(fields?.script).toBe(tricky.fields.script);
    expect(fields?.name).toEqual({ '#text': 'Tricky', '@display_value': 'line one\nline two\ttab' });
  });

  it('would lose the CR if it were written literally (so the check above can fail)', () => {
    const literal = '<?xml version="1.0" encoding="UTF-8"?><unload><sys_update_xml><payload>&lt;record_update table="t"&gt;&lt;t&gt;&lt;script&gt;a\r\nb&lt;/script&gt;&lt;/t&gt;&lt;/record_update&gt;</payload></sys_update_xml></unload>';
    expect(importFields(literal)[0]?.script).toBe('a\nb');
  });

  it('reads our payload like a CDATA payload of a real export', () => {
    const payload = recordPayload({ table: 'sys_properties', type: 'System Property', targetName: 'x.flag', fields: { name: 'x.flag', value: 'a < b & c' } }, '2026-12-02 00:00:00');
    const wrap = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><unload unload_date="2026-12-02 00:00:00"><sys_update_xml action="INSERT_OR_UPDATE">${inner}</sys_update_xml></unload>`;
    const escaped = wrap(`<payload>${payload.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</payload>`);
    const cdata = wrap(`<payload><![CDATA[${payload}]]></payload>`);
    expect(importFields(escaped)).toEqual(importFields(cdata));
    expect(importFields(escaped)[0]?.value).toBe('a < b & c');
  });

  it('refuses a character XML 1.0 cannot carry, naming the field, instead of writing a file the instance rejects', () => {
    const attempt = () => buildArtifacts({ ...REQUEST, name: 'Camunda\u0007integration' });
    expect(attempt).toThrow(/the update set's name holds the character U\+0007 at 8, which XML 1\.0 cannot carry/);
    try { attempt(); } catch (error) { expect(isUserError(error)).toBe(true); }
    expect(() => recordPayload({ ...tricky, fields: { name: 'Tricky', script: 'half \uD83D pair' } }, '2026-12-02 00:00:00')).toThrow(/script holds the character U\+D83D/);
    expect(XMLValidator.validate(buildArtifacts({ ...REQUEST, name: 'Tab\tand 😀' }).xml)).toBe(true);
  });
});
