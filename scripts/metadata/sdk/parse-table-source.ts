/**
 * Reads one Fluent source (`export const incident = Table({...})`) with the
 * TypeScript compiler API and returns the literal configuration of its
 * `Table()` calls and of its `Record()` calls that write dictionary or choice
 * records. Only literals are evaluated (static-value.ts); anything computed
 * is reported, never run. A file with neither is no table source and gives
 * nothing; a file with a syntax error is refused.
 */
import ts from 'typescript';
import { UserError } from '../../../core/errors';
import { NOT_LITERAL, SourceScope, type Entry } from './static-value';

export interface SdkColumn {
  element: string;
  /** The column function, e.g. `ReferenceColumn`. */
  kind: string;
  config: Record<string, unknown>;
  /** `file:line` for messages. */
  at: string;
}

export interface SdkTable {
  name: string;
  /** `Table({ augments: 'incident', schema })`: columns added to a table defined elsewhere. */
  augments: boolean;
  config: Record<string, unknown>;
  columns: SdkColumn[];
  at: string;
  /** Values of this table the importer could not evaluate, as `file:line: what`. */
  skipped: string[];
}

/** `Record({ table: 'sys_choice', data: {...} })`: a dictionary or choice record written as a plain record. */
export interface SdkRecord {
  table: MetadataRecordTable;
  data: Record<string, unknown>;
  at: string;
}

export interface ParseResult {
  tables: SdkTable[];
  records: SdkRecord[];
  /** Calls the importer could not read at all, as `file:line: what`. */
  skipped: string[];
}

/** The record tables whose Record() calls describe table metadata; Record() of any other table is data and skipped quietly. */
export const METADATA_RECORD_TABLES = ['sys_choice', 'sys_dictionary'] as const;
export type MetadataRecordTable = (typeof METADATA_RECORD_TABLES)[number];

/** Table options that only identify the definition to the SDK's build ($id, $meta); never metadata, so never reported. */
const BUILD_ONLY = /^\$/;

/** One file read on its own. */
export function parseTableSource(file: string, text: string): ParseResult {
  return parseTableSources([{ file, text }]);
}

