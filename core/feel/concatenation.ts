/**
 * A FEEL value read as the strings it joins (`="https://" + host + "/api/now/table/" + "incident"`):
 * the operands of its top-level `+` chain, the string literals among them
 * decoded as feel-scala decodes them. The query checks map each character
 * back to the FEEL text (core/query/feel.ts); the REST task reader only
 * needs the joined text (lint/diagram/rest-task.ts).
 */
import { isComment, type FeelNode, type FeelParser } from './tree';

/** One operand of the top-level `+` chain, as offsets into the value (after its `=`). */
export interface Operand {
  start: number;
  end: number;
  /** A complete string literal (its quotes at `start` and `end - 1`). */
  literal: boolean;
}

/**
 * The escapes feel-scala decodes in a string literal (FeelParser.scala,
 * translateEscapes): any other backslash, `\u0041` included, stays in the
 * text as written. feelin also decodes `\u`; the engine does not.
 */
export const FEEL_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', '\\': '\\', "'": "'" };

/**
 * The operands of the expression's top-level `+` chain (`"a" + b + "c"` has
 * three; anything else, `("a" + b)` or `if ... then ... else ...`, is one),
 * or where a string literal opens that is never closed: the grammar reports
 * such a quote as an error token of its own. `value` starts with its `=`.
 */
export function readConcatenation(value: string, feel: FeelParser): { list: Operand[] } | { unclosed: number } {
  const expression = value.slice(1);
  const tree = feel(expression);
  let unclosed: number | undefined;
  tree.iterate({
    enter(node) {
      if (unclosed !== undefined) return false;
      if (node.type.isError && expression.charAt(node.from) === '"') unclosed = node.from + 1;
      return undefined;
    }
  });
  if (unclosed !== undefined) return { unclosed };
  const list: Operand[] = [];
  const visit = (node: FeelNode) => {
    const operator = node.name === 'ArithmeticExpression' ? node.getChild('ArithOp') : null;
    if (operator && expression.slice(operator.from, operator.to) === '+') {
      for (let child = node.firstChild; child; child = child.nextSibling) if (child.name !== 'ArithOp' && !isComment(child)) visit(child);
      return;
    }
    list.push({ start: node.from + 1, end: node.to + 1, literal: node.name === 'StringLiteral' && !node.type.isError });
  };
  let top = tree.topNode.firstChild;
  while (top && isComment(top)) top = top.nextSibling;
  if (top) visit(top);
  else list.push({ start: 1, end: 1, literal: false });
  return { list };
}

/**
 * The text a FEEL value (`=...`) joins: its string literals decoded, each
 * other operand replaced by `runtime` (a variable, a call, a nested
 * expression: known only when the engine runs it). Undefined when a string
 * literal is never closed.
 */
export function joinedText(value: string, feel: FeelParser, runtime: string): string | undefined {
  const operands = readConcatenation(value, feel);
  if ('unclosed' in operands) return undefined;
  return operands.list.map((operand) => operand.literal ? decodeLiteral(value.slice(operand.start + 1, operand.end - 1)) : runtime).join('');
}

/** The text of a string literal's body, its escapes decoded. */
function decodeLiteral(body: string): string {
  return body.replace(/\\(.)/gs, (escape, char: string) => FEEL_ESCAPES[char] ?? escape);
}
