import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReleaseTemplates } from '../../../scripts/package/release-templates';
import { newestChangelogRelease, readReleaseInfo } from '../../../scripts/package/release-version';

const ROOT = join(import.meta.dirname, '..', '..', '..');
/** The templates are generated output; a fresh clone may not hold them yet. */
const generated = existsSync(join(ROOT, 'templates')) && readdirSync(join(ROOT, 'templates')).some((file) => file.endsWith('.json'));

describe('scripts/package - release-version', () => {
  it.each([
    { changelog: '# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2026-01-01\n\n## [1.1.0]\n', newest: '1.2.0' },
    { changelog: '## [0.1.0] - 2026-11-25\n', newest: '0.1.0' },
    { changelog: '# Changelog\n\n## [Unreleased]\n\n- work in progress\n', newest: undefined },
    { changelog: '', newest: undefined }
  ])('reads $newest as the newest release', ({ changelog, newest }) => {
    // when / then
    expect(newestChangelogRelease(changelog)).toBe(newest);
  });

  it('this checkout: CHANGELOG.md names the package.json version as its newest release', async () => {
    // given
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

    // when
    const release = await readReleaseInfo(ROOT);

    // then
    expect(release.version).toBe(pkg.version);
    expect(release).toEqual({ name: (pkg as { name?: string }).name, version: pkg.version, license: (pkg as { license?: string }).license });
  });

  it('refuses a CHANGELOG.md whose newest release is not the package.json version, naming both', async () => {
    // given
    const root = await mkdtemp(join(tmpdir(), 'release-version-'));
    await writeFile(join(root, 'package.json'), JSON.stringify({ name: 'p', version: '1.3.0' }));
    await writeFile(join(root, 'CHANGELOG.md'), '# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2026-01-01\n');

    // when / then
    await expect(readReleaseInfo(root)).rejects.toThrow(`${join(root, 'CHANGELOG.md')} names version 1.2.0 as the newest, but package.json says 1.3.0`);
  });

  it.skipIf(!generated)('this checkout: the templates agree with their released versions', async () => {
    // when
    const templates = await readReleaseTemplates(join(ROOT, 'templates'));

    // then: every generated file, in name order, each with an id and a version, and the released copies of versioned/
    const files = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((file) => file.endsWith('.json')).sort() : []);
    expect(templates.current.map((file) => file.fileName)).toEqual(files(join(ROOT, 'templates')));
    expect(templates.versioned.map((file) => file.fileName)).toEqual(files(join(ROOT, 'templates', 'versioned')));
    for (const { fileName, template, text } of templates.current) {
      expect({ fileName, id: typeof template.id, version: Number.isInteger(template.version) }).toEqual({ fileName, id: 'string', version: true });
      expect(text).toBe(readFileSync(join(ROOT, 'templates', fileName), 'utf8'));
    }
  });

  it('refuses a released version changed in place and a current template older than its released copy', async () => {
    // given
    const templatesDir = await mkdtemp(join(tmpdir(), 'release-templates-'));
    await mkdir(join(templatesDir, 'versioned'));
    const incident = JSON.parse(readFileSync(join(ROOT, 'templates', 'servicenow-incident.json'), 'utf8')) as Record<string, unknown>;
    const current = { ...incident, version: 1, name: 'Changed' };
    const released = { ...incident, version: 1 };
    const newer = { ...incident, version: 2 };
    await writeFile(join(templatesDir, 'servicenow-incident.json'), JSON.stringify(current));
    await writeFile(join(templatesDir, 'versioned', 'servicenow-incident-1.json'), JSON.stringify(released));
    await writeFile(join(templatesDir, 'versioned', 'servicenow-incident-2.json'), JSON.stringify(newer));

    // when
    const failure = await readReleaseTemplates(templatesDir).then(() => undefined, (error: Error & { details?: string[] }) => error);

    // then
    expect(failure?.message).toBe('the template versions do not agree with the released copies');
    expect(failure?.details).toEqual([
      `servicenow-incident-1.json and servicenow-incident.json both are ${String(incident.id)}@1 but differ; a released version must not change: raise "version"`,
      'servicenow-incident.json has version 1, older than the released version 2 in versioned/'
    ]);
  });
});
