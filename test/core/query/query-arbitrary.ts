/**
 * fast-check generators of well-formed query trees (offsets set to 0; the
 * tests compare trees without offsets). Values avoid what would read as
 * something else once printed: no `^`, scalars start with a lowercase
 * letter or digit (so `<` + `=5` cannot turn into `<=`).
 */
import fc from 'fast-check';
import type { Clause, Condition, FieldPath, Group, Leaf, Name, Query, Scalar, Script, Term, TextQueryKind, Value } from '../../../core/query/ast';
import { OPERATORS, SPELLINGS, type ValueSyntax } from '../../../core/query/operators';

const at = { start: 0, end: 0 };
const nameText = fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/);
const name = nameText.map((text): Name => ({ type: 'Name', name: text, ...at }));
const fieldPath = fc.array(nameText, { minLength: 1, maxLength: 3 }).map((segments): FieldPath => ({
  type: 'FieldPath', raw: segments.join('.'), segments: segments.map((segment) => ({ type: 'Name', name: segment, ...at })), ...at
}));
const scalarText = fc.stringMatching(/^[a-z0-9][a-zA-Z0-9 _.:-]{0,10}$/).filter((text) => !text.startsWith('javascript:'));
const scalar = (text: fc.Arbitrary<string>) => text.map((raw): Scalar => ({ type: 'Scalar', raw, text: raw, ...at }));
const script = fc.oneof(
  fc.constantFrom('gs.getUserID()', 'gs.daysAgoStart(7)', "gs.dateGenerate('2017-05-01','start')", "getIds('a,b@c')", 'x.y(1, [2], {a: 3})')
).map((body): Script => ({ type: 'Script', raw: `javascript:${body}`, script: body, ...at }));
const leaf: fc.Arbitrary<Leaf> = fc.oneof(scalar(scalarText), script);
const words = (list: string[]) => scalar(fc.constantFrom(...list));
const label = scalar(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ]{0,10}$/));

const valueBySyntax: Record<Exclude<ValueSyntax, 'none'>, fc.Arbitrary<Value>> = {
  scalar: fc.oneof(scalar(scalarText), script, scalar(fc.constant(''))),
  list: fc.oneof(
    fc.array(scalar(fc.stringMatching(/^[a-z0-9][a-z0-9 _-]{0,6}$/)), { minLength: 1, maxLength: 4 }),
    script.map((item) => [item])
  ).map((items): Value => ({ type: 'List', items, ...at })),
  range: fc.record({ from: leaf, to: leaf }).map((range): Value => ({ type: 'Range', ...range, ...at })),
  dateOn: fc.record({ label, from: leaf, to: leaf }).map((value): Value => ({ type: 'DateOn', ...value, ...at })),
  datePart: fc.record({ label, expression: script }).map((value): Value => ({ type: 'DatePart', ...value, ...at })),
  relative: fc.record({ unit: words(['hour', 'day', 'dayofweek', 'month']), direction: words(['ago', 'ahead']), amount: words(['1', '7', '30']) })
    .map((value): Value => ({ type: 'Relative', ...value, ...at })),
  fieldComparison: fc.record({ field: fieldPath, unit: fc.option(words(['day', 'hour']), { nil: undefined }) })
    .map(({ field, unit }): Value => ({ type: 'FieldComparison', field, ...(unit ? { unit } : {}), ...at })),
  fieldDistance: fc.record({ field: fieldPath, unit: words(['day', 'hour']), direction: words(['before', 'after']), amount: words(['1', '2']) })
    .map((value): Value => ({ type: 'FieldDistance', ...value, ...at }))
};

const condition: fc.Arbitrary<Condition> = fc.constantFrom(...SPELLINGS).chain((spelling) => {
  const syntax = OPERATORS.find((operator) => operator.name === spelling.name)!.value;
  const operator = { type: 'Operator' as const, raw: spelling.raw, name: spelling.name, ...at };
  const goto = fc.oneof({ weight: 9, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.constant({ goto: true }) });
  if (syntax === 'none') return fc.record({ field: fieldPath, goto }).map(({ field, goto: prefix }): Condition => ({ type: 'Condition', ...prefix, field, operator, ...at }));
  return fc.record({ field: fieldPath, value: valueBySyntax[syntax], goto })
    .map(({ field, value, goto: prefix }): Condition => ({ type: 'Condition', ...prefix, field, operator, value, ...at }));
});

