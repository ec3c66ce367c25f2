import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseOptions } from '../cli/parse-options';
import type { CliIo, Command } from '../cli/command';
import { UserError } from '../../core/errors';
import { formatProblem } from '../../core/metadata/problems';
import { OVERLAY_FILE } from '../../core/metadata/overlay';
import { checkOutputFolder, readOwnedFiles, replaceOwnedFiles, type Ownership } from '../io/owned-files';
import { MANIFEST_FILE } from '../../core/metadata/manifest';
import { SNAPSHOT_FILES } from '../../core/metadata/records';
import { bundledSnapshotDir, readSnapshot } from './read-snapshot';
import { findTable, formatTable, formatTableList, tableJson, tableListJson } from './show';
import { foreignSnapshotFiles } from './snapshot-files';

const SDK_PACKAGE = '@servicenow/sdk-core';

/** import-sdk writes only the snapshot's record files and manifest; the overlay, READMEs and sub-folders (other snapshots) stay. */
const SNAPSHOT_OWNERSHIP: Ownership = {
  folders: [''],
  owns: (path) => path === MANIFEST_FILE || (Object.values(SNAPSHOT_FILES) as string[]).includes(path)
};

const help = `Usage:
  camunda-servicenow metadata list [--metadata <dir>] [--json]
  camunda-servicenow metadata show <table> [--metadata <dir>] [--json]
  camunda-servicenow metadata import-sdk [--sdk <dir>] [--out <dir>] [--overlay <file>] [--tables a,b,...] [--json]

list        Lists the tables of a snapshot: label, super class, field counts.

show        Prints a resolved table: its own and inherited fields (primary fields
            first) with label, internal type, max length, mandatory, writable,
            reference table and choices. --json prints the resolved model.
            --metadata: a snapshot directory (default: the bundled snapshot).

import-sdk  Rebuilds a snapshot from the Fluent table sources (.now.ts) of
            @servicenow/sdk-core plus the overlay's record facts, for the given
            tables (default: every table the SDK and the overlay define), their
            super classes and the tables their references point to. The output is loaded and
            checked before anything is written; only the snapshot files
            (${Object.values(SNAPSHOT_FILES).join(', ')}, ${MANIFEST_FILE})
            are replaced, and only when they hold a snapshot (anything else of
            those names is refused); everything else in --out (overlay.json,
            README.md, other snapshots in sub-folders) is left as it is.
            --sdk: the unpacked package (default: the installed @servicenow/sdk-core)
            --out: the snapshot directory (default: the bundled metadata/)
            --overlay: default <out>/overlay.json

Snapshot format: metadata/README.md.`;

export const command: Command = {
  name: 'metadata',
  summary: 'Show resolved ServiceNow table metadata, or rebuild the bundled snapshot from the ServiceNow SDK',
  help,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'list') return list(rest, io);
    if (sub === 'show') return show(rest, io);
    if (sub === 'import-sdk') return importCommand(rest, io);
    throw new UserError(sub ? `unknown subcommand "${sub}"; use list, show or import-sdk (see --help)` : 'missing subcommand: use list, show <table> or import-sdk (see --help)');
  }
};

async function list(args: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions({ args, options: { metadata: { type: 'string' }, json: { type: 'boolean' } } });
  const metadata = await readSnapshot(values.metadata === undefined ? bundledSnapshotDir : resolve(io.cwd, values.metadata));
  io.stdout.write(values.json ? tableListJson(metadata) : formatTableList(metadata));
  return 0;
}

