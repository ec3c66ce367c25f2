/**
 * What lint says about the XML of a diagram itself, apart from its rules:
 * attributes it read only after rewriting their spacing
 * (scripts/lint/attribute-spacing.ts), and what bpmn-moddle's reader, which
 * Camunda Modeler uses too, skipped or could not resolve.
 */
import type { SpacedTag } from './attribute-spacing';
import type { LintProblem } from './lint-diagram';

interface DiagramElement {
  name?: string;
}

/** What bpmn-moddle's fromXML warns of (moddle-xml 12.3.2 `context.addWarning`). */
export interface ReaderWarning {
  message: string;
  element?: { id?: unknown; $type?: unknown };
  /** For an unresolved reference: the referring property (`bpmn:targetRef`) and the id it names. */
  property?: unknown;
  value?: unknown;
}

const READER = 'the XML reader of Camunda Modeler and lint (bpmn-moddle)';

/** Attributes lint read only after rewriting their spacing (scripts/lint/attribute-spacing.ts): the Modeler would lose them. */
export function spacingProblems(file: string, xml: string, spaced: SpacedTag[], elementsById: Record<string, DiagramElement>): LintProblem[] {
  const lineAt = lineCounter(xml);
  return spaced.map((tag) => {
    const name = tag.id === undefined ? undefined : elementsById[tag.id]?.name;
    const written = tag.attributes.map((attribute) => `${attribute}="…"`).join(', ');
    return {
      file, ...(tag.id === undefined ? {} : { id: tag.id }), ...(name ? { name } : {}), line: lineAt(tag.offset), severity: 'warning',
      message: `<${tag.tag}> writes ${tag.attributes.join(', ')} with spaces around "=": valid XML, which Zeebe reads (and lint, rewritten), but ${READER} drops such attributes: the Modeler reads the element without them, and saving writes it so; write ${written} without spaces`
    };
  });
}

/**
 * What the XML reader skipped or could not resolve in the process model, each
 * once: lint did not check it, and nothing says so otherwise. Left out:
 * unknown attributes, which the reader keeps (as `$attrs`), and diagram
 * interchange (bpmndi) references to a missing element, which lose a shape
 * of nothing lint reads.
 */
export function readerProblems(file: string, xml: string, warnings: readonly ReaderWarning[], elementsById: Record<string, DiagramElement>): LintProblem[] {
  const problems = new Map<string, LintProblem>();
  for (const warning of warnings) {
    if (warning.message.startsWith('unknown attribute')) continue;
    const encoding = /^unsupported document encoding <([^>]*)>/.exec(warning.message)?.[1];
    if (encoding !== undefined) {
      const problem = encodingProblem(file, xml, encoding);
      if (problem) problems.set(`encoding\u0000${encoding}`, problem);
      continue;
    }
    const type = warning.element?.$type;
    if (warning.message.startsWith('unresolved reference') && typeof type === 'string' && type.startsWith('bpmndi:')) continue;
    // "unparsable content <tag> detected\n\tline: 3\n\tcolumn: 0\n\tnested error: ...", its line 0-based.
    const unparsable = /^unparsable content (<[^>]*>) ?detected\n\tline: (\d+)\n\tcolumn: \d+\n\tnested error: ([^\n]*)/.exec(warning.message);
    const id = typeof warning.element?.id === 'string' ? warning.element.id : undefined;
    const name = id === undefined ? undefined : elementsById[id]?.name;
    const message = unparsable
      ? skippedContent(unparsable[1] as string, unparsable[3] as string)
      : warning.message.startsWith('unresolved reference')
        ? unresolvedReference(String(warning.property), String(warning.value), elementsById)
        : `${READER} reports ${warning.message.split('\n')[0]}`;
    const line = unparsable ? Number(unparsable[2]) + 1 : undefined;
    const key = `${line}\u0000${id}\u0000${message}`;
    if (!problems.has(key)) problems.set(key, { file, ...(id === undefined ? {} : { id }), ...(name ? { name } : {}), ...(line === undefined ? {} : { line }), severity: 'warning', message });
  }
  return [...problems.values()];
}

/**
 * A declared encoding other than UTF-8 (ISO-8859-1 from Activiti Designer and
 * Open-BPMN, windows-1252 from Enterprise Architect, in the BPMN MIWG test
 * suite): the reader falls back to UTF-8, and Camunda Modeler reads every
 * file as UTF-8 in the first place (camunda-modeler app/lib/file-system.js). A file of ASCII characters only reads the same
 * in every such encoding, so that changes nothing; otherwise names and values
 * may not read as written.
 */
function encodingProblem(file: string, xml: string, encoding: string): LintProblem | undefined {
  // eslint-disable-next-line no-control-regex -- ASCII is the range in question
  if (/^[\u0000-\u007F]*$/.test(xml.replace(/^\uFEFF/, ''))) return undefined;
  const broken = xml.includes('\uFFFD');
  return {
    file, line: 1, severity: 'warning',
    message: `declares encoding ${encoding}, but ${READER} reads every file as UTF-8${broken ? ': bytes of this file are no UTF-8, so characters outside ASCII in names and values read as \uFFFD there, and in what lint checks' : ', which this file is, so it reads as written there (a tool that honours the declaration would not)'}; save it as UTF-8 with encoding="UTF-8"`
  };
}

/**
 * A reference the reader could not resolve. It resolves plain ids only: a
 * QName such as `bpmn2:_b_puXB` (GenMyModel writes every reference so, its
 * prefix bound to the BPMN namespace) is dropped even when the element is in
 * this diagram, and `triso:unspecified` or `java:java.lang.Boolean` (Trisotech,
 * Bonita) name something of another namespace, which it does not follow.
 */
function unresolvedReference(property: string, value: string, elementsById: Record<string, DiagramElement>): string {
  const prefixed = /^([^:\s]+):(.+)$/.exec(value);
  const dropped = `${READER} drops the reference, so lint, like the Modeler, goes without it`;
  if (prefixed && elementsById[prefixed[2] as string]) return `${property} names ${value}, the id ${prefixed[2]} with the namespace prefix ${prefixed[1]}: ${READER} resolves plain ids only, so it drops the reference, lint, like the Modeler, goes without it, and saving in the Modeler loses it; write ${prefixed[2]}`;
  if (prefixed) return `${property} names ${value}, something of the namespace prefixed ${prefixed[1]} rather than an element of this diagram: ${dropped}, and saving in the Modeler loses it`;
  return `${property} names ${value}, no element of this diagram: ${dropped}; name an existing element or remove the reference`;
}

/** The 1-based line of an offset, asked in increasing order: the text is read once. */
function lineCounter(xml: string): (offset: number) => number {
  let line = 1;
  let scanned = 0;
  return (offset) => {
    for (; scanned < offset; scanned++) if (xml.charCodeAt(scanned) === 10) line++;
    return line;
  };
}

/**
 * An element of a type the BPMN and Zeebe schemas lint reads with do not
 * define may be newer than them (a Modeler with a newer zeebe-bpmn-moddle
 * writes and keeps it), so it is not called wrong XML; anything else the
 * reader skipped (a repeated or unreadable attribute) is.
 */
function skippedContent(tag: string, cause: string): string {
  if (cause.startsWith('unknown type')) {
    return `${READER} skipped ${tag}, a type its BPMN and Zeebe schemas do not define: lint did not check it or what it holds; if a newer Camunda Modeler wrote it, update camunda-modeler-servicenow-plugin, else correct the XML`;
  }
  return `${READER} skipped part of ${tag} (${cause}): lint did not check it, and the Modeler neither shows nor saves it; correct the XML`;
}
