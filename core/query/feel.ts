/**
 * Queries built in FEEL (`="active=true^caller_id=" + callerSysId`): the
 * expression is read with the FEEL grammar of the Modeler (lezer-feel,
 * core/feel/parse.ts, passed in as `feel`); the string literals of its top-level
 * `+` chain are decoded as feel-scala decodes them and joined, every other
 * operand becomes one opaque character (U+E000, `OPAQUE`) that the checks
 * accept as any value. Diagnostics and tree offsets are mapped back to the
 * FEEL text; suggestions are re-escaped for a FEEL string.
 */
import { FEEL_ESCAPES, readConcatenation } from '../feel/concatenation';
import type { FeelParser } from '../feel/tree';
import type { CheckOptions, CheckResult } from './check-result';
import type { Completion } from './complete';
import type { Diagnostic } from './diagnostics';
import { OPAQUE } from './scan';

type Check = (text: string, options: CheckOptions) => CheckResult;

export function checkFeel(value: string, options: CheckOptions & { feel: FeelParser }, check: Check): CheckResult {
  const operands = readConcatenation(value, options.feel);
  if ('unclosed' in operands) {
    const diagnostic: Diagnostic = { severity: 'error', code: 'syntax.feel', start: operands.unclosed, end: value.length,
      message: 'This FEEL string is not closed: add the closing double quote.' };
    return { ...check('', options), diagnostics: [diagnostic], ok: false, explanation: '', explanationItems: [] };
  }
  const synthetic = new Synthetic(value);
  let literals = 0;
  for (const operand of operands.list) {
    if (operand.literal) {
      synthetic.literal(operand.start + 1, operand.end - 1);
      literals++;
    } else {
      synthetic.opaque(operand.start, operand.end);
    }
  }
  if (literals === 0) {
    const result = check('', options);
    const diagnostic: Diagnostic = { severity: 'info', code: 'field.dynamic', start: 0, end: value.length,
      message: 'The whole query is computed at runtime, so it cannot be checked.' };
    return { ...result, diagnostics: [diagnostic], explanation: '(computed at runtime)', explanationItems: ['(computed at runtime)'], computed: true };
  }
  const result = check(synthetic.finish(), options);
  return {
    ...result,
    ast: synthetic.remapTree(result.ast),
    diagnostics: result.diagnostics.map((diagnostic) => synthetic.remapDiagnostic(diagnostic))
  };
}

/**
 * Completions for a caret inside one of the FEEL expression's string
 * literals: the query is the joined literals (runtime parts opaque), and each
 * suggestion's range is mapped back into that literal, its text escaped for
 * a FEEL string. A caret outside the literals gets nothing.
 */
export function completeFeel(value: string, offset: number, feel: FeelParser, completeText: (text: string, offset: number) => Completion[], closed = false): Completion[] {
  const operands = readConcatenation(value, feel);
  if ('unclosed' in operands) {
    // An unclosed last literal is what typing looks like: read it as closed at the end (once; a stray quote elsewhere stays unreadable).
    return closed ? [] : completeFeel(`${value}"`, offset, feel, completeText, true).filter((each) => each.end <= value.length);
  }
  const synthetic = new Synthetic(value);
  let literal: { from: number; to: number; synthStart: number } | undefined;
  for (const operand of operands.list) {
    if (operand.literal) {
      const synthStart = synthetic.length;
      synthetic.literal(operand.start + 1, operand.end - 1);
      if (offset > operand.start && offset < operand.end) literal = { from: operand.start + 1, to: operand.end - 1, synthStart };
    } else {
      synthetic.opaque(operand.start, operand.end);
    }
  }
  if (!literal) return [];
  const inside = literal;
  const text = synthetic.finish();
  const caret = synthetic.offsetIn(literal.synthStart, offset);
  const end = synthetic.offsetIn(literal.synthStart, literal.to);
  return completeText(text, caret)
    .filter((each) => each.start >= inside.synthStart && each.end <= end)
    .map((each) => ({
      ...each,
      insert: escapeFeel(each.insert),
      start: synthetic.sourceOffset(each.start, inside),
      end: synthetic.sourceOffset(each.end, inside)
    }));
}

