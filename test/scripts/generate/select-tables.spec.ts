import { describe, expect, it } from 'vitest';
import type { Metadata, Table } from '../../../core/metadata/model';
import { selectTables } from '../../../scripts/generate/select-tables';
import { incidentTable } from '../../core/template/fixtures/tables';

function metadata(...tables: Table[]): Metadata {
  return { origin: 'instance', source: 'dump/', tables: new Map(tables.map((table) => [table.name, table])), referenceTargets: new Map([['sys_user', { name: 'sys_user', label: 'User' }]]), warnings: [] };
}

const task: Table = { ...incidentTable(), name: 'task', label: 'Task', hierarchy: ['task'], abstract: true };
const odd: Table = { ...incidentTable(), name: 'U_Odd-Name', label: 'Odd' };

describe('scripts/generate - selectTables', () => {
  it('takes every non-abstract table in a full run, skipping impossible names with a warning', () => {
    // when
    const selection = selectTables(metadata(incidentTable(), task, odd), undefined);

    // then
    expect(selection.tables.map((table) => table.name)).toEqual(['incident']);
    expect(selection.warnings).toEqual(['skipped table "U_Odd-Name" in dump/ is not a valid ServiceNow table name (lower-case letters, digits, underscores)']);
  });

  it('refuses named tables it cannot generate, each with what to do', () => {
    // when
    const attempt = () => selectTables(metadata(incidentTable(), task, odd), ['incident', 'incidents', 'task', 'sys_user', 'U_Odd-Name', 'zzz']);

    // then
    expect(attempt).toThrow(expect.objectContaining({
      message: 'cannot generate templates for 5 table name(s)',
      details: [
        'incidents: no such table in dump/; did you mean incident?',
        'task: only extended by other tables (abstract); generate one of its children instead',
        'sys_user: the snapshot knows only its name (a reference target), not its columns; fetch its metadata first (camunda-servicenow fetch-metadata)',
        'table "U_Odd-Name" in dump/ is not a valid ServiceNow table name (lower-case letters, digits, underscores)',
        'zzz: no such table in dump/'
      ]
    }));
  });
});
