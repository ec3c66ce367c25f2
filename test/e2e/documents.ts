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
 * it and refuses `"`, `,` and `;`: then, or without one, the part is
 * application/octet-stream. A list sends one part per item; nulls are skipped.
 */
export function multipartBody(body: Record<string, unknown>, documents: DocumentStore): { contentType: string; bytes: Buffer } {
  const boundary = randomUUID().replace(/-/g, '');
  const chunks: Buffer[] = [];
  const part = (name: string, data: Buffer, fileName?: string | null, contentType?: string) => {
    const disposition = `Content-Disposition: form-data; name="${name}"${fileName !== null && fileName !== undefined ? `; filename="${fileName}"` : ''}`;
    const type = fileName !== null && fileName !== undefined ? `\r\nContent-Type: ${contentType ?? 'application/octet-stream'}` : '';
    chunks.push(Buffer.from(`--${boundary}\r\n${disposition}${type}\r\n\r\n`), data, Buffer.from('\r\n'));
  };
  const add = (name: string, value: unknown) => {
    if (isDocumentReference(value)) part(name, documents.read(value), value.metadata.fileName, partContentType(value.metadata.contentType));
    else part(name, Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)));
  };
  for (const [name, value] of Object.entries(body)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) value.forEach((item) => add(name, item));
    else add(name, value);
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, bytes: Buffer.concat(chunks) };
}

function partContentType(raw: string | null): string {
  if (raw === null || !raw.trim() || /[";,]/.test(raw)) return 'application/octet-stream';
  return raw.toLowerCase();
}
