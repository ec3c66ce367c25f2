import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../core/query';
import { isLintBehind } from '../../../client/query-validation/live-check';

const unknownField: Diagnostic = { severity: 'error', code: 'field.unknown', start: 0, end: 5, message: 'activ is not a field of incident' } as Diagnostic;
const duplicate: Diagnostic = { severity: 'warning', code: 'style.duplicate-condition', start: 0, end: 5, message: 'active=true is there twice' } as Diagnostic;

describe('client/query-validation/live-check - isLintBehind', () => {
  it('is not behind when the lint reports no error for the query', () => {
    expect(isLintBehind(undefined, [unknownField])).toBe(false);
  });

  it('is not behind when the lint error is one the live check finds', () => {
    expect(isLintBehind('Query: activ is not a field of incident', [unknownField])).toBe(false);
  });

  it('is behind when the live check no longer finds the lint error', () => {
    expect(isLintBehind('Query: activ is not a field of incident', [])).toBe(true);
  });

  it('is behind when the live check finds only a warning with that text', () => {
    expect(isLintBehind('Query: active=true is there twice', [duplicate])).toBe(true);
  });
});
