/**
 * Prints a tree back to an encoded query. Separators follow from the
 * structure and `Query.depth`; everything else is printed as written, so a
 * parsed query prints back to the same string.
 */
import type { FieldPath, Leaf, Query, Term, Value } from './ast';
import { TEXT_QUERY_KEYWORDS } from './scan';

export function print(query: Query): string {
  if (query.script) return query.script.raw;
  const separator = '^'.repeat(query.depth);
  const groups: string[] = [];
  for (const group of query.groups) {
    const clauses: string[] = [];
    for (const clause of group.clauses) {
      clauses.push(clause.terms.map((term) => printTerm(term, query.depth)).join(`${separator}OR`));
    }
    groups.push(clauses.join(separator));
  }
  return groups.join(`${separator}NQ`);
}

function printTerm(term: Term, depth: number): string {
  switch (term.type) {
    case 'Condition':
      return (term.goto ? 'GOTO' : '') + printField(term.field) + term.operator.raw + (term.value ? printValue(term.value) : '');
    case 'OrderBy':
      return (term.descending ? 'ORDERBYDESC' : 'ORDERBY') + printField(term.field);
    case 'GroupBy':
      return term.trend ? `TRENDBY${printField(term.field)}${term.interval ? `,${term.interval.raw}` : ''}` : 'GROUPBY' + printField(term.field);
    case 'EndOfQuery':
      return 'EQ';
    case 'TextQuery':
      return (term.goto ? 'GOTO' : '') + TEXT_QUERY_KEYWORDS[term.kind] + term.value.raw;
    case 'RelatedListQuery': {
      const separator = '^'.repeat(depth);
      let text = `RLQUERY${term.table.name}.${term.field.name},${term.comparator}${term.count.raw}${term.m2m ? ',m2m' : ''}`;
      if (term.conditions) text += (term.inline ? ',' : separator) + print(term.conditions);
      return term.terminated ? `${text}${separator}ENDRLQUERY` : text;
    }
    case 'SubQuery': {
      const separator = '^'.repeat(term.depth);
      let text = `SUBQUERY${term.field.name},${term.joinField.name},${term.table.name}`;
      if (term.conditions) text += separator + print(term.conditions);
      return term.terminated ? `${text}${separator}ENDSUBQUERY` : text;
    }
    case 'Join':
      return `JOIN${term.left.table.name}.${term.left.field.name}=${term.right.table.name}.${term.right.field.name}!${term.conditions ? print(term.conditions) : ''}`;
    case 'Empty':
      return '';
    case 'Invalid':
      return term.raw;
  }
}

function printField(field: FieldPath): string {
  return field.segments.map((segment) => segment.name).join('.');
}

function printValue(value: Value): string {
  switch (value.type) {
    case 'Scalar':
    case 'Script':
      return value.raw;
    case 'List':
      return value.items.map(printLeaf).join(',');
    case 'Range':
      return `${printLeaf(value.from)}@${printLeaf(value.to)}`;
    case 'DateOn':
      return `${value.label.raw}@${printLeaf(value.from)}@${printLeaf(value.to)}`;
    case 'DatePart':
      return `${value.label.raw}@${printLeaf(value.expression)}`;
    case 'Relative':
      return `@${value.unit.raw}@${value.direction.raw}@${value.amount.raw}`;
    case 'FieldComparison':
      return printField(value.field) + (value.unit ? `@${value.unit.raw}` : '');
    case 'FieldDistance':
      return `${printField(value.field)}@${value.unit.raw}@${value.direction.raw}@${value.amount.raw}`;
  }
}

function printLeaf(leaf: Leaf): string {
  return leaf.raw;
}
