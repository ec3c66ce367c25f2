import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSnapshot, type SnapshotFile, type SnapshotRecordsFile } from '../../../core/metadata/load';
import { packSnapshot, unpackSnapshot } from '../../../core/metadata/packed';
import type { UserError } from '../../../core/errors';
import { bundledSnapshotDir } from '../../../scripts/metadata/read-snapshot';
import { syntheticSnapshotFiles } from '../../../bench/synthetic-snapshot';

async function bundledFiles(): Promise<SnapshotFile[]> {
  const names = (await readdir(bundledSnapshotDir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(names.map(async (name) => ({ path: name, text: await readFile(join(bundledSnapshotDir, name), 'utf8') })));
}

describe('core/metadata - packed snapshot', () => {
  it('loads to the same model as the snapshot it was packed from', async () => {
    // given
    const files = await bundledFiles();

    // when
    const packed = JSON.parse(JSON.stringify(packSnapshot(files)));
    const { files: unpacked, overlay } = unpackSnapshot(packed);

    // then
    const original = loadSnapshot(files, { source: 'x' });
    const roundTripped = loadSnapshot(unpacked, { source: 'x', ...(overlay ? { overlay } : {}) });
    // The plugin's chunk carries the tables only: catalog items reach the Modeler as their order templates.
    const { catalogItems, ...tablesOnly } = original;
    expect(catalogItems?.length).toBeGreaterThan(0);
    expect(roundTripped.tables.size).toBe(original.tables.size);
    expect(roundTripped).toEqual(tablesOnly);
  });

  it('gives back every record value, including labels spelled out from the element and values equal to the defaults', () => {
    // given
    const files = syntheticSnapshotFiles({ tables: 10, rows: 200 });

    // when
    const { files: unpacked } = unpackSnapshot(packSnapshot(files));

    // then
    const records = (list: (SnapshotFile | SnapshotRecordsFile)[], name: string) => {
      const file = list.find((candidate) => candidate.path.endsWith(name))!;
      return ('records' in file ? file.records : (JSON.parse(file.text) as { result: Record<string, unknown>[] }).result);
    };
    const sorted = (list: (SnapshotFile | SnapshotRecordsFile)[], name: string) => records(list, name)
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    for (const name of ['sys_db_object.json', 'sys_dictionary.json', 'sys_dictionary_override.json', 'sys_choice.json']) {
      expect(sorted(unpacked, name), name).toEqual(sorted(files, name));
    }
  });

  it('reports a broken snapshot\'s problems and warnings exactly as its Table API files do', () => {
    // given: files ordered by table, as fetch-metadata writes them, with broken and doubtful records
    const edit = (files: SnapshotFile[], name: string, change: (records: Record<string, string>[]) => void): SnapshotFile[] =>
      files.map((file) => {
        if (!file.path.endsWith(name)) return file;
        const body = JSON.parse(file.text) as { result: Record<string, string>[] };
        change(body.result);
        return { ...file, text: JSON.stringify(body) };
      });
    let files = syntheticSnapshotFiles({ tables: 10, rows: 200 });
    files = edit(files, 'sys_dictionary.json', (records) => {
      records[3]!['internal_type'] = '';
      records[5]!['max_length'] = 'long';
      records[8]!['choice'] = '7';
      records[9]!['mandatory'] = 'yes';
      records[30]!['internal_type'] = 'not a type';
      records[31]!['internal_type'] = 'u_custom_type';
      records[40]!['reference'] = 'u_nowhere';
    });
    files = edit(files, 'sys_choice.json', (records) => {
      records[0]!['element'] = 'u_missing';
      records[2]!['sequence'] = 'first';
    });
    files = edit(files, 'sys_dictionary_override.json', (records) => {
      records[1]!['element'] = 'u_missing';
    });
    const problems = (load: () => unknown) => {
      try {
        load();
      } catch (error) {
        return (error as UserError).details;
      }
      throw new Error('expected the load to fail');
    };

    // when
    const { files: unpacked } = unpackSnapshot(JSON.parse(JSON.stringify(packSnapshot(files))));

    // then
    const expected = problems(() => loadSnapshot(files, { source: 'x' }));
    expect(expected.length).toBeGreaterThanOrEqual(9);
    expect(problems(() => loadSnapshot(unpacked, { source: 'x' }))).toEqual(expected);
  });

  it('warns as its Table API files do', () => {
    // given
    const files = syntheticSnapshotFiles({ tables: 10, rows: 200 }).map((file) => {
      if (!file.path.endsWith('sys_dictionary.json')) return file;
      const body = JSON.parse(file.text) as { result: Record<string, string>[] };
      body.result[31]!['internal_type'] = 'u_custom_type';
      body.result[60]!['dependent_on_field'] = 'u_missing';
      return { ...file, text: JSON.stringify(body) };
    });

    // when
    const { files: unpacked } = unpackSnapshot(packSnapshot(files));

    // then
    const expected = loadSnapshot(files, { source: 'x' }).warnings;
    expect(expected.map((warning) => warning.message)).toEqual(expect.arrayContaining([expect.stringMatching(/unknown internal_type/), expect.stringMatching(/depends on "u_missing"/)]));
    expect(loadSnapshot(unpacked, { source: 'x' }).warnings).toEqual(expected);
  });

  it('is less than a quarter of the Table API files', async () => {
    // given
    const files = await bundledFiles();

    // when
    const packedBytes = JSON.stringify(packSnapshot(files)).length;

    // then
    expect(packedBytes).toBeLessThan(files.reduce((sum, file) => sum + file.text.length, 0) / 4);
  });

  it('names the file it cannot read', () => {
    // when / then
    expect(() => packSnapshot([{ path: 'sys_dictionary.json', text: '{"result": 3}' }])).toThrow(/cannot be packed/);
  });
});
