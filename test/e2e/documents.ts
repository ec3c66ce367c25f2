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

/** The multipart body the connector builds from a Map body. */
export function multipartBody(body: Record<string, unknown>, documents: DocumentStore): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    if (value === null || value === undefined) continue;
    if (isDocumentReference(value)) {
      form.append(name, new Blob([new Uint8Array(documents.read(value))], { type: value.metadata.contentType ?? 'application/octet-stream' }), value.metadata.fileName ?? undefined);
    } else form.append(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return form;
}
