/**
 * Camunda documents as the REST connector handles them (camunda/connectors
 * 8.8.16 / 8.9.7, connector-commons/http-client): a document reference in a
 * multipart/form-data Map body becomes a binary part named by its key, with
 * the document's file name and content type (DocumentAwareMultipartEntityBuilder);
 * other values become text parts, nulls are skipped. With storeResponse the
 * response bytes become a new document with the response's Content-Type
 * (FileResponseHandler / HttpCommonResultMapper) and the body is null.
 */
import { randomUUID } from 'node:crypto';

/** The JSON shape of a document reference (jackson-datatype-document DocumentReferenceModel). */
export interface DocumentReference {
  'camunda.document.type': 'camunda';
  storeId: string;
  documentId: string;
  contentHash: string | null;
  metadata: { contentType: string | null; fileName: string | null; size: number };
}

export class DocumentStore {
  private readonly contents = new Map<string, Buffer>();

  create(bytes: Buffer, metadata: { contentType?: string; fileName?: string }): DocumentReference {
    const documentId = randomUUID();
    this.contents.set(documentId, bytes);
    return { 'camunda.document.type': 'camunda', storeId: 'in-memory', documentId, contentHash: null, metadata: { contentType: metadata.contentType ?? null, fileName: metadata.fileName ?? null, size: bytes.length } };
  }

  read(reference: DocumentReference): Buffer {
    const bytes = this.contents.get(reference.documentId);
    if (!bytes) throw new Error(`e2e: no document ${reference.documentId}`);
    return bytes;
  }
}

export function isDocumentReference(value: unknown): value is DocumentReference {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>)['camunda.document.type'] === 'camunda';
}

/**
 * The multipart body the connector builds from a Map body
 * (DocumentAwareMultipartEntityBuilder, httpclient5 LEGACY mode): every part
 * gets a Content-Disposition; only a part with a file name also gets its
 * Content-Type and `filename` (LegacyMultipart.formatMultipartHeader), so a
 * document without a file name goes out like a text field. A document's
 * content type is read by httpcore5 `ContentType.create`, which lower-cases
 * it and refuses `"`, `,` and `;`: then, or when blank, the part is
 * application/octet-stream; a null type throws (a NullPointerException the
 * builder does not catch), and the job fails. A list sends one part per item; nulls are skipped.
 * The builder is given no charset, so LEGACY mode writes the part headers
 * in ISO-8859-1 (AbstractMultipartFormat: `charset != null ? charset :
 * ISO_8859_1`, httpclient5 5.6.2, the version connectors 8.8.16 and 8.9.7
 * pin in parent/pom.xml) and a character it cannot encode as `?`; a
 * parameter value's `"` and `\` get a backslash (MimeField.getBody). Text
 * parts are ISO-8859-1 as well: `addTextBody(name, text)` takes
 * ContentType.DEFAULT_TEXT (8.8.16), `addTextBody(..., MULTIPART_FORM_DATA)`
 * (8.9.7) a type of that charset (StringBody `text.getBytes(charset)`).
 */
export function multipartBody(body: Record<string, unknown>, documents: DocumentStore): { contentType: string; bytes: Buffer } {
  const boundary = randomUUID().replace(/-/g, '');
  const chunks: Buffer[] = [];
  const part = (name: string, data: Buffer, fileName?: string | null, contentType?: string) => {
    const disposition = `Content-Disposition: form-data; name="${parameter(name)}"${fileName !== null && fileName !== undefined ? `; filename="${parameter(fileName)}"` : ''}`;
    const type = fileName !== null && fileName !== undefined ? `\r\nContent-Type: ${contentType ?? 'application/octet-stream'}` : '';
    chunks.push(latin1(`--${boundary}\r\n${disposition}${type}\r\n\r\n`), data, Buffer.from('\r\n'));
  };
  const add = (name: string, value: unknown) => {
    if (isDocumentReference(value)) part(name, documents.read(value), value.metadata.fileName, partContentType(value.metadata.contentType));
    else part(name, latin1(typeof value === 'string' ? value : JSON.stringify(value)));
  };
  for (const [name, value] of Object.entries(body)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) value.forEach((item) => add(name, item));
    else add(name, value);
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  // The entity's type: MULTIPART_FORM_DATA (charset ISO-8859-1) with the boundary added (MultipartEntityBuilder.buildEntity, httpcore5 5.4.3 ContentType.withParameters keeps the charset).
  return { contentType: `multipart/form-data; charset=ISO-8859-1; boundary=${boundary}`, bytes: Buffer.concat(chunks) };
}

/** Java's String.getBytes(ISO_8859_1): a character beyond U+00FF (a surrogate pair counts as one) becomes `?`. */
function latin1(text: string): Buffer {
  return Buffer.from(Array.from(text, (character) => (character.codePointAt(0) ?? 0) > 0xff ? '?' : character).join(''), 'latin1');
}

/** MimeField.getBody: a parameter value in quotes, its `"` and `\` escaped with a backslash. */
function parameter(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

function partContentType(raw: string | null): string {
  // ContentType.create: Args.notBlank throws NullPointerException for null (Objects.requireNonNull), which getContentType does not catch (only IllegalArgumentException).
  if (raw === null) throw new Error('e2e: the connector fails building the multipart body: java.lang.NullPointerException: MIME type (httpcore5 ContentType.create(null))');
  if (!raw.trim() || /[";,]/.test(raw)) return 'application/octet-stream';
  return raw.toLowerCase();
}
