/**
 * `metadata import-sdk`: builds a snapshot (metadata/README.md) from the
 * Fluent table sources of `@servicenow/sdk-core` plus the overlay's record
 * facts, for the requested tables, their super classes and, as bare
 * sys_db_object records, every table their columns refer to.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../core/errors';
import { loadSnapshot, type SnapshotFile } from '../../core/metadata/load';
import type { Manifest } from '../../core/metadata/manifest';
import type { Metadata } from '../../core/metadata/model';
import { OVERLAY_FILE, parseOverlay, type Overlay, type OverlayTable } from '../../core/metadata/overlay';
import { formatProblem, Problems } from '../../core/metadata/problems';
import { snapshotFiles } from './snapshot-files';
import { collectTables } from './sdk/collect-tables';
import { parseTableSources, type SdkRecord, type SdkTable } from './sdk/parse-table-source';
import { choiceRecord, englishLabel, recordOfSdkRecord, sdkTableRecords, tableRecord, type RawRecord, type TableRecords } from './sdk/to-records';

export const SDK_TABLES_DIR = join('src', 'fluent', 'tables');

export interface ImportOptions {
  /** The unpacked `@servicenow/sdk-core` package directory. */
  sdkDir: string;
  overlay: { path: string; text: string };
  /** The tables to import completely; undefined: every table the SDK and the overlay define. */
  tables: string[] | undefined;
}

export interface ImportResult {
  /** File name → content, ready for writeDirectoryAtomic. */
  files: Map<string, string>;
  manifest: Manifest;
  metadata: Metadata;
  /** Computed SDK values the importer could not evaluate. */
  skipped: string[];
}

export async function importSdk(options: ImportOptions): Promise<ImportResult> {
  const problems = new Problems();
  const overlay = parseOverlay(options.overlay.path, options.overlay.text, problems);
  if (!overlay) throw new UserError(`The overlay ${options.overlay.path} is invalid.`, problems.errors.map(formatProblem));
  const { version, tables: sdkTables, records: sdkRecords, skipped: unreadable } = await readSdk(options.sdkDir);
  const builder = new SnapshotBuilder(sdkTables, sdkRecords, overlay, options.overlay.path);
  for (const table of options.tables ?? everyTable(sdkTables, overlay)) builder.addComplete(table);
  builder.addReferenceTargets();
  const records = builder.finish();
  const skipped = [...unreadable, ...[...builder.complete].sort().flatMap((name) => sdkTables.get(name)?.skipped ?? []), ...builder.unusedRecords()];

  const source = `@servicenow/sdk-core ${version} Fluent table sources (src/fluent/tables/*.now.ts) + ${OVERLAY_FILE}`;
  const { files, manifest } = snapshotFiles(
    { sys_db_object: records.tables, sys_dictionary: records.columns, sys_dictionary_override: records.overrides, sys_choice: records.choices },
    { format: 1, origin: 'sdk', source, tables: [...builder.complete].sort() }
  );
  // Prove the output loads before anything is written.
  const snapshot: SnapshotFile[] = [...files].map(([path, text]) => ({ path, text }));
  const metadata = loadSnapshot(snapshot, { overlay, location: 'the imported snapshot' });
  return { files, manifest, metadata, skipped };
}

/** Every table the SDK defines and every non-abstract table the overlay adds, by name. */
function everyTable(sdkTables: ReadonlyMap<string, SdkTable>, overlay: Overlay): string[] {
  const fromOverlay = Object.entries(overlay.tables).filter(([, entry]) => entry.table && !entry.abstract?.value).map(([name]) => name);
  return [...new Set([...sdkTables.keys(), ...fromOverlay])].sort();
}

