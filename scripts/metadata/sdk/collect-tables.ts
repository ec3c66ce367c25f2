/**
 * Combines the parse results of many Fluent files into one table per name.
 * A table may be written in several `Table()` calls: once in full, plus
 * calls that add columns to it (`augments: 'incident'`, or the older
 * `name: 'incident' as any` with only a schema, as ServiceNow/sdk-examples
 * table-sample/src/fluent/table-custom-column.now.ts does).
 */
import type { ParseResult, SdkRecord, SdkTable } from './parse-table-source';

export interface CollectedSources {
  tables: Map<string, SdkTable>;
  records: SdkRecord[];
  /** Things left out, as `file:line: what`. */
  skipped: string[];
  /** Contradictions that make the import fail. */
  problems: string[];
}

/** Options whose values must agree when two calls give them for one table. */
const TABLE_FACTS = ['label', 'extends'];

export function collectTables(results: Iterable<ParseResult>): CollectedSources {
  const collected: CollectedSources = { tables: new Map(), records: [], skipped: [], problems: [] };
  for (const result of results) {
    collected.skipped.push(...result.skipped);
    collected.records.push(...result.records);
    for (const table of result.tables) {
      const known = collected.tables.get(table.name);
      collected.tables.set(table.name, known ? merge(known, table, collected.problems) : table);
    }
  }
  for (const [name, table] of collected.tables) {
    if (!table.augments) continue;
    // Without the table's own definition its label and super class are unknown: writing it would make it a root table.
    collected.tables.delete(name);
    collected.skipped.push(`${table.at}: Table() adds ${table.columns.length} columns to ${name}, which no source here defines; left out`);
  }
  return collected;
}

function merge(first: SdkTable, second: SdkTable, problems: string[]): SdkTable {
  const [base, addition] = first.augments && !second.augments ? [second, first] : [first, second];
  const config = { ...base.config };
  for (const [key, value] of Object.entries(addition.config)) {
    if (key === 'name' || key === 'augments') continue;
    if (config[key] === undefined) config[key] = value;
    else if (TABLE_FACTS.includes(key) && JSON.stringify(config[key]) !== JSON.stringify(value)) {
      problems.push(`${addition.at}: table ${base.name} has ${key} ${JSON.stringify(value)} here but ${JSON.stringify(config[key])} at ${base.at}; give it in one place`);
    }
  }
  const elements = new Map(base.columns.map((column) => [column.element, column]));
  for (const column of addition.columns) {
    const earlier = elements.get(column.element);
    if (earlier) problems.push(`${column.at}: column ${base.name}.${column.element} is defined again (first at ${earlier.at}); keep one definition`);
  }
  return {
    ...base,
    augments: base.augments && addition.augments,
    config,
    columns: [...base.columns, ...addition.columns.filter((column) => !elements.has(column.element))],
    skipped: [...base.skipped, ...addition.skipped]
  };
}