/** Files read together, so that one can use a const another exports (`choices: PropertyTypeChoices`). */
export function parseTableSources(files: readonly { file: string; text: string }[]): ParseResult {
  const sources = files.map(({ file, text }) => {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    refuseSyntaxErrors(source);
    return source;
  });
  const scope = new SourceScope(sources);
  const result: ParseResult = { tables: [], records: [], skipped: [] };
  const at = (node: ts.Node) => {
    const source = node.getSourceFile();
    return `${source.fileName}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  };
  const reader = new Reader(scope, at, result);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = scope.calleeName(node);
      if (callee === 'Table') return reader.table(node);
      if (callee === 'Record') return reader.record(node);
    }
    ts.forEachChild(node, visit);
  };
  for (const source of sources) visit(source);
  return result;
}

/** tsc would refuse the file, and reading a broken tree could silently drop columns. */
function refuseSyntaxErrors(source: ts.SourceFile): void {
  const diagnostics = syntacticDiagnostics(source);
  if (diagnostics.length === 0) return;
  // The first error names the place; the ones after it mostly follow from it.
  const first = diagnostics[0]!;
  const { line, character } = source.getLineAndCharacterOfPosition(first.start ?? 0);
  const where = `${source.fileName}:${line + 1}:${character + 1}`;
  throw new UserError(
    `${where}: syntax error: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')} The file's tables cannot be read; fix it (now-sdk build needs it to compile too) and run again.`
  );
}

/** The parser's own diagnostics, through a one-file program (the public API for them). */
function syntacticDiagnostics(source: ts.SourceFile): readonly ts.Diagnostic[] {
  const options: ts.CompilerOptions = { noResolve: true, noLib: true, types: [] };
  const host = ts.createCompilerHost(options);
  const isSource = (name: string) => name.split('\\').join('/') === source.fileName.split('\\').join('/');
  host.getSourceFile = (name) => (isSource(name) ? source : undefined);
  host.fileExists = isSource;
  const program = ts.createProgram({ rootNames: [source.fileName], options, host });
  return program.getSyntacticDiagnostics(source);
}

class Reader {
  constructor(
    private readonly scope: SourceScope,
    private readonly at: (node: ts.Node) => string,
    private readonly result: ParseResult
  ) {}

  table(call: ts.CallExpression): void {
    const object = call.arguments[0] && this.scope.objectOf(call.arguments[0]);
    if (!object) {
      this.result.skipped.push(`${this.at(call)}: Table() whose configuration is not an object literal`);
      return;
    }
    const skipped: string[] = [];
    const config: Record<string, unknown> = {};
    const columns: SdkColumn[] = [];
    const report = (node: ts.Node, what: string) => skipped.push(`${this.at(node)}: table option ${what} is computed`);
    for (const entry of this.scope.entries(object, report)) {
      if (entry.key === 'schema') {
        const schema = this.scope.objectOf(entry.value);
        if (schema) columns.push(...this.schema(schema, skipped));
        else skipped.push(`${this.at(entry.node)}: the schema is not an object literal; no columns read`);
        continue;
      }
      const value = this.scope.literal(entry.value);
      if (value !== NOT_LITERAL) config[entry.key] = value;
      else if (!BUILD_ONLY.test(entry.key)) report(entry.node, entry.key);
    }
    const augments = typeof config['augments'] === 'string';
    const name = augments ? config['augments'] : config['name'];
    if (typeof name !== 'string') {
      this.result.skipped.push(`${this.at(call)}: Table() without a literal name`);
      return;
    }
    this.result.tables.push({ name, augments, config, columns, at: this.at(call), skipped });
  }

  record(call: ts.CallExpression): void {
    const object = call.arguments[0] && this.scope.objectOf(call.arguments[0]);
    const entries = object ? this.scope.entries(object) : undefined;
    const value = (key: string) => {
      const entry = entries?.find((candidate) => candidate.key === key);
      return entry && this.scope.literal(entry.value);
    };
    const table = value('table');
    if (!(METADATA_RECORD_TABLES as readonly unknown[]).includes(table)) return;
    const data = value('data');
    if (data === NOT_LITERAL || typeof data !== 'object' || data === null || Array.isArray(data)) {
      this.result.skipped.push(`${this.at(call)}: Record() of ${String(table)} whose data is not an object literal`);
      return;
    }
    const dataEntry = entries!.find((candidate) => candidate.key === 'data')!;
    // Report the computed fields, keeping the rest.
    this.scope.literal(dataEntry.value, (node, key) => this.result.skipped.push(`${this.at(node)}: ${String(table)} record field ${key} is computed; left out`));
    this.result.records.push({ table: table as MetadataRecordTable, data: data as Record<string, unknown>, at: this.at(call) });
  }

  private schema(schema: ts.ObjectLiteralExpression, skipped: string[]): SdkColumn[] {
    const columns: SdkColumn[] = [];
    const entries = this.scope.entries(schema, (node, what) => skipped.push(`${this.at(node)}: schema entry ${what} is computed; its columns are left out`));
    for (const entry of entries) {
      const column = this.column(entry, skipped);
      if (column) columns.push(column);
    }
    return columns;
  }

  private column(entry: Entry, skipped: string[]): SdkColumn | undefined {
    const { key: element, node } = entry;
    const call = this.scope.resolve(entry.value);
    const kind = ts.isCallExpression(call) ? this.scope.calleeName(call) : undefined;
    if (!ts.isCallExpression(call) || kind === undefined) {
      skipped.push(`${this.at(node)}: column ${element} is not a column function call`);
      return undefined;
    }
    const argument = call.arguments[0];
    const config = argument === undefined ? {} : this.scope.literal(argument, (inner, key) => skipped.push(`${this.at(inner)}: ${element}.${key} is computed; left out`));
    if (config === NOT_LITERAL || typeof config !== 'object' || config === null || Array.isArray(config)) {
      skipped.push(`${this.at(node)}: column ${element} has a computed configuration`);
      return undefined;
    }
    return { element, kind, config: config as Record<string, unknown>, at: this.at(node) };
  }
}