function escapeFeel(text: string): string {
  return text.replace(/[\\"]/g, (char) => `\\${char}`).replace(/\n/g, '\\n');
}

/** The checked text with, per character, where it came from in the FEEL source. */
class Synthetic {
  text = '';
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly chunks: string[] = [];

  constructor(private readonly source: string) {}

  literal(start: number, end: number): void {
    for (let i = start; i < end; i++) {
      const char = this.source.charAt(i);
      if (char !== '\\') {
        this.push(char, i, i + 1);
        continue;
      }
      const next = this.source.charAt(i + 1);
      const decoded = FEEL_ESCAPES[next];
      if (decoded === undefined) {
        this.push(char, i, i + 1);
        continue;
      }
      this.push(decoded, i, i + 2);
      i++;
    }
  }

  get length(): number {
    return this.chunks.length;
  }

  /** The checked-text offset of source offset `source`, counted from the literal starting at `from`. */
  offsetIn(from: number, source: number): number {
    let offset = from;
    while (offset < this.ends.length && this.ends[offset]! <= source && this.chunks[offset] !== OPAQUE) offset++;
    return offset;
  }

  /** The source offset of checked-text offset `offset` inside the literal whose text runs over source `[from, to)`. */
  sourceOffset(offset: number, literal: { from: number; to: number; synthStart: number }): number {
    if (offset <= literal.synthStart) return literal.from;
    const start = this.starts[offset];
    if (start !== undefined && this.chunks[offset] !== OPAQUE && start <= literal.to) return start;
    return this.ends[offset - 1]!;
  }

  opaque(start: number, end: number): void {
    this.push(OPAQUE, start, end);
  }

  /** Joins the characters once, after the last part (no repeated concatenation). */
  finish(): string {
    this.text = this.chunks.join('');
    return this.text;
  }

  private push(char: string, start: number, end: number): void {
    this.chunks.push(char);
    this.starts.push(start);
    this.ends.push(end);
  }

  position(offset: number, isEnd: boolean, emptyRange: boolean): number {
    if (this.starts.length === 0) return this.source.length;
    if (isEnd && !emptyRange && offset > 0) return this.ends[Math.min(offset, this.ends.length) - 1]!;
    return offset < this.starts.length ? this.starts[offset]! : this.ends[this.ends.length - 1]!;
  }

  remapDiagnostic(diagnostic: Diagnostic): Diagnostic {
    const empty = diagnostic.start === diagnostic.end;
    const mapped: Diagnostic = {
      ...diagnostic,
      start: this.position(diagnostic.start, false, empty),
      end: this.position(diagnostic.end, true, empty)
    };
    delete mapped.suggestion;
    const covered = this.text.slice(diagnostic.start, diagnostic.end);
    if (diagnostic.suggestion !== undefined && !covered.includes(OPAQUE) && !this.crossesLiterals(diagnostic.start, diagnostic.end)) {
      mapped.suggestion = diagnostic.suggestion.replace(/[\\"]/g, (char) => `\\${char}`).replace(/\n/g, '\\n');
    }
    return mapped;
  }

  /** True when `[start, end)` spans two FEEL literals (characters not adjacent in the source). */
  private crossesLiterals(start: number, end: number): boolean {
    for (let i = start + 1; i < end; i++) {
      if (this.starts[i] !== this.ends[i - 1]) return true;
    }
    return false;
  }

  /** Every `start`/`end` in the tree, mapped to the FEEL text. */
  remapTree<T>(node: T): T {
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) {
        value.forEach(visit);
        return;
      }
      if (value === null || typeof value !== 'object') return;
      const record = value as Record<string, unknown>;
      if (typeof record['start'] === 'number' && typeof record['end'] === 'number') {
        const start = record['start'];
        const end = record['end'];
        const empty = start === end;
        record['start'] = this.position(start, false, empty);
        record['end'] = empty ? record['start'] : this.position(end, true, false);
      }
      for (const key of Object.keys(record)) {
        if (key !== 'start' && key !== 'end') visit(record[key]);
      }
    };
    visit(node);
    return node;
  }
}
