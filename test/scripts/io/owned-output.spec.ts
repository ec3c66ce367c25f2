import { spawnSync } from 'node:child_process';
import { chmod, copyFile, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEMPLATE_OWNERSHIP } from '../../../scripts/generate/read-output-dir';
import { captureTree, withoutOwned } from '../../helpers/file-tree';
import { runCli } from '../../helpers/cli';

const snapshot = join(__dirname, '..', 'generate', 'command', 'snapshot');
const fakeSdk = join(__dirname, '..', 'metadata', 'import-sdk', 'fake-sdk');
const overlay = join(__dirname, '..', 'metadata', 'import-sdk', 'overlay.json');
const SNAPSHOT_FILES = new Set(['manifest.json', 'sys_db_object.json', 'sys_dictionary.json', 'sys_dictionary_override.json', 'sys_choice.json']);
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'owned-output-'));
});
afterEach(async () => {
  await chmodTree(work, 0o755);
  await rm(work, { recursive: true, force: true });
});

async function chmodTree(dir: string, mode: number): Promise<void> {
  await chmod(dir, mode).catch(() => undefined);
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) if (entry.isDirectory()) await chmodTree(join(dir, entry.name), mode);
}

const generate = (...args: string[]) => runCli(['generate', '--metadata', snapshot, ...args], { cwd: work });
const importSdk = (out: string, ...args: string[]) => runCli(['metadata', 'import-sdk', '--sdk', fakeSdk, '--overlay', overlay, '--tables', 'ticket_task', '--out', out, ...args], { cwd: work });

/** A folder with what users keep next to templates: an image, a script, a private file, a link, an empty folder. */
async function userFiles(dir: string): Promise<void> {
  await mkdir(join(dir, 'icons'), { recursive: true });
  await writeFile(join(dir, 'icons', 'logo.png'), PNG);
  await writeFile(join(dir, 'deploy.sh'), '#!/bin/sh\necho deploy\n', { mode: 0o755 });
  await writeFile(join(dir, 'secret.txt'), 'token\n', { mode: 0o600 });
  await symlink('icons/logo.png', join(dir, 'logo-link.png'));
  await symlink('does-not-exist', join(dir, 'dangling'));
  await mkdir(join(dir, 'empty'));
  await mkdir(join(dir, 'versioned'), { recursive: true });
  await writeFile(join(dir, 'versioned', 'NOTES.md'), 'ours\n');
}

