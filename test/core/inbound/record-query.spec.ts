import { describe, expect, it } from 'vitest';
import { checkRecordQuery, checkWaitQuery, recordQueryWithSysId, sysparmQueryEntry } from '../../../core/inbound/record-query';
import { recordQuery } from '../../../core/inbound/wait-template';
import { applySuggestion } from '../../../core/query';
import { readSnapshot } from '../../../scripts/metadata/read-snapshot';
import { parseFeelExpression } from '../../../core/feel/parse';
import { NO_RECORD_QUERY } from '../../../core/inbound/sys-id-query';
import { evaluateFeel } from '../../helpers/runtime/feel';

describe('the record query of a wait template', () => {
  it('finds the sysparm_query entry of the FEEL context, quoted or not, up to the next entry', () => {
    const value = recordQuery('scReqItemSysId', 'approval=approved');
    const entry = sysparmQueryEntry(value);
    expect(entry?.expression).toBe('get or else("sys_id=" + scReqItemSysId + "^approval=approved", "sys_idISEMPTY")');
    expect(value.slice(entry?.start, (entry?.start ?? 0) + (entry?.expression.length ?? 0))).toBe(entry?.expression);
    expect(sysparmQueryEntry('={sysparm_limit: "1", sysparm_query: "sys_id=" + id + "^a,b"}')?.expression).toBe('"sys_id=" + id + "^a,b"');
  });

  it('reads only the entries of the context itself, past comments, strings and nested contexts', () => {
    // FEEL comments (Desktop's FEEL editor takes them) before the entry, and after it with a comma in them.
    const commented = '={\n  // the newest, at most 1\n  sysparm_limit: 1, /* open only */\n  "sysparm_query": "active=true" // not closed, see below\n}';
    const entry = sysparmQueryEntry(commented);
    expect(entry?.expression).toBe('"active=true"');
    expect(commented.slice(entry?.start)).toMatch(/^"active=true"/);
    // The key written inside a string, a nested context or a comment is no entry of the context.
    expect(sysparmQueryEntry('={note: "a,sysparm_query: b", sysparm_query: "active=true"}')?.expression).toBe('"active=true"');
    expect(sysparmQueryEntry('={filter: {sysparm_query: "x"}, sysparm_query: "active=true"}')?.expression).toBe('"active=true"');
    expect(sysparmQueryEntry('={filter: {sysparm_query: "x"}}')).toBeUndefined();
    expect(sysparmQueryEntry('={a: 1 // ,sysparm_query: "x"\n}')).toBeUndefined();
    expect(sysparmQueryEntry('={"a\\"b": ",sysparm_query: x", sysparm_query: y}')?.expression).toBe('y');
    // A context written without its `=` is read as before; one inside an if-expression is computed.
    expect(sysparmQueryEntry('{"sysparm_query": "active=true"}')?.expression).toBe('"active=true"');
    expect(sysparmQueryEntry('=if a then {sysparm_query: "x"} else b')).toBeUndefined();
  });

  it('checks the condition against the table, with offsets into the whole value so that a fix applies to it', async () => {
    const metadata = await readSnapshot();
    const value = recordQuery('incidentSysId', 'stat=6');
    const result = checkRecordQuery(value, { table: 'incident', metadata, feel: parseFeelExpression });
    const unknown = result.diagnostics.find((diagnostic) => diagnostic.code === 'field.unknown');
    expect(unknown).toBeDefined();
    expect(value.slice(unknown?.start, unknown?.end)).toBe('stat');
    expect(unknown?.suggestion).toBe('state');
    expect(applySuggestion(value, unknown as NonNullable<typeof unknown>)).toBe(recordQuery('incidentSysId', 'state=6'));
    expect(checkRecordQuery(recordQuery('incidentSysId', 'stateIN6,7'), { table: 'incident', metadata, feel: parseFeelExpression }).diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')).toEqual([]);
  });

  it('sends a query no record matches when the sys_id variable is missing, and the sys_id condition when it is there', () => {
    const value = recordQuery('incidentSysId', 'stateIN6,7');
    const tree = parseFeelExpression(value.slice(1));
    let broken = false;
    tree.iterate({ enter: (node) => { if (node.type.isError) broken = true; } });
    expect(broken).toBe(false);
    expect(evaluateFeel(value, {}).value).toEqual({ sysparm_query: NO_RECORD_QUERY, sysparm_limit: '1' });
    expect(evaluateFeel(value, { incidentSysId: 42 }).value).toEqual({ sysparm_query: NO_RECORD_QUERY, sysparm_limit: '1' });
    expect(evaluateFeel(value, { incidentSysId: 'abc' }).value).toEqual({ sysparm_query: 'sys_id=abc^stateIN6,7', sysparm_limit: '1' });
  });

  it('checks a query written without the fallback the same way, at its offsets', async () => {
    const metadata = await readSnapshot();
    const value = '={"sysparm_query": "sys_id=" + incidentSysId + "^stat=6", "sysparm_limit": "1"}';
    const unknown = checkRecordQuery(value, { table: 'incident', metadata, feel: parseFeelExpression }).diagnostics.find((diagnostic) => diagnostic.code === 'field.unknown');
    expect(value.slice(unknown?.start, unknown?.end)).toBe('stat');
    // A REST task's query parameters (checkRecordQuery) run in the job's scope: no such warning there.
    expect(checkRecordQuery(value, { feel: parseFeelExpression }).diagnostics.map((diagnostic) => diagnostic.code)).not.toContain('value.sys-id-fallback');
    const unguarded = checkWaitQuery(value, { feel: parseFeelExpression }).diagnostics.find((diagnostic) => diagnostic.code === 'value.sys-id-fallback');
    expect(applySuggestion(value, unguarded as NonNullable<typeof unguarded>)).toBe('={"sysparm_query": get or else("sys_id=" + incidentSysId + "^stat=6", "sys_idISEMPTY"), "sysparm_limit": "1"}');
    expect(checkWaitQuery(recordQuery('incidentSysId', 'state=6'), { feel: parseFeelExpression }).diagnostics.map((diagnostic) => diagnostic.code)).not.toContain('value.sys-id-fallback');
  });

  it('asks for a sysparm_query entry when the value has none', () => {
    const result = checkRecordQuery('={"sysparm_limit": "1"}');
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]?.message).toContain('"sysparm_query" entry');
    expect(checkRecordQuery('="sys_id=" + incidentSysId').ok).toBe(false);
    expect(checkRecordQuery('sysparm_query=active=true').ok).toBe(false);
  });

  it.each([
    ['a variable', '=recordQuery'],
    ['a function call', '=context put(baseQuery, "sysparm_limit", "1")'],
    ['an if-expression', '=if urgent then {"sysparm_query": "sys_id=" + id} else {"sysparm_query": "sys_id=" + id + "^active=true"}']
  ])('leaves a record query computed by %s alone: it may evaluate to a context with the entry', (_name, value) => {
    expect(checkRecordQuery(value).diagnostics).toEqual([]);
    expect(checkWaitQuery(value).diagnostics).toEqual([]);
  });

  it.each([
    ['the template default', recordQuery('incidentSysId', 'stateIN6,7'), recordQuery('problemRecord.sys_id', 'stateIN6,7')],
    ['a hand-spaced query', '={"sysparm_query": "sys_id="+oldId+"^active=true"}', '={"sysparm_query": "sys_id="+problemRecord.sys_id+"^active=true"}']
  ])('names another sys_id variable in %s, leaving the condition as it was', (_name, value, expected) => {
    expect(recordQueryWithSysId(value, 'problemRecord.sys_id')).toBe(expected);
  });

  it('leaves a record query alone that names its record some other way', () => {
    expect(recordQueryWithSysId('={"sysparm_query": "number=" + incidentNumber}', 'incidentSysId')).toBeUndefined();
  });
});
