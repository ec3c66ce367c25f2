/**
 * Autocomplete: what is offered at a caret (`|` in the tables), with the
 * range it replaces, and that inserting a suggestion gives text the
 * validator accepts. Property tests: never throws, ranges inside the string.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFeelQuery, checkQuery, complete, completeFeelQuery, type Completion } from '../../../core/query/index';
import { classHierarchyMetadata, metadata } from './metadata';
import { parseFeelExpression } from '../../../core/feel/parse';

const options = { table: 'incident', metadata: metadata(), feel: parseFeelExpression };

/** `text` with `|` marking the caret. */
function at(marked: string): [string, number] {
  const caret = marked.indexOf('|');
  return [marked.slice(0, caret) + marked.slice(caret + 1), caret];
}

function labels(list: Completion[]): string[] {
  return list.map((each) => each.label);
}

function accept(text: string, completion: Completion): string {
  return text.slice(0, completion.start) + completion.insert + text.slice(completion.end);
}

describe('core/query - complete', () => {
  it.each([
    ['cal|', ['caller_id']],
    ['cal|^active=true', ['caller_id']],
    ['active=true^ORcal|', ['caller_id']],
    ['active=true^NQcal|', ['caller_id']],
    // by label, and by a word of the label
    ['resolution|', ['close_code']],
    ['Short desc|', ['short_description']],
    ['due|', ['due_date', 'activity_due', 'sla_due']],
    // dot-walks into the referenced table
    ['caller_id.|', ['active', 'department', 'manager', 'name', 'user_name']],
    ['caller_id.department.|', ['head', 'name']],
    ['caller_id.man|', ['manager']],
    ['ORDERBYpri|', ['priority']],
    ['ORDERBYDESCcaller_id.na|', ['name', 'manager', 'user_name']]
  ])('%s offers the fields %j', (marked, expected) => {
    // when
    const [text, caret] = at(marked);
    const found = complete(text, caret, options);

    // then
    expect(found.every((each) => each.kind === 'field')).toBe(true);
    expect(labels(found)).toEqual(expected);
  });

  it.each([
    // a list of references cannot be dot-walked, a table outside the metadata has no fields to offer
    'watch_list.|', 'cmdb_ci.|', 'state.|', 'caller_id.nosuch.|',
    // a query that is one script (an advanced reference qualifier): the caret is in JavaScript
    'javascript:"caller_id=" + current.cal|'
  ])('%s offers nothing', (marked) => {
    const [text, caret] = at(marked);
    expect(complete(text, caret, options)).toEqual([]);
  });

  it('replaces the whole segment the caret is in, and only that segment', () => {
    // given
    const [text, caret] = at('caller_id.na|me=Abel');

    // when
    const [first] = complete(text, caret, options);

    // then
    expect(first).toMatchObject({ kind: 'field', insert: 'name', start: 10, end: 14 });
    expect(accept(text, first!)).toBe('caller_id.name=Abel');
  });

  it.each([
    ['active|', ['=', '!=', 'ISEMPTY', 'ISNOTEMPTY', 'ANYTHING', 'EMPTYSTRING', 'IN', 'NOT IN', 'SAMEAS', 'NSAMEAS', 'IN_FIELD', 'DYNAMIC', 'DOESNOTHAVE', 'EXCLUDING']],
    ['stateNOT|', ['NOT LIKE', 'NOT IN']],
    ['opened_atRELATIVEG|', ['RELATIVEGT', 'RELATIVEGE']],
    ['priority<|', ['<=']]
  ])('%s offers the operators %j', (marked, expected) => {
    const [text, caret] = at(marked);
    expect(labels(complete(text, caret, options).filter((each) => each.kind === 'operator'))).toEqual(expected);
  });

  it('offers the date operators on date fields only, worded for dates', () => {
    const date = complete('opened_at', 9, options);
    const text = complete('number', 6, options);
    expect(date.find((each) => each.label === '<')?.detail).toBe('before');
    expect(labels(date)).toContain('RELATIVEGT');
    expect(labels(text)).not.toContain('RELATIVEGT');
    expect(labels(text)).toContain('STARTSWITH');
  });

  it.each([
    // the parser reads these as a shorter operator plus a value (IN + "_HIER", EMPTY + "S"): the longer one is being typed
    ['caller_idIN_HIER|', ['IN_HIERARCHY', 'IN_HIERARCHY_DYNAMIC'], 'caller_idIN_HIERARCHY'],
    ['caller_idIN_HIERARCHY_|', ['IN_HIERARCHY_DYNAMIC'], 'caller_idIN_HIERARCHY_DYNAMIC'],
    ['short_descriptionEMPTYS|', ['EMPTYSTRING'], 'short_descriptionEMPTYSTRING']
  ])('%s offers the longer operators %j, replacing the whole operator', (marked, expected, accepted) => {
    // when
    const [text, caret] = at(marked);
    const found = complete(text, caret, options);

    // then
    expect(found.every((each) => each.kind === 'operator')).toBe(true);
    expect(labels(found)).toEqual(expected);
    expect(accept(text, found[0]!)).toBe(accepted);
  });

  it.each([
    // the other field of a field comparison (ServiceNowDocs r_OpAvailableFiltersQueries: `sla_dueSAMEASactivity_due@day`, `sla_dueMORETHANactivity_due@day@before@1`)
    ['caller_id.activeSAMEAScaller_id.man|', ['manager']],
    ['priorityGT_FIELDurg|^active=true', ['urgency']],
    ['priorityNSAMEASimp|', ['impact']]
  ])('%s offers the other field %j', (marked, expected) => {
    // when
    const [text, caret] = at(marked);
    const found = complete(text, caret, options);

    // then
    expect(found.every((each) => each.kind === 'field')).toBe(true);
    expect(labels(found)).toEqual(expected);
  });

  it.each([
    // the options an instance has out of the box for users and groups (ServiceNowDocs r_UsingTheDynamicOperator.md)
    ['caller_idDYNAMIC|', ['Me', 'One of My Assignments', 'One of My Approvals', 'Users With Roles'], '90d1921e5f510100a9ad2572f2b477fe', false],
    ['caller_idDYNAMICone of my ap|', ['One of My Approvals'], '54635e965f510100a9ad2572f2b4774c', false],
    ['assignment_groupDYNAMIC|^active=true', ['One of My Groups'], 'd6435e965f510100a9ad2572f2b47744', false],
    ['caller_id.departmentDYNAMIC|', [], undefined, false],
    // a whole option is followed by the separators
    ['caller_idDYNAMIC90d1921e5f510100a9ad2572f2b477fe|', ['Me'], '90d1921e5f510100a9ad2572f2b477fe', true]
  ] as const)('%s offers the dynamic filter options %j for the referenced table', (marked, expected, first, separators) => {
    // when
    const [text, caret] = at(marked);
    const all = complete(text, caret, options);
    const found = all.filter((each) => each.kind === 'value');

    // then
    expect(labels(found)).toEqual(expected);
    expect(found[0]?.insert).toBe(first);
    expect(all.some((each) => each.kind === 'separator')).toBe(separators);
    if (found[0]) expect(checkQuery(accept(text, found[0]), options).diagnostics).toEqual([]);
  });

  it.each([
    ['task', 'sys_class_name=|', ['task', 'incident', 'problem']],
    ['task', 'sys_class_nameINincident,|', ['task', 'problem']],
    ['task', 'parent.sys_class_name=pro|', ['problem']],
    ['cmdb_ci', 'sys_class_nameINSTANCEOF|', ['cmdb_ci', 'cmdb_ci_server']]
  ])('on %s, %s offers the classes %j: the table and the tables extending it', (tableName, marked, expected) => {
    // when
    const [text, caret] = at(marked);
    const found = complete(text, caret, { table: tableName, metadata: classHierarchyMetadata() }).filter((each) => each.kind === 'value');

    // then
    expect(labels(found)).toEqual(expected);
  });

  it.each([
    // ServiceNowDocs r_OpAvailableFiltersQueries: `sla_dueRELATIVEGT@hour@ago@1`, `sla_dueSAMEASactivity_due@day`, `sla_dueMORETHANactivity_due@day@before@1`
    ['sla_dueRELATIVEGT@ho|', ['hour'], 'sla_dueRELATIVEGT@hour'],
    ['sla_dueRELATIVEGT@h|@ago@1', ['hour'], 'sla_dueRELATIVEGT@hour@ago@1'],
    ['sla_dueRELATIVELT@hour@|', ['ago', 'ahead'], 'sla_dueRELATIVELT@hour@ago'],
    ['sla_dueSAMEASactivity_due@w|', ['week'], 'sla_dueSAMEASactivity_due@week'],
    ['sla_dueMORETHANactivity_due@day@|', ['before', 'after'], 'sla_dueMORETHANactivity_due@day@before']
  ])('%s offers the words %j of the value syntax', (marked, expected, accepted) => {
    // when
    const [text, caret] = at(marked);
    const found = complete(text, caret, options);

    // then
    expect(labels(found)).toEqual(expected);
    expect(accept(text, found[0]!)).toBe(accepted);
  });

  it('offers whole ON values for the periods GlideSystem has a beginning and an end for, which the checker accepts', () => {
    // when
    const [text, caret] = at('opened_atONthis w|');
    const found = complete(text, caret, options);
    const accepted = accept(text, found[0]!);

    // then
    expect(labels(found)).toEqual(['This week']);
    expect(accepted).toBe('opened_atONThis week@javascript:gs.beginningOfThisWeek()@javascript:gs.endOfThisWeek()');
    expect(checkQuery(accepted, options).diagnostics).toEqual([]);
    expect(labels(complete('opened_atNOTON', 14, options))).toHaveLength(12);
  });

  it('offers the change-only operators when asked for conditions', () => {
    expect(labels(complete('state', 5, options))).not.toContain('CHANGESTO');
    expect(labels(complete('state', 5, { ...options, conditions: true }))).toContain('CHANGESTO');
  });

  it.each([
    ['state=|', ['1', '2', '3', '6', '7', '8'], ['New', 'In Progress', 'On Hold', 'Resolved', 'Closed', 'Canceled']],
    ['state=res|', ['6'], ['Resolved']],
    ['stateIN1,|', ['2', '3', '6', '7', '8'], ['In Progress', 'On Hold', 'Resolved', 'Closed', 'Canceled']],
    ['active=|', ['true', 'false'], ['true', 'false']],
    // inactive choices are not offered
    ['incident_state=|', ['1'], ['New']],
    ['caller_id.active!=|', ['true', 'false'], ['true', 'false']]
  ])('%s offers the values %j', (marked, values, details) => {
    const [text, caret] = at(marked);
    const found = complete(text, caret, options).filter((each) => each.kind === 'value');
    expect(labels(found)).toEqual(values);
    expect(found.map((each) => each.detail)).toEqual(details);
  });

  it.each([
    'state=1|', 'caller_id.name=Abel|', 'descriptionISEMPTY|', 'ORDERBYnumber|'
  ])('%s offers the separators and ordering', (marked) => {
    const [text, caret] = at(marked);
    expect(labels(complete(text, caret, options).filter((each) => each.kind === 'separator'))).toEqual(['^', '^OR', '^NQ', '^ORDERBY', '^ORDERBYDESC']);
  });

  const fieldCount = options.metadata.tables.get('incident')!.fields.length;
  it.each([['|', fieldCount + 2], ['active=true^|', fieldCount + 2], ['ORD|', 2], ['active=true^ORDERBYD|', 1]])('%s offers ORDERBY keywords among %i suggestions', (marked, count) => {
    const [text, caret] = at(marked);
    const found = complete(text, caret, options);
    expect(found).toHaveLength(count);
    expect(found.filter((each) => each.kind === 'keyword').every((each) => each.insert.startsWith('ORDERBY'))).toBe(true);
  });

  it('follows the table of a related-list query', () => {
    const [text, caret] = at('RLQUERYsys_user.manager,>=1^na|');
    expect(labels(complete(text, caret, options))).toContain('name');
  });

  it('offers separators and keywords only without metadata', () => {
    expect(complete('cal', 3)).toEqual([]);
    expect(labels(complete('ORD', 3))).toEqual(['ORDERBY', 'ORDERBYDESC']);
    expect(labels(complete('a=1', 3))).toEqual(['^', '^OR', '^NQ', '^ORDERBY', '^ORDERBYDESC']);
  });

  it('builds caller_id.name=Abel^state=1 from suggestions alone, plus the typed value', () => {
    // given
    let text = 'cal';
    const pick = (label: string) => {
      const found = complete(text, text.length, options).find((each) => each.label === label);
      expect(found, `${label} offered after ${text}`).toBeDefined();
      text = accept(text, found!);
    };

    // when
    pick('caller_id');
    text += '.';
    pick('name');
    pick('=');
    text += 'Abel';
    pick('^');
    text += 'sta';
    pick('state');
    pick('=');
    pick('1');

    // then
    expect(text).toBe('caller_id.name=Abel^state=1');
    expect(checkQuery(text, options).diagnostics).toEqual([]);
  });

  describe('FEEL queries', () => {
    it.each([
      ['="active=true^cal|"', 'caller_id', '="active=true^caller_id"'],
      ['="caller_id=" + id + "^sta|"', 'state', '="caller_id=" + id + "^state"'],
      ['="caller_id=" + id + "^state=|"', '6', '="caller_id=" + id + "^state=6"'],
      ['="short_description=a\\"b^cal|', 'caller_id', '="short_description=a\\"b^caller_id']
    ])('%s: inside the literal, %s gives %s', (marked, label, expected) => {
      // given
      const [text, caret] = at(marked);

      // when
      const found = completeFeelQuery(text, caret, options).find((each) => each.label === label);

      // then
      expect(found).toBeDefined();
      expect(accept(text, found!)).toBe(expected);
    });

    it('offers nothing outside the string literals', () => {
      const text = '="active=true^caller_id=" + id';
      expect(completeFeelQuery(text, text.length, options)).toEqual([]);
      expect(completeFeelQuery(text, 1, options)).toEqual([]);
    });

    it('escapes what it inserts for a FEEL string', () => {
      const withQuote = { ...options, metadata: metadata() };
      const table = withQuote.metadata.tables.get('incident')!;
      table.fields.find((field) => field.element === 'close_code')!.choices.push({ value: 'Said "no"', label: 'Said no', inactive: false });
      const [text, caret] = at('="close_code=Said|"');
      const found = completeFeelQuery(text, caret, withQuote).find((each) => each.detail === 'Said no');
      expect(accept(text, found!)).toBe('="close_code=Said \\"no\\""');
      expect(checkFeelQuery(accept(text, found!), withQuote).diagnostics.filter((each) => each.code === 'value.choice')).toEqual([]);
    });
  });

  describe('properties', () => {
    const QUERYISH = [...'^^ORNQ=!<>@,."_ abcdeilmnorstuy.0123INLIKESTARTWHORDBYDESC+\\'];
    const text = fc.oneof(
      fc.array(fc.constantFrom(...QUERYISH), { maxLength: 40 }).map((chars) => chars.join('')),
      fc.array(fc.constantFrom('caller_id', '.', 'name', '=', '^', '^OR', 'state', 'IN', '1,', 'ORDERBY', '="', '" + x + "', 'javascript:gs.x()'), { maxLength: 12 }).map((parts) => parts.join('')),
      fc.string({ maxLength: 30 })
    );

    it('never throws and keeps every range inside the string, for plain and FEEL text, at any offset', () => {
      fc.assert(fc.property(text, fc.integer({ min: -5, max: 60 }), (value, offset) => {
        for (const input of [value, `=${value}`]) {
          const found = [...complete(input, offset, options), ...completeFeelQuery(input, offset, options)];
          for (const each of found) {
            expect(each.start).toBeGreaterThanOrEqual(0);
            expect(each.start).toBeLessThanOrEqual(each.end);
            expect(each.end).toBeLessThanOrEqual(input.length);
          }
        }
      }), { numRuns: 3000 });
    });

    it('a field it offers, once inserted, is a field the validator knows', () => {
      fc.assert(fc.property(fc.constantFrom('', 'caller_id.', 'caller_id.department.', 'assignment_group.'), fc.stringMatching(/^[a-z_]{0,3}$/), (path, typed) => {
        const value = path + typed;
        for (const each of complete(value, value.length, options).filter((found) => found.kind === 'field')) {
          const inserted = `${accept(value, each)}ISNOTEMPTY`;
          expect(checkQuery(inserted, options).diagnostics.filter((diagnostic) => diagnostic.code.startsWith('field.'))).toEqual([]);
        }
      }), { numRuns: 300 });
    });
  });
});
