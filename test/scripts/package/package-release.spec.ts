import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packageRelease } from '../../../scripts/package/package-release';

const FIXTURE = join(import.meta.dirname, 'package-release');
let root: string;
let out: string;

beforeEach(async () => {
  const work = await mkdtemp(join(tmpdir(), 'package-'));
  root = join(work, 'project');
  out = join(work, 'dist');
  await cp(FIXTURE, root, { recursive: true });
});

afterEach(async () => {
  await rm(join(root, '..'), { recursive: true, force: true });
});

async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name))).sort();
}

function unzip(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([path, content]) => [path, new TextDecoder().decode(content)]));
}

describe('scripts/package - package-release', () => {
  it('writes a Desktop Modeler zip whose top level mirrors resources/', async () => {
    // when
    const outcome = await packageRelease(root, out, { npmPack: false });

    // then
    expect(outcome.zip).toBe('fixture-servicenow-plugin-2.3.0.zip');
    const zip = unzip(await readFile(join(out, outcome.zip)));
    expect(Object.keys(zip).sort()).toEqual([
      'element-templates/servicenow/servicenow-change_request.json',
      'element-templates/servicenow/servicenow-incident.json',
      'element-templates/servicenow/versioned/servicenow-incident-1.json',
      'plugins/fixture-servicenow-plugin/LICENSE',
      'plugins/fixture-servicenow-plugin/README.md',
      'plugins/fixture-servicenow-plugin/build/client.js',
      'plugins/fixture-servicenow-plugin/index.js',
      'plugins/fixture-servicenow-plugin/style/style.css'
    ]);
    expect(zip['plugins/fixture-servicenow-plugin/build/client.js']).toBe(await readFile(join(root, 'build/client.js'), 'utf8'));
    expect(zip['element-templates/servicenow/servicenow-incident.json']).toBe(await readFile(join(root, 'templates/servicenow-incident.json'), 'utf8'));
  });

  it('builds byte-identical artifacts from the same input', async () => {
    // given
    const first = await packageRelease(root, out, { npmPack: false });
    const zipBefore = await readFile(join(out, first.zip));
    const marketplaceBefore = await Promise.all((await listTree(join(out, 'marketplace'))).map((file) => readFile(join(out, 'marketplace', file))));

    // when
    await packageRelease(root, out, { npmPack: false });

    // then
    expect(Buffer.compare(await readFile(join(out, first.zip)), zipBefore)).toBe(0);
    const marketplaceAfter = await Promise.all((await listTree(join(out, 'marketplace'))).map((file) => readFile(join(out, 'marketplace', file))));
    expect(marketplaceAfter).toEqual(marketplaceBefore);
  });

  it('leaves other files in the output folder alone (the plugin bundle lives in dist/ too)', async () => {
    // given
    await cp(join(root, 'build', 'client.js'), join(out, 'client.js'));

    // when
    await packageRelease(root, out, { npmPack: false });

    // then
    expect(await listTree(out)).toContain('client.js');
  });

  it('writes a Marketplace folder with one template, its icon and a doc page per template', async () => {
    // when
    await packageRelease(root, out, { npmPack: false });

    // then
    const marketplace = join(out, 'marketplace');
    expect(await listTree(marketplace)).toEqual([
      'README.md',
      'servicenow-change_request/README.md',
      'servicenow-change_request/servicenow-change_request.json',
      'servicenow-incident/README.md',
      'servicenow-incident/icon.svg',
      'servicenow-incident/servicenow-incident.json'
    ]);
    expect(await readFile(join(marketplace, 'servicenow-incident/icon.svg'), 'utf8')).toMatch(/^<svg xmlns='http:\/\/www.w3.org\/2000\/svg'.*<\/svg>$/);
    const doc = await readFile(join(marketplace, 'servicenow-incident/README.md'), 'utf8');
    expect(doc).toContain('| Table | Incident `incident` (extends `task`) |');
    expect(doc).toContain('| Release | 2.3.0 |');
    expect(doc).toContain('- **Query records (list)** (`query`)');
    expect(doc).toContain('| `assigned_to` | reference | `sys_user` |  |');
    expect(doc).toContain('`active=true^state=1^ORDERBYDESCsys_updated_on`');
    expect(await readFile(join(marketplace, 'README.md'), 'utf8')).toContain('- [ServiceNow: Incident](servicenow-incident/README.md): `io.example.servicenow.incident` version 2');
  });

  it('refuses to package when CHANGELOG.md and package.json name different versions', async () => {
    // given
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    await writeFile(join(root, 'package.json'), JSON.stringify({ ...pkg, version: '2.4.0' }));

    // when / then
    await expect(packageRelease(root, out, { npmPack: false })).rejects.toThrow(/names version 2.3.0 as the newest, but package.json says 2.4.0/);
  });

  it('refuses a released template version that was changed in place', async () => {
    // given
    const path = join(root, 'templates/versioned/servicenow-change_request-1.json');
    const released = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...released, description: 'edited after release' }));

    // when / then
    await expect(packageRelease(root, out, { npmPack: false })).rejects.toMatchObject({
      details: [expect.stringContaining('both are io.example.servicenow.change_request@1 but differ; a released version must not change')]
    });
  });

  it('names the template file that breaks the one-template-per-file rule', async () => {
    // given
    const path = join(root, 'templates/servicenow-incident.json');
    await writeFile(path, `[${await readFile(path, 'utf8')}]`);

    // when / then
    await expect(packageRelease(root, out, { npmPack: false })).rejects.toMatchObject({
      details: [expect.stringMatching(/servicenow-incident\.json: holds a list with one template.*remove the list brackets/)]
    });
  });

  it('asks for the bundle when the manifest names a script that was not built', async () => {
    // given
    await rm(join(root, 'build'), { recursive: true });

    // when / then
    await expect(packageRelease(root, out, { npmPack: false })).rejects.toThrow(/names script "\.\/build\/client\.js", which does not exist; run "npm run bundle" first/);
  });

  it('packs the npm tarball into the output folder', async () => {
    // when
    const outcome = await packageRelease(root, out);

    // then
    expect(outcome.tarball).toBe('fixture-servicenow-plugin-2.3.0.tgz');
    const entries = execFileSync('tar', ['-tzf', join(out, 'fixture-servicenow-plugin-2.3.0.tgz')], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(entries).toEqual([
      'package/LICENSE',
      'package/README.md',
      'package/build/client.js',
      'package/index.js',
      'package/package.json',
      'package/style/style.css',
      'package/templates/servicenow-change_request.json',
      'package/templates/servicenow-incident.json',
      'package/templates/versioned/servicenow-change_request-1.json',
      'package/templates/versioned/servicenow-incident-1.json'
    ]);
  });
});
