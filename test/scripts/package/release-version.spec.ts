import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
  });

  it.skipIf(!generated)('this checkout: the templates agree with their released versions', async () => {
    // when
    const templates = await readReleaseTemplates(join(ROOT, 'templates'));

    // then
    expect(templates.current.length).toBeGreaterThan(0);
  });
});
