/**
 * The snapshot loader: Table API response files in, resolved Metadata out.
 * Pure (no Node or DOM API) so that the browser plugin runs it too. It
 * either returns the whole model or throws one UserError listing every
 * broken record: never a partial result. Every record is read and checked
 * here; a table's fields are built when the table is first read.
 */
import { CATALOG_FILES, readCatalog } from './catalog';
import { MANIFEST_FILE, parseManifest, type Manifest } from './manifest';
import type { Metadata, MetadataOrigin, MetadataWarning } from './model';
import { OVERLAY_FILE, parseOverlay, type Overlay } from './overlay';
import { Problems } from './problems';
import {
  parseResultFile,
  type Raw,
  readChoiceRecords,
  readColumnRecords,
  readOverrideRecords,
  readTableRecords,
  SNAPSHOT_FILES
} from './records';
import { resolveSnapshot } from './resolve';

/** One snapshot file: its path (only the base name matters) and its text. */
export interface SnapshotFile {
  path: string;
  text: string;
}

/** A record file whose records are already objects (the plugin's packed chunk arrives parsed): read without a text round trip. */
export interface SnapshotRecordsFile {
  path: string;
  records: Raw[];
}

export interface LoadOptions {
  /** Overrides the manifest's origin. */
  origin?: MetadataOrigin;
  /** Overrides the model's source description (default: the manifest's source, build and time, at `location`). */
  source?: string;
  /** Where the files were read from (a directory): named in errors and in the source description. */
  location?: string;
  /** The overlay to apply: parsed, or as a file; otherwise an `overlay.json` among `files`, if any. */
  overlay?: Overlay | SnapshotFile;
}

const recordFiles = Object.values(SNAPSHOT_FILES) as string[];
const catalogFiles = Object.values(CATALOG_FILES) as string[];
const knownFiles = [...recordFiles, ...catalogFiles, MANIFEST_FILE, OVERLAY_FILE];

export function loadSnapshot(files: (SnapshotFile | SnapshotRecordsFile)[], options: LoadOptions = {}): Metadata {
  const problems = new Problems();
  const byName = new Map<string, SnapshotFile | SnapshotRecordsFile>();
  for (const file of files) {
    const name = baseName(file.path);
    if (!knownFiles.includes(name)) problems.error(file.path, undefined, `unexpected file; a snapshot holds ${knownFiles.join(', ')}`);
    else if (byName.has(name)) problems.error(file.path, undefined, `second ${name} (also ${byName.get(name)!.path})`);
    else byName.set(name, file);
  }
  const location = options.location ?? describeLocation(files);
  for (const required of [SNAPSHOT_FILES.tables, SNAPSHOT_FILES.columns]) {
    if (!byName.has(required)) problems.error(required, undefined, 'missing: a snapshot needs sys_db_object.json and sys_dictionary.json (see metadata/README.md)');
  }

  // Parse and read one file at a time, so that each file's raw JSON can be collected before the next.
  const counts: Record<string, number> = {};
  let unreadable = byName.size < files.length || !byName.has(SNAPSHOT_FILES.tables) || !byName.has(SNAPSHOT_FILES.columns);
  const read = <T>(name: string, reader: (raws: Record<string, unknown>[], problems: Problems) => T[]): T[] => {
    const raws = recordsOf(name, byName.get(name), problems);
    if (!raws) unreadable = true;
    counts[name.replace(/\.json$/, '')] = raws?.length ?? 0;
    return raws ? reader(raws, problems) : [];
  };
  const manifestFile = byName.get(MANIFEST_FILE);
  const manifest = manifestFile ? parseManifest(MANIFEST_FILE, textOf(manifestFile), problems) : undefined;
  const records = {
    tables: read(SNAPSHOT_FILES.tables, readTableRecords),
    columns: read(SNAPSHOT_FILES.columns, readColumnRecords),
    overrides: read(SNAPSHOT_FILES.overrides, readOverrideRecords),
    choices: read(SNAPSHOT_FILES.choices, (raws, problems) => readChoiceRecords(raws, problems, manifest?.language))
  };
  const overlayFile = byName.get(OVERLAY_FILE);
  const overlay = readOverlay(options.overlay ?? (overlayFile && { path: overlayFile.path, text: textOf(overlayFile) }), problems);
  const catalogItems = readCatalog((name) => {
    if (!byName.has(name)) return undefined;
    const raws = recordsOf(name, byName.get(name), problems);
    if (!raws) unreadable = true;
    counts[name.replace(/\.json$/, '')] = raws?.length ?? 0;
    return raws ?? [];
  }, problems, overlay?.catalogItems);
  // Resolving without a whole file would only add follow-on errors.
  if (unreadable) problems.throwIfAny(location);
  if (manifest) checkManifestCounts(manifest, counts, problems);
  const known = new Set(records.tables.map((table) => table.name));
  for (const table of manifest?.tables ?? []) {
    if (!known.has(table)) problems.error(MANIFEST_FILE, undefined, `lists table "${table}", which is not in sys_db_object.json`);
  }
  const resolved = resolveSnapshot(records, { completeTables: manifest?.tables, overlay }, problems);
  problems.throwIfAny(location);

  return withWarnings({
    origin: options.origin ?? manifest?.origin ?? 'instance',
    source: options.source ?? (manifest ? `${describeManifest(manifest)}, at ${location}` : location),
    tables: resolved.tables,
    referenceTargets: resolved.referenceTargets,
    ...(catalogItems ? { catalogItems } : {})
  }, problems.warnings, resolved.warnings);
}

