/**
 * The public API others build on (plugin, lint rule, CLI, emulator): its
 * exports and their types. A rename or a removed export fails here first.
 */
import { describe, expect, it } from 'vitest';
import * as engine from '../../../core/query/index';
import type { CheckOptions, CheckResult, Diagnostic, DiagnosticCode, OperatorName, QueryAst, Severity, Term, Value } from '../../../core/query/index';
import { parseFeelExpression } from '../../../core/feel/parse';

describe('core/query - public API', () => {
  it('exports exactly the documented functions and tables', () => {
    expect(Object.keys(engine).sort()).toEqual([
      'DIAGNOSTIC_CODES', 'OPAQUE', 'OPERATORS', 'applySuggestion', 'applySuggestions', 'checkFeelQuery', 'checkQuery', 'checkUrlQuery',
      'complete', 'completeFeelQuery', 'diagnosticCodes', 'explainQuery', 'hasUrlQuery', 'operatorInfo', 'parseQuery', 'printQuery'
    ]);
  });

  it('has the documented signatures', () => {
    // given: typed bindings compile only when the signatures match
    const parse: (text: string) => { ast: QueryAst; diagnostics: Diagnostic[] } = engine.parseQuery;
    const print: (ast: QueryAst) => string = engine.printQuery;
    const check: (text: string, options?: CheckOptions) => CheckResult = engine.checkQuery;
    const checkFeel: (value: string, options?: CheckOptions) => CheckResult = engine.checkFeelQuery;
    const checkUrl: (url: string, options?: CheckOptions) => CheckResult | undefined = engine.checkUrlQuery;
    const explain: (ast: QueryAst, options?: CheckOptions) => string = engine.explainQuery;
    const suggest: (text: string, offset: number, options?: CheckOptions) => engine.Completion[] = engine.complete;
    const suggestFeel: (value: string, offset: number, options?: CheckOptions) => engine.Completion[] = engine.completeFeelQuery;
    const severity: Severity = 'info';
    const code: DiagnosticCode = 'field.unknown';
    const operator: OperatorName = 'NOT IN';

    // when
    const { ast } = parse('stateNOT IN6,7');
    const result = check(print(ast));
    const [term] = ast.groups[0]!.clauses[0]!.terms as [Term];
    const value = term.type === 'Condition' ? (term.value as Value) : undefined;

    // then
    expect([result.ok, explain(ast), checkFeel('="a=1"', { feel: parseFeelExpression }).ok, severity, code, operator, value?.type]).toEqual([true, 'State is not one of 6, 7', true, 'info', 'field.unknown', 'NOT IN', 'List']);
    expect([checkUrl('https://x/api/now/table/incident?sysparm_query=a%3D1')?.ok, checkUrl('https://x/api/now/table/incident')]).toEqual([true, undefined]);
    expect([suggest('a=1', 3)[0]?.insert, suggestFeel('="a=1"', 5, { feel: parseFeelExpression })[0]?.insert]).toEqual(['^', '^']);
  });

  it('knows every operator name of the AST type in its operator table', () => {
    // given: a Record over the union, so a name added to OperatorName without an entry here fails to compile
    const every: Record<OperatorName, true> = {
      '=': true, '!=': true, '<': true, '<=': true, '>': true, '>=': true, LIKE: true, 'NOT LIKE': true, STARTSWITH: true, ENDSWITH: true,
      ISEMPTY: true, ISNOTEMPTY: true, ANYTHING: true, EMPTYSTRING: true, IN: true, 'NOT IN': true, BETWEEN: true, SAMEAS: true, NSAMEAS: true,
      GT_FIELD: true, LT_FIELD: true, GT_OR_EQUALS_FIELD: true, LT_OR_EQUALS_FIELD: true, IN_FIELD: true, ON: true, NOTON: true, DATEPART: true,
      RELATIVEGT: true, RELATIVELT: true, RELATIVEGE: true, RELATIVELE: true, RELATIVEEE: true, MORETHAN: true, LESSTHAN: true,
      DYNAMIC: true, IN_HIERARCHY: true, IN_HIERARCHY_DYNAMIC: true, INSTANCEOF: true, VALCHANGES: true, CHANGESFROM: true, CHANGESTO: true, MATCH_PAT: true, MATCH_RGX: true, DOESNOTHAVE: true, EXCLUDING: true,
      DISTANCE_SPHERE_WITHIN: true
    };
    const names = Object.keys(every) as OperatorName[];

    // then
    expect(engine.OPERATORS.map((operator) => operator.name).sort()).toEqual([...names].sort());
    expect(names.every((name) => engine.operatorInfo(name).name === name)).toBe(true);
  });
});