async function readSdk(sdkDir: string): Promise<{ version: string; tables: Map<string, SdkTable>; records: SdkRecord[]; skipped: string[] }> {
  let version: string;
  let names: string[];
  let others: string[];
  const tablesDir = join(sdkDir, SDK_TABLES_DIR);
  try {
    version = (JSON.parse(await readFile(join(sdkDir, 'package.json'), 'utf8')) as { version: string }).version;
    // Table sources sit in sub-folders too (atf/). Fluent sources are the *.now.ts files: 4.9.0 also ships a stale
    // sysevent_script_action.ts beside sysevent_script_action.now.ts, which src/fluent/tables/index.ts exports instead.
    const all = (await readdir(tablesDir, { recursive: true })).map((name) => name.split('\\').join('/')).sort();
    names = all.filter((name) => name.endsWith('.now.ts'));
    // Said, so that a table a future SDK ships only in a plain .ts file does not vanish unnoticed; index.ts files only re-export.
    others = all.filter((name) => name.endsWith('.ts') && !name.endsWith('.now.ts') && !/(^|\/)index\.ts$/.test(name));
  } catch (error) {
    throw new UserError(
      `${sdkDir} is not an @servicenow/sdk-core package with table sources in ${SDK_TABLES_DIR} (${(error as Error).message}). Pass --sdk <dir> pointing at the unpacked package (npm pack @servicenow/sdk-core).`
    );
  }
  const files = await Promise.all(names.map(async (name) => ({ file: join(SDK_TABLES_DIR, name), text: await readFile(join(tablesDir, name), 'utf8') })));
  const { tables, records, skipped, problems } = collectTables([parseTableSources(files)]);
  if (problems.length) throw new UserError('The SDK import failed; nothing was written.', problems);
  const unread = others.map((name) => `${join(SDK_TABLES_DIR, name)}: not a Fluent source (*.now.ts); not read`);
  return { version, tables, records, skipped: [...unread, ...skipped] };
}

/** Collects records table by table, merging the overlay's record facts. */
class SnapshotBuilder {
  readonly complete = new Set<string>();
  private readonly known = new Map<string, RawRecord>();
  private readonly records = new Map<string, TableRecords>();
  private readonly problems: string[] = [];

  /** The dictionary and choice records written with Record(), by the table they describe. */
  private readonly sdkRecords = new Map<string, SdkRecord[]>();

  constructor(
    private readonly sdk: ReadonlyMap<string, SdkTable>,
    records: readonly SdkRecord[],
    private readonly overlay: Overlay,
    private readonly overlayPath: string
  ) {
    for (const record of records) {
      const table = typeof record.data['name'] === 'string' ? record.data['name'] : '';
      const list = this.sdkRecords.get(table);
      if (list) list.push(record);
      else this.sdkRecords.set(table, [record]);
    }
  }

  /** Record() calls for tables no source or overlay defines: said, since nothing else uses them. */
  unusedRecords(): string[] {
    return [...this.sdkRecords].filter(([table]) => !this.sdk.has(table) && !this.overlay.tables[table]?.table).flatMap(([table, records]) =>
      records.map((record) => `${record.at}: Record() of ${record.table} for ${table ? `table ${table}, which no Table() defines` : 'no literal table name'}; left out`)
    );
  }

  /** A table with all its columns, and its super classes up to the root. */
  addComplete(name: string): void {
    let current: string | undefined = name;
    while (current !== undefined && !this.complete.has(current)) {
      const records = this.tableRecords(current);
      if (!records) {
        this.problems.push(`table "${current}" is neither in the SDK nor defined in ${this.overlayPath} (add a "table" entry with its public source)`);
        return;
      }
      this.complete.add(current);
      this.records.set(current, records);
      this.known.set(current, records.table);
      current = records.table['super_class.name'] || undefined;
    }
  }

  /** A bare sys_db_object record for every table a column refers to, with its known super classes. */
  addReferenceTargets(): void {
    const targets = [...this.records.values()].flatMap((records) => records.columns.map((column) => column['reference'] ?? '')).filter(Boolean);
    for (const target of new Set(targets)) {
      let current: string | undefined = target;
      while (current !== undefined && !this.known.has(current)) {
        const record = this.tableOnlyRecord(current);
        this.known.set(current, record);
        current = record['super_class.name'] || undefined;
      }
    }
  }

  finish(): { tables: RawRecord[]; columns: RawRecord[]; overrides: RawRecord[]; choices: RawRecord[] } {
    if (this.problems.length) throw new UserError('The SDK import failed; nothing was written.', this.problems);
    const all = [...this.records.values()];
    const byNameElement = (a: RawRecord, b: RawRecord) => compare(`${a['name']}\u0000${a['element']}`, `${b['name']}\u0000${b['element']}`);
    return {
      tables: [...this.known.values()].sort((a, b) => compare(a['name']!, b['name']!)),
      columns: all.flatMap((records) => records.columns).sort(byNameElement),
      overrides: all.flatMap((records) => records.overrides).sort(byNameElement),
      // Choices keep their order within a column (a stable sort), which is the sequence order.
      choices: all.flatMap((records) => records.choices).sort(byNameElement)
    };
  }

