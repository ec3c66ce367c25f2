/**
 * Property tests: the parser never throws, every range stays inside the
 * string, any string prints back to itself, and random well-formed trees
 * print and re-parse to themselves.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkQuery, parseQuery, printQuery, type Diagnostic, type Query } from '../../../core/query/index';
import { queryArbitrary, withoutOffsets } from './query-arbitrary';
import { metadata } from './metadata';

/** Characters that make up encoded queries, so random strings hit the interesting paths. */
const QUERYISH = [...'^^^ORNQEQ=!<>*%@,.()\'"`_ abcdefgijklmnopstuvyz0123456789INLIKESTARTWHMPYBGDVJQU$:&\\-'];
const querylike = fc.array(fc.constantFrom(...QUERYISH), { maxLength: 40 }).map((chars) => chars.join(''));
const keywords = fc.array(fc.constantFrom('^', '^OR', '^NQ', '^^', 'RLQUERY', 'ENDRLQUERY', 'SUBQUERY', 'ENDSUBQUERY', 'JOIN', '!', 'a.b', ',', '>=1', 'm2m',
  'javascript:', "'", '(', ')', 'x=1', 'IN', '@', 'ORDERBY', 'EQ', '123TEXTQUERY321=', 'NOT IN', 'BETWEEN', 'RELATIVEGT', 'ON'), { maxLength: 16 }).map((parts) => parts.join(''));
const anyText = fc.oneof(querylike, keywords, fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 20 }));

function inRange(diagnostics: Diagnostic[], length: number): boolean {
  return diagnostics.every((diagnostic) => diagnostic.start >= 0 && diagnostic.start <= diagnostic.end && diagnostic.end <= length);
}

function nodesInRange(node: unknown, length: number): boolean {
  if (Array.isArray(node)) return node.every((child) => nodesInRange(child, length));
  if (node === null || typeof node !== 'object') return true;
  const record = node as Record<string, unknown>;
  if (typeof record['start'] === 'number' && typeof record['end'] === 'number') {
    const { start, end } = record as { start: number; end: number };
    if (start < 0 || start > end || end > length) return false;
  }
  return Object.values(record).every((child) => nodesInRange(child, length));
}

describe('core/query - properties', () => {
  it('parses 100,000 random strings without throwing, with every range inside the string, printing each back to itself', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { ast, diagnostics } = parseQuery(text);
        return inRange(diagnostics, text.length) && nodesInRange(ast, text.length) && printQuery(ast) === text;
      }),
      { numRuns: 100_000 }
    );
  });

  it('checks random strings against metadata without throwing, ranges inside the string', () => {
    const tables = metadata();
    fc.assert(
      fc.property(anyText, (text) => {
        const result = checkQuery(text, { table: 'incident', metadata: tables });
        return inRange(result.diagnostics, text.length) && typeof result.explanation === 'string';
      }),
      { numRuns: 10_000 }
    );
  });

  it('prints random well-formed trees and re-parses them to the same tree', () => {
    fc.assert(
      fc.property(queryArbitrary, (ast: Query) => {
        const text = printQuery(ast);
        const parsed = parseQuery(text);
        expect(parsed.diagnostics.filter((diagnostic) => diagnostic.code.startsWith('syntax.') || diagnostic.code === 'operator.unknown' || diagnostic.code === 'value.malformed')).toEqual([]);
        expect(withoutOffsets(parsed.ast)).toEqual(withoutOffsets(ast));
        expect(printQuery(parsed.ast)).toBe(text);
      }),
      { numRuns: 3_000 }
    );
  });
});
