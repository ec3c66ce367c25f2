/**
 * A query is checked as the Table API receives it, which is not always the
 * text as written:
 *
 * - the connector runtime replaces each `{{secrets.NAME}}` with a cluster
 *   secret: a runtime value, read as one `OPAQUE` character;
 * - Camunda's official ServiceNow templates pass `replace(sysparm_query, " ", "")`,
 *   so with `spacesRemoved` every space is dropped (`state = 1` reaches
 *   ServiceNow as `state=1`), and a space inside a value is reported: it
 *   changes what the value compares.
 *
 * Diagnostics and tree offsets are mapped back to the text as written.
 */
import type { CheckOptions, CheckResult } from './check-result';
import type { Diagnostic } from './diagnostics';
import { OPAQUE } from './scan';

type Check = (text: string, options: CheckOptions) => CheckResult;

/** The connector runtime's secret placeholder (a name of letters, digits and `-_./`). */
const SECRET = /\{\{\s*secrets\.[\w./-]+\s*\}\}/g;

/** Whether the text holds a `{{secrets.NAME}}` placeholder, which the connector runtime fills in. */
export function holdsSecretPlaceholder(text: string): boolean {
  return text.search(SECRET) >= 0;
}

/** The sent text and, per character of it, the range of the written text it stands for. */
export interface Sent {
  text: string;
  starts: number[];
  ends: number[];
}

export function checkAsSent(text: string, options: CheckOptions, check: Check): CheckResult {
  const { spacesRemoved, ...rest } = options;
  const sent = sentText(text, spacesRemoved === true);
  if (sent.text === text) return check(text, rest);
  const result = check(sent.text, rest);
  // Read off the tree at its sent offsets, before mapping it back.
  const spaced = spacesRemoved ? spacedValues(result, text, sent).map((span): Diagnostic => {
    const written = text.slice(span.start, span.end);
    return { severity: 'warning', code: 'value.spaces-removed', start: span.start, end: span.end,
      message: `The connector removes every space from the query before sending it, so "${written}" is compared as "${written.replace(/ /g, '')}".` };
  }) : [];
  const mapped = mapBack(result, sent, text.length);
  return { ...mapped, diagnostics: mapped.diagnostics.concat(spaced).sort((a, b) => a.start - b.start || a.end - b.end) };
}

/**
 * Maps a result for `sent.text` back onto the text as written: diagnostics
 * and tree offsets (`after`: where the sent text ends in it), and each
 * suggestion through `escape` (how the written text spells the replacement,
 * e.g. percent-encoded in a URL).
 */
export function mapBack(result: CheckResult, sent: Sent, after: number, escape?: (text: string) => string): CheckResult {
  const start = (offset: number) => (offset < sent.starts.length ? sent.starts[offset]! : after);
  const end = (offset: number) => (offset > 0 ? sent.ends[Math.min(offset, sent.ends.length) - 1]! : 0);
  const remap = <T extends { start: number; end: number }>(span: T): T => {
    const empty = span.start === span.end;
    const mapped = start(span.start);
    return { ...span, start: mapped, end: empty ? mapped : end(span.end) };
  };
  const diagnostics = result.diagnostics.map((diagnostic) => {
    const mapped = remap(diagnostic);
    return escape && mapped.suggestion !== undefined ? { ...mapped, suggestion: escape(mapped.suggestion) } : mapped;
  });
  return { ...result, ast: remapTree(result.ast, remap), diagnostics };
}

export type Push = (char: string, start: number, end: number) => void;

/** Builds a sent text: `fill` pushes each of its characters with the range of the written text it stands for. */
export function buildSent(fill: (push: Push) => void): Sent {
  const sent: Sent = { text: '', starts: [], ends: [] };
  const chunks: string[] = [];
  fill((char, start, end) => {
    chunks.push(char);
    sent.starts.push(start);
    sent.ends.push(end);
  });
  sent.text = chunks.join('');
  return sent;
}

function sentText(text: string, spacesRemoved: boolean): Sent {
  return buildSent((push) => {
    let index = 0;
    for (const secret of text.matchAll(SECRET)) {
      copy(text, index, secret.index, spacesRemoved, push);
      push(OPAQUE, secret.index, secret.index + secret[0].length);
      index = secret.index + secret[0].length;
    }
    copy(text, index, text.length, spacesRemoved, push);
  });
}

function copy(text: string, from: number, to: number, spacesRemoved: boolean, push: Push): void {
  for (let index = from; index < to; index++) {
    const char = text.charAt(index);
    if (!(spacesRemoved && char === ' ')) push(char, index, index + 1);
  }
}

/** The values (as spans of the written text) that had a space between two of their characters. */
function spacedValues(result: CheckResult, text: string, sent: Sent): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  visit(result.ast, (node) => {
    if (node['type'] !== 'Condition' && node['type'] !== 'TextQuery') return;
    const value = node['value'] as { start: number; end: number } | undefined;
    if (!value || value.end - value.start < 2) return;
    const from = sent.starts[value.start]!;
    const to = sent.ends[value.end - 1]!;
    if (text.slice(from, to).includes(' ')) spans.push({ start: from, end: to });
  });
  return spans;
}

function remapTree<T>(tree: T, remap: (span: { start: number; end: number }) => { start: number; end: number }): T {
  visit(tree, (node) => {
    if (typeof node['start'] !== 'number' || typeof node['end'] !== 'number') return;
    const mapped = remap({ start: node['start'], end: node['end'] });
    node['start'] = mapped.start;
    node['end'] = mapped.end;
  });
  return tree;
}

/** Calls `each` on every object of the tree. */
function visit(value: unknown, each: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) visit(item, each);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const node = value as Record<string, unknown>;
  each(node);
  for (const key of Object.keys(node)) if (key !== 'start' && key !== 'end') visit(node[key], each);
}
