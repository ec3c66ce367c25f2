import { MANIFEST_FILE, parseManifest, type Manifest } from '../../core/metadata/manifest';
import { formatProblem, Problems } from '../../core/metadata/problems';
import { parseResultFile, SNAPSHOT_FILES } from '../../core/metadata/records';
import { CATALOG_FILES } from '../../core/metadata/catalog';

/** The four metadata tables of a snapshot (metadata/README.md), each a list of Table API records. */
export const METADATA_TABLES = ['sys_db_object', 'sys_dictionary', 'sys_dictionary_override', 'sys_choice'] as const;
export type MetadataTableName = (typeof METADATA_TABLES)[number];
/** A record with every value a string, as the Table API returns it with sysparm_exclude_reference_link=true. */
export type RawRecord = Record<string, string>;
export type SnapshotRecords = Record<MetadataTableName, RawRecord[]>;

export const FILE_OF: Record<MetadataTableName, string> = {
  sys_db_object: SNAPSHOT_FILES.tables,
  sys_dictionary: SNAPSHOT_FILES.columns,
  sys_dictionary_override: SNAPSHOT_FILES.overrides,
  sys_choice: SNAPSHOT_FILES.choices
};

/** The Service Catalog tables a snapshot may hold (metadata/README.md, "Catalog files"). */
export const CATALOG_TABLES = ['sc_cat_item', 'item_option_new', 'question_choice', 'io_set_item', 'item_option_new_set'] as const;
export type CatalogTableName = (typeof CATALOG_TABLES)[number];
export type CatalogRecords = Record<CatalogTableName, RawRecord[]>;

const CATALOG_FILE_OF: Record<CatalogTableName, string> = {
  sc_cat_item: CATALOG_FILES.items,
  item_option_new: CATALOG_FILES.variables,
  question_choice: CATALOG_FILES.choices,
  io_set_item: CATALOG_FILES.setItems,
  item_option_new_set: CATALOG_FILES.sets
};

/**
 * The snapshot files (record files and manifest with its record counts) for
 * a set of records, in the metadata/README.md format: the one writer of
 * snapshots, for fetch-metadata and metadata import-sdk alike.
 */
export function snapshotFiles(records: SnapshotRecords, manifest: Omit<Manifest, 'records'>, catalog?: CatalogRecords): { files: Map<string, string>; manifest: Manifest } {
  const files = new Map<string, string>();
  const counts: Record<string, number> = {};
  for (const table of METADATA_TABLES) {
    files.set(FILE_OF[table], tableApiBody(records[table]));
    counts[table] = records[table].length;
  }
  for (const table of catalog ? CATALOG_TABLES : []) {
    files.set(CATALOG_FILE_OF[table], tableApiBody(catalog?.[table] ?? []));
    counts[table] = catalog?.[table].length ?? 0;
  }
  const complete: Manifest = { ...manifest, records: counts };
  files.set(MANIFEST_FILE, `${JSON.stringify(complete, null, 2)}\n`);
  return { files, manifest: complete };
}

/** A Table API answer body with one record per line: small, and a re-fetch diffs record by record. */
function tableApiBody(records: readonly RawRecord[]): string {
  if (records.length === 0) return '{"result":[]}\n';
  return `{"result":[\n${records.map((record) => JSON.stringify(record)).join(',\n')}\n]}\n`;
}

/**
 * Why each of `files` (snapshot file names, as found in a folder) is not a
 * snapshot's by content: a manifest the loader refuses, or a record file that
 * is no Table API body. The name alone does not make a file ours; a file that
 * does not parse is refused too, since snapshots are written whole (atomic
 * renames), so it is not one of ours cut short.
 */
export function foreignSnapshotFiles(files: ReadonlyMap<string, Uint8Array>): string[] {
  const reasons: string[] = [];
  for (const [file, bytes] of files) {
    const problems = new Problems();
    const text = Buffer.from(bytes).toString('utf8');
    if (file === MANIFEST_FILE) parseManifest(file, text, problems);
    else if (parseResultFile(file, text, problems) === undefined && problems.errors.length === 0) problems.error(file, undefined, 'is not a Table API response');
    const [first] = problems.errors;
    if (first) reasons.push(formatProblem(first));
  }
  return reasons;
}
