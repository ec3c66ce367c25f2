import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../core/errors';
import { findField } from '../../../core/metadata/model';
import { CURATED_TABLES } from '../../../scripts/generate/curated-tables';
import { bundledSnapshotDir, readSnapshot } from '../../../scripts/metadata/read-snapshot';

const liveDump = join(__dirname, 'read-snapshot', 'live-dump');

describe('scripts/metadata - readSnapshot', () => {
  it('loads the bundled snapshot: every SDK table, the curated ones among them, incident fields resolved', async () => {
    // when
    const metadata = await readSnapshot();

    // then
    expect(metadata.origin).toBe('bundled');
    expect(metadata.source).toBe(`@servicenow/sdk-core 4.9.0 Fluent table sources (src/fluent/tables/*.now.ts) + overlay.json, at ${bundledSnapshotDir}`);
    for (const table of CURATED_TABLES) expect(metadata.tables.has(table), table).toBe(true);
    expect(metadata.tables.size).toBeGreaterThan(180);
    // The SDK's own loose ends: a dependency on a column the SDK does not list, and two on dot-walks.
    expect(metadata.warnings.map((warning) => warning.message)).toEqual([
      'depends on "company", which cmn_building does not have; dependency ignored',
      'depends on "model.model_field_table", which sys_declarative_action_assignment does not have; dependency ignored',
      'depends on "client_action.payload_field_table", which sys_declarative_action_assignment does not have; dependency ignored'
    ]);
    const incident = metadata.tables.get('incident')!;
    expect(incident.primaryFields.slice(0, 3)).toEqual(['caller_id', 'category', 'subcategory']);
    expect(findField(incident, 'assignment_group')).toMatchObject({ definedOn: 'task', reference: 'sys_user_group' });
    expect(findField(incident, 'priority')).toMatchObject({ writable: false });
    expect(metadata.tables.get('cmdb_ci_server')?.hierarchy).toEqual(['cmdb_ci_server', 'cmdb_ci_computer', 'cmdb_ci_hardware', 'cmdb_ci', 'cmdb']);
    expect(metadata.tables.get('task')?.abstract).toBe(true);
  });

  it('loads a live dump in the same format, applying the bundled overlay', async () => {
    // when
    const metadata = await readSnapshot(liveDump);

    // then
    expect(metadata).toMatchObject({ origin: 'instance', source: `https://dev00000.service-now.com, build glide-test, fetched 2026-11-25T09:00:00.000Z, at ${liveDump}` });
    expect([...metadata.tables.keys()]).toEqual(['incident', 'task']);
    expect([...metadata.referenceTargets!.keys()]).toEqual(['sys_user']);
    const incident = metadata.tables.get('incident')!;
    expect(incident.primaryFields).toEqual(['caller_id', 'priority', 'short_description']);
    // the overlay's mandatory short_description applies; caller_id is only a form UI policy, so not mandatory
    expect(findField(incident, 'short_description')).toMatchObject({ mandatory: true });
    expect(findField(incident, 'caller_id')).toMatchObject({ mandatory: false, reference: 'sys_user' });
    expect(findField(incident, 'priority')?.choices).toEqual([{ value: '1', label: '1 - Critical', inactive: false, sequence: 1 }]);
  });

  it('names the missing path when the directory is not a snapshot', async () => {
    const missing = join(__dirname, 'no-such-snapshot');
    await expect(readSnapshot(missing)).rejects.toThrow(`No metadata snapshot at ${missing}: ${join(missing, 'sys_db_object.json')} is missing.`);
  });

  it('reads snapshot files an editor saved with a byte order mark as the same records', async () => {
    // given: the live dump, each file re-saved with a BOM
    const copy = await mkdtemp(join(tmpdir(), 'snapshot-bom-'));
    for (const name of await readdir(liveDump)) await writeFile(join(copy, name), `\ufeff${await readFile(join(liveDump, name), 'utf8')}`);

    // when
    const withMarks = await readSnapshot(copy);
    await rm(copy, { recursive: true, force: true });

    // then
    const plain = await readSnapshot(liveDump);
    expect([...withMarks.tables.keys()]).toEqual([...plain.tables.keys()]);
    expect(withMarks.tables.get('incident')?.fields).toEqual(plain.tables.get('incident')?.fields);
  });
  it('names a snapshot file saved as UTF-16 and says to save it as UTF-8', async () => {
    // given: the live dump with sys_choice.json re-saved by Windows PowerShell 5.1's Out-File (UTF-16LE with a byte order mark)
    const copy = await mkdtemp(join(tmpdir(), 'snapshot-utf16-'));
    for (const name of await readdir(liveDump)) await writeFile(join(copy, name), await readFile(join(liveDump, name)));
    const text = await readFile(join(liveDump, 'sys_choice.json'), 'utf8');
    await writeFile(join(copy, 'sys_choice.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));

    // when
    const reading = readSnapshot(copy);

    // then
    await expect(reading).rejects.toThrow(`${join(copy, 'sys_choice.json')} is saved as UTF-16, not UTF-8`);
    await rm(copy, { recursive: true, force: true });
  });
  it('names a folder where a snapshot file belongs with what to do, not as an errno message', async () => {
    // given: a sys_choice.json folder (an unzip or a copy gone wrong)
    const copy = await mkdtemp(join(tmpdir(), 'snapshot-folder-'));
    for (const name of await readdir(liveDump)) await writeFile(join(copy, name), await readFile(join(liveDump, name)));
    await rm(join(copy, 'sys_choice.json'));
    await mkdir(join(copy, 'sys_choice.json'));

    // when
    const error = await readSnapshot(copy).then(() => undefined, (thrown: unknown) => thrown as UserError);
    await rm(copy, { recursive: true, force: true });

    // then
    expect(error).toBeInstanceOf(UserError);
    expect(error?.message).toBe(`cannot read ${join(copy, 'sys_choice.json')}: it is a folder, not a file (EISDIR)`);
    expect(error?.details).toEqual(['What to do: name a file.']);
  });
});