  /** The sys_db_object record alone, for a table whose columns are not wanted. */
  private tableOnlyRecord(name: string): RawRecord {
    const sdkTable = this.sdk.get(name);
    const definition = this.overlay.tables[name]?.table;
    if (sdkTable) return tableRecord(name, englishLabel(sdkTable.config['label']), typeof sdkTable.config['extends'] === 'string' ? sdkTable.config['extends'] : undefined);
    return tableRecord(name, definition?.label, definition?.superClass);
  }

  /** The SDK's records for a table with the overlay merged in, or undefined when neither knows it. */
  private tableRecords(name: string): TableRecords | undefined {
    const sdkTable = this.sdk.get(name);
    const extra = this.overlay.tables[name];
    if (!sdkTable && !extra?.table) return undefined;
    const records: TableRecords = sdkTable
      ? sdkTableRecords(sdkTable, this.problems)
      : { table: tableRecord(name, extra!.table!.label, extra!.table!.superClass), columns: [], overrides: [], choices: [] };
    this.addSdkRecords(name, records);
    if (extra) this.mergeOverlay(name, records, extra);
    return records;
  }

  /** Columns and choices written as Record() join the table's own; a column given twice is refused, a choice given twice the loader warns about. */
  private addSdkRecords(name: string, records: TableRecords): void {
    for (const sdkRecord of this.sdkRecords.get(name) ?? []) {
      const converted = recordOfSdkRecord(sdkRecord, this.problems);
      if (!converted) continue;
      if (converted.table === 'sys_choice') {
        records.choices.push(converted.record);
        continue;
      }
      if (records.columns.some((column) => column['element'] === converted.record['element'])) {
        this.problems.push(`${sdkRecord.at}: Record() of sys_dictionary for ${name}.${converted.record['element']}, which the Table() schema already defines; keep one definition`);
      } else records.columns.push(converted.record);
    }
  }

  private mergeOverlay(name: string, records: TableRecords, extra: OverlayTable): void {
    const where = `${this.overlayPath} ${name}`;
    const definition = extra.table;
    if (definition && this.sdk.has(name)) {
      for (const [key, value] of [['label', definition.label], ['super_class.name', definition.superClass]] as const) {
        if (value === undefined) continue;
        if (records.table[key] && records.table[key] !== value) this.problems.push(`${where}: table ${key} "${value}" contradicts the SDK's "${records.table[key]}"; remove it from the overlay`);
        else records.table[key] = value;
      }
    }
    const sdkColumns = new Set(records.columns.map((column) => column['element']));
    const sdkChoices = new Set(records.choices.map((choice) => choice['element']));
    for (const [element, field] of Object.entries(extra.fields ?? {})) {
      if (field.column) {
        if (sdkColumns.has(element)) this.problems.push(`${where}.${element}: the SDK already defines this column; remove the overlay's "column" entry`);
        else records.columns.push(overlayColumn(name, element, field.column));
      }
      if (field.referenceKey) this.setReferenceKey(`${where}.${element}`, records.columns.find((column) => column['element'] === element), field.referenceKey.value);
      if (field.choices) {
        if (sdkChoices.has(element)) this.problems.push(`${where}.${element}: the SDK already has choices for it; remove the overlay's "choices" entry`);
        else {
          field.choices.values.forEach((choice, index) => {
            records.choices.push(choiceRecord(name, element, {
              value: choice.value,
              label: choice.label,
              sequence: String(choice.sequence ?? index),
              inactive: choice.inactive,
              dependentValue: choice.dependentValue
            }));
          });
        }
      }
    }
  }

  private setReferenceKey(where: string, column: RawRecord | undefined, key: string): void {
    if (!column || column['internal_type'] !== 'reference') this.problems.push(`${where}: referenceKey needs a reference column of that name`);
    else if (column['reference_key']) this.problems.push(`${where}: the SDK already gives the reference key "${column['reference_key']}"; remove the overlay's "referenceKey" entry`);
    else column['reference_key'] = key;
  }
}

function overlayColumn(table: string, element: string, column: NonNullable<NonNullable<OverlayTable['fields']>[string]['column']>): RawRecord {
  return {
    name: table,
    element,
    column_label: column.label ?? '',
    internal_type: column.type,
    max_length: column.maxLength === undefined ? '' : String(column.maxLength),
    mandatory: 'false',
    read_only: column.readOnly ? 'true' : 'false',
    reference: column.reference ?? '',
    reference_key: '',
    default_value: column.default ?? '',
    choice: column.choice === undefined ? '' : String(column.choice),
    choice_table: '',
    choice_field: '',
    dependent_on_field: column.dependentOnField ?? '',
    dependent: '',
    virtual: 'false',
    active: 'true'
  };
}

/** A Table API response body, one record per line so that diffs stay readable. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
