import { readFile } from 'node:fs/promises';

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
 * A UTF-8 text file's content, without a byte order mark. A failure names
 * the path: reading a folder fails in read(), whose EISDIR error has none.
 */
export async function readTextFile(path: string): Promise<string> {
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    if (error && typeof error === 'object' && 'code' in error && !('path' in error)) Object.assign(error, { path });
    throw error;
  });
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
  if (text.charCodeAt(0) === 0xfeff) return 'the file starts with a byte order mark (BOM), which Camunda Modeler cannot read; save it as UTF-8 without BOM';
  return error instanceof Error ? error.message : String(error);
}
