/**
 * Checks a `sysparm_fields` value (`sys_id,number,caller_id.name`): each
 * comma-separated column, dot-walks included, against the table metadata,
 * with the same path resolution and did-you-mean as the query's fields.
 * ServiceNow leaves an unknown column out of the response without a word,
 * so a misspelt name only shows when a later step reads null.
 */
import type { FieldPath, Name } from './ast';
import type { Diagnostic } from './diagnostics';
import type { Metadata } from '../metadata/model';
import { resolvePath } from './validate/fields';
import { holdsSecretPlaceholder } from './sent-text';

export interface FieldsParamOptions {
  table?: string;
  metadata?: Metadata;
}

/** The text of a plain value or of a FEEL value that is one string literal (`="a,b"`), with its offset; undefined when computed. */
function literalText(value: string): { text: string; offset: number } | undefined {
  if (!value.trim().startsWith('=')) return { text: value, offset: 0 };
  const match = /^(\s*=\s*")([^"\\]*)"\s*$/.exec(value);
  return match ? { text: match[2] as string, offset: (match[1] as string).length } : undefined;
}

export function checkFieldsParam(value: string, options: FieldsParamOptions): Diagnostic[] {
  const root = options.table ? options.metadata?.tables.get(options.table) : undefined;
  const literal = literalText(value);
  if (!root || !options.metadata || !literal) return [];
  const diagnostics: Diagnostic[] = [];
  for (const path of columnPaths(literal.text, literal.offset)) {
    const found: Diagnostic[] = [];
    resolvePath(path, root, options.metadata, found);
    for (const diagnostic of found) diagnostics.push(reworded(diagnostic, path, root.name));
  }
  return diagnostics;
}

/** The query checks word their findings for a condition; here a column is missing from the response. */
function reworded(diagnostic: Diagnostic, path: FieldPath, table: string): Diagnostic {
  if (diagnostic.code === 'field.unknown' && diagnostic.severity === 'error') {
    // The table the name was looked up in, as the query check names it ("sys_user (reached through caller_id)").
    const where = /is not a field of (.+?), so /.exec(diagnostic.message)?.[1] ?? table;
    const written = path.raw.slice(diagnostic.start - path.start, diagnostic.end - path.start);
    return {
      ...diagnostic,
      message: `${written} is not a field of ${where}, so ServiceNow leaves it out of the response without a word${diagnostic.suggestion ? `; did you mean ${diagnostic.suggestion}?` : '.'}`
    };
  }
  if (diagnostic.code === 'field.not-reference') return { ...diagnostic, message: diagnostic.message.replace('and ServiceNow would drop this condition', 'and ServiceNow returns nothing for this column') };
  return diagnostic;
}

/**
 * The comma-separated columns as field paths, offsets into the whole value;
 * blanks around names skipped, and columns holding a `{{secrets.NAME}}`
 * placeholder too: the connector runtime fills them in, so only the sent
 * name could be judged.
 */
function columnPaths(text: string, offset: number): FieldPath[] {
  const paths: FieldPath[] = [];
  let position = 0;
  for (const part of text.split(',')) {
    const lead = part.length - part.trimStart().length;
    const raw = part.trim();
    const start = offset + position + lead;
    position += part.length + 1;
    if (!raw || holdsSecretPlaceholder(raw)) continue;
    const segments: Name[] = [];
    let at = start;
    for (const name of raw.split('.')) {
      segments.push({ type: 'Name', name, start: at, end: at + name.length });
      at += name.length + 1;
    }
    paths.push({ type: 'FieldPath', raw, segments, start, end: start + raw.length });
  }
  return paths;
}
