/**
 * Queries that are sent with every space removed: Camunda's official
 * ServiceNow templates pass `replace(sysparm_query, " ", "")` to the Table
 * API. Such a query is checked as it is sent (`state = 1` is fine, it reaches
 * ServiceNow as `state=1`), offsets are mapped back to the text as written,
 * and a space inside a value is reported: it changes what the value compares.
 */
import type { CheckOptions, CheckResult } from './check-result';
import type { Diagnostic } from './diagnostics';

type Check = (text: string, options: CheckOptions) => CheckResult;

export function checkWithoutSpaces(text: string, options: CheckOptions, check: Check): CheckResult {
  // Per character of the sent text, its offset in the text as written.
  const origin: number[] = [];
  let sent = '';
  for (let index = 0; index < text.length; index++) {
    if (text.charAt(index) === ' ') continue;
    origin.push(index);
    sent += text.charAt(index);
  }
  if (sent.length === text.length) return check(text, options);
  const result = check(sent, options);
  const start = (offset: number) => (offset < origin.length ? origin[offset]! : text.length);
  const end = (offset: number) => (offset > 0 ? origin[Math.min(offset, origin.length) - 1]! + 1 : 0);
  const remap = <T extends { start: number; end: number }>(span: T): T => {
    const empty = span.start === span.end;
    const mapped = start(span.start);
    return { ...span, start: mapped, end: empty ? mapped : end(span.end) };
  };
  const spaced = spacedValues(result, text, origin).map((span): Diagnostic => {
    const written = text.slice(span.start, span.end);
    return { severity: 'warning', code: 'value.spaces-removed', start: span.start, end: span.end,
      message: `The connector removes every space from the query before sending it, so "${written}" is compared as "${written.replace(/ /g, '')}".` };
  });
  const diagnostics = result.diagnostics.map(remap).concat(spaced).sort((a, b) => a.start - b.start || a.end - b.end);
  return { ...result, ast: remapTree(result.ast, remap), diagnostics };
}

/** The values (as spans of the written text) that had a space between two of their characters. */
function spacedValues(result: CheckResult, text: string, origin: number[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  visit(result.ast, (node) => {
    if (node['type'] !== 'Condition' && node['type'] !== 'TextQuery') return;
    const value = node['value'] as { start: number; end: number } | undefined;
    if (!value || value.end - value.start < 2) return;
    const from = origin[value.start]!;
    const to = origin[value.end - 1]! + 1;
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

/** Calls `each` on every object of the tree, parents first (before their spans change). */
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
