import { describe, expect, it } from 'vitest';
import { buildAttachmentTemplate } from '../../../core/attachment/build-attachment-template';
import { applyTemplate, IncidentRaised, proveRequest } from '../../helpers/request-proof';

const template = buildAttachmentTemplate({ idPrefix: 'community.servicenow', version: 1 });
const SECRETS = { SERVICENOW_USERNAME: 'camunda', SERVICENOW_PASSWORD: 'secret' };
const RECORD = '0123456789abcdef0123456789abcdef';

/** Document references as Zeebe hands them over (jackson-datatype-document DocumentReferenceModel). */
const camunda = (metadata: Record<string, unknown>) => ({ 'camunda.document.type': 'camunda', storeId: 'in-memory', documentId: 'd1', contentHash: null, metadata: { size: 3, ...metadata } });
const external = (name?: string) => ({ 'camunda.document.type': 'external', url: 'https://files.example.com/a', ...(name ? { name } : {}) });

function uploadedPart(document: unknown, fileName?: string): unknown {
  const values = { instanceUrl: 'https://acme.service-now.com', attachmentOperation: 'upload', tableName: 'incident', recordSysId: RECORD, document: '=doc', ...(fileName ? { fileName } : {}) };
  const request = proveRequest(template, values, { secrets: SECRETS, variables: { doc: document } });
  expect(request.warnings).toEqual([]);
  return (request.body as Record<string, unknown>).uploadFile;
}

describe('the attachment upload\'s file part', () => {
  it('keeps a named document as it is, its parts in the order the Attachment API wants (file last)', () => {
    const values = { instanceUrl: 'https://acme.service-now.com', attachmentOperation: 'upload', tableName: 'incident', recordSysId: RECORD, document: '=doc' };
    const request = proveRequest(template, values, { secrets: SECRETS, variables: { doc: camunda({ fileName: 'a.pdf', contentType: 'application/pdf' }) } });
    expect(Object.keys(request.body as object)).toEqual(['table_name', 'table_sys_id', 'uploadFile']);
    expect((request.body as Record<string, unknown>).uploadFile).toEqual(camunda({ fileName: 'a.pdf', contentType: 'application/pdf' }));
  });

  it('File name replaces the document\'s own name, in metadata.fileName of a Camunda document and name of an external one', () => {
    expect(uploadedPart(camunda({ fileName: 'scan0001.pdf', contentType: 'application/pdf' }), 'invoice.pdf')).toEqual(camunda({ fileName: 'invoice.pdf', contentType: 'application/pdf' }));
    expect(uploadedPart(external(), 'invoice.pdf')).toEqual(external('invoice.pdf'));
  });

  it('drops the parameters of a content type, which the connector would otherwise send as application/octet-stream', () => {
    expect(uploadedPart(camunda({ fileName: 'r.csv', contentType: 'text/csv ; charset=UTF-8' }))).toEqual(camunda({ fileName: 'r.csv', contentType: 'text/csv' }));
  });

  it('gives a document without a content type application/octet-stream, which the connector would fail on (ContentType.create(null) throws a NullPointerException it does not catch)', () => {
    expect(uploadedPart(camunda({ fileName: 'a.bin', contentType: null }))).toEqual(camunda({ fileName: 'a.bin', contentType: 'application/octet-stream' }));
    expect(uploadedPart(camunda({ fileName: 'a.bin' }))).toEqual(camunda({ fileName: 'a.bin', contentType: 'application/octet-stream' }));
  });

  it('an external document without a name is sent: the connector may find one in the download\'s Content-Disposition', () => {
    expect(uploadedPart(external())).toEqual(external());
  });

  it('a Camunda document without a file name, or a value that is no document, fails the input mapping with the fix', () => {
    const prove = (document: unknown) => () => proveRequest(template, { instanceUrl: 'https://acme.service-now.com', attachmentOperation: 'upload', tableName: 'incident', recordSysId: RECORD, document: '=doc' }, { secrets: SECRETS, variables: { doc: document } });
    expect(prove(camunda({ contentType: 'application/pdf' }))).toThrow(IncidentRaised);
    expect(prove(camunda({ fileName: '', contentType: 'application/pdf' }))).toThrow(/set File name/);
    expect(prove('invoice.pdf')).toThrow(/not a Camunda document reference/);
  });
});

describe('the attachment upload\'s file name', () => {
  const prove = (document: unknown, fileName?: string) => () => proveRequest(template, { instanceUrl: 'https://acme.service-now.com', attachmentOperation: 'upload', tableName: 'incident', recordSysId: RECORD, document: '=doc', ...(fileName ? { fileName } : {}) }, { secrets: SECRETS, variables: { doc: document } });

  it('a name with characters beyond ISO-8859-1, which the connector would send as ?, fails the input mapping with the fix', () => {
    // The connector writes multipart headers in ISO-8859-1 (test/e2e/documents.ts multipartBody names the sources).
    expect(prove(camunda({ fileName: '发票.pdf', contentType: 'application/pdf' }))).toThrow(IncidentRaised);
    const named = () => proveRequest(template, { instanceUrl: 'https://acme.service-now.com', attachmentOperation: 'upload', tableName: 'incident', recordSysId: RECORD, document: '=doc', fileName: '=name' }, { secrets: SECRETS, variables: { doc: camunda({ fileName: 'scan.pdf', contentType: 'application/pdf' }), name: 'Rechnung 📄.pdf' } });
    expect(named).toThrow(/ISO-8859-1.*set File name/);
    expect(prove(external('发票.pdf'))).toThrow(IncidentRaised);
  });

  it('the Modeler refuses a File name beyond ISO-8859-1 written as it is', () => {
    const violations = (fileName: string) => applyTemplate(template, { instanceUrl: 'https://acme.service-now.com', attachmentOperation: 'upload', tableName: 'incident', recordSysId: RECORD, document: '=doc', fileName }).violations;
    expect(violations('发票.pdf')).toEqual([expect.stringMatching(/^fileName: does not match .*must hold only ISO-8859-1 characters/)]);
    expect(violations('Prüfbericht.pdf')).toEqual([]);
  });

  it('an ISO-8859-1 name, or File name replacing one that is not, is sent', () => {
    expect(uploadedPart(camunda({ fileName: 'Prüfbericht.pdf', contentType: 'application/pdf' }))).toEqual(camunda({ fileName: 'Prüfbericht.pdf', contentType: 'application/pdf' }));
    expect(uploadedPart(camunda({ fileName: '发票.pdf', contentType: 'application/pdf' }), 'invoice.pdf')).toEqual(camunda({ fileName: 'invoice.pdf', contentType: 'application/pdf' }));
    expect(uploadedPart(external('发票.pdf'), 'invoice.pdf')).toEqual(external('invoice.pdf'));
  });
});
