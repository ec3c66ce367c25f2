/**
 * Checks a request payload written as a FEEL context (`={"short_description":
 * summary, "impact": 2}`), as Camunda's official ServiceNow templates take
 * it: each key must be a column of the table (ServiceNow drops unknown keys
 * without a word and still answers 201), and a literal value of a choice
 * column must be one of its choices. Values computed at runtime are not
 * judged. Offsets are into the whole value, `=` included, so a fix replaces
 * exactly the key or the literal.
 */
import type { FeelParser } from '../feel/tree';
import type { Diagnostic } from '../query/diagnostics';
import type { Metadata, Table } from '../metadata/model';
import { lookupField, suggestField } from '../query/validate/fields';
import { checkChoice } from '../query/validate/typed';

export interface PayloadCheckOptions {
  table?: string;
  metadata?: Metadata;
  /** Reads the FEEL context; without it nothing is judged yet. */
  feel?: FeelParser;
}

interface Entry {
  key: string;
  /** Where the key's text is (inside the quotes of a string key). */
  keyStart: number;
  keyEnd: number;
  /** A literal value's text and where it is (inside the quotes of a string); undefined when computed. */
  literal?: { text: string; start: number; end: number };
}

/** Customer, scoped-app and store-app columns exist only where those are installed: not judged against a snapshot. */
const CUSTOM_COLUMN = /^(u_|x_|sn_)/;

export function checkPayload(value: string, options: PayloadCheckOptions): Diagnostic[] {
  const table = options.table ? options.metadata?.tables.get(options.table) : undefined;
  const match = /^(\s*=)/.exec(value);
  if (!table || !options.metadata || !options.feel || !match) return [];
  const entries = contextEntries(value.slice(match[1]!.length), match[1]!.length, options.feel);
  return entries.flatMap((entry) => entryDiagnostics(entry, table, options.metadata as Metadata));
}

function entryDiagnostics(entry: Entry, table: Table, metadata: Metadata): Diagnostic[] {
  const field = lookupField(table, entry.key);
  if (!field) {
    if (CUSTOM_COLUMN.test(entry.key)) return [];
    const suggestion = suggestField(entry.key, table);
    const diagnostic: Diagnostic = {
      severity: 'warning', code: 'field.unknown', start: entry.keyStart, end: entry.keyEnd,
      message: `${entry.key} is not a field of ${table.name}, so ServiceNow ignores it without a word${suggestion ? `; did you mean ${suggestion}?` : '.'}`
    };
    if (suggestion) diagnostic.suggestion = suggestion;
    return [diagnostic];
  }
  if (!entry.literal || field.choices.length === 0 || field.choiceMode === 0) return [];
  const leaf = { type: 'Scalar' as const, raw: entry.literal.text, text: entry.literal.text, start: entry.literal.start, end: entry.literal.end };
  const finding = checkChoice(leaf, field, table, metadata);
  // A payload value is stored as sent, not matched: an unknown choice is worth a warning, never a blocking error.
  return finding ? [{ ...finding, severity: finding.severity === 'error' ? 'warning' : finding.severity }] : [];
}

/** The entries of a top-level FEEL context, or none when the expression is something else. */
function contextEntries(expression: string, offset: number, feel: FeelParser): Entry[] {
  const tree = feel(expression);
  const context = tree.topNode.firstChild;
  if (!context || context.name !== 'Context') return [];
  const entries: Entry[] = [];
  for (let node = context.firstChild; node; node = node.nextSibling) {
    if (node.name !== 'ContextEntry') continue;
    const keyNode = node.getChild('Key');
    const inner = keyNode?.firstChild;
    const valueNode = keyNode?.nextSibling;
    if (!keyNode || !inner) continue;
    const quoted = inner.name === 'StringLiteral';
    const keyStart = inner.from + (quoted ? 1 : 0);
    const keyEnd = inner.to - (quoted ? 1 : 0);
    const entry: Entry = { key: expression.slice(keyStart, keyEnd), keyStart: keyStart + offset, keyEnd: keyEnd + offset };
    if (quoted && /\\/.test(entry.key)) continue; // an escaped key: judged wrong too easily
    const literal = valueNode ? literalOf(expression, valueNode.name, valueNode.from, valueNode.to) : undefined;
    if (literal) entry.literal = { text: literal.text, start: literal.start + offset, end: literal.end + offset };
    entries.push(entry);
  }
  return entries;
}

function literalOf(expression: string, name: string, from: number, to: number): { text: string; start: number; end: number } | undefined {
  if (name === 'NumericLiteral' || name === 'BooleanLiteral') return { text: expression.slice(from, to), start: from, end: to };
  if (name === 'StringLiteral' && !expression.slice(from + 1, to - 1).includes('\\')) return { text: expression.slice(from + 1, to - 1), start: from + 1, end: to - 1 };
  return undefined;
}