async function show(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions({ args, allowPositionals: true, options: { metadata: { type: 'string' }, json: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new UserError('metadata show needs exactly one table name, e.g. camunda-servicenow metadata show incident');
  const metadata = await readSnapshot(values.metadata === undefined ? bundledSnapshotDir : resolve(io.cwd, values.metadata));
  const table = findTable(metadata, positionals[0]!);
  io.stdout.write(values.json ? tableJson(table, metadata) : formatTable(table, metadata.source));
  return 0;
}

async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions({
    args,
    options: { sdk: { type: 'string' }, out: { type: 'string' }, overlay: { type: 'string' }, tables: { type: 'string' }, json: { type: 'boolean' } }
  });
  const out = values.out === undefined ? bundledSnapshotDir : await checkOutputFolder('--out', values.out, io.cwd);
  const sdkDir = values.sdk === undefined ? installedSdkDir() : resolve(io.cwd, values.sdk);
  const overlayPath = values.overlay === undefined ? join(out, OVERLAY_FILE) : resolve(io.cwd, values.overlay);
  const tables = values.tables === undefined ? undefined : values.tables.split(',').map((table) => table.trim()).filter(Boolean);
  if (tables?.length === 0) throw new UserError('--tables is empty; list table names separated by commas');
  const overlayText = await readFile(overlayPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UserError(`Cannot read the overlay ${overlayPath}: ${error.code === 'ENOENT' ? 'no such file' : error.message}. Pass --overlay <file>.`);
  });

  await refuseForeignSnapshotFiles(out, values.out ?? out);

  const { importSdk } = await loadImporter();
  const result = await importSdk({ sdkDir, overlay: { path: overlayPath, text: overlayText }, tables });
  await replaceOwnedFiles(out, SNAPSHOT_OWNERSHIP, await readOwnedFiles(out, SNAPSHOT_OWNERSHIP), result.files);

  const fieldCounts = Object.fromEntries([...result.metadata.tables.values()].map((table) => [table.name, table.fields.length]));
  if (values.json) {
    io.stdout.write(`${JSON.stringify({ out, manifest: result.manifest, fields: fieldCounts, warnings: result.metadata.warnings, skipped: result.skipped }, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(`Wrote ${out} from ${result.manifest.source}\n`);
  io.stdout.write(`  ${result.metadata.tables.size} complete tables, ${result.metadata.referenceTargets?.size ?? 0} reference targets\n`);
  for (const [table, count] of Object.entries(fieldCounts)) io.stdout.write(`  ${table.padEnd(20)} ${count} fields\n`);
  io.stdout.write(`  records: ${Object.entries(result.manifest.records).map(([file, count]) => `${file} ${count}`).join(', ')}\n`);
  for (const warning of result.metadata.warnings) io.stderr.write(`warning: ${formatProblem(warning)}\n`);
  for (const line of result.skipped) io.stderr.write(`skipped: ${line}\n`);
  return 0;
}

/** Before the slow import: files named like a snapshot's that are someone else's stay as they are. */
async function refuseForeignSnapshotFiles(out: string, named: string): Promise<void> {
  const foreign = foreignSnapshotFiles(await readOwnedFiles(out, SNAPSHOT_OWNERSHIP));
  if (foreign.length === 0) return;
  throw new UserError(`--out ${named} holds files named like a metadata snapshot's that are not one; import-sdk would replace them, so nothing was written`, [
    ...foreign,
    'Move those files elsewhere, or choose another --out (a folder of its own for the snapshot).'
  ]);
}

/** The importer needs the TypeScript compiler, a dev dependency: `metadata show` must work without it. */
async function loadImporter(): Promise<typeof import('./import-sdk')> {
  try {
    return await import('./import-sdk');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') {
      throw new UserError(`metadata import-sdk needs the development dependencies (${(error as Error).message.split('\n')[0]}); run npm install in the project checkout.`);
    }
    throw error;
  }
}

/** The package's exports map hides package.json, so look through the node_modules search path. */
function installedSdkDir(): string {
  const found = (require.resolve.paths(SDK_PACKAGE) ?? []).map((dir) => join(dir, SDK_PACKAGE)).find((dir) => existsSync(join(dir, 'package.json')));
  if (found) return found;
  throw new UserError('@servicenow/sdk-core is not installed; run npm install, or pass --sdk <dir> with the unpacked package (npm pack @servicenow/sdk-core).');
}
