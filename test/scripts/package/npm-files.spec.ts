import { builtinModules } from 'node:module';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { npmPack, type PackResult } from '../../../scripts/package/npm-pack';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[]; dependencies: Record<string, string> };

let packed: PackResult;
let paths: Set<string>;

beforeAll(async () => {
  packed = await npmPack(ROOT, { dryRun: true });
  paths = new Set(packed.files.map((file) => file.path));
}, 60_000);

/** Static `import … from`, side-effect imports, dynamic `import()` and `require()`; type-only imports are erased. */
function importsOf(source: string): Array<{ specifier: string; dynamic: boolean }> {
  const found: Array<{ specifier: string; dynamic: boolean }> = [];
  for (const match of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
    if (!match[1] && match[2]) found.push({ specifier: match[2], dynamic: false });
  }
  for (const match of source.matchAll(/(?:\bimport|\brequire)\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    if (match[1]) found.push({ specifier: match[1], dynamic: true });
  }
  return found;
}

function resolveRelative(from: string, specifier: string): string | undefined {
  const base = normalize(join(dirname(from), specifier));
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, `${base}.json`, join(base, 'index.ts'), join(base, 'index.js')];
  return candidates.find((candidate) => existsSync(join(ROOT, candidate)) && statSync(join(ROOT, candidate)).isFile());
}

/**
 * The SDK importer is a maintainer command run from a checkout: it needs typescript (a dev dependency)
 * to read the Fluent sources, and metadata/command.ts loads it lazily with a message naming `npm install`.
 */
const MAINTAINER_ONLY = new Set(['scripts/metadata/import-sdk.ts']);

/** Every file the CLI and the plugin manifest can load, following relative imports from the entry points. */
function runtimeClosure(): { files: Set<string>; bareStatic: Map<string, string> } {
  const files = new Set<string>();
  const bareStatic = new Map<string, string>();
  const queue = ['bin/camunda-servicenow.js', 'scripts/cli/run.ts', 'index.js'];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file) || MAINTAINER_ONLY.has(file)) continue;
    files.add(file);
    if (!/\.(ts|tsx|js)$/.test(file)) continue;
    for (const { specifier, dynamic } of importsOf(readFileSync(join(ROOT, file), 'utf8'))) {
      if (specifier.startsWith('.')) {
        const target = resolveRelative(file, specifier);
        if (target) queue.push(relative('.', target));
      } else if (!dynamic) {
        bareStatic.set(specifier, file);
      }
    }
  }
  return { files, bareStatic };
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

describe('scripts/package - npm package contents (npm pack --dry-run --json)', () => {
  it('holds every file the CLI and the plugin manifest load', () => {
    // given
    const { files } = runtimeClosure();

    // then
    expect([...files].filter((file) => !paths.has(file))).toEqual([]);
  });

  it('holds the plugin bundle and style the manifest names, and the templates', () => {
    // given
    const manifest = readFileSync(join(ROOT, 'index.js'), 'utf8');
    const named = [...manifest.matchAll(/(?:script|style|menu):\s*'\.\/([^']+)'/g)].map((match) => match[1] as string);

    // then
    expect(named.length).toBeGreaterThan(0);
    for (const file of named) {
      expect(pkg.files.some((entry) => file === entry || file.startsWith(entry) || (entry.includes('*') && new RegExp(`^${entry.split('*').map((part) => part.replace(/[.]/g, '\\.')).join('[^/]*')}$`).test(file)))).toBe(true);
      if (existsSync(join(ROOT, file))) expect(paths).toContain(file);
    }
    expect(pkg.files).toContain('templates/');
    for (const file of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'index.js']) expect(paths).toContain(file);
  });

  it('needs no development dependency at run time', () => {
    // given
    const { bareStatic } = runtimeClosure();
    const builtins = new Set(builtinModules);

    // when
    const missing = [...bareStatic]
      .filter(([specifier]) => !specifier.startsWith('node:') && !builtins.has(specifier) && !(packageName(specifier) in pkg.dependencies))
      .map(([specifier, file]) => `${specifier} (imported by ${file})`);

    // then: a user installing the package has only "dependencies"; move these there, or load them lazily with import()
    expect(missing).toEqual([]);
  });

  it('leaves out tests, benchmarks, release tooling and dev configuration', () => {
    // when
    const unwanted = [...paths].filter((path) =>
      /^(test|bench|docs|\.ci|scripts\/package)\/|^(tsconfig.*|eslint\.config\.mjs|vitest\.config\.ts|playwright\.config\.ts|webpack\.config\.js|package-lock\.json)$|\.(map|tgz|zip)$|\.spec\.ts$/.test(path)
    );

    // then
    expect(unwanted).toEqual([]);
    // the plugin script and the metadata chunk and its reader it fetches from beside itself
    expect([...paths].filter((path) => path.startsWith('dist/')).sort()).toEqual(existsSync(join(ROOT, 'dist/client.js')) ? ['dist/client.js', 'dist/servicenow-autocomplete.js', 'dist/servicenow-feel.js', 'dist/servicenow-metadata-reader.js', 'dist/servicenow-metadata.js', 'dist/servicenow-panel-helpers.js', 'dist/servicenow-table-switch.js'] : []);
  });
});
