import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../core/errors';
import { findField } from '../../../core/metadata/model';
import { importSdk } from '../../../scripts/metadata/import-sdk';
import { bundledSnapshotDir } from '../../../scripts/metadata/read-snapshot';
import { runCli } from '../../helpers/cli';

const fixtures = join(__dirname, 'import-sdk');
const fakeSdk = join(fixtures, 'fake-sdk');
const realSdk = join(__dirname, '../../../node_modules/@servicenow/sdk-core');

async function overlayFile(path = join(fixtures, 'overlay.json')) {
  return { path, text: await readFile(path, 'utf8') };
}

describe('scripts/metadata - import-sdk', () => {
  describe('the real @servicenow/sdk-core', () => {
    it('imports incident with the right columns, types and references', async () => {
      // given
      const overlay = await overlayFile(join(bundledSnapshotDir, 'overlay.json'));

      // when
      const { metadata } = await importSdk({ sdkDir: realSdk, overlay, tables: ['incident'] });

      // then
      const incident = metadata.tables.get('incident')!;
      const pick = (element: string) => {
        const field = findField(incident, element);
        return field && { internalType: field.internalType, reference: field.reference, maxLength: field.maxLength, definedOn: field.definedOn };
      };
      expect(pick('caller_id')).toEqual({ internalType: 'reference', reference: 'sys_user', maxLength: 32, definedOn: 'incident' });
      expect(pick('category')).toEqual({ internalType: 'string', reference: undefined, maxLength: 40, definedOn: 'incident' });
      expect(pick('subcategory')).toMatchObject({ internalType: 'string', definedOn: 'incident' });
      expect(findField(incident, 'subcategory')?.dependentOnField).toBe('category');
      expect(pick('impact')).toMatchObject({ internalType: 'integer', definedOn: 'task' });
      expect(pick('urgency')).toMatchObject({ internalType: 'integer', definedOn: 'task' });
      expect(pick('state')).toMatchObject({ internalType: 'integer', definedOn: 'task' });
      expect(pick('short_description')).toEqual({ internalType: 'string', reference: undefined, maxLength: 160, definedOn: 'task' });
      expect(findField(incident, 'state')?.choices.map((choice) => choice.value)).toEqual(['1', '2', '3', '6', '7', '8']);
    });

    it('reads choices another file shares through a const, and the *.now.ts source the SDK exports rather than a stale copy', async () => {
      // given: sys_user_preference.now.ts takes PropertyTypeChoices from sys_properties.now.ts; sysevent_script_action.ts
      // lacks the `synchronous` column of sysevent_script_action.now.ts, the one src/fluent/tables/index.ts exports
      const overlay = await overlayFile(join(bundledSnapshotDir, 'overlay.json'));

      // when
      const { metadata, skipped } = await importSdk({ sdkDir: realSdk, overlay, tables: ['sys_user_preference', 'sys_properties', 'sysevent_script_action'] });

      // then
      const values = (table: string) => findField(metadata.tables.get(table)!, 'type')?.choices.map((choice) => choice.value);
      expect(values('sys_user_preference')).toEqual(values('sys_properties'));
      expect(values('sys_user_preference')).toContain('password2');
      expect(findField(metadata.tables.get('sysevent_script_action')!, 'synchronous')).toMatchObject({ internalType: 'boolean', defaultValue: 'false' });
      expect(skipped).toEqual([`${join('src', 'fluent', 'tables', 'sysevent_script_action.ts')}: not a Fluent source (*.now.ts); not read`]);
    });

    it('rebuilds the bundled snapshot byte for byte', async () => {
      // given
      const overlay = await overlayFile(join(bundledSnapshotDir, 'overlay.json'));

      // when
      const { files } = await importSdk({ sdkDir: realSdk, overlay, tables: undefined });

      // then
      for (const [name, text] of files) expect(text, name).toBe(await readFile(join(bundledSnapshotDir, name), 'utf8'));
    });
  });

  describe('a small SDK fixture', () => {
    it('maps column functions, options, choices and overrides to Table API records', async () => {
      // when
      const { files, manifest, metadata } = await importSdk({ sdkDir: fakeSdk, overlay: await overlayFile(), tables: ['ticket_task'] });

      // then: the records are Table API shaped strings
      const dictionary = JSON.parse(files.get('sys_dictionary.json')!).result as Record<string, string>[];
      const record = (element: string) => dictionary.find((row) => row['element'] === element);
      expect(record('notes')).toMatchObject({ name: 'base_ticket', internal_type: 'journal_input', max_length: '4000', active: 'true' });
      expect(record('legacy')).toMatchObject({ internal_type: 'string', read_only: 'true' });
      expect(record('both')).toMatchObject({ internal_type: 'journal_list', dependent: 'notes,title', dependent_on_field: '' });
      expect(record('retired')).toMatchObject({ active: 'false' });
      expect(record('status')).toMatchObject({ choice: '3', default_value: '1' });
      expect(record('kind')).toMatchObject({ internal_type: 'choice', choice: '1' });
      expect(record('sub_kind')).toMatchObject({ read_only: 'true', dependent_on_field: 'kind' });
      expect(record('status_copy')).toMatchObject({ choice_table: 'ticket', choice_field: 'status' });
      expect(record('score')).toMatchObject({ virtual: 'true' });
      expect(record('ticket')).toMatchObject({ name: 'ticket_task', internal_type: 'reference', reference: 'ticket' });
      expect(JSON.parse(files.get('sys_dictionary_override.json')!).result).toEqual([
        { name: 'ticket', element: 'title', base_table: 'base_ticket', mandatory_override: 'true', mandatory: 'false', read_only_override: 'false', read_only: '', default_value_override: 'true', default_value: 'Untitled', dependent_override: 'false', dependent: '', calculation_override: 'false' }
      ]);
      expect(JSON.parse(files.get('sys_db_object.json')!).result).toEqual([
        { name: 'base_ticket', label: 'Base ticket', 'super_class.name': '' },
        { name: 'person', label: 'Person', 'super_class.name': '' },
        { name: 'ticket', label: 'Ticket', 'super_class.name': 'base_ticket' },
        { name: 'ticket_task', label: 'Ticket task', 'super_class.name': 'ticket' }
      ]);
      expect(manifest).toMatchObject({ origin: 'sdk', tables: ['base_ticket', 'ticket', 'ticket_task'], records: { sys_db_object: 4, sys_dictionary: 13, sys_dictionary_override: 1, sys_choice: 5 } });

      // and the resolved model reads them back
      const task = metadata.tables.get('ticket_task')!;
      expect(findField(task, 'kind')?.choices.map((c) => `${c.value}=${c.label}`)).toEqual(['task=Task', 'bug=Bug', 'idea=Idea']);
      expect(findField(task, 'status_copy')?.choices.map((c) => c.label)).toEqual(['Open', 'Done']);
      expect(findField(task, 'title')).toMatchObject({ mandatory: false, defaultValue: 'Untitled', maxLength: 160 });
      expect(findField(metadata.tables.get('base_ticket')!, 'title')).toMatchObject({ mandatory: true });
      expect(findField(task, 'score')?.writable).toBe(false);
      expect(findField(task, 'retired')).toBeUndefined();
      expect(task.primaryFields).toEqual(['title', 'kind']);
      expect(metadata.referenceTargets?.has('person')).toBe(true);
    });

    it('reports computed values it could not evaluate instead of guessing', async () => {
      // when
      const { skipped, files } = await importSdk({ sdkDir: fakeSdk, overlay: await overlayFile(), tables: ['ticket'] });

      // then: maxLength 10 * 4 is an expression; the column is kept without it
      expect(skipped).toEqual([join('src', 'fluent', 'tables', 'ticket.now.ts') + ':35: computed.maxLength is computed; left out']);
      const computed = (JSON.parse(files.get('sys_dictionary.json')!).result as Record<string, string>[]).find((row) => row['element'] === 'computed');
      expect(computed).toMatchObject({ max_length: '' });
    });

    it('fails, naming the table, when a table is neither in the SDK nor the overlay', async () => {
      // when
      const failure = importSdk({ sdkDir: fakeSdk, overlay: await overlayFile(), tables: ['nowhere'] });

      // then
      await expect(failure).rejects.toThrow(UserError);
      await expect(failure).rejects.toMatchObject({ details: [expect.stringContaining('table "nowhere" is neither in the SDK nor defined in')] });
    });

    it('fails when the overlay redefines a column the SDK has', async () => {
      // given
      const text = JSON.stringify({ format: 1, tables: { ticket: { fields: { kind: { column: { type: 'string', source: 'x' } } } } } });

      // when
      const failure = importSdk({ sdkDir: fakeSdk, overlay: { path: 'overlay.json', text }, tables: ['ticket'] });

      // then
      await expect(failure).rejects.toMatchObject({ details: ['overlay.json ticket.kind: the SDK already defines this column; remove the overlay\'s "column" entry'] });
    });

    it('writes the reference key the overlay gives a reference column, and refuses one on another column', async () => {
      // given
      const overlay = (fields: object) => ({ path: 'overlay.json', text: JSON.stringify({ format: 1, tables: { base_ticket: { fields } } }) });

      // when
      const { files, metadata } = await importSdk({ sdkDir: fakeSdk, overlay: overlay({ owner: { referenceKey: { value: 'email', source: 'x' } } }), tables: ['ticket'] });
      const failure = importSdk({ sdkDir: fakeSdk, overlay: overlay({ title: { referenceKey: { value: 'email', source: 'x' } } }), tables: ['ticket'] });

      // then
      const dictionary = JSON.parse(files.get('sys_dictionary.json')!).result as Record<string, string>[];
      expect(dictionary.find((row) => row['element'] === 'owner')).toMatchObject({ reference: 'person', reference_key: 'email' });
      expect(dictionary.find((row) => row['element'] === 'title')).toMatchObject({ reference_key: '' });
      expect(findField(metadata.tables.get('ticket')!, 'owner')?.referenceKey).toBe('email');
      await expect(failure).rejects.toMatchObject({ details: ['overlay.json base_ticket.title: referenceKey needs a reference column of that name'] });
    });

    it('fails with a clear message when --sdk is not an SDK package', async () => {
      await expect(importSdk({ sdkDir: fixtures, overlay: await overlayFile(), tables: ['ticket'] })).rejects.toThrow(/is not an @servicenow\/sdk-core package/);
    });
  });

  describe('Fluent written the ways real apps write it (fluent-sources/patterns)', () => {
    const patterns = join(__dirname, 'sdk', 'fluent-sources', 'patterns');

    it('reads shared consts across files, spreads, aliased imports, language labels, Record() choices and columns, and augmented tables', async () => {
      // when
      const { metadata, skipped, manifest } = await importSdk({ sdkDir: patterns, overlay: await overlayFile(join(patterns, 'overlay.json')), tables: ['x_acme_case'] });

      // then
      const acme = metadata.tables.get('x_acme_case')!;
      expect(acme).toMatchObject({ label: 'Case', superClass: 'task' });
      expect(acme.fields.map((field) => field.element).sort()).toEqual([
        'channel', 'code', 'hours', 'number', 'parent_case', 'reviewed_by', 'reviewed_on', 'severity', 'short_description', 'state', 'summary', 'x_acme_flagged'
      ]);
      expect(findField(acme, 'summary')).toMatchObject({ internalType: 'string', maxLength: 200, mandatory: true });
      expect(findField(acme, 'severity')?.choices.map((choice) => `${choice.value}${choice.inactive ? ' (inactive)' : ''}`)).toEqual(['high', 'medium (inactive)', 'low']);
      expect(findField(acme, 'parent_case')).toMatchObject({ reference: 'x_acme_case', referenceKey: 'number' });
      expect(findField(acme, 'reviewed_by')).toMatchObject({ reference: 'sys_user', definedOn: 'x_acme_case' });
      expect(findField(acme, 'hours')).toMatchObject({ internalType: 'integer', mandatory: true, defaultValue: '0' });
      // The child's own sys_choice records replace task's list; the French one is not an English label.
      expect(findField(acme, 'state')?.choices.map((choice) => `${choice.value}=${choice.label}`)).toEqual(['1=New', '18=Awaiting customer']);
      expect(findField(metadata.tables.get('task')!, 'state')?.choices.map((choice) => choice.label)).toEqual(['Open', 'Closed']);
      expect(findField(acme, 'x_acme_flagged')).toMatchObject({ internalType: 'boolean', definedOn: 'task' });
      // Math.max(10, 20) is reported, not run; the BusinessRule and the data Record() say nothing, a choice for an unknown table is reported.
      expect(findField(acme, 'code')?.maxLength).toBe(40);
      const tables = join('src', 'fluent', 'tables');
      expect(skipped).toEqual([
        `${join(tables, 'x_acme_case.now.ts')}:23: code.maxLength is computed; left out`,
        `${join(tables, 'business-rule.now.ts')}:19: Record() of sys_choice for table x_acme_gone, which no Table() defines; left out`
      ]);
      expect(manifest.tables).toEqual(['task', 'x_acme_case']);
    });
  });

  describe('camunda-servicenow metadata import-sdk', () => {
    let out: string | undefined;
    afterEach(async () => {
      if (out) await rm(out, { recursive: true, force: true });
    });

    it('writes the snapshot, keeps the other files of the directory, and rebuilds identically', async () => {
      // given
      out = await mkdtemp(join(tmpdir(), 'import-sdk-'));
      await writeFile(join(out, 'README.md'), 'keep me\n');
      await writeFile(join(out, 'overlay.json'), await readFile(join(fixtures, 'overlay.json')));
      const args = ['metadata', 'import-sdk', '--sdk', fakeSdk, '--out', out, '--tables', 'ticket_task'];

      // when
      const first = await runCli(args);
      const firstFiles = await readAll(out);
      const second = await runCli([...args, '--json']);

      // then
      expect(first.code).toBe(0);
      expect(first.stderr).toContain('skipped: ');
      expect(first.stdout).toContain('3 complete tables, 1 reference targets');
      expect(Object.keys(firstFiles).sort()).toEqual(['README.md', 'manifest.json', 'overlay.json', 'sys_choice.json', 'sys_db_object.json', 'sys_dictionary.json', 'sys_dictionary_override.json']);
      expect(firstFiles['README.md']).toBe('keep me\n');
      expect(second.code).toBe(0);
      expect(JSON.parse(second.stdout)).toMatchObject({ fields: { ticket_task: 12 } });
      expect(await readAll(out)).toEqual(firstFiles);
    });

    it('exits 1, names each file, and writes nothing when files of a snapshot\'s names in --out are someone else\'s', async () => {
      // given: a web app's manifest and a choice export as a plain list, beside the overlay
      out = await mkdtemp(join(tmpdir(), 'import-sdk-'));
      await writeFile(join(out, 'overlay.json'), await readFile(join(fixtures, 'overlay.json')));
      await writeFile(join(out, 'manifest.json'), '{ "name": "Service desk app", "start_url": "/", "icons": [] }\n');
      await writeFile(join(out, 'sys_choice.json'), '[{ "name": "incident", "element": "state", "value": "1" }]\n');
      await writeFile(join(out, 'sys_dictionary.json'), 'not json at all\n');
      const before = await readAll(out);

      // when
      const result = await runCli(['metadata', 'import-sdk', '--sdk', fakeSdk, '--out', out, '--tables', 'ticket_task']);

      // then
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`--out ${out} holds files named like a metadata snapshot's that are not one`);
      expect(result.stderr).toContain('manifest.json: format must be 1');
      expect(result.stderr).toContain('sys_choice.json: expected a Table API response');
      expect(result.stderr).toContain('sys_dictionary.json: not valid JSON');
      expect(result.stderr).toContain('choose another --out');
      expect(await readAll(out)).toEqual(before);
    });

    it('exits 1, names the file and line, and writes nothing when a source has a syntax error', async () => {
      // given
      out = await mkdtemp(join(tmpdir(), 'import-sdk-'));
      const sdk = join(out, 'sdk');
      await mkdir(join(sdk, 'src', 'fluent', 'tables'), { recursive: true });
      await writeFile(join(sdk, 'package.json'), '{ "name": "@servicenow/sdk-core", "version": "0.0.1-broken" }');
      await writeFile(join(sdk, 'src', 'fluent', 'tables', 'x_t.now.ts'), "export const x_t = Table({\n  name: 'x_t',\n  schema: { a: StringColumn({ label: 'A' }) }\n");
      const snapshot = join(out, 'snapshot');
      await mkdir(snapshot);
      await writeFile(join(snapshot, 'overlay.json'), '{ "format": 1, "tables": {} }');

      // when
      const result = await runCli(['metadata', 'import-sdk', '--sdk', sdk, '--out', snapshot]);

      // then
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${join('src', 'fluent', 'tables', 'x_t.now.ts')}:4:1: syntax error: '}' expected.`);
      expect(await readdir(snapshot)).toEqual(['overlay.json']);
    });

    it('exits 1 and writes nothing when the overlay is missing', async () => {
      // given
      out = await mkdtemp(join(tmpdir(), 'import-sdk-'));

      // when
      const result = await runCli(['metadata', 'import-sdk', '--sdk', fakeSdk, '--out', out]);

      // then
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Cannot read the overlay ${join(out, 'overlay.json')}: no such file`);
      expect(await readdir(out)).toEqual([]);
    });
  });
});

async function readAll(dir: string): Promise<Record<string, string>> {
  const names = await readdir(dir);
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const)));
}
