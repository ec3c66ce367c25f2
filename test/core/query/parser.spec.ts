import { describe, expect, it } from 'vitest';
import { parseQuery, printQuery, OPERATORS, type Condition, type Query, type Term } from '../../../core/query/index';
import { SPELLINGS } from '../../../core/query/operators';

/** Every term of every group, in order, including those of nested queries. */
function terms(query: Query): Term[] {
  return query.groups.flatMap((group) => group.clauses.flatMap((clause) => clause.terms));
}

function onlyCondition(text: string): Condition {
  const [term] = terms(parseQuery(text).ast);
  if (term?.type !== 'Condition') throw new Error(`expected a condition in ${text}, got ${term?.type}`);
  return term;
}

describe('core/query - parser', () => {
  describe('structure', () => {
    it('reads ^ as AND, ^OR as OR of its neighbours and ^NQ as a new query', () => {
      // given
      const text = 'a=1^b=2^ORc=3^NQd=4';

      // when
      const { ast, diagnostics } = parseQuery(text);

      // then
      expect(diagnostics).toEqual([]);
      expect(ast.groups.map((group) => group.clauses.map((clause) => clause.terms.map((term) => text.slice(term.start, term.end))))).toEqual([
        [['a=1'], ['b=2', 'c=3']],
        [['d=4']]
      ]);
    });

    it.each([
      ['ORDERBYnumber', { type: 'OrderBy', descending: false }],
      ['ORDERBYDESCsys_created_on', { type: 'OrderBy', descending: true }],
      ['GROUPBYcategory', { type: 'GroupBy' }],
      // a trend report's filter (code index find_string id 36359990072: `^EQ^GROUPBYtable_name^TRENDBYsys_created_on,month`)
      ['TRENDBYsys_created_on,month', { type: 'GroupBy', trend: true, field: { raw: 'sys_created_on' }, interval: { raw: 'month' } }],
      ['TRENDBYopened_at', { type: 'GroupBy', trend: true, field: { raw: 'opened_at' } }],
      ['123TEXTQUERY321=email server', { type: 'TextQuery', kind: 'TEXTQUERY', value: { raw: 'email server' } }],
      ['123TEXTINDEXGROUP321=portal', { type: 'TextQuery', kind: 'TEXTINDEXGROUP', value: { raw: 'portal' } }],
      // codecreative.io/blog/gliderecord-full-text-search-explained: GlideRecord's full-text search operators
      ['IR_AND_QUERY=Application', { type: 'TextQuery', kind: 'IR_AND_QUERY', value: { raw: 'Application' } }],
      ['IR_OR_QUERY=Test Application', { type: 'TextQuery', kind: 'IR_OR_QUERY', value: { raw: 'Test Application' } }],
      ['IR_AND_OR_QUERY=Application', { type: 'TextQuery', kind: 'IR_AND_OR_QUERY', value: { raw: 'Application' } }]
    ])('reads the directive %s', (text, expected) => {
      // when
      const { ast, diagnostics } = parseQuery(text);

      // then
      expect(diagnostics).toEqual([]);
      expect(terms(ast)[0]).toMatchObject(expected);
    });

    it.each([
      ['GOTO123TEXTQUERY321=email', { type: 'TextQuery', goto: true, start: 0, value: { raw: 'email' } }],
      ['GOTOnumber>=INC0010021', { type: 'Condition', goto: true, start: 0, field: { raw: 'number', start: 4 }, operator: { name: '>=' } }]
    ])('reads the list "go to" prefix in %s', (text, expected) => {
      // when
      const { ast, diagnostics } = parseQuery(text);

      // then
      expect(diagnostics).toEqual([]);
      expect(terms(ast)[0]).toMatchObject(expected);
      expect(printQuery(ast)).toBe(text);
    });

    it('reads ^EQ and the ordering after it', () => {
      // when
      const { ast, diagnostics } = parseQuery('priority=2^active=true^EQ^GROUPBYcategory^ORDERBYnumber');

      // then
      expect(diagnostics).toEqual([]);
      expect(terms(ast).map((term) => term.type)).toEqual(['Condition', 'Condition', 'EndOfQuery', 'GroupBy', 'OrderBy']);
    });

    // ServiceNow/ServiceNowDocs@cb48b5c markdown/platform-user-interface/c_EncodedQueryStrings.md:100 and
    // platform-administration/c_ReferenceQualifiers.md (advanced reference qualifiers)
    it.each([
      [`javascript:'active=true^' + getGroupQualifier()`, `'active=true^' + getGroupQualifier()`],
      ['javascript:new myScriptInclude().my_refqual()', 'new myScriptInclude().my_refqual()'],
      [`javascript:'u_active=true^' + "u_hr_service="+current.hr_service`, `'u_active=true^' + "u_hr_service="+current.hr_service`]
    ])('reads %s, a whole query that is one script, as that script (its ^ separates nothing)', (text, script) => {
      // when
      const { ast, diagnostics } = parseQuery(text);

      // then
      expect(diagnostics).toEqual([]);
      expect(ast.groups).toEqual([]);
      expect(ast.script).toMatchObject({ type: 'Script', start: 0, end: text.length, script });
      expect(printQuery(ast)).toBe(text);
    });

    it('reads a script that is only a value as the value of its condition', () => {
      // when
      const { ast } = parseQuery('caller_id=javascript:gs.getUserID()^active=true');

      // then
      expect(ast.script).toBeUndefined();
      expect(terms(ast).map((term) => term.type)).toEqual(['Condition', 'Condition']);
    });

    it('treats ^ORDERBY as AND plus ordering, not as ^OR', () => {
      // when
      const { ast } = parseQuery('a=1^ORDERBYb');

      // then
      expect(ast.groups[0]!.clauses).toHaveLength(2);
      expect(ast.groups[0]!.clauses[1]!.terms[0]).toMatchObject({ type: 'OrderBy', field: { raw: 'b' } });
    });

    it('reads dot-walked fields into segments with offsets', () => {
      // when
      const condition = onlyCondition('caller_id.department.name=IT');

      // then
      expect(condition.field.segments.map((segment) => [segment.name, segment.start, segment.end])).toEqual([
        ['caller_id', 0, 9], ['department', 10, 20], ['name', 21, 25]
      ]);
    });
  });

  describe('operators', () => {
    it.each(OPERATORS.map((operator) => operator.name))('reads the canonical operator %s', (name) => {
      // given
      const value = { none: '', scalar: 'x', list: 'a,b', range: '1@3', dateOn: 'Today@javascript:gs.beginningOfToday()@javascript:gs.endOfToday()',
        datePart: "Monday@javascript:gs.datePart('dayofweek','monday','EE')", relative: '@hour@ago@1', fieldComparison: 'other_field',
        fieldDistance: 'other_field@day@before@1' }[OPERATORS.find((operator) => operator.name === name)!.value];

      // when
      const condition = onlyCondition(`some_field${name}${value}`);

      // then
      expect(condition.field.raw).toBe('some_field');
      expect(condition.operator).toMatchObject({ raw: name, name });
    });

    it.each(SPELLINGS.filter((spelling) => spelling.kind !== 'canonical').map((spelling) => [spelling.raw, spelling.name]))(
      'reads the spelling %s as %s', (raw, name) => {
        // when
        const condition = onlyCondition(`short_description${raw}x`);

        // then
        expect(condition.operator).toMatchObject({ raw, name });
      });

    it.each([
      ['priority<=2', '<=', '2'],
      ['priority<2', '<', '2'],
      ['priority>=2', '>=', '2'],
      ['priority!=2', '!=', '2'],
      ['stateISNOTEMPTY', 'ISNOTEMPTY', undefined],
      ['caller_idEMPTYSTRING', 'EMPTYSTRING', undefined],
      ['caller_idISEMPTYSTRING', 'EMPTYSTRING', undefined],
      // ServiceNow/ServiceNowDocs@753a7f0 markdown/api-reference/MobileGlideRecordScopedAPI.md (brazil; addEncodedQuery operator table)
      ['assigned_toIN_FIELDwatch_list', 'IN_FIELD', undefined],
      ['sys_class_nameINSTANCEOFtask', 'INSTANCEOF', 'task'],
      ['managerIN_HIERARCHYabc', 'IN_HIERARCHY', 'abc'],
      // ServiceNow/ServiceNowDocs@cb48b5c markdown/platform-user-interface/r_OpAvailableFiltersQueries.md:762
      ['managerIN_HIERARCHY_DYNAMICfdd0fa0f93f5d2505bd0bd886cba1015%4090d1921e5f510100a9ad2572f2b477fe', 'IN_HIERARCHY_DYNAMIC', 'fdd0fa0f93f5d2505bd0bd886cba1015%4090d1921e5f510100a9ad2572f2b477fe'],
      ['numberSTARTSWITHINC', 'STARTSWITH', 'INC']
    ])('takes the longest operator in %s', (text, name, raw) => {
      // when
      const condition = onlyCondition(text);

      // then
      expect(condition.operator.name).toBe(name);
      expect(condition.value && 'raw' in condition.value ? condition.value.raw : undefined).toBe(raw);
    });

    it('reports an unknown operator with the closest one, and keeps parsing', () => {
      // when
      const { ast, diagnostics } = parseQuery('a=1^numberSTARTSWTIHINC^b=2');

      // then
      expect(diagnostics).toEqual([{
        severity: 'error', code: 'operator.unknown', start: 10, end: 20, suggestion: 'STARTSWITH',
        message: 'STARTSWTIH is not an encoded-query operator, so ServiceNow would drop this condition; did you mean STARTSWITH?'
      }]);
      expect(terms(ast).map((term) => term.type)).toEqual(['Condition', 'Condition', 'Condition']);
      expect(terms(ast)[1]).toMatchObject({ operator: { raw: 'STARTSWTIH', name: null }, value: { raw: 'INC' } });
    });

    it('suggests the one operator a cut-short word starts, and none when several do', () => {
      // given: short_descriptionLIrestaurant from a public C# client (code index find_string id 717917173)
      const guess = (text: string) => parseQuery(text).diagnostics.map((diagnostic) => [text.slice(diagnostic.start, diagnostic.end), diagnostic.suggestion]);

      // then
      expect(guess('short_descriptionLIrestaurant')).toEqual([['LI', 'LIKE']]);
      expect(guess('short_descriptionSTARTSvpn')).toEqual([['STARTS', 'STARTSWITH']]);
      expect(guess('short_descriptionEMx')).toEqual([['EM', undefined]]); // EMPTY, EMPTYSTRING
    });

    it('reads a capitalised word after the name as part of the field, not as an operator', () => {
      // when
      const { ast, diagnostics } = parseQuery('u_Vendor_ref=1');

      // then
      expect(diagnostics).toEqual([]);
      expect(terms(ast)[0]).toMatchObject({ field: { raw: 'u_Vendor_ref' }, operator: { name: '=' } });
    });

    it('reads a label with spaces as the field, up to the operator', () => {
      // when
      const condition = onlyCondition('Short descriptionLIKEfoo');

      // then
      expect(condition.field.raw).toBe('Short description');
      expect(condition.operator.name).toBe('LIKE');
    });
  });

  describe('value micro-syntax', () => {
    it.each([
      ['stateIN1,2,3', { type: 'List', items: [{ raw: '1' }, { raw: '2' }, { raw: '3' }] }],
      ['stateNOT IN6,7', { type: 'List', items: [{ raw: '6' }, { raw: '7' }] }],
      ['sys_idINjavascript:getMyGroups(a, b)', { type: 'List', items: [{ type: 'Script', script: 'getMyGroups(a, b)' }] }],
      ['reassignment_countBETWEEN1@3', { type: 'Range', from: { raw: '1' }, to: { raw: '3' } }],
      ['sla_dueBETWEENjavascript:gs.daysAgoStart(1)@javascript:gs.daysAgoEnd(0)',
        { type: 'Range', from: { type: 'Script', script: 'gs.daysAgoStart(1)' }, to: { type: 'Script', script: 'gs.daysAgoEnd(0)' } }],
      ["opened_atBETWEENjavascript:gs.dateGenerate('2017-01-01','00:00:00')@javascript:gs.dateGenerate('2017-12-31','23:59:59')",
        { type: 'Range', from: { script: "gs.dateGenerate('2017-01-01','00:00:00')" }, to: { script: "gs.dateGenerate('2017-12-31','23:59:59')" } }],
      ['sla_dueONToday@javascript:gs.daysAgoStart(0)@javascript:gs.daysAgoEnd(0)',
        { type: 'DateOn', label: { raw: 'Today' }, from: { type: 'Script' }, to: { type: 'Script' } }],
      ['sys_created_onNOTONLast 90 days@javascript:gs.beginningOfLast90Days()@javascript:gs.endOfLast90Days()',
        { type: 'DateOn', label: { raw: 'Last 90 days' } }],
      ["sla_dueDATEPARTMonday@javascript:gs.datePart('dayofweek','monday','GE')",
        { type: 'DatePart', label: { raw: 'Monday' }, expression: { type: 'Script', script: "gs.datePart('dayofweek','monday','GE')" } }],
      ['sla_dueRELATIVEGT@hour@ago@1', { type: 'Relative', unit: { raw: 'hour' }, direction: { raw: 'ago' }, amount: { raw: '1' } }],
      ['sys_created_onRELATIVEGE@dayofweek@ahead@7', { type: 'Relative', unit: { raw: 'dayofweek' }, direction: { raw: 'ahead' } }],
      ['sla_dueMORETHANactivity_due@day@before@1',
        { type: 'FieldDistance', field: { raw: 'activity_due' }, unit: { raw: 'day' }, direction: { raw: 'before' }, amount: { raw: '1' } }],
      ['sla_dueLESSTHANactivity_due@hour@after@2', { type: 'FieldDistance', direction: { raw: 'after' } }],
      ['sla_dueSAMEASactivity_due@day', { type: 'FieldComparison', field: { raw: 'activity_due' }, unit: { raw: 'day' } }],
      ['caller_idNSAMEASassigned_to', { type: 'FieldComparison', field: { raw: 'assigned_to' } }],
      ['reassignment_countGT_FIELDreopen_count', { type: 'FieldComparison', field: { raw: 'reopen_count' } }],
      ['assigned_toDYNAMIC90d1921e5f510100a9ad2572f2b477fe', { type: 'Scalar', raw: '90d1921e5f510100a9ad2572f2b477fe' }],
      ["caller_id=javascript:gs.getUserID()", { type: 'Script', script: 'gs.getUserID()' }],
      ["short_descriptionLIKEO'Brien", { type: 'Scalar', raw: "O'Brien" }],
      ['assignment_group=', { type: 'Scalar', raw: '' }]
    ])('reads %s', (text, expected) => {
      // when
      const { ast, diagnostics } = parseQuery(text);

      // then
      expect(diagnostics).toEqual([]);
      expect((terms(ast)[0] as Condition).value).toMatchObject(expected);
      expect(printQuery(ast)).toBe(text);
    });

    it('ends a javascript: value at ^ even inside quotes, reporting the broken script', () => {
      // when
      const { ast, diagnostics } = parseQuery("sys_idINjavascript:getIds('a^b')^active=true");

      // then
      expect(diagnostics).toMatchObject([
        { severity: 'error', code: 'syntax.unclosed-script', start: 8, end: 28 },
        { severity: 'error', code: 'syntax.missing-operator', start: 29, end: 32 }
      ]);
      expect(terms(ast).map((term) => term.type)).toEqual(['Condition', 'Invalid', 'Condition']);
    });

    it('reads ^^ in a value as an escaped caret, with a warning', () => {
      // when
      const { ast, diagnostics } = parseQuery('short_descriptionLIKEa^^b^active=true');

      // then
      expect((terms(ast)[0] as Condition).value).toMatchObject({ raw: 'a^^b', text: 'a^b' });
      expect(terms(ast)).toHaveLength(2);
      expect(diagnostics).toMatchObject([{ severity: 'warning', code: 'syntax.escaped-caret', start: 22, end: 24 }]);
    });

    it('reads ^^ inside a javascript: value as an escaped caret, not as the end of the script', () => {
      // given: GlideStringUtil.escapeQueryTermSeparator writes a value's ^ as ^^ (ServiceNowDocs GlideStringUtilScopedAPI.md)
      const text = "sys_idINjavascript:getIds('a^^b')^active=true";

      // when
      const { ast, diagnostics } = parseQuery(text);

      // then
      expect(diagnostics).toMatchObject([{ severity: 'warning', code: 'syntax.escaped-caret', start: 28, end: 30 }]);
      expect(terms(ast).map((term) => term.type)).toEqual(['Condition', 'Condition']);
      expect((terms(ast)[0] as Condition).value).toMatchObject({ type: 'List', items: [{ type: 'Script', script: "getIds('a^^b')" }] });
      expect(printQuery(ast)).toBe(text);
    });

    it('ends a javascript: value inside quotes at a caret that is left after an escaped pair', () => {
      // when
      const { ast, diagnostics } = parseQuery("sys_idINjavascript:getIds('a^^^b')");

      // then
      expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['syntax.escaped-caret', 'syntax.unclosed-script', 'syntax.missing-operator']);
      expect(terms(ast).map((term) => term.type)).toEqual(['Condition', 'Invalid']);
    });

    it.each([
      // cern-snow/cern-snow-client@2633747 tests/test_record_base.py, base_test_get_query (a test run against a live instance)
      ['sys_created_onONToday', 'Today'],
      // ServiceNow/ServiceNowDocs@753a7f0 markdown/api-reference/MobileGlideRecordScopedAPI.md (brazil; addEncodedQuery operator table, ON and NOTON)
      ['sys_created_onON2025-01-10', '2025-01-10'],
      ['sys_created_onNOTON2025-01-10', '2025-01-10']
    ])('accepts ON and NOTON with a single value, as sources outside the operator reference write them: %s', (text, raw) => {
      // when
      const { ast, diagnostics } = parseQuery(text);

      // then
      expect(diagnostics).toEqual([]);
      expect((terms(ast)[0] as Condition).value).toMatchObject({ type: 'Scalar', raw });
      expect(printQuery(ast)).toBe(text);
    });

    it('accepts MORETHAN and LESSTHAN with a field alone, as the MobileGlideRecord docs write them for durations', () => {
      // given: ServiceNow/ServiceNowDocs@753a7f0 markdown/api-reference/MobileGlideRecordScopedAPI.md (brazil; addEncodedQuery operator table)
      const text = 'calendar_durationMORETHANbusiness_duration^calendar_durationLESSTHANbusiness_duration';

      // when
      const { ast, diagnostics } = parseQuery(text);

      // then
      expect(diagnostics).toEqual([]);
      expect(terms(ast).map((term) => (term as Condition).value)).toMatchObject([
        { type: 'FieldComparison', field: { raw: 'business_duration' } },
        { type: 'FieldComparison', field: { raw: 'business_duration' } }
      ]);
      expect(printQuery(ast)).toBe(text);
    });

    it('reports an unclosed javascript: value and ends it at the next separator', () => {
      // when
      const { ast, diagnostics } = parseQuery("caller_id=javascript:gs.getUserID(^active=true");

      // then
      expect(diagnostics).toMatchObject([{ severity: 'error', code: 'syntax.unclosed-script', start: 10, end: 34 }]);
      expect(terms(ast)).toHaveLength(2);
    });

    it.each([
      ['priorityBETWEEN1', 'BETWEEN needs two values separated by @ (from@to).'],
      ['sla_dueRELATIVEGT@hour@ago', 'RELATIVEGT needs @unit@ago|ahead@count, e.g. @hour@ago@1.'],
      ['sla_dueONToday@javascript:gs.daysAgoStart(0)', 'ON needs label@start@end, e.g. Today@javascript:gs.beginningOfToday()@javascript:gs.endOfToday().'],
      ['sla_dueMORETHANactivity_due@day', 'MORETHAN needs field@unit@before|after@count, e.g. activity_due@day@before@1.']
    ])('reports the malformed value of %s and keeps it as text', (text, message) => {
      // when
      const { ast, diagnostics } = parseQuery(text);

      // then
      expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'value.malformed', message })]);
      expect((terms(ast)[0] as Condition).value?.type).toBe('Scalar');
      expect(printQuery(ast)).toBe(text);
    });
  });

  describe('related-list queries, subqueries and joins', () => {
    it('reads RLQUERY with its conditions as following terms', () => {
      // when
      const { ast, diagnostics } = parseQuery('active=true^RLQUERYtask.assigned_to,>=1^active=true^ENDRLQUERY^ORDERBYname');

      // then
      expect(diagnostics).toEqual([]);
      const block = terms(ast)[1]!;
      expect(block).toMatchObject({ type: 'RelatedListQuery', table: { name: 'task' }, field: { name: 'assigned_to' }, comparator: '>=',
        count: { raw: '1' }, m2m: false, inline: false, terminated: true });
      expect(block.type === 'RelatedListQuery' && terms(block.conditions!)).toMatchObject([{ type: 'Condition', field: { raw: 'active' } }]);
      expect(terms(ast)[2]).toMatchObject({ type: 'OrderBy' });
    });

    it('reads the comma form and m2m', () => {
      // when
      const inline = parseQuery('RLQUERYincident.problem_id,>=1,priority=1^ENDRLQUERY');
      const m2m = parseQuery('RLQUERYsys_user_has_role.user,>=1,m2m^role.name=admin^ENDRLQUERY');

      // then
      expect(inline.diagnostics).toEqual([]);
      expect(terms(inline.ast)[0]).toMatchObject({ inline: true, terminated: true, conditions: { groups: [{ clauses: [{ terms: [{ field: { raw: 'priority' } }] }] }] } });
      expect(m2m.diagnostics).toEqual([]);
      expect(terms(m2m.ast)[0]).toMatchObject({ m2m: true, inline: false, terminated: true });
    });

    it('warns about an RLQUERY without ENDRLQUERY and suggests closing it', () => {
      // when
      const { diagnostics } = parseQuery('RLQUERYtask.assigned_to,>=1^active=true');

      // then
      expect(diagnostics).toMatchObject([{ severity: 'warning', code: 'syntax.unterminated-block', start: 39, end: 39, suggestion: '^ENDRLQUERY' }]);
    });

    it('reads nested SUBQUERY written with ^^', () => {
      // when
      const { ast, diagnostics } = parseQuery('SUBQUERYsys_id,manager,sys_user^active=true^SUBQUERYsys_id,manager,sys_user^^active=true^^ENDSUBQUERY^ENDSUBQUERY');

      // then
      expect(diagnostics).toEqual([]);
      const outer = terms(ast)[0]!;
      expect(outer).toMatchObject({ type: 'SubQuery', field: { name: 'sys_id' }, joinField: { name: 'manager' }, table: { name: 'sys_user' }, depth: 1, terminated: true });
      const inner = outer.type === 'SubQuery' ? terms(outer.conditions!)[1] : undefined;
      expect(inner).toMatchObject({ type: 'SubQuery', depth: 2, terminated: true, conditions: { depth: 2 } });
    });

    it('reads JOIN conditions joined with ^^ and returns to the main query at ^', () => {
      // when
      const { ast, diagnostics } = parseQuery('JOINproblem.short_description=incident.short_description!active=true^^sys_class_name=incident^priority=1');

      // then
      expect(diagnostics).toEqual([]);
      const [join, after] = terms(ast);
      expect(join).toMatchObject({ type: 'Join', left: { table: { name: 'problem' }, field: { name: 'short_description' } },
        right: { table: { name: 'incident' }, field: { name: 'short_description' } }, conditions: { depth: 2 } });
      expect(join?.type === 'Join' && terms(join.conditions!).map((term) => term.type)).toEqual(['Condition', 'Condition']);
      expect(after).toMatchObject({ type: 'Condition', field: { raw: 'priority' } });
    });

    it('reads a JOIN without conditions (the ! is required)', () => {
      // when
      const { ast, diagnostics } = parseQuery('JOINsys_user.sys_id=sys_user_group.manager!^JOINsys_user_group.sys_id=task.assignment_group!active=true');

      // then
      expect(diagnostics).toEqual([]);
      expect(terms(ast).map((term) => term.type === 'Join' && term.conditions !== undefined)).toEqual([false, true]);
    });

    it('stops nesting blocks at 64 levels instead of exhausting the stack', () => {
      // given
      const text = 'SUBQUERYsys_id,manager,sys_user^'.repeat(5_000) + 'active=true';

      // when
      const { ast, diagnostics } = parseQuery(text);

      // then
      expect(diagnostics.filter((diagnostic) => diagnostic.code === 'syntax.malformed-block')).toHaveLength(5_000 - 64);
      expect(printQuery(ast)).toBe(text);
    });

    it.each([
      ['RLQUERYtask,>=1^ENDRLQUERY', 'syntax.malformed-block'],
      ['SUBQUERYsys_id,task^ENDSUBQUERY', 'syntax.malformed-block'],
      ['JOINsys_user.sys_id=task.assigned_to', 'syntax.malformed-block'],
      ['active=true^ENDRLQUERY', 'syntax.unexpected-end']
    ])('reports %s', (text, code) => {
      // when
      const { ast, diagnostics } = parseQuery(text);

      // then
      expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain(code);
      expect(printQuery(ast)).toBe(text);
    });
  });

  describe('recovery', () => {
    it('never throws and keeps every term after a bad one', () => {
      // when
      const { ast, diagnostics } = parseQuery('active^=true^priority=1^^ORstate=2^');

      // then
      expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['syntax.missing-operator', 'syntax.missing-field', 'syntax.escaped-caret', 'syntax.empty-term']);
      expect(printQuery(ast)).toBe('active^=true^priority=1^^ORstate=2^');
    });

    it('gives the empty query no groups and no diagnostics', () => {
      expect(parseQuery('')).toEqual({ ast: { type: 'Query', start: 0, end: 0, depth: 1, groups: [] }, diagnostics: [] });
    });

    it('reports empty terms with a fix that removes the separator', () => {
      // when
      const { diagnostics } = parseQuery('^ORa=1^NQ');

      // then
      expect(diagnostics).toEqual([
        { severity: 'warning', code: 'syntax.empty-term', start: 0, end: 3, suggestion: '', message: 'The query starts with a separator: remove it.' },
        { severity: 'warning', code: 'syntax.empty-term', start: 6, end: 9, suggestion: '', message: 'The query ends with a separator: remove it.' }
      ]);
    });

    it.each([
      ['^', [[0, 1]]],
      ['^^', [[0, 1], [1, 2]]],
      ['ORDERBYa^^b=1', [[8, 9]]]
    ])('reports each extra separator of %j once', (text, ranges) => {
      // when
      const { diagnostics } = parseQuery(text);

      // then
      expect(diagnostics.filter((diagnostic) => diagnostic.code === 'syntax.empty-term').map((diagnostic) => [diagnostic.start, diagnostic.end])).toEqual(ranges);
    });

    // jamesamcgaha/supernow@8f9de92 posts/querying-related-tables.md: "^ORRLQUERY and ^NQRLQUERY end up treated the same as ^RLQUERY" (and SUBQUERY)
    it.each([
      ['active=true^ORRLQUERYtask.parent,>=1^ENDRLQUERY', 'RLQUERYtask.parent,>=1^ENDRLQUERY'],
      ['active=true^NQRLQUERYtask.parent,>=1^ENDRLQUERY', 'RLQUERYtask.parent,>=1^ENDRLQUERY'],
      ['active=true^NQSUBQUERYsys_id,assigned_to,task^active=true^ENDSUBQUERY', 'SUBQUERYsys_id,assigned_to,task^active=true^ENDSUBQUERY']
    ])('warns that %s is applied with AND', (text, range) => {
      // when
      const { diagnostics } = parseQuery(text);

      // then
      expect(diagnostics.map((diagnostic) => [diagnostic.code, text.slice(diagnostic.start, diagnostic.end)])).toEqual([['syntax.misplaced-directive', range]]);
      expect(diagnostics[0]!.message).not.toContain('use ^NQ');
    });

    it('leaves a JOIN after ^NQ alone: its conditions join the alternatives', () => {
      expect(parseQuery('JOINsys_user.sys_id=sys_user_group.manager!active=true^NQJOINsys_user.sys_id=task.assigned_to!active=true').diagnostics).toEqual([]);
    });

    it('warns about ordering written as an ^OR alternative', () => {
      // when
      const { diagnostics } = parseQuery('active=true^ORORDERBYnumber');

      // then
      expect(diagnostics).toMatchObject([{ severity: 'warning', code: 'syntax.misplaced-directive', start: 14, end: 27 }]);
    });
  });
});
