/**
 * Values of the class field (`sys_class_name`): a record of table T has the
 * class T or a table extending T, and INSTANCEOF X matches X and every table
 * extending it (ServiceNowDocs c_UseTheINSTANCEOFOperator.md). A class outside
 * the queried table's hierarchy matches no record.
 */
import type { OperatorName, Scalar } from '../ast';
import type { Diagnostic } from '../diagnostics';
import type { Metadata, Table } from '../../metadata/model';
import { allowedEdits, closestMatch, editDistance } from '../../text/close-matches';

/** The operators that keep only records of the class named (`!=` and NOT IN keep the rest). */
const SELECTING: ReadonlySet<string> = new Set(['=', 'IN', 'INSTANCEOF']);

function chain(known: Table): string {
  return known.hierarchy.length > 1 ? ` (${known.hierarchy.join(' → ')})` : '';
}

export function isClassField(internalType: string): boolean {
  return internalType === 'sys_class_name';
}

/**
 * Near misses per table map and written name, bounded: finding one reads the
 * name of every table in the metadata, and live validation re-checks the same
 * query on every keystroke. Within one metadata a table name means one table.
 */
const nearMisses = new WeakMap<Metadata['tables'], Map<string, string | undefined>>();

/** The known class closest to `name` that a record of `table` can have. */
function nearClass(name: string, operator: OperatorName, table: Table, metadata: Metadata, fits: (candidate: Table) => boolean): string | undefined {
  let cache = nearMisses.get(metadata.tables);
  if (!cache) nearMisses.set(metadata.tables, (cache = new Map()));
  const key = `${table.name}\u0000${operator === 'INSTANCEOF' ? 'INSTANCEOF' : ''}\u0000${name}`;
  if (cache.has(key)) return cache.get(key);
  // Names first: only the few within reach are read as tables, since the metadata builds a table on first read.
  const edits = allowedEdits(name.length);
  const reachable = [...metadata.tables.keys()].filter((candidate) => editDistance(name, candidate, edits) <= edits && fits(metadata.tables.get(candidate)!));
  const near = closestMatch(name, reachable);
  if (cache.size >= 1000) cache.clear();
  cache.set(key, near);
  return near;
}

/**
 * A class name that no record of `table` can have: an error when the
 * metadata holds that class with its hierarchy, a warning with the closest
 * class when the name is unknown (instances add classes, so only a near miss
 * of a known one is reported).
 */
export function checkClassName(leaf: Scalar, operator: OperatorName, table: Table, metadata: Metadata): Diagnostic | undefined {
  if (!SELECTING.has(operator)) return undefined;
  const name = leaf.text;
  const at = { start: leaf.start, end: leaf.end };
  const known = metadata.tables.get(name);
  // INSTANCEOF a super class of the table matches all of its records.
  const fits = (candidate: Table) => candidate.hierarchy.includes(table.name) || (operator === 'INSTANCEOF' && table.hierarchy.includes(candidate.name));
  if (known) {
    if (fits(known)) return undefined;
    return { severity: 'error', code: 'value.class', ...at,
      message: `${name} is not ${table.name} or a table extending it${chain(known)}, so no ${table.name} record has this class.` };
  }
  const near = nearClass(name, operator, table, metadata, fits);
  if (!near) return undefined;
  return { severity: 'warning', code: 'value.class', ...at, suggestion: near,
    message: `${name} is not a table in the metadata; did you mean ${near}?` };
}
