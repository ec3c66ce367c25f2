import { UserError } from '../../core/errors';
import type { Metadata, Table } from '../../core/metadata/model';
import { closeMatches } from '../../core/text/close-matches';

const TABLE_NAME = /^[a-z0-9_]+$/;

export interface TableSelection {
  tables: Table[];
  /** Why tables of a full run were left out. */
  warnings: string[];
}

/**
 * The tables to generate: every non-abstract table (`names` undefined), or
 * the named ones, refusing unknown, abstract and column-less tables with a
 * message saying what to do. A table name that cannot be a ServiceNow name
 * (and so a file name and template id) is refused when named and skipped,
 * with a warning, in a full run.
 */
export function selectTables(metadata: Metadata, names: string[] | undefined): TableSelection {
  const all = [...metadata.tables.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const invalid = (table: Table) => `table "${table.name}" in ${metadata.source} is not a valid ServiceNow table name (lower-case letters, digits, underscores)`;
  if (!names) {
    const candidates = all.filter((table) => !table.abstract);
    return { tables: candidates.filter((table) => TABLE_NAME.test(table.name)), warnings: candidates.filter((table) => !TABLE_NAME.test(table.name)).map((table) => `skipped ${invalid(table)}`) };
  }
  const problems: string[] = [];
  const selected: Table[] = [];
  for (const name of [...new Set(names)]) {
    const table = metadata.tables.get(name);
    if (table && !TABLE_NAME.test(table.name)) problems.push(invalid(table));
    else if (table?.abstract) problems.push(`${name}: only extended by other tables (abstract); generate one of its children instead`);
    else if (table) selected.push(table);
    else if (metadata.referenceTargets?.has(name)) problems.push(`${name}: the snapshot knows only its name (a reference target), not its columns; fetch its metadata first (camunda-servicenow fetch-metadata)`);
    else {
      const suggestions = closeMatches(name, [...metadata.tables.values()].filter((candidate) => !candidate.abstract).map((candidate) => candidate.name), { ignoreCase: true, containing: true });
      problems.push(`${name}: no such table in ${metadata.source}${suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : ''}`);
    }
  }
  if (problems.length > 0) throw new UserError(`cannot generate ${problems.length === 1 ? 'a template' : 'templates'} for ${problems.length} table name(s)`, problems);
  return { tables: selected, warnings: [] };
}
