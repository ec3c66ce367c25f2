/**
 * Attributes written with spaces around `=` (`id = "Task_1"`): XML allows
 * them (Eq ::= S? '=' S?), and Zeebe reads them, but saxen, the XML reader
 * under bpmn-moddle and so under bpmn-js and Camunda Modeler, takes the
 * space after the name as the end of a valueless attribute and drops it
 * (saxen 11.2.0 `getAttrs`: "missing attribute value", then "illegal first
 * char attribute name" for the `=`). Lint would then see a task without its
 * id, template or inputs and skip it. The text is rewritten so the parser
 * reads what the engine reads, each rewrite recorded so lint can say the
 * Modeler will not. The spaces move behind the value, so every offset and
 * line after the attribute stays where it was.
 */

export interface SpacedTag {
  /** Offset of the tag's `<` in the text. */
  offset: number;
  /** The tag's name as written (`bpmn:serviceTask`). */
  tag: string;
  /** The attributes written with spaces around `=`. */
  attributes: string[];
  /** The tag's own id, else that of the nearest enclosing element with one. */
  id?: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/** `xml` with `name = "value"` written as `name="value"`, and where that was done. */
export function tightenAttributeSpacing(xml: string): { xml: string; spaced: SpacedTag[] } {
  const chunks: string[] = [];
  const spaced: SpacedTag[] = [];
  /** Ids of the open elements (the nearest one with an id, for those without). */
  const ids: (string | undefined)[] = [];
  let copied = 0;
  let at = xml.indexOf('<');
  while (at >= 0) {
    const skipped = skipMarkup(xml, at);
    if (skipped !== undefined) {
      at = xml.indexOf('<', skipped);
      continue;
    }
    if (xml.charAt(at + 1) === '/') {
      ids.pop();
      at = xml.indexOf('<', at + 1);
      continue;
    }
    const tag = readStartTag(xml, at);
    const id = tag.id ?? ids[ids.length - 1];
    if (tag.open) ids.push(id);
    if (tag.spaced.length > 0) {
      for (const attribute of tag.spaced) {
        chunks.push(xml.slice(copied, attribute.nameEnd), '=', xml.slice(attribute.valueStart, attribute.valueEnd), xml.slice(attribute.nameEnd, attribute.valueStart).replace('=', ''));
        copied = attribute.valueEnd;
      }
      spaced.push({ offset: at, tag: tag.name, attributes: tag.spaced.map((each) => each.name), ...(id === undefined ? {} : { id }) });
    }
    at = xml.indexOf('<', tag.end);
  }
  if (spaced.length === 0) return { xml, spaced };
  chunks.push(xml.slice(copied));
  return { xml: chunks.join(''), spaced };
}

/** The end of a comment, CDATA section, processing instruction or declaration starting at `at`; undefined for a tag. */
function skipMarkup(xml: string, at: number): number | undefined {
  const through = (end: string) => {
    const found = xml.indexOf(end, at);
    return found < 0 ? xml.length : found + end.length;
  };
  if (xml.startsWith('<!--', at)) return through('-->');
  if (xml.startsWith('<![CDATA[', at)) return through(']]>');
  if (xml.startsWith('<?', at)) return through('?>');
  if (xml.startsWith('<!', at)) {
    // A DOCTYPE's internal subset may hold `>` inside its brackets.
    const close = xml.indexOf('>', at);
    const bracket = xml.indexOf('[', at);
    if (bracket >= 0 && (close < 0 || bracket < close)) {
      const subsetEnd = xml.indexOf(']', bracket);
      const end = xml.indexOf('>', subsetEnd < 0 ? at : subsetEnd);
      return end < 0 ? xml.length : end + 1;
    }
    return close < 0 ? xml.length : close + 1;
  }
  return undefined;
}

interface SpacedAttribute {
  name: string;
  /** Where the name ends and the quoted value starts (the spaces and `=` lie between). */
  nameEnd: number;
  valueStart: number;
  /** Just after the closing quote. */
  valueEnd: number;
}

/**
 * Reads the start tag at `at` up to its `>`. A tag it cannot read on (a
 * valueless attribute, an unclosed quote) is left as written from there:
 * the parser reports it.
 */
function readStartTag(xml: string, at: number): { name: string; id?: string; open: boolean; end: number; spaced: SpacedAttribute[] } {
  let i = at + 1;
  const nameStart = i;
  while (i < xml.length && !WHITESPACE.has(xml.charAt(i)) && xml.charAt(i) !== '>' && xml.charAt(i) !== '/') i++;
  const name = xml.slice(nameStart, i);
  const spaced: SpacedAttribute[] = [];
  let id: string | undefined;
  for (;;) {
    while (WHITESPACE.has(xml.charAt(i))) i++;
    const char = xml.charAt(i);
    if (char === '>' || char === '') return { name, ...(id === undefined ? {} : { id }), open: char === '>', end: i + 1, spaced };
    if (xml.startsWith('/>', i)) return { name, ...(id === undefined ? {} : { id }), open: false, end: i + 2, spaced };
    const attributeStart = i;
    while (i < xml.length && !WHITESPACE.has(xml.charAt(i)) && !'=>/'.includes(xml.charAt(i))) i++;
    const attribute = xml.slice(attributeStart, i);
    const nameEnd = i;
    while (WHITESPACE.has(xml.charAt(i))) i++;
    if (attribute === '' || xml.charAt(i) !== '=') return unreadable();
    i++;
    while (WHITESPACE.has(xml.charAt(i))) i++;
    const quote = xml.charAt(i);
    const close = quote === '"' || quote === "'" ? xml.indexOf(quote, i + 1) : -1;
    if (close < 0) return unreadable();
    if (attribute === 'id') id = xml.slice(i + 1, close);
    if (i !== nameEnd + 1) spaced.push({ name: attribute, nameEnd, valueStart: i, valueEnd: close + 1 });
    i = close + 1;
  }

  function unreadable() {
    const end = xml.indexOf('>', i);
    return { name, ...(id === undefined ? {} : { id }), open: end >= 0 && xml.charAt(end - 1) !== '/', end: end < 0 ? xml.length : end + 1, spaced };
  }
}
