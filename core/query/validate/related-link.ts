/**
 * The fields that link a nested query to the queried records must hold
 * records of related tables, or no record is linked through them:
 * - RLQUERY counts by a field of the related table that references the
 *   queried table (ServiceNowDocs c_EncodedQueryStrings.md: "in a query on the
 *   Problem table that includes problems with at least one related incident,
 *   use ^RLQUERYincident.problem_id,>=1^ENDRLQUERY");
 * - SUBQUERY<field>,<joinField>,<table> keeps the records whose field is
 *   among the joinField values of the table's records, and
 *   JOIN<t1>.<f1>=<t2>.<f2> joins where f1 equals f2 (jamesamcgaha/supernow
 *   posts/querying-related-tables.md: the SQL they run, `sys_user0.sys_id IN
 *   (SELECT … sys_user_group0.manager …)` and `ON sys_user0.sys_id = sys_user_group0.manager`).
 * A sys_id names a record of its own table, a reference one of the
 * referenced table; tables are related when one is or extends the other.
 */
import type { Name } from '../ast';
import type { Diagnostic } from '../diagnostics';
import type { Field, Metadata, Table } from '../../metadata/model';
import { article } from '../../metadata/field-types';

export function checkRelatedLink(link: Field, at: Name, related: Table, queried: Table, metadata: Metadata): Diagnostic | undefined {
  const target = link.internalType === 'reference' ? link.reference : undefined;
  if (target === undefined || relatedTables(target, queried.name, metadata) !== false) return undefined;
  return { severity: 'error', code: 'field.related-link', start: at.start, end: at.end,
    message: `${related.name}.${link.element} references ${target}, not ${queried.name}, so no ${related.name} record is related to ${article(queried.name)} ${queried.name} record through it: count by a field that references ${queried.name}.` };
}

/** One side of a SUBQUERY or JOIN link: a field and the table that holds it. */
export interface LinkSide {
  field: Field;
  table: Table;
}

/** A SUBQUERY or JOIN whose two fields hold records of unrelated tables: no value of one ever equals one of the other. */
export function checkLinkedFields(keyword: 'SUBQUERY' | 'JOIN', left: LinkSide, right: LinkSide, at: { start: number; end: number }, metadata: Metadata): Diagnostic | undefined {
  const leftRecords = recordTable(left);
  const rightRecords = recordTable(right);
  if (leftRecords === undefined || rightRecords === undefined || relatedTables(leftRecords, rightRecords, metadata) !== false) return undefined;
  return { severity: 'error', code: 'field.related-link', start: at.start, end: at.end,
    message: `${keyword} links ${describe(left)} with ${describe(right)}: one holds ${leftRecords} records, the other ${rightRecords} records, so no value matches and no record is linked. Link by fields that hold records of the same table.` };
}

/** The table whose records the field's values name: its own for sys_id, the referenced one for a reference. */
function recordTable(side: LinkSide): string | undefined {
  if (side.field.element === 'sys_id') return side.table.name;
  return side.field.internalType === 'reference' ? side.field.reference : undefined;
}

function describe(side: LinkSide): string {
  return side.field.element === 'sys_id' ? `${side.table.name}.sys_id` : `${side.table.name}.${side.field.element} (a reference to ${side.field.reference})`;
}

/** True when one table is or extends the other, false when both hierarchies are known and neither does, undefined otherwise. */
export function relatedTables(a: string, b: string, metadata: Metadata): boolean | undefined {
  if (a === b) return true;
  const first = metadata.tables.get(a);
  const second = metadata.tables.get(b);
  if (first?.hierarchy.includes(b) || second?.hierarchy.includes(a)) return true;
  return first && second ? false : undefined;
}
