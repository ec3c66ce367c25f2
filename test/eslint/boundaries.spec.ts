/**
 * The module boundaries of eslint.config.mjs fail on a violation: ESLint's
 * own API lints probe sources as if they were files of the tree (no file is
 * written), with the repository's configuration.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM module without typings
import { FEATURES } from '../../eslint/boundaries.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The boundary and cycle findings of `code` as the file `path`: `rule: message`. */
async function findings(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return (result?.messages ?? []).filter((message) => message.ruleId?.startsWith('import-x/')).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('eslint module boundaries', () => {
  it('refuses client/ in scripts/, however deep or roundabout the relative path', async () => {
    const found = await findings('scripts/lint/probe.ts', [
      "import { BATCH_COMMAND } from '../../client/shared/batch-command';",
      "import { inOneStep } from '../lint/../../scripts/../client/shared/batch-command';",
      'export const probe = [BATCH_COMMAND, inOneStep];'
    ].join('\n'));
    expect(found).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: Unexpected path "..\/..\/client\/shared\/batch-command" imported in restricted zone\. scripts\/ \(the CLI\) imports only core\/ and the lint core \(lint\/\), never client\//),
      expect.stringMatching(/^import-x\/no-restricted-paths: Unexpected path "..\/lint\/..\/..\/scripts\/..\/client\/shared\/batch-command".* never client\//)
    ]);
  });

  it('keeps core/ to itself and the lint core to core/', async () => {
    expect(await findings('core/query/validate/probe.ts', "import { findTemplate } from '../../../lint/diagram/find-template';\nexport const probe = findTemplate;"))
      .toEqual([expect.stringMatching(/no-restricted-paths: .* core\/ is shared by the plugin, the lint core and the CLI: it imports nothing outside core\//)]);
    expect(await findings('lint/diagram/probe.ts', "import { BATCH_COMMAND } from '../../client/shared/batch-command';\nexport const probe = BATCH_COMMAND;"))
      .toEqual([expect.stringMatching(/no-restricted-paths: .* The lint core \(lint\/\) runs in the plugin and in the CLI: it imports only core\/ and packages\./)]);
  });

  it('lets a feature folder use only the public modules of another', async () => {
    expect(await findings('client/status-bar/probe.ts', "import { tableOptions } from '../table-picker/table-options';\nexport const probe = tableOptions;"))
      .toEqual([expect.stringMatching(/no-restricted-paths: .* client\/table-picker\/ is a feature folder: import only its public modules \(LazyTablePicker\.ts; listed in eslint\/boundaries\.mjs\)/)]);
    expect(await findings('scripts/lint/probe.ts', "import { readSnapshot } from '../metadata/read-snapshot';\nexport const probe = readSnapshot;")).toEqual([]);
  });

  it('refuses an import it cannot resolve, which would slip past the zones', async () => {
    expect(await findings('scripts/lint/probe.ts', "import { gone } from '../../client/shared/no-such-module';\nexport const probe = gone;"))
      .toEqual([expect.stringMatching(/^import-x\/no-unresolved: /)]);
  });

  it('refuses a dependency cycle', async () => {
    // core/query/index.ts imports checkFeel from ./feel: importing the index back closes a cycle.
    const found = await findings('core/query/feel.ts', "import { parseQuery } from './index';\nexport const probe = parseQuery;");
    expect(found).toEqual([expect.stringMatching(/^import-x\/no-cycle: Dependency cycle/)]);
  });

  it('knows every folder of client/ and scripts/ as a feature or a shared layer, so a new folder cannot escape the feature rule', () => {
    for (const [root, { shared, public: features }] of Object.entries(FEATURES as Record<string, { shared: string[]; public: Record<string, string[]> }>)) {
      const folders = readdirSync(join(ROOT, root), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
      expect(folders, root).toEqual([...shared, ...Object.keys(features)].sort());
    }
  });
});
