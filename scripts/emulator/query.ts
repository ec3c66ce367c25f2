import type { Clause, Condition, Group, Leaf, Query, Term } from '../../core/query/ast';
import { resolvePath, type Resolver } from './render';
import type { StoredRecord } from './records';
import type { TableSchema } from './schema';

/** A compiled sysparm_query: a filter and the requested order. */
export interface CompiledQuery {
  matches(record: StoredRecord): boolean;
  compare(a: StoredRecord, b: StoredRecord): number;
}

/** A query term the emulator cannot evaluate; the route answers 400 naming it rather than guess. */
export class UnsupportedQueryError extends Error {}

type Outcome = boolean | 'ignored';

/**
 * Evaluates an encoded-query AST (core/query/ast.ts) the way the Table API
 * does for the common operators. A condition on an unknown field is
 * dropped silently, as ServiceNow does by default, or empties the result
 * when `invalidReturnsNoRows` (glide.invalid_query.returns_no_rows) is set.
 */
export function compileQuery(ast: Query, schema: TableSchema, resolver: Resolver, options: { invalidReturnsNoRows: boolean }): CompiledQuery {
  if (ast.script) throw new UnsupportedQueryError('the emulator does not run a query that is one javascript: script');
  const orders = ast.groups.flatMap((group) => group.clauses.flatMap((clause) => clause.terms)).filter((term) => term.type === 'OrderBy');
  let invalid = false;
  const value = (record: StoredRecord, path: string) => resolvePath(record, schema, path, resolver)?.value;

  const evaluateTerm = (term: Term, record: StoredRecord): Outcome => {
    switch (term.type) {
      case 'OrderBy':
      case 'GroupBy':
      case 'EndOfQuery':
      case 'Empty':
        return 'ignored';
      case 'Condition': {
        const field = term.field.raw;
        const actual = value(record, field);
        if (actual === undefined) {
          invalid = true;
          return 'ignored';
        }
        return evaluateCondition(term, actual ?? '', (other) => value(record, other) ?? '');
      }
      default:
        throw new UnsupportedQueryError(`the emulator does not evaluate ${term.type} terms`);
    }
  };
  const evaluateClause = (clause: Clause, record: StoredRecord): Outcome => {
    const outcomes = clause.terms.map((term) => evaluateTerm(term, record)).filter((outcome) => outcome !== 'ignored');
    return outcomes.length === 0 ? 'ignored' : outcomes.some(Boolean);
  };
  const evaluateGroup = (group: Group, record: StoredRecord): boolean =>
    group.clauses.every((clause) => evaluateClause(clause, record) !== false);

  return {
    matches(record) {
      if (ast.groups.length === 0) return true;
      const result = ast.groups.some((group) => evaluateGroup(group, record));
      return invalid && options.invalidReturnsNoRows ? false : result;
    },
    compare(a, b) {
      for (const order of orders) {
        const difference = compareValues(value(a, order.field.raw) ?? '', value(b, order.field.raw) ?? '');
        if (difference !== 0) return order.descending ? -difference : difference;
      }
      return 0;
    }
  };
}

function evaluateCondition(condition: Condition, actual: string, fieldValue: (path: string) => string): boolean {
  const operator = condition.operator.name;
  const node = condition.value;
  const scalar = (): string => {
    if (!node) return '';
    if (node.type === 'Scalar' || node.type === 'Script') return leafText(node);
    if (node.type === 'List') return node.items.map(leafText).join(',');
    throw new UnsupportedQueryError(`the emulator does not evaluate ${node.type} values (${condition.operator.raw})`);
  };
  const lower = actual.toLowerCase();
  switch (operator) {
    case '=': return actual === scalar();
    case '!=': return actual !== scalar();
    case '<': return compareValues(actual, scalar()) < 0 && actual !== '';
    case '<=': return compareValues(actual, scalar()) <= 0 && actual !== '';
    case '>': return compareValues(actual, scalar()) > 0 && actual !== '';
    case '>=': return compareValues(actual, scalar()) >= 0 && actual !== '';
    case 'LIKE': return lower.includes(scalar().toLowerCase());
    case 'NOT LIKE': return !lower.includes(scalar().toLowerCase());
    case 'STARTSWITH': return lower.startsWith(scalar().toLowerCase());
    case 'ENDSWITH': return lower.endsWith(scalar().toLowerCase());
    case 'ISEMPTY': return actual === '';
    case 'ISNOTEMPTY': return actual !== '';
    case 'EMPTYSTRING': return actual === '';
    case 'ANYTHING': return true;
    case 'IN': return listItems(condition).includes(actual);
    case 'NOT IN': return !listItems(condition).includes(actual);
    case 'BETWEEN': {
      if (node?.type !== 'Range') throw new UnsupportedQueryError('BETWEEN needs a from@to range');
      return compareValues(actual, leafText(node.from)) >= 0 && compareValues(actual, leafText(node.to)) <= 0;
    }
    case 'SAMEAS':
    case 'NSAMEAS':
    case 'GT_FIELD':
    case 'LT_FIELD':
    case 'GT_OR_EQUALS_FIELD':
    case 'LT_OR_EQUALS_FIELD': {
      if (node?.type !== 'FieldComparison' || node.unit) throw new UnsupportedQueryError(`the emulator does not evaluate ${operator} with a unit`);
      const difference = compareValues(actual, fieldValue(node.field.raw));
      return { SAMEAS: difference === 0, NSAMEAS: difference !== 0, GT_FIELD: difference > 0, LT_FIELD: difference < 0, GT_OR_EQUALS_FIELD: difference >= 0, LT_OR_EQUALS_FIELD: difference <= 0 }[operator];
    }
    default:
      throw new UnsupportedQueryError(`the emulator does not evaluate the operator ${condition.operator.raw}`);
  }
}

function listItems(condition: Condition): string[] {
  const node = condition.value;
  if (!node) return [''];
  if (node.type === 'List') return node.items.map(leafText);
  if (node.type === 'Scalar') return node.text.split(',');
  throw new UnsupportedQueryError(`the emulator does not evaluate ${node.type} values in ${condition.operator.raw}`);
}

function leafText(leaf: Leaf): string {
  if (leaf.type === 'Script') throw new UnsupportedQueryError(`the emulator does not run javascript: values (${leaf.raw})`);
  return leaf.text;
}

/** Numbers compare as numbers, everything else (glide dates included) as text. */
export function compareValues(a: string, b: string): number {
  const numeric = /^-?\d+(\.\d+)?$/;
  if (numeric.test(a) && numeric.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}