const directive: fc.Arbitrary<Term> = fc.oneof(
  fc.record({ descending: fc.boolean(), field: fieldPath }).map((term): Term => ({ type: 'OrderBy', ...term, ...at })),
  fieldPath.map((field): Term => ({ type: 'GroupBy', field, ...at })),
  fc.record({ field: fieldPath, interval: fc.option(words(['month', 'year', 'week']), { nil: undefined }) })
    .map(({ field, interval }): Term => ({ type: 'GroupBy', field, trend: true, ...(interval ? { interval } : {}), ...at })),
  fc.constant<Term>({ type: 'EndOfQuery', ...at }),
  fc.record({ kind: fc.constantFrom<TextQueryKind>('TEXTQUERY', 'TEXTINDEXGROUP', 'IR_AND_QUERY', 'IR_OR_QUERY', 'IR_AND_OR_QUERY'), value: scalar(scalarText) }).map((term): Term => ({ type: 'TextQuery', ...term, ...at }))
);

function query(depth: number, level: number): fc.Arbitrary<Query> {
  const alternatives = fc.array(condition, { minLength: 1, maxLength: 3 });
  const single = level > 1 ? fc.oneof(condition, directive) : fc.oneof({ weight: 6, arbitrary: condition }, { weight: 2, arbitrary: directive }, { weight: 2, arbitrary: block(depth, level) });
  const clause = fc.oneof(alternatives, single.map((term) => [term])).map((terms): Clause => ({ type: 'Clause', terms, ...at }));
  const group = fc.array(clause, { minLength: 1, maxLength: 3 }).map((clauses): Group => ({ type: 'Group', clauses, ...at }));
  // A group after ^NQ that opens with RLQUERY or SUBQUERY is applied with AND, so it is not well formed (parser.ts).
  const opensWithBlock = (each: Group) => each.clauses[0]!.terms[0]!.type === 'RelatedListQuery' || each.clauses[0]!.terms[0]!.type === 'SubQuery';
  return fc.array(group, { minLength: 1, maxLength: 2 }).filter((groups) => !groups.slice(1).some(opensWithBlock))
    .map((groups): Query => ({ type: 'Query', depth, groups, ...at }));
}

function block(depth: number, level: number): fc.Arbitrary<Term> {
  const nested = (innerDepth: number) => fc.option(query(innerDepth, level + 1), { nil: undefined });
  return fc.oneof(
    fc.record({ table: name, field: name, comparator: fc.constantFrom('>=', '>', '=', '<=', '<', '!='), count: scalar(fc.constantFrom('0', '1', '12')),
      m2m: fc.boolean(), conditions: nested(depth), inline: fc.boolean() })
      .map(({ conditions, inline, ...rest }): Term => ({ type: 'RelatedListQuery', ...rest, inline: conditions !== undefined && inline, terminated: true, ...(conditions ? { conditions } : {}), ...at })),
    fc.integer({ min: depth, max: depth + 1 }).chain((subDepth) =>
      fc.record({ field: name, joinField: name, table: name, conditions: nested(subDepth) })
        .map(({ conditions, ...rest }): Term => ({ type: 'SubQuery', ...rest, depth: subDepth, terminated: true, ...(conditions ? { conditions } : {}), ...at }))),
    fc.record({ left: fc.record({ table: name, field: name }), right: fc.record({ table: name, field: name }), conditions: nested(depth + 1) })
      .map(({ conditions, ...rest }): Term => ({ type: 'Join', ...rest, ...(conditions ? { conditions } : {}), ...at }))
  );
}

export const queryArbitrary = query(1, 0);

/** The tree with every `start`/`end` removed, for comparing trees built without offsets. */
export function withoutOffsets(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutOffsets);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).filter(([key]) => key !== 'start' && key !== 'end').map(([key, value]) => [key, withoutOffsets(value)]));
}
