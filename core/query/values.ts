/**
 * Reads a condition's value by its operator's micro-syntax. A value that
 * does not have the expected shape becomes a Scalar and a problem is
 * returned, so the tree still prints back to the original text.
 */
import type { FieldPath, Leaf, Name, Scalar, Value } from './ast';
import type { ValueSyntax } from './operators';
import { isScriptAt, splitParts, type Part } from './scan';

export interface ValueProblem {
  start: number;
  end: number;
  message: string;
}

export interface ReadValue {
  value: Value;
  problem?: ValueProblem;
}

const SHAPES: Partial<Record<ValueSyntax, { parts: number; separator: string; form: string }>> = {
  range: { parts: 2, separator: '@', form: 'two values separated by @ (from@to)' },
  dateOn: { parts: 3, separator: '@', form: 'label@start@end, e.g. Today@javascript:gs.beginningOfToday()@javascript:gs.endOfToday()' },
  datePart: { parts: 2, separator: '@', form: "label@expression, e.g. Monday@javascript:gs.datePart('dayofweek','monday','EE')" },
  relative: { parts: 4, separator: '@', form: '@unit@ago|ahead@count, e.g. @hour@ago@1' },
  fieldDistance: { parts: 4, separator: '@', form: 'field@unit@before|after@count, e.g. activity_due@day@before@1' }
};

export function readValue(text: string, start: number, end: number, syntax: ValueSyntax, operator: string): ReadValue {
  // Most conditions take a plain value.
  if (syntax === 'scalar') return { value: leaf(text, start, end) };
  if (syntax === 'list') {
    return { value: readList(text, start, end) };
  }
  if (syntax === 'fieldComparison') {
    return readFieldComparison(text, start, end, operator);
  }
  const shape = SHAPES[syntax];
  if (!shape) {
    return { value: leaf(text, start, end) };
  }
  const parts = splitParts(text, start, end, shape.separator);
  // `ONToday`, `ON2025-01-10`: written so in public client code and in ServiceNow's MobileGlideRecord docs
  // (addEncodedQuery operator table), where the operator reference shows only label@start@end; accepted as one value.
  if (syntax === 'dateOn' && parts.length === 1) return { value: leaf(text, start, end) };
  // `calendar_durationMORETHANbusiness_duration`: the MobileGlideRecord docs compare two durations so, with no @unit@before|after@count.
  if (syntax === 'fieldDistance' && parts.length === 1) return readFieldComparison(text, start, end, operator);
  if (parts.length !== shape.parts || (syntax === 'relative' && parts[0]!.end !== parts[0]!.start)) {
    return {
      value: scalar(text, start, end),
      problem: { start, end: Math.max(end, start), message: `${operator} needs ${shape.form}.` }
    };
  }
  const [a, b, c, d] = parts as [Part, Part, Part, Part];
  switch (syntax) {
    case 'range':
      return { value: { type: 'Range', start, end, from: leaf(text, a.start, a.end), to: leaf(text, b.start, b.end) } };
    case 'dateOn':
      return { value: { type: 'DateOn', start, end, label: scalar(text, a.start, a.end), from: leaf(text, b.start, b.end), to: leaf(text, c.start, c.end) } };
    case 'datePart':
      return { value: { type: 'DatePart', start, end, label: scalar(text, a.start, a.end), expression: leaf(text, b.start, b.end) } };
    case 'relative':
      return { value: { type: 'Relative', start, end, unit: scalar(text, b.start, b.end), direction: scalar(text, c.start, c.end), amount: scalar(text, d.start, d.end) } };
    default:
      return {
        value: {
          type: 'FieldDistance', start, end,
          field: fieldPath(text, a.start, a.end),
          unit: scalar(text, b.start, b.end),
          direction: scalar(text, c.start, c.end),
          amount: scalar(text, d.start, d.end)
        }
      };
  }
}

function readList(text: string, start: number, end: number): Value {
  // A script returns the whole list (`sys_idINjavascript:getMyGroups()`).
  const parts = isScriptAt(text, start) ? [{ start, end }] : splitParts(text, start, end, ',');
  return { type: 'List', start, end, items: parts.map((part) => leaf(text, part.start, part.end)) };
}

function readFieldComparison(text: string, start: number, end: number, operator: string): ReadValue {
  const parts = splitParts(text, start, end, '@');
  const [field, unit] = parts as [Part, Part | undefined];
  if (parts.length > 2) {
    return { value: scalar(text, start, end), problem: { start, end, message: `${operator} needs a field, optionally followed by @unit (activity_due@day).` } };
  }
  return {
    value: {
      type: 'FieldComparison', start, end,
      field: fieldPath(text, field.start, field.end),
      ...(unit ? { unit: scalar(text, unit.start, unit.end) } : {})
    }
  };
}

export function leaf(text: string, start: number, end: number): Leaf {
  if (isScriptAt(text, start)) {
    const raw = text.slice(start, end);
    return { type: 'Script', start, end, raw, script: raw.slice('javascript:'.length) };
  }
  return scalar(text, start, end);
}

export function scalar(text: string, start: number, end: number): Scalar {
  const raw = text.slice(start, end);
  return { type: 'Scalar', start, end, raw, text: raw.includes('^^') ? raw.replaceAll('^^', '^') : raw };
}

export function fieldPath(text: string, start: number, end: number): FieldPath {
  const raw = text.slice(start, end);
  // One segment (no dot-walk) is the path's own text.
  if (!raw.includes('.')) return { type: 'FieldPath', start, end, raw, segments: [{ type: 'Name', start, end, name: raw }] };
  const segments: Name[] = [];
  let segmentStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text.charCodeAt(i) === 46 /* . */) {
      segments.push({ type: 'Name', start: segmentStart, end: i, name: text.slice(segmentStart, i) });
      segmentStart = i + 1;
    }
  }
  return { type: 'FieldPath', start, end, raw, segments };
}

export function name(text: string, start: number, end: number): Name {
  return { type: 'Name', start, end, name: text.slice(start, end) };
}
