import { UserError } from '../errors';

/**
 * Characters XML 1.0 cannot carry at all (section 2.2, Char): C0 controls
 * other than tab, line feed and carriage return, U+FFFE/U+FFFF and lone
 * surrogates (with the u flag a surrogate range matches only an unpaired
 * one). ServiceNow's importer refuses the whole file on one of them.
 */
// eslint-disable-next-line no-control-regex -- finding these control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u;

/**
 * XML text escaping for the update set (no DOM in core). A carriage return
 * is written as a character reference: a parser turns a literal CR LF into
 * LF (XML 1.0 section 2.11), so a script saved with Windows line ends would
 * not come back as written.
 */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;');
}

/** Attribute values also keep tabs and line feeds, which attribute-value normalization (section 3.3.3) turns into spaces. */
function escapeAttribute(value: string): string {
  return escapeXml(value).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

function checkXmlChars(name: string, text: string): void {
  const bad = NOT_XML.exec(text);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new UserError(`the update set's ${name} holds the character U+${code} at ${bad.index + 1}, which XML 1.0 cannot carry (ServiceNow would refuse the file); remove it`);
  }
}

/** One element: `<name attr="…">text</name>`, or `<name/>` when empty, as ServiceNow's exports write them. */
export function element(name: string, text: string, attributes: Record<string, string> = {}): string {
  checkXmlChars(name, text);
  for (const value of Object.values(attributes)) checkXmlChars(name, value);
  const attrs = Object.entries(attributes).map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`).join('');
  return text === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${escapeXml(text)}</${name}>`;
}

/** A 32-hex sys_id derived from a name: the same artifacts always get the same ids, so a re-import updates instead of duplicating. */
export function stableSysId(name: string): string {
  let hex = '';
  for (const seed of [0x811c9dc5, 0x01000193, 0x5bd1e995, 0x27d4eb2f]) {
    let hash = seed >>> 0;
    for (let i = 0; i < name.length; i++) {
      hash ^= name.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hex += hash.toString(16).padStart(8, '0');
  }
  return hex;
}

/**
 * Java's String.hashCode of the payload, our update's payload_hash: a signed
 * 32-bit number like the platform's, the same for the same content. It is not
 * the platform's own hash, which is undocumented: the hash code of the
 * exported payload matches none of the 1,202 updates of lerwine/SetupAndConfig
 * xml/sys_remote_update_set_*.xml (commit 10ab72a).
 */
export function javaHashCode(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}
