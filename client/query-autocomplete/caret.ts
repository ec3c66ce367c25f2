/**
 * The caret of a query field in the value's terms: a plain `<input>` or
 * `<textarea>`, or the FEEL editor (CodeMirror's `.cm-content`, which shows
 * the value without its leading `=`, one `.cm-line` per line).
 */
import { readControlText } from '../query-validation/live-text';

export interface ControlState {
  text: string;
  caret: number;
}

/** The editable element of a field entry: its input, textarea or FEEL editor. */
export function fieldControl(entry: Element | null): HTMLElement | null {
  return entry?.querySelector<HTMLElement>('.cm-content, textarea, input[type="text"], input:not([type])') ?? null;
}

export function readControl(control: HTMLElement): ControlState | undefined {
  const text = readControlText(control);
  if (text === undefined) return undefined;
  if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) {
    return { text, caret: control.selectionStart ?? text.length };
  }
  const selection = control.ownerDocument.getSelection();
  if (!selection?.focusNode || !control.contains(selection.focusNode)) return { text, caret: text.length };
  let offset = 1; // the `=` the editor does not show
  for (const line of control.querySelectorAll('.cm-line')) {
    if (line.contains(selection.focusNode)) {
      const range = control.ownerDocument.createRange();
      range.setStart(line, 0);
      range.setEnd(selection.focusNode, selection.focusOffset);
      return { text, caret: offset + range.toString().length };
    }
    offset += (line.textContent ?? '').length + 1;
  }
  return { text, caret: text.length };
}

/** Focuses the control with the caret at `caret` (value offsets, as readControl gives). */
export function placeCaret(control: HTMLElement, caret: number): void {
  control.focus();
  if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) {
    control.setSelectionRange(caret, caret);
    return;
  }
  let remaining = caret - 1;
  for (const line of control.querySelectorAll('.cm-line')) {
    const length = (line.textContent ?? '').length;
    if (remaining <= length) {
      const position = textPosition(line, remaining);
      control.ownerDocument.getSelection()?.setBaseAndExtent(position.node, position.offset, position.node, position.offset);
      return;
    }
    remaining -= length + 1;
  }
}

/** The text node and offset `offset` characters into `root`. */
function textPosition(root: Node, offset: number): { node: Node; offset: number } {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let remaining = offset;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (remaining <= length) return { node, offset: remaining };
    remaining -= length;
  }
  return { node: root, offset: root.childNodes.length };
}