/**
 * The model with its warnings read on first access: reading them resolves
 * the tables not read yet, since resolution warns. A function of its own so
 * that the getter keeps only these, not the loader's files and records.
 */
function withWarnings(model: Omit<Metadata, 'warnings'>, loaderWarnings: MetadataWarning[], resolutionWarnings: () => MetadataWarning[]): Metadata {
  let warnings: MetadataWarning[] | undefined;
  return Object.defineProperty(model, 'warnings', {
    enumerable: true,
    get: () => (warnings ??= [...loaderWarnings, ...resolutionWarnings()])
  }) as Metadata;
}

/** A record file's records; none for an absent file, undefined (reported) for an unreadable one. */
function recordsOf(name: string, file: SnapshotFile | SnapshotRecordsFile | undefined, problems: Problems): Raw[] | undefined {
  if (!file) return [];
  return 'records' in file ? file.records : parseResultFile(name, file.text, problems);
}

/** The text of a file that only comes as text (manifest, overlay); records there are a caller's mistake, read as JSON. */
function textOf(file: SnapshotFile | SnapshotRecordsFile): string {
  return 'text' in file ? file.text : JSON.stringify(file.records);
}

function readOverlay(overlay: Overlay | SnapshotFile | undefined, problems: Problems): Overlay | undefined {
  if (overlay === undefined || !('text' in overlay)) return overlay;
  return parseOverlay(overlay.path, overlay.text, problems);
}

function checkManifestCounts(manifest: Manifest, counts: Record<string, number>, problems: Problems): void {
  for (const [name, actual] of Object.entries(counts)) {
    const expected = manifest.records[name];
    if (expected !== undefined && expected !== actual) {
      problems.error(MANIFEST_FILE, undefined, `records.${name} is ${expected} but ${name}.json holds ${actual}: the snapshot is incomplete, fetch or import it again`);
    }
  }
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

function describeManifest(manifest: Manifest): string {
  const build = manifest.build ? `, build ${manifest.build}` : '';
  const time = manifest.time ? `, fetched ${manifest.time}` : '';
  return `${manifest.source}${build}${time}`;
}

function describeLocation(files: { path: string }[]): string {
  const first = files[0]?.path ?? '';
  const cut = Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\'));
  return cut > 0 ? first.slice(0, cut) : '(in-memory snapshot)';
}
