import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFetchMetadataCommand } from '../../../scripts/fetch-metadata/command';
import { startEmulator, type RunningEmulator } from '../../../scripts/emulator/server';
import { loadEmulatorSnapshot } from '../../../scripts/emulator/snapshot-source';
import { readSnapshot } from '../../../scripts/metadata/read-snapshot';
import { basicEnv } from '../emulator/fixture';
import { runCommand } from './run-command';

const command = createFetchMetadataCommand({ sleep: async () => undefined });

describe('scripts/fetch-metadata - --catalog-items', () => {
  let emulator: RunningEmulator;
  let work: string;

  beforeEach(async () => {
    emulator = await startEmulator({ snapshot: await loadEmulatorSnapshot() });
    work = await mkdtemp(join(tmpdir(), 'fetch-catalog-'));
  });
  afterEach(async () => {
    await emulator.close();
    await rm(work, { recursive: true, force: true });
  });

  const fetch = (items: string, out = 'snap') => runCommand(command, ['--instance', emulator.url, '--catalog-items', items, '--out', out, '--page-size', '2'], { env: { ...basicEnv, SOURCE_DATE_EPOCH: '1795000000' }, cwd: work });

  it('reads an item by name with its variables, variable set and choices, paged, into a snapshot the loader reads as the bundled one', async () => {
    // given
    const bundled = (await readSnapshot()).catalogItems ?? [];
    emulator.faults.add({ kind: 'rate-limit', retryAfterSeconds: 1, path: '/api/now/table/item_option_new' });

    // when
    const result = await fetch('Laptop Request');

    // then
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('1 catalog items (17 variables): Laptop Request');
    const fetched = await readSnapshot(join(work, 'snap'));
    expect([...fetched.tables.keys()].sort()).toEqual(expect.arrayContaining(['sc_req_item', 'sc_request']));
    expect(fetched.catalogItems?.map(({ source: _source, verify: _verify, ...item }) => item)).toEqual(bundled.map(({ source: _source, verify: _verify, ...item }) => item));
    expect(emulator.faults.firedCounts()).toEqual([1]);
    expect(emulator.requests.filter((request) => request.path === '/api/now/table/item_option_new').length).toBeGreaterThan(2);
  });

  it('takes an encoded query, and names an item it cannot find without writing anything', async () => {
    // when
    const byQuery = await fetch('nameSTARTSWITHLaptop^active=true', 'by-query');
    const unknown = await fetch('Laptop Request,Standard Laptop', 'missing');

    // then
    expect(byQuery.code).toBe(0);
    expect((await readSnapshot(join(work, 'by-query'))).catalogItems?.map((item) => item.name)).toEqual(['Laptop Request']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no active catalog item named "Standard Laptop"');
    expect(await readdir(work)).not.toContain('missing');
  });

  it('reads the items\' classes and variable set records: a record producer is skipped with a warning, a multi-row set becomes one rows input keyed by its internal name', async () => {
    // given: the emulator's copy of the bundled "Contact Information" set, made multi-row for this test (the sample's is single-row), and a record producer
    await emulator.close();
    const snapshot = await loadEmulatorSnapshot();
    const setId = snapshot.catalog?.io_set_item[0]?.variable_set ?? '';
    if (snapshot.catalog) {
      snapshot.catalog.item_option_new_set = [{ sys_id: setId, internal_name: 'contacts', title: 'Contacts', type: 'one_to_many' }];
      snapshot.catalog.sc_cat_item = [...snapshot.catalog.sc_cat_item.map((row) => ({ ...row, sys_class_name: 'sc_cat_item' })), { sys_id: '1'.repeat(32), name: 'Create Incident', active: 'true', sys_class_name: 'sc_cat_item_producer' }];
    }
    emulator = await startEmulator({ snapshot });

    // when
    const result = await fetch('Laptop Request,Create Incident');

    // then
    expect(result).toMatchObject({ code: 0 });
    expect(result.stderr).toContain('1 loader warnings');
    const fetched = await readSnapshot(join(work, 'snap'));
    expect(fetched.warnings.map((warning) => warning.message)).toEqual([expect.stringMatching(/^"Create Incident" is a record producer/)]);
    expect(fetched.catalogItems?.map((item) => item.name)).toEqual(['Laptop Request']);
    const [item] = fetched.catalogItems ?? [];
    expect(item?.rowSets.map((set) => [set.name, set.label, set.variables.length > 0])).toEqual([['contacts', 'Contacts', true]]);
    expect(item?.variables.some((variable) => variable.variableSet === setId)).toBe(false);
    expect(emulator.requests.some((request) => request.path === '/api/now/table/item_option_new_set')).toBe(true);
  });
});
