/**
 * The proof's FEEL against feel-scala, for every construct the templates use
 * (their url, queryParameters, headers, body, result and error expressions,
 * activation conditions, correlation keys, message ids), with the inputs
 * where feelin and feel-scala part ways. Each expected value is feel-scala's,
 * read in camunda/feel-scala main (1.22.0-SNAPSHOT, commit 392c537) under
 * src/main/scala/org/camunda/feel/; FI = impl/interpreter/FeelInterpreter.scala,
 * the builtins are in impl/builtin/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFeel, FeelFailure, UnmodelledFeel } from './feel';
import { UnmodelledJavaRegex } from './java-regex';

const feel = (expression: string, context: Record<string, unknown> = {}) => evaluateFeel(expression, context).value;

describe('helpers/runtime/feel - control flow and logic (FI)', () => {
  it('takes the else branch for a condition that is not true (FI:136 withBooleanOrFalse)', () => {
    expect(feel('if x then "then" else "else"', { x: null })).toBe('else');
    expect(feel('if x then "then" else "else"', { x: 'yes' })).toBe('else');
    expect(feel('if x then "then" else "else"', { x: {} })).toBe('else');
    expect(feel('if x then "then" else "else"', { x: 1 })).toBe('else');
    expect(feel('if x then "then" else "else"', { x: true })).toBe('then');
  });

  it('applies three-valued and/or/not (FI:131-133, atLeastOne/all at FI:487-523, not at BooleanBuiltinFunctions.scala:31)', () => {
    expect(feel('true and null')).toBeNull();
    expect(feel('false and null')).toBe(false);
    expect(feel('null or true')).toBe(true);
    expect(feel('null or false')).toBeNull();
    expect(feel('x and true', { x: 'text' })).toBeNull();
    expect(feel('not(x)', { x: null })).toBeNull();
    expect(feel('not(x)', { x: 'text' })).toBeNull();
  });

  it('compares with null and across types (FI:525 checkEquality, ValComparator.scala compare, FI:536 dualOp)', () => {
    expect(feel('x = null', { x: null })).toBe(true);
    expect(feel('x = null', { x: 1 })).toBe(false);
    expect(feel('x != null', { x: 1 })).toBe(true);
    // the generated `sn_additionalFields = ""` and `code = "408"` on a number
    expect(feel('x = ""', { x: 5 })).toBeNull();
    expect(feel('x > 0', { x: null })).toBeNull();
    expect(feel('{a: 1} = {a: 1}')).toBe(true);
  });

  it('is null for + with null or mixed types (FI:551 addOp) and counts job.retries down', () => {
    expect(feel('"ServiceNow rate limit: " + x', { x: null })).toBeNull();
    expect(feel('"SERVICENOW_" + x', { x: 404 })).toBeNull();
    expect(feel('job.retries - 1', { job: { retries: 3 } })).toBe(2);
    expect(feel('job.retries - 1', { job: {} })).toBeNull();
  });

  it('tells context, string, number and list apart, null being none of them (FI:148 InstanceOf)', () => {
    expect(feel('[x instance of context, x instance of string, x instance of number, x instance of list]', { x: null })).toEqual([false, false, false, false]);
    expect(feel('[x instance of context, x instance of list]', { x: [] })).toEqual([false, true]);
    expect(feel('[x instance of context, x instance of list]', { x: {} })).toEqual([true, false]);
    expect(feel('x instance of number', { x: '1' })).toBe(false);
  });

  it('fails the evaluation on a failed assert even inside another call (BooleanBuiltinFunctions.scala:65, FeelEngine.scala:170)', () => {
    const body = 'context(get entries(if x instance of context then x else assert(x, false, "must be a context")))';
    expect(() => feel(body, { x: 'text' })).toThrow(new FeelFailure('must be a context'));
    expect(() => feel('assert(x, x != null, "missing")', { x: null })).toThrow(FeelFailure);
    expect(feel(body, { x: { a: 1 } })).toEqual({ a: 1 });
  });
});

describe('helpers/runtime/feel - paths, filters and iteration (FI)', () => {
  it('is null for a path on null, a string or a missing key, and maps a path over a list (FI:869 path)', () => {
    expect(feel('x.y', { x: null })).toBeNull();
    expect(feel('x.y', { x: 'text' })).toBeNull();
    expect(feel('request.body.sys_id', { request: {} })).toBeNull();
    expect(feel('x.y', { x: [{ y: 1 }, { z: 2 }] })).toEqual([1, null]);
  });

  it('is null for [1] of an empty list and for a filter on a non-list (FI:210 withList, FI:836 filterList)', () => {
    expect(feel('body.result[1].sys_id', { body: { result: [] } })).toBeNull();
    expect(feel('body.result[1].sys_id', { body: { result: [{ sys_id: 'a' }] } })).toBe('a');
    // a Table API answer whose result is one record, not a listing
    expect(feel('body.result[1]', { body: { result: { sys_id: 'a' } } })).toBeNull();
    expect(feel('body.result[1]', { body: { result: 'text' } })).toBeNull();
    expect(feel('x[item > 1]', { x: 5 })).toBeNull();
    expect(feel('x[-1]', { x: [1, 2] })).toBe(2);
  });

  it('filters entries of headers by lower-cased key (the error expression location / retry-after)', () => {
    const location = 'get entries(h)[lower case(item.key) = "location"].value[1]';
    expect(feel(location, { h: { Location: 'https://x/login.do' } })).toBe('https://x/login.do');
    expect(feel(location, { h: {} })).toBeNull();
    expect(feel(location, { h: null })).toBeNull();
    expect(feel('get entries(h)[item.value != null]', { h: 'text' })).toBeNull();
  });

  it('iterates lists only and lets context entries see earlier ones (FI:194 For, FI:71 ConstContext)', () => {
    expect(feel('for g in x return g', { x: null })).toBeNull();
    expect(feel('for g in x return g', { x: [] })).toEqual([]);
    expect(feel('{a: 1, b: a + 1}.b')).toBe(2);
  });
});

describe('helpers/runtime/feel - context builtins (ContextBuiltinFunctions.scala)', () => {
  it('get value: null for a non-context, a missing key or a non-string key (:52)', () => {
    expect(feel('get value(x, "a")', { x: null })).toBeNull();
    expect(feel('get value(x, "a")', { x: 'text' })).toBeNull();
    expect(feel('get value({a: 1}, "b")')).toBeNull();
    expect(feel('get value({a: 1}, null)')).toBeNull();
    expect(feel('get value(x, "camunda.document.type")', { x: { 'camunda.document.type': 'camunda' } })).toBe('camunda');
  });

  it('get entries: key/value pairs of a context, null otherwise (:43)', () => {
    expect(feel('get entries({a: 1})')).toEqual([{ key: 'a', value: 1 }]);
    expect(feel('get entries({})')).toEqual([]);
    expect(feel('get entries(x)', { x: null })).toBeNull();
    expect(feel('get entries(x)', { x: [1] })).toBeNull();
  });

  it('context: key/value contexts with string keys, the later of a key winning, else null (:190)', () => {
    expect(feel('context([])')).toEqual({});
    expect(feel('context([{key: "a", value: 1}, {key: "a", value: 2}])')).toEqual({ a: 2 });
    expect(feel('context([{key: 1, value: 1}])')).toBeNull();
    expect(feel('context([{key: "a"}])')).toBeNull();
    expect(feel('context(x)', { x: null })).toBeNull();
  });

  it('context merge and context put (:168, :88)', () => {
    expect(feel('context merge([{a: 1}, {a: 2, b: 3}])')).toEqual({ a: 2, b: 3 });
    expect(feel('context merge([{a: 1}, x])', { x: null })).toBeNull();
    expect(feel('context put({a: 1}, "a", null)')).toEqual({ a: null });
    expect(feel('context put(x, "b", 2)', { x: null })).toBeNull();
  });
});

describe('helpers/runtime/feel - conversions (ConversionBuiltinFunctions.scala)', () => {
  it('string: null stays null, numbers and booleans as text, lists and contexts as feel-scala prints them (:235, :244)', () => {
    expect(feel('string(x)', { x: null })).toBeNull();
    expect(feel('string(x)', { x: 10 })).toBe('10');
    expect(feel('string(x)', { x: 1.5 })).toBe('1.5');
    expect(feel('string(x)', { x: false })).toBe('false');
    expect(feel('string(x)', { x: ['number', 'sys_id'] })).toBe('["number", "sys_id"]');
    expect(feel('string(x)', { x: { a: 'x', b: [1] } })).toBe('{a:"x", b:[1]}');
  });

  it('number: a string in java.math.BigDecimal form, anything else null (:179, package.scala:68)', () => {
    expect(feel('number("42")')).toBe(42);
    expect(feel('number("12.50")')).toBe(12.5);
    expect(feel('number("1e3")')).toBe(1000);
    expect(feel('number("+5")')).toBe(5);
    for (const text of ['', ' 12', '0x10', 'Infinity', '1_000', 'abc']) expect(feel('number(x)', { x: text })).toBeNull();
    expect(feel('number(x)', { x: 5 })).toBeNull();
    expect(feel('number(x)', { x: null })).toBeNull();
  });

  it('sums stats counts to null when one is missing (the count result expression; ListBuiltinFunctions.scala:128)', () => {
    const counts = 'for group in groups return if group instance of context and get value(group, "stats") instance of context then number(string(get value(get value(group, "stats"), "count"))) else null';
    expect(feel(`sum(${counts})`, { groups: [{ stats: { count: '2' } }, { stats: { count: '3' } }] })).toBe(5);
    expect(feel(`sum(${counts})`, { groups: [{ stats: { count: '2' } }, { stats: { count: '' } }] })).toBeNull();
    expect(feel(`sum(${counts})`, { groups: [{ stats: { count: '2' } }, {}] })).toBeNull();
    expect(feel('sum([])')).toBeNull();
  });

  it('duration: ISO-8601 day-time text, upper case, else null (:262, package.scala:126)', () => {
    expect(feel('duration("PT" + string(x) + "S") = duration("PT2M")', { x: '120' })).toBe(true);
    expect(() => feel('string(duration("PT0S"))')).toThrow(UnmodelledFeel);
    expect(feel('duration(x) = duration("PT1.5S")', { x: 'PT1.5S' })).toBe(true);
    expect(feel('duration("pt60s")')).toBeNull();
    expect(feel('duration("PT99999999999999999999S")')).toBeNull();
  });
});

describe('helpers/runtime/feel - strings and lists (StringBuiltinFunctions.scala, ListBuiltinFunctions.scala)', () => {
  it('matches with Java regex: find, and $ before a final line terminator (:205)', () => {
    expect(feel('matches(x, "^5[0-9][0-9]$")', { x: '503' })).toBe(true);
    expect(feel('matches(x, "^5[0-9][0-9]$")', { x: '503\n' })).toBe(true);
    expect(feel('matches(x, "^5[0-9][0-9]$")', { x: '503\r\n' })).toBe(true);
    expect(feel('matches(x, "^5[0-9][0-9]$")', { x: '503\n\n' })).toBe(false);
    expect(feel('matches(x, "^5[0-9][0-9]$")', { x: '5030' })).toBe(false);
    expect(feel('matches(x, "5")', { x: 'a5b' })).toBe(true);
    expect(feel('matches(x, "^[A-Za-z0-9][A-Za-z0-9-]*$")', { x: 'dev-1.service-now.com' })).toBe(false);
    expect(feel('matches(x, "a")', { x: null })).toBeNull();
    expect(feel('matches("a", "(")')).toBeNull();
    // Java's \s is ASCII whitespace: no match for a no-break space (JavaScript's \s matches it)
    expect(feel('matches(x, p)', { x: 'a\u00a0b', p: 'a\\sb' })).toBe(false);
    expect(feel('matches(x, p)', { x: 'a\tb', p: 'a[\\s]b' })).toBe(true);
    expect(() => feel('matches(x, p)', { x: 'a', p: '\\ba' })).toThrow(UnmodelledJavaRegex);
  });

  it('replace with Java regex and Java replacement strings (:131)', () => {
    expect(feel('replace(x, "/+$", "")', { x: 'https://dev1.service-now.com//' })).toBe('https://dev1.service-now.com');
    expect(feel('replace(x, "/+$", "")', { x: 'https://dev1.service-now.com/\n' })).toBe('https://dev1.service-now.com\n');
    expect(feel('replace(x, " *;.*", "")', { x: 'text/plain ; charset=utf-8' })).toBe('text/plain');
    // Java's . stops at every line terminator, U+0085 included
    expect(feel('replace(x, " *;.*", "")', { x: 'text/plain;a\u0085b' })).toBe('text/plain\u0085b');
    expect(feel('replace(x, "(b)", y)', { x: 'abc', y: '[$1\\$]' })).toBe('a[b$]c');
    expect(feel('replace(x, "b", y)', { x: 'abc', y: '$' })).toBeNull();
    expect(feel('replace(x, "b", y)', { x: 'abc', y: '$2' })).toBeNull();
    expect(() => feel('replace(x, "a++", "")', { x: 'aa' })).toThrow(UnmodelledJavaRegex);
  });

  it('contains and lower case are null on null (:181, :95)', () => {
    expect(feel('contains(x, "<html")', { x: null })).toBeNull();
    expect(feel('contains(lower case(x), "<html")', { x: '<HTML><body>' })).toBe(true);
    expect(feel('lower case(x)', { x: null })).toBeNull();
  });

  it('list contains compares values, null included (:88); count and concatenate (:96, :329)', () => {
    expect(feel('list contains([200, 204], x)', { x: 204 })).toBe(true);
    expect(feel('list contains([200], x)', { x: null })).toBe(false);
    expect(feel('list contains([200], x)', { x: '200' })).toBe(false);
    expect(feel('list contains(x, 1)', { x: null })).toBeNull();
    expect(feel('count(x)', { x: 'text' })).toBeNull();
    expect(feel('count(x)', { x: null })).toBeNull();
    expect(feel('count([])')).toBe(0);
    expect(feel('concatenate([1], [], [2, 3])')).toEqual([1, 2, 3]);
  });

  it('refuses a builtin form it does not model rather than guess', () => {
    expect(() => feel('matches("a", "a", "i")')).toThrow(UnmodelledFeel);
  });
});

describe('helpers/runtime/feel - the committed templates\' own expressions', () => {
  const property = (file: string, id: string): string => {
    const template = JSON.parse(readFileSync(join('templates', file), 'utf8')) as { properties: { id: string; value?: unknown }[] };
    const found = template.properties.find((candidate) => candidate.id === id);
    if (typeof found?.value !== 'string') throw new Error(`${file} has no FEEL property ${id}`);
    return found.value;
  };

  it('builds the base URL from a name or an address, $ being Java\'s', () => {
    const baseUrl = property('servicenow-incident.json', 'baseUrl');
    expect(feel(baseUrl, { sn_instanceUrl: 'dev1' })).toBe('https://dev1.service-now.com');
    expect(feel(baseUrl, { sn_instanceUrl: 'https://dev1.service-now.com//' })).toBe('https://dev1.service-now.com');
    expect(feel(baseUrl, { sn_instanceUrl: null })).toBeNull();
    // a pasted name with its line break still counts as a name in Java (feelin: kept as an address)
    expect(feel(baseUrl, { sn_instanceUrl: 'dev1\n' })).toBe('https://dev1\n.service-now.com');
  });

  it('correlates a poll on the first listed record only, null for an empty or a non-list result', () => {
    const key = property('servicenow-incident-wait.json', 'correlationKeyPayload');
    const record = property('servicenow-incident-wait.json', 'resultExpression');
    expect(feel(key, { body: { result: [{ sys_id: 'a' }, { sys_id: 'b' }] } })).toBe('a');
    expect(feel(key, { body: { result: [] } })).toBeNull();
    expect(feel(key, { body: { result: { sys_id: 'a' } } })).toBeNull();
    expect(feel(record, { body: { result: { sys_id: 'a' } } })).toEqual({ incidentRecord: null });
  });
});
