/**
 * The field an RLQUERY counts by (`RLQUERYincident.problem_id,>=1`) links the
 * related records to the queried ones, so it must reference the queried
 * table or a table of its hierarchy (ServiceNowDocs c_EncodedQueryStrings.md:
 * "in a query on the Problem table that includes problems with at least one
 * related incident, use ^RLQUERYincident.problem_id,>=1^ENDRLQUERY"). A
 * reference to another table counts no record, whatever the conditions.
 */
import type { Name } from '../ast';
import type { Diagnostic } from '../diagnostics';
import type { Field, Metadata, Table } from '../../metadata/model';
import { article } from '../../metadata/field-types';

export function checkRelatedLink(link: Field, at: Name, related: Table, queried: Table, metadata: Metadata): Diagnostic | undefined {
  const target = link.internalType === 'reference' ? link.reference : undefined;
  if (target === undefined) return undefined;
  const targetTable = metadata.tables.get(target);
  // Only a target whose hierarchy is known can be told apart from the queried table's.
  if (!targetTable || queried.hierarchy.includes(target) || targetTable.hierarchy.includes(queried.name)) return undefined;
  return { severity: 'error', code: 'field.related-link', start: at.start, end: at.end,
    message: `${related.name}.${link.element} references ${target}, not ${queried.name}, so no ${related.name} record is related to ${article(queried.name)} ${queried.name} record through it: count by a field that references ${queried.name}.` };
}
