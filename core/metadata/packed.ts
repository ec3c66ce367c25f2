/**
 * A compact form of a snapshot for the plugin's lazily loaded metadata chunk.
 * Table API files repeat every column name and the table name in each row;
 * here each record file keeps its column names once, its rows grouped by
 * table, each value 0 when it is the file's most common value for that
 * column (1 for a column label that is its element name spelled out), and
 * trailing defaults dropped. The overlay travels parsed, without its
 * sources (they document the repository; the model keeps only what to verify).
 * `unpackSnapshot` gives back the same records, so the one loader reads both.
 */
import type { SnapshotFile, SnapshotRecordsFile } from './load';
import { MANIFEST_FILE } from './manifest';
import { OVERLAY_FILE, parseOverlay, type Overlay } from './overlay';
import { formatProblem, Problems } from './problems';
import { SNAPSHOT_FILES } from './records';
import { UserError } from '../errors';

type PackedValue = string | 0 | 1;

interface PackedFile {
  /** Column names, `name` (the table) first. */
  keys: string[];
  /** Per column (after `name`): the value a 0 stands for. */
  defaults: string[];
  /** Table name → its rows, each the values of keys[1..] (trailing defaults dropped). */
  rows: Record<string, PackedValue[][]>;
}

export interface PackedSnapshot {
  format: 1;
  files: Record<string, PackedFile>;
  manifest?: unknown;
  overlay?: Overlay;
}

const RECORD_FILES = Object.values(SNAPSHOT_FILES) as string[];
const LABEL_KEY = 'column_label';

/** The label ServiceNow shows for a column without one of its own: `short_description` → `Short description`. */
function spelledOut(element: string): string {
  const words = element.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function packSnapshot(files: SnapshotFile[]): PackedSnapshot {
  const problems = new Problems();
  const packed: PackedSnapshot = { format: 1, files: {} };
  for (const file of files) {
    const name = file.path.slice(Math.max(file.path.lastIndexOf('/'), file.path.lastIndexOf('\\')) + 1);
    if (RECORD_FILES.includes(name)) {
      const body = problems.parseJson(name, file.text) as { result?: Record<string, unknown>[] } | undefined;
      if (body && Array.isArray(body.result)) packed.files[name] = packRecords(body.result as Record<string, string>[]);
      else problems.error(name, undefined, 'expected {"result": [...]}');
    } else if (name === MANIFEST_FILE) packed.manifest = problems.parseJson(name, file.text);
    else if (name === OVERLAY_FILE) {
      const overlay = parseOverlay(name, file.text, problems);
      if (overlay) packed.overlay = withoutSources(overlay);
    }
  }
  if (problems.errors.length) throw new UserError('The snapshot cannot be packed.', problems.errors.map(formatProblem));
  return packed;
}

function packRecords(records: Record<string, string>[]): PackedFile {
  const keys = ['name'];
  for (const record of records) for (const key of Object.keys(record)) if (!keys.includes(key)) keys.push(key);
  const columns = keys.slice(1);
  const defaults = columns.map((key) => mostCommon(records.map((record) => String(record[key] ?? ''))));
  const rows: Record<string, PackedValue[][]> = {};
  for (const record of records) {
    const row: PackedValue[] = columns.map((key, index) => {
      const value = String(record[key] ?? '');
      if (key === LABEL_KEY && value !== defaults[index] && value === spelledOut(String(record['element'] ?? ''))) return 1;
      return value === defaults[index] ? 0 : value;
    });
    while (row.length > 0 && row[row.length - 1] === 0) row.pop();
    (rows[String(record['name'] ?? '')] ??= []).push(row);
  }
  return { keys, defaults, rows };
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  let best = '';
  let bestCount = 0;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}

function withoutSources(overlay: Overlay): Overlay {
  return JSON.parse(JSON.stringify(overlay, (key, value: unknown) => (key === 'source' ? '' : key === '$comment' ? undefined : value))) as Overlay;
}

/**
 * The snapshot files a packed snapshot came from (records with all their
 * columns, values as strings), and its overlay. The records stay objects:
 * printing them as Table API text only for the loader to parse it again
 * cost more than the load itself.
 */
export function unpackSnapshot(packed: PackedSnapshot): { files: (SnapshotFile | SnapshotRecordsFile)[]; overlay?: Overlay } {
  const files: (SnapshotFile | SnapshotRecordsFile)[] = Object.entries(packed.files).map(([name, file]) => ({ path: name, records: unpackRecords(file) }));
  if (packed.manifest !== undefined) files.push({ path: MANIFEST_FILE, text: JSON.stringify(packed.manifest) });
  return packed.overlay ? { files, overlay: packed.overlay } : { files };
}

function unpackRecords({ keys, defaults, rows }: PackedFile): Record<string, string>[] {
  const records: Record<string, string>[] = [];
  const labelIndex = keys.indexOf(LABEL_KEY) - 1;
  // Every record starts as a copy of one holding the defaults: the copy takes the template's shape at once, where
  // adding a dozen properties one by one walked the shape transitions for each of 100k records, and only the
  // values that differ from the default are written.
  const template: Record<string, string> = { name: '' };
  for (let index = 0; index < defaults.length; index++) template[keys[index + 1]!] = defaults[index]!;
  for (const [table, tableRows] of Object.entries(rows)) {
    for (const row of tableRows) {
      const record = { ...template };
      record['name'] = table;
      for (let index = 0; index < row.length; index++) {
        const value = row[index];
        if (value !== 0 && value !== undefined) record[keys[index + 1]!] = value === 1 && index === labelIndex ? '' : String(value);
      }
      if (labelIndex >= 0 && row[labelIndex] === 1) record[LABEL_KEY] = spelledOut(record['element'] ?? '');
      records.push(record);
    }
  }
  return records;
}
