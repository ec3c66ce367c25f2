/**
 * Why bpmn-moddle's XML reader, which Camunda Modeler imports with too,
 * refused a whole file, in words that say where and what to do. Its own
 * error puts the reason on a later line ("unparsable content <tag>
 * detected\n\tline: 5\n\tcolumn: 8\n\tnested error: missing namespace on
 * <tag>", line 0-based, moddle-xml 12.3.2 `handleError`); its first line
 * alone said "unparsable content detected" for an empty file.
 */
import type { LintProblem } from './lint-diagram';
import { isUtf16 } from '../io/text-file';

const PASS_DIAGRAMS = 'pass .bpmn files saved by Camunda Modeler';

export function unreadableDiagram(file: string, xml: string, error: Error & { warnings?: { message?: unknown }[] }): LintProblem {
  if (xml.replace(/^\uFEFF/, '').trim() === '') return { file, severity: 'error', message: `an empty file, not a BPMN diagram; ${PASS_DIAGRAMS}` };
  if (isUtf16(xml)) {
    return { file, severity: 'error', message: 'saved as UTF-16 (or another encoding with NUL bytes), not UTF-8: Camunda Modeler reads every file as UTF-8 (camunda-modeler app/lib/file-system.js) and cannot open it either, so lint checked nothing in it; save it as UTF-8' };
  }
  const unparsable = /^unparsable content ([\s\S]*?) ?detected\n\tline: (\d+)\n\tcolumn: \d+\n\tnested error: ([^\n]*)/.exec(error.message);
  if (unparsable) {
    const line = Number(unparsable[2]) + 1;
    const cause = unparsable[3] as string;
    // Reading on would mean guessing the namespace the file forgot to declare: the Modeler refuses the file too.
    const prefix = /^missing namespace on <([^:>\s]+):[^>]*>/.exec(cause)?.[1];
    const what = prefix === undefined
      ? `unreadable XML: ${cause}${unparsable[1] ? ` (${unparsable[1].trim()})` : ''}`
      : `unreadable XML: ${unparsable[1]} uses the prefix "${prefix}", which no xmlns:${prefix} attribute declares`;
    return { file, line, severity: 'error', message: `${what}; Camunda Modeler cannot open the file either, so lint checked nothing in it: correct the XML${prefix === undefined ? '' : ` (declare xmlns:${prefix} on the root element, or remove what uses it)`}` };
  }
  // "failed to parse document as <bpmn:Definitions>": the root element is something else, named in the reader's warning.
  const root = error.warnings?.map((warning) => /nested error: unexpected element (<[^>]*>)/.exec(String(warning.message))?.[1]).find((each) => each !== undefined);
  return { file, severity: 'error', message: `not a BPMN diagram (${root ? `its root element ${root} is no bpmn:definitions` : error.message.split('\n')[0]}); ${PASS_DIAGRAMS}` };
}
