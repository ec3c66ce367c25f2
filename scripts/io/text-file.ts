import { readFile } from 'node:fs/promises';
import { UserError } from '../../core/errors';

/**
 * Windows editors (Notepad before Windows 10 1903, PowerShell 5's
 * `Out-File -Encoding utf8`) start a UTF-8 file with a byte order mark. It is
 * an encoding marker, not content: left in, it becomes the first character of
 * a query's field name or a JSON parse error that shows nothing visible.
 */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Whether UTF-16 text was read as UTF-8: a NUL after every ASCII character,
 * or its byte order mark as two replacement characters. Windows PowerShell
 * 5.1 writes UTF-16LE with `>` and Out-File (Microsoft, about_Character_Encoding),
 * so a file made there reads as garbage; no UTF-8 JSON, query or XML holds a raw NUL.
 */
export function isUtf16(text: string): boolean {
  return text.startsWith('\ufffd\ufffd') || text.includes('\u0000');
}

/** What to do about a UTF-16 file. */
export const UTF16_ADVICE = 'save it as UTF-8 (in Windows PowerShell 5.1, Out-File -Encoding utf8 instead of > or plain Out-File)';

/**
 * A UTF-8 text file's content, without a byte order mark; a UTF-16 file is
 * refused, naming it. A failure names the path: reading a folder fails in
 * read(), whose EISDIR error has none.
 */
export async function readTextFile(path: string): Promise<string> {
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    if (error && typeof error === 'object' && 'code' in error && !('path' in error)) Object.assign(error, { path });
    throw error;
  });
  return utf8Text(text, path);
}

/** `text` without a byte order mark, or a user error naming `source` ("standard input", a path) when it is UTF-16. */
export function utf8Text(text: string, source: string): string {
  if (isUtf16(text)) throw new UserError(`${source} is ${source === 'standard input' ? '' : 'saved as '}UTF-16, not UTF-8; ${UTF16_ADVICE}`);
  return withoutByteOrderMark(text);
}

/**
 * Why `text` is not JSON, in words a user acts on. A byte order mark is
 * named: JSON.parse's message shows it as an invisible character, and Camunda
 * Modeler reads templates with JSON.parse(fs.readFileSync(path, 'utf8')),
 * which keeps it and fails (camunda/camunda-modeler@e1b7503d
 * app/lib/config/providers/ElementTemplatesProvider.js, getTemplatesForPath).
 */
export function jsonProblem(text: string, error: unknown): string {
  if (isUtf16(text)) return `the file is saved as UTF-16, not UTF-8, which Camunda Modeler cannot read; ${UTF16_ADVICE}`;
  if (text.charCodeAt(0) === 0xfeff) return 'the file starts with a byte order mark (BOM), which Camunda Modeler cannot read; save it as UTF-8 without BOM';
  return error instanceof Error ? error.message : String(error);
}
