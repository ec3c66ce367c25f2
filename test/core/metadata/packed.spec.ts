import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSnapshot, type SnapshotFile } from '../../../core/metadata/load';
import { packSnapshot, unpackSnapshot } from '../../../core/metadata/packed';
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
    const records = (list: SnapshotFile[], name: string) => (JSON.parse(list.find((file) => file.path.endsWith(name))!.text) as { result: Record<string, string>[] }).result
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    for (const name of ['sys_db_object.json', 'sys_dictionary.json', 'sys_dictionary_override.json', 'sys_choice.json']) {
      expect(records(unpacked, name), name).toEqual(records(files, name));
    }
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
