/**
 * A query written in a REST connector task's URL: decoded once, as the
 * connector's GenericUrl and then ServiceNow read it, with every range on
 * the URL as written (percent-escapes included).
 */
import { describe, expect, it } from 'vitest';
import { checkUrlQuery, hasUrlQuery, type Condition } from '../../../core/query/index';
import { parseFeelExpression } from '../../../core/feel/parse';
import { metadata } from './metadata';

const options = { table: 'incident', metadata: metadata('instance'), feel: parseFeelExpression };
const TABLE = 'https://x.service-now.com/api/now/table/incident';
const codes = (url: string) => checkUrlQuery(url, options)?.diagnostics.map((diagnostic) => [diagnostic.code, url.slice(diagnostic.start, diagnostic.end), diagnostic.suggestion]);

describe('core/query - queries in a URL', () => {
  it('checks a percent-encoded query, its ranges on the escapes as written', () => {
    // given
    const url = `${TABLE}?sysparm_query=active%3Dtrue%5Ecaler_id%3Dabc&sysparm_limit=5`;

    // when
    const result = checkUrlQuery(url, options)!;

    // then
    expect(codes(url)).toEqual([['field.unknown', 'caler_id', 'caller_id']]);
    const condition = result.ast.groups[0]!.clauses[0]!.terms[0] as Condition;
    expect(url.slice(condition.start, condition.end)).toBe('active%3Dtrue');
  });

  it('checks an unencoded query the same way', () => {
    expect(codes(`${TABLE}?sysparm_query=active=true^caler_id=abc`)).toEqual([['field.unknown', 'caler_id', 'caller_id']]);
  });

  it('reads a + as a space, as the connector sends it', () => {
    expect(codes(`${TABLE}?sysparm_query=active=true+`)).toContainEqual(['style.whitespace', 'true+', 'true']);
    expect(codes(`${TABLE}?sysparm_query=active=true%2B`)?.map(([code]) => code)).toEqual(['value.boolean']);
  });

  it('ends the value at the next & or #, and keeps an encoded %26 inside it', () => {
    expect(codes(`${TABLE}?sysparm_query=active=true&caler_id=abc`)).toEqual([]);
    expect(codes(`${TABLE}?sysparm_query=active=true#caler_id=abc`)).toEqual([]);
    expect(codes(`${TABLE}?sysparm_limit=1&sysparm_query=active=true%26caler_id=abc`)?.map(([code]) => code)).toContain('syntax.ampersand');
  });

  it('reports a query encoded twice, which ServiceNow reads with its escapes', () => {
    expect(codes(`${TABLE}?sysparm_query=active=true%255Epriority=1`)?.map(([code, text]) => [code, text])).toContainEqual(['syntax.url-encoded', '%255E']);
  });

  it('maps a character written as several UTF-8 escapes onto all of them', () => {
    // given: ü is %C3%BC
    const url = `${TABLE}?sysparm_query=caler_id%C3%BC=abc`;

    // then
    expect(codes(url)?.[0]?.slice(0, 2)).toEqual(['field.unknown', 'caler_id%C3%BC']);
  });

  it('checks the query in the string literals of a FEEL URL, at its place in the expression', () => {
    // given
    const url = '="https://" + host + "/api/now/table/incident?sysparm_query=active=true^caler_id=" + callerId + "&sysparm_limit=5"';

    // then
    expect(codes(url)).toEqual([['field.unknown', 'caler_id', 'caller_id']]);
    expect(checkUrlQuery(url, { ...options, feel: undefined })?.pending).toBe(true);
  });

  it('finds nothing in a URL without sysparm_query', () => {
    expect(checkUrlQuery(`${TABLE}?sysparm_limit=5`, options)).toBeUndefined();
    expect(checkUrlQuery(`="${TABLE}?sysparm_limit=" + limit`, options)).toBeUndefined();
    expect(hasUrlQuery(`${TABLE}?sysparm_limit=5&sysparm_query=active=true`)).toBe(true);
    expect(hasUrlQuery(`${TABLE}?xsysparm_query=active=true`)).toBe(false);
  });
});