describe('scripts/io - commands touch only the files they own', () => {
  describe('generate --out', () => {
    it('leaves binaries, symlinks, empty folders and modes under --out exactly as they were', async () => {
      // given
      const out = join(work, 'templates');
      await userFiles(out);
      const before = await captureTree(out);

      // when
      const first = await generate('--out', 'templates');
      const second = await generate('--out', 'templates', '--tables', 'incident');

      // then
      expect(first.code).toBe(0);
      expect(second.code).toBe(0);
      const after = await captureTree(out);
      expect(withoutOwned(after, TEMPLATE_OWNERSHIP.owns)).toEqual(before);
      const events = ['event-boundary', 'event-intermediate', 'event-start', 'wait-boundary', 'wait'].map((kind) => `servicenow-incident-${kind}.json`);
      const apis = ['attachment', 'order-catalog-item', 'start-flow'].map((kind) => `servicenow-api-${kind}.json`);
      expect([...after.keys()].filter(TEMPLATE_OWNERSHIP.owns).sort()).toEqual(['servicenow-any-table.json', ...apis, ...events, 'servicenow-incident.json', 'servicenow-problem.json'].sort());
    });

    it('refuses an empty --out, a file as --out and a project root, changing nothing', async () => {
      // given
      await writeFile(join(work, 'package.json'), '{}\n');
      await writeFile(join(work, 'a-file'), 'data\n');
      const before = await captureTree(work);

      // when
      const empty = await generate('--out', '');
      const dot = await generate('--out', '.');
      const file = await generate('--out', 'a-file');

      // then
      expect(empty).toMatchObject({ code: 1, stderr: expect.stringContaining('--out is empty') });
      expect(dot).toMatchObject({ code: 1, stderr: expect.stringContaining('--out . is the root of a project (it holds package.json)') });
      expect(file).toMatchObject({ code: 1, stderr: expect.stringContaining('--out a-file is a file, not a folder') });
      expect(await captureTree(work)).toEqual(before);
    });

    it('names a link to a missing folder as --out as such, not as a permission problem', async () => {
      // given: a link kept from a moved or deleted folder (e.g. resources/element-templates -> a removed checkout)
      await symlink(join(work, 'moved-away'), join(work, 'templates'));
      const before = await captureTree(work);

      // when
      const result = await generate('--out', 'templates');

      // then
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`--out templates is a link to a folder that does not exist (${join(work, 'moved-away')})`);
      expect(result.stderr).not.toContain('permission denied');
      expect(await captureTree(work)).toEqual(before);
    });

    it('refuses a git working tree as --out, leaving .git intact', async () => {
      // given
      await mkdir(join(work, '.git', 'objects'), { recursive: true });
      await writeFile(join(work, '.git', 'objects', 'pack'), PNG, { mode: 0o444 });
      const before = await captureTree(work);

      // when
      const result = await generate('--out', '.');

      // then
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('holds .git');
      expect(await captureTree(work)).toEqual(before);
    });

    it('removes the temporary files of an interrupted run, and new folders get the umask mode', async () => {
      // given: debris of a run whose process is gone, and of the earlier directory swap
      const out = join(work, 'templates');
      await mkdir(out);
      const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
      await writeFile(join(out, `.camunda-servicenow-${gone}-deadbeef.tmp`), 'half a template');
      await mkdir(join(work, '.templates.new-AbC123'));
      await mkdir(join(work, '.templates.old-XyZ789'));
      await writeFile(join(work, '.templates.old-XyZ789', 'servicenow-incident.json'), '{}');
      const alive = join(out, `.camunda-servicenow-${process.pid}-cafebabe.tmp`);
      await writeFile(alive, 'a running writer');

      // when
      const result = await generate('--out', 'templates/nested');
      const again = await generate('--out', 'templates');

      // then
      expect(result.code).toBe(0);
      expect(again.code).toBe(0);
      expect((await readdir(work)).sort()).toEqual(['templates']);
      expect((await readdir(out)).filter((name) => name.startsWith('.'))).toEqual([`.camunda-servicenow-${process.pid}-cafebabe.tmp`]);
      const umask = process.umask();
      expect((await stat(join(out, 'nested'))).mode & 0o777).toBe(0o777 & ~umask);
      expect((await stat(join(out, 'nested', 'servicenow-incident.json'))).mode & 0o777).toBe(0o666 & ~umask);
    });

    it('refuses a read-only --out with a user error, swapping nothing in and leaving no debris', async () => {
      // given
      const out = join(work, 'templates');
      await generate('--out', 'templates', '--tables', 'incident');
      await chmod(out, 0o555);
      const before = await captureTree(work);

      // when
      const result = await generate('--out', 'templates');

      // then
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`cannot write to ${out}: permission denied; nothing was changed`);
      expect(result.stderr).not.toContain('internal error');
      expect(await captureTree(work)).toEqual(before);
    });

    it('leaves a servicenow-*.json that generate did not write where it is, even in a run that retires templates', async () => {
      // given: Camunda's own ServiceNow connector templates (a list of versions, and a single one) and a user's
      // template, next to ours in a Modeler element-templates folder; their names match servicenow-*.json
      const official = join(__dirname, '..', '..', '..', 'node_modules', '@camunda', 'connectors-element-templates', 'src', 'element-templates');
      const out = join(work, 'element-templates');
      await mkdir(out);
      await copyFile(join(official, 'servicenow-connector.json'), join(out, 'servicenow-connector.json'));
      await copyFile(join(official, 'servicenow-incident-connector.json'), join(out, 'servicenow-incident-connector.json'));
      await writeFile(join(out, 'servicenow-acme-notes.json'), '{"name": "Acme notes", "id": "com.acme.notes", "version": 3, "appliesTo": ["bpmn:Task"], "properties": []}\n');
      const before = await captureTree(out);

      // when: a default run, which retires the templates of tables it no longer makes
      const result = await generate('--out', 'element-templates');

      // then
      expect(result.code).toBe(0);
      const after = await captureTree(out);
      for (const [path, entry] of before) expect(after.get(path)).toEqual(entry);
      expect([...after.keys()].filter((path) => path.startsWith('versioned/'))).toEqual([]);
      expect(result.stdout).not.toContain('retired');
      expect(result.stderr).toContain('warning: left servicenow-connector.json as it is: generate did not write it (no metadata.servicenow)');
    });

    it('refuses to replace a template of its own name that generate did not write, changing nothing', async () => {
      // given: a user's own hand-written servicenow-incident.json (another id, its own versions) where generate writes ours
      const out = join(work, 'templates');
      await mkdir(out);
      await writeFile(join(out, 'servicenow-incident.json'), '{"name": "Acme incident", "id": "com.acme.incident", "version": 3, "appliesTo": ["bpmn:Task"], "properties": []}\n');
      const before = await captureTree(out);

      // when
      const result = await generate('--out', 'templates', '--tables', 'incident');

      // then
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${join(out, 'servicenow-incident.json')} was not written by generate (it has no metadata.servicenow), and generate writes a template of that name`);
      expect(await captureTree(out)).toEqual(before);
    });

    it('refuses to replace a file of its own name that is not JSON, changing nothing', async () => {
      // given: a half-edited servicenow-incident.json (generate writes whole files, so it is no run of ours cut short)
      const out = join(work, 'templates');
      await generate('--out', 'templates', '--tables', 'incident');
      const file = join(out, 'servicenow-incident.json');
      await writeFile(file, (await readFile(file, 'utf8')).slice(0, 500));
      const before = await captureTree(out);

      // when
      const result = await generate('--out', 'templates', '--tables', 'incident');

      // then
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${file} is not valid JSON, so generate cannot tell it from a file of yours`);
      expect(result.stderr).toContain('Fix or remove that file');
      expect(await captureTree(out)).toEqual(before);
    });

    it('keeps the mode of a template it replaces', async () => {
      // given
      await generate('--out', 'templates', '--tables', 'incident');
      const file = join(work, 'templates', 'servicenow-incident.json');
      // a released template whose content differs from what generate makes now: a new version replaces it
      await writeFile(file, (await readFile(file, 'utf8')).replace('"name": "ServiceNow: Incident"', '"name": "ServiceNow: Incident (old)"'));
      await chmod(file, 0o640);

      // when
      const result = await generate('--out', 'templates', '--tables', 'incident');

      // then
      expect(result.code).toBe(0);
      expect((await lstat(file)).mode & 0o777).toBe(0o640);
      expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ name: 'ServiceNow: Incident', version: 2 });
    });
  });

  describe('metadata import-sdk --out', () => {
    it('keeps sub-folders (another snapshot), binaries and the folder mode', async () => {
      // given: the README's sequence, a fetch into metadata/acme, then an import into metadata/
      const out = join(work, 'metadata');
      await mkdir(join(out, 'acme'), { recursive: true });
      await copyFile(join(snapshot, 'sys_db_object.json'), join(out, 'acme', 'sys_db_object.json'));
      await userFiles(out);
      await chmod(out, 0o750);
      const before = await captureTree(out);

      // when
      const result = await importSdk(out);

      // then
      expect(result.code).toBe(0);
      const after = await captureTree(out);
      expect(withoutOwned(after, (path) => SNAPSHOT_FILES.has(path))).toEqual(before);
      expect((await stat(out)).mode & 0o777).toBe(0o750);
    });

    it('refuses a regular file as --out and keeps it', async () => {
      // given
      const file = join(work, 'notes.txt');
      await writeFile(file, 'precious\n');

      // when
      const result = await importSdk(file);

      // then
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`--out ${file} is a file, not a folder`);
      expect(await readFile(file, 'utf8')).toBe('precious\n');
    });
  });

  describe('property: random trees under the output folder come out unchanged, apart from the owned files', () => {
    const name = fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{0,8}$/).filter((value) => !value.startsWith('servicenow-') && !SNAPSHOT_FILES.has(value) && value !== '.git' && value !== 'package.json');
    const entry = fc.oneof(
      fc.record({ kind: fc.constant('text' as const), text: fc.string({ unit: 'grapheme', maxLength: 40 }), mode: fc.constantFrom(0o644, 0o600, 0o755, 0o444) }),
      fc.record({ kind: fc.constant('binary' as const), bytes: fc.uint8Array({ maxLength: 64 }), mode: fc.constantFrom(0o644, 0o700) }),
      fc.record({ kind: fc.constant('symlink' as const), target: fc.constantFrom('..', 'missing', '/etc/hostname', 'versioned') }),
      fc.record({ kind: fc.constant('dir' as const), mode: fc.constantFrom(0o755, 0o700, 0o750) })
    );
    const tree = fc.array(fc.tuple(fc.array(fc.oneof(name, fc.constant('versioned')), { minLength: 1, maxLength: 3 }), entry), { maxLength: 12 });

    async function plant(root: string, entries: typeof tree extends fc.Arbitrary<infer T> ? T : never): Promise<void> {
      await mkdir(root, { recursive: true });
      for (const [segments, item] of entries) {
        const path = join(root, ...segments);
        const parentOk = await mkdir(join(path, '..'), { recursive: true }).then(() => true, () => false);
        if (!parentOk || (await lstat(path).then(() => true, () => false))) continue;
        if (item.kind === 'text') await writeFile(path, item.text, { mode: item.mode });
        else if (item.kind === 'binary') await writeFile(path, item.bytes, { mode: item.mode });
        else if (item.kind === 'symlink') await symlink(item.target, path);
        else await mkdir(path, { mode: item.mode });
        if (item.kind !== 'symlink') await chmod(path, item.mode);
      }
    }

    it('generate', async () => {
      await fc.assert(
        fc.asyncProperty(tree, async (entries) => {
          const out = await mkdtemp(join(work, 'out-'));
          await plant(out, entries);
          const before = await captureTree(out);
          const result = await runCli(['generate', '--metadata', snapshot, '--out', out], { cwd: work });
          expect(result.stderr).toBe('');
          expect(result.code).toBe(0);
          expect(withoutOwned(await captureTree(out), TEMPLATE_OWNERSHIP.owns)).toEqual(before);
          // A second release changes every template, so copies go to versioned/ (refused when versioned is not a real folder).
          const second = await runCli(['generate', '--metadata', snapshot, '--out', out, '--id-prefix', 'com.example.next'], { cwd: work });
          const versionedIsFolder = (await lstat(join(out, 'versioned')).catch(() => undefined))?.isDirectory() ?? true;
          if (versionedIsFolder) expect(second).toMatchObject({ code: 0, stderr: '' });
          else expect(second).toMatchObject({ code: 1, stderr: expect.stringContaining('is not a folder (a link or a file)') });
          // versioned/ itself is ours when it was not there before.
          expect(withoutOwned(await captureTree(out), (path) => TEMPLATE_OWNERSHIP.owns(path) || (path === 'versioned' && !before.has(path)))).toEqual(before);
        }),
        { numRuns: 12 }
      );
    });

    it('metadata import-sdk', async () => {
      await fc.assert(
        fc.asyncProperty(tree, async (entries) => {
          const out = await mkdtemp(join(work, 'out-'));
          await plant(out, entries);
          const before = await captureTree(out);
          const result = await importSdk(out);
          expect(result.code).toBe(0);
          expect(withoutOwned(await captureTree(out), (path) => SNAPSHOT_FILES.has(path))).toEqual(before);
        }),
        { numRuns: 8 }
      );
    });
  });
});
