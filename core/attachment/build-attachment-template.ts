/**
 * "ServiceNow: Attachment": upload a Camunda document to a record, list a
 * record's attachments, download one as a Camunda document, delete one,
 * through the Attachment API. Designed from the REST connector's document
 * handling (camunda/connectors 8.8.16 and 8.9.7, connector-commons/
 * http-client): a document reaches the wire as bytes only as a part of a
 * multipart/form-data Map body (DocumentAwareMultipartEntityBuilder, part
 * file name and Content-Type from the document's metadata), or as base64
 * inside JSON (DocumentHelper); a document as the whole body is serialized
 * as JSON, never as raw bytes. So uploads use `POST /api/now/attachment/upload`
 * (multipart), not `/file` (raw body). The part's file name is the one in the
 * document reference the connector receives (DocumentFactoryImpl.resolve
 * takes the reference's metadata), and httpclient5's LEGACY multipart mode
 * writes a part's Content-Type and filename only when it has a file name
 * (LegacyMultipart.formatMultipartHeader): a document without one reaches
 * ServiceNow as a plain form field, not a file. Downloads set `storeResponse`, which
 * stores the body as a document with the response's Content-Type
 * (FileResponseHandler in 8.8, HttpCommonResultMapper in 8.9) and returns
 * it as `document`.
 */
import { envelope } from '../template/build-template';
import { authenticationProperties, connectionProperties } from '../template/connection';
import { constantConnectorInputProperties } from '../template/connector-inputs';
import { errorPropertiesFor, type AnswerRule } from '../template/error-handling';
import { apiGroups } from '../template/groups';
import { feelString } from '../template/body';
import { BASE_URL_VARIABLE, headerBinding, inputBinding } from '../template/operations';
import { safeTextPattern, SYS_ID } from '../template/patterns';
import { presetOutputProperties, RESULT_CONTEXT } from '../template/preset-output';
import { retryProperties, taskProperties, timeoutProperties } from '../template/runtime';
import type { BuildOptions, Condition, ElementTemplate, TemplateProperty } from '../template/types';

export const ATTACHMENT_TEMPLATE_ID = 'Attachment';
export const ATTACHMENT_API_DOCUMENTATION = 'https://www.servicenow.com/docs/bundle/zurich-api-reference/page/integrate/inbound-rest/concept/c_AttachmentAPI.html';

export const ATTACHMENT_OPERATIONS = ['upload', 'list', 'download', 'delete'] as const;
export type AttachmentOperation = (typeof ATTACHMENT_OPERATIONS)[number];

const LABELS: Record<AttachmentOperation, string> = {
  upload: 'Upload a document to a record',
  list: 'List a record\'s attachments',
  download: 'Download an attachment as a document',
  delete: 'Delete an attachment'
};
const METHODS: Record<AttachmentOperation, string> = { upload: 'POST', list: 'GET', download: 'GET', delete: 'DELETE' };

/** Process variables of the output presets. */
export const ATTACHMENT_OUTPUT = { sysId: 'attachmentSysId', list: 'attachments', document: 'attachmentDocument' } as const;

const OPERATION = 'attachmentOperation';
const TABLE = 'sn_tableName';
const RECORD = 'sn_recordSysId';
const DOCUMENT = 'sn_document';
const FILE_NAME = 'sn_fileName';
const ATTACHMENT = 'sn_attachmentSysId';

function when(...operations: AttachmentOperation[]): Condition {
  return operations.length === 1 ? { property: OPERATION, equals: operations[0] as string } : { property: OPERATION, oneOf: operations };
}

const SYS_ID_CONSTRAINT = { notEmpty: true, pattern: { value: `^${SYS_ID}$`, message: 'must be a sys_id: 32 hexadecimal characters (or a FEEL expression starting with =).' } };

function operationInputs(): TemplateProperty[] {
  return [
    {
      id: OPERATION,
      label: 'Operation',
      group: 'operation',
      type: 'Dropdown',
      value: 'upload',
      choices: ATTACHMENT_OPERATIONS.map((operation) => ({ name: LABELS[operation], value: operation })),
      binding: headerBinding('serviceNowAttachmentOperation')
    },
    {
      id: 'tableName',
      label: 'Table name',
      description: 'The table of the record, e.g. <code>incident</code>.',
      group: 'operation',
      type: 'String',
      feel: 'optional',
      binding: inputBinding(TABLE),
      condition: when('upload'),
      constraints: { notEmpty: true, pattern: { value: '^[a-z0-9_]+$', message: 'must be a table name: lower-case letters, digits and underscores.' } }
    },
    {
      id: 'recordSysId',
      label: 'Record sys_id',
      description: 'The sys_id of the record the files belong to, e.g. <code>=incidentSysId</code>.',
      group: 'operation',
      type: 'String',
      feel: 'optional',
      binding: inputBinding(RECORD),
      condition: when('upload', 'list'),
      constraints: SYS_ID_CONSTRAINT
    },
    {
      id: 'document',
      label: 'Document',
      description: 'A Camunda document reference, e.g. <code>=invoice</code> from a form\'s file picker or <code>=attachmentDocument</code> from a download. Its file name and content type become the attachment\'s; a document without a file name (one the REST connector stored from a response, like a download) needs <b>File name</b>.',
      group: 'operation',
      type: 'String',
      feel: 'required',
      binding: inputBinding(DOCUMENT),
      condition: when('upload'),
      constraints: { notEmpty: true }
    },
    {
      id: 'fileName',
      label: 'File name',
      description: 'The attachment\'s file name, e.g. <code>invoice.pdf</code>; empty: the document\'s own. Needed for a document without one, such as a download: ServiceNow takes the file only from a form part with a file name. ISO-8859-1 only (ASCII and Western European letters, not ł or 发): the connector writes other characters as ?.',
      group: 'operation',
      type: 'String',
      feel: 'optional',
      binding: inputBinding(FILE_NAME),
      condition: when('upload'),
      constraints: { pattern: safeTextPattern('[^\\u0100-\\uFFFF]*', 'must hold only ISO-8859-1 characters, the ones the REST connector writes into a multipart header') }
    },
    {
      id: 'attachmentSysId',
      label: 'Attachment sys_id',
      description: 'The sys_id of the <code>sys_attachment</code> record, e.g. <code>=attachmentSysId</code>.',
      group: 'operation',
      type: 'String',
      feel: 'optional',
      binding: inputBinding(ATTACHMENT),
      condition: when('download', 'delete'),
      constraints: SYS_ID_CONSTRAINT
    }
  ];
}

const NO_DOCUMENT = 'ServiceNow attachment upload: Document is not a Camunda document reference (e.g. =invoice from a form\'s file picker).';
const NO_FILE_NAME = 'ServiceNow attachment upload: the document has no file name (a document the REST connector stored from a response has none), and ServiceNow takes the file only from a form part with a file name: set File name.';
const NOT_LATIN1 = 'ServiceNow attachment upload: the file name has characters beyond ISO-8859-1, the only ones the REST connector writes into a multipart header (others become ?): set File name to one in ASCII or Western European letters.';
/** A character httpclient5 cannot write into a LEGACY-mode part header (AbstractMultipartFormat: ISO-8859-1 when no charset is set). */
const BEYOND_LATIN1 = '[^\\u0000-\\u00FF]';

/**
 * The document the file part is made of. The connector names the part's
 * file and type after the reference's metadata, so: File name, when set,
 * replaces `metadata.fileName` (`name` of an external document); a Camunda
 * document without a name of its own fails the input mapping (feel-scala
 * `assert`) with an incident saying so, instead of ServiceNow answering that
 * no file was sent; and a content type with parameters (`text/plain;
 * charset=UTF-8`, as a download stores it) loses them, since httpcore5
 * `ContentType.create` refuses `;` and the connector then sends
 * application/octet-stream (DocumentAwareMultipartEntityBuilder.getContentType);
 * a document without one gets application/octet-stream here, as the
 * connector's ContentType.create(null) would throw instead.
 * An external document without a name gets one from the connector when it
 * downloads it: the Content-Disposition filename, else a random UUID with
 * the content type's subtype as extension (ExternalDocument.metadata,
 * HttpHeaderFilenameResolver), which only the connector sees.
 * A name with characters beyond ISO-8859-1 fails too: the connector builds
 * the multipart entity without a charset, so httpclient5 writes the part's
 * Content-Disposition in ISO-8859-1 and each such character as `?`
 * (AbstractMultipartFormat, httpclient5 5.6.2 as connectors 8.8.16 and
 * 8.9.7 pin it), and `发票.pdf` would arrive as `??.pdf`.
 */
function uploadDocument(): string {
  const kind = `get value(${DOCUMENT}, "camunda.document.type")`;
  const named = `${FILE_NAME} != null and ${FILE_NAME} != ""`;
  const metadata = `(if ${DOCUMENT}.metadata instance of context then ${DOCUMENT}.metadata else {})`;
  const ownName = `${DOCUMENT}.metadata.fileName`;
  const type = `get value(${metadata}, "contentType")`;
  // No content type at all: httpcore5 ContentType.create(null) throws a NullPointerException the builder does not catch (it catches IllegalArgumentException only, and sends application/octet-stream then).
  const bareType = `if ${type} instance of string then replace(${type}, " *;.*", "") else "application/octet-stream"`;
  const fileName = `if ${named} then ${FILE_NAME} else ${ownName}`;
  // External documents carry their name as `name`, and only when it is known.
  const sentName = `(if ${named} then ${FILE_NAME} else if ${kind} = "external" then get value(${DOCUMENT}, "name") else ${ownName})`;
  return `(if not(${DOCUMENT} instance of context) or ${kind} = null then assert(${DOCUMENT}, false, ${feelString(NO_DOCUMENT)})`
    + ` else if (if ${sentName} instance of string then matches(${sentName}, ${feelString(BEYOND_LATIN1)}) else false) then assert(${DOCUMENT}, false, ${feelString(NOT_LATIN1)})`
    + ` else if ${kind} = "external" then (if ${named} then context put(${DOCUMENT}, "name", ${FILE_NAME}) else ${DOCUMENT})`
    + ` else if not(${named}) and (${ownName} = null or ${ownName} = "") then assert(${DOCUMENT}, false, ${feelString(NO_FILE_NAME)})`
    + ` else context put(${DOCUMENT}, "metadata", context put(context put(${metadata}, "fileName", ${fileName}), "contentType", ${bareType})))`;
}

function requestInputs(): TemplateProperty[] {
  const base = `${BASE_URL_VARIABLE} + "/api/now/attachment`;
  const urls: Record<AttachmentOperation, string> = {
    upload: `=${base}/upload"`,
    list: `=${base}"`,
    download: `=${base}/" + ${ATTACHMENT} + "/file"`,
    delete: `=${base}/" + ${ATTACHMENT}`
  };
  const headers: Record<AttachmentOperation, string> = {
    upload: '={"Accept": "application/json", "Content-Type": "multipart/form-data"}',
    list: '={"Accept": "application/json"}',
    download: '={"Accept": "*/*"}',
    delete: '={"Accept": "application/json"}'
  };
  return [
    ...ATTACHMENT_OPERATIONS.flatMap((operation): TemplateProperty[] => [
      { id: `method.${operation}`, type: 'Hidden', value: METHODS[operation], binding: inputBinding('method'), condition: when(operation) },
      { id: `url.${operation}`, type: 'Hidden', value: urls[operation], binding: inputBinding('url'), condition: when(operation) },
      { id: `headers.${operation}`, type: 'Hidden', value: headers[operation], binding: inputBinding('headers'), condition: when(operation) }
    ]),
    // Form fields before the file: the docs (c_AttachmentAPI, POST /now/attachment/upload) want the file content in the final part only (a FEEL context of up to four entries keeps its order).
    { id: 'body.upload', type: 'Hidden', value: `={"table_name": ${TABLE}, "table_sys_id": ${RECORD}, "uploadFile": ${uploadDocument()}}`, binding: inputBinding('body'), condition: when('upload') },
    { id: 'body.none', type: 'Hidden', value: '=null', binding: inputBinding('body'), condition: when('list', 'download', 'delete') },
    { id: 'queryParameters.list', type: 'Hidden', value: `={"sysparm_query": "table_sys_id=" + ${RECORD} + "^ORDERBYsys_created_on"}`, binding: inputBinding('queryParameters'), condition: when('list') },
    { id: 'queryParameters.none', type: 'Hidden', value: '={}', binding: inputBinding('queryParameters'), condition: when('upload', 'download', 'delete') },
    { id: 'storeResponse.download', type: 'Hidden', value: '=true', binding: inputBinding('storeResponse'), condition: when('download') },
    { id: 'storeResponse.none', type: 'Hidden', value: '=false', binding: inputBinding('storeResponse'), condition: when('upload', 'list', 'delete') }
  ];
}

/** The Attachment API's answers (c_AttachmentAPI): a download's body is the file (stored, so the checks see only its headers), a delete's is empty. */
const API = 'Attachment API';
const ANSWERS = [
  { id: 'upload', rule: { statuses: [201], needsResult: true, api: API }, condition: when('upload') },
  { id: 'list', rule: { statuses: [200], needsResult: true, api: API }, condition: when('list') },
  // The file comes with X-Attachment-Metadata (c_AttachmentAPI, GET /now/attachment/{sys_id}/file); a login page does not.
  { id: 'download', rule: { statuses: [200], needsResult: false, header: 'X-Attachment-Metadata', api: API }, condition: when('download') },
  { id: 'delete', rule: { statuses: [200, 204], needsResult: false, api: API }, condition: when('delete') }
];

function answerRule(id: string): AnswerRule {
  const answer = ANSWERS.find((candidate) => candidate.id === id);
  if (!answer) throw new Error(`attachment: no answer rule for ${id}`);
  return answer.rule;
}

export function buildAttachmentTemplate(options: BuildOptions): ElementTemplate {
  const id = `${options.idPrefix}.${ATTACHMENT_TEMPLATE_ID}`;
  return envelope({
    id,
    name: 'ServiceNow: Attachment',
    description: 'Uploads a Camunda document to any ServiceNow record, lists a record\'s attachments, downloads one as a Camunda document, or deletes one, through the Attachment API. Needs Camunda 8.8 or later (documents in the REST connector).',
    keywords: ['servicenow', 'attachment', 'document', 'file', 'upload', 'download', 'sys_attachment'],
    version: options.version,
    metadata: { api: 'attachment' },
    groups: apiGroups([{ id: 'operation', label: 'Operation', openByDefault: true }]),
    properties: [
      ...taskProperties(id, options.version),
      ...operationInputs(),
      ...connectionProperties(),
      ...authenticationProperties(),
      ...requestInputs(),
      ...timeoutProperties(),
      ...constantConnectorInputProperties({ storeResponse: false }),
      ...presetOutputProperties(
        `Upload: ${ATTACHMENT_OUTPUT.sysId}; List: ${ATTACHMENT_OUTPUT.list}; Download: ${ATTACHMENT_OUTPUT.document}`,
        [
          { id: 'upload', expression: `={result: ${RESULT_CONTEXT}, out: {${ATTACHMENT_OUTPUT.sysId}: get value(result, "sys_id")}}.out`, rule: answerRule('upload'), condition: when('upload') },
          { id: 'list', expression: `={${ATTACHMENT_OUTPUT.list}: if body instance of context then get value(body, "result") else null}`, rule: answerRule('list'), condition: when('list') },
          { id: 'download', expression: `={${ATTACHMENT_OUTPUT.document}: document}`, rule: answerRule('download'), condition: when('download') }
        ],
        `={${ATTACHMENT_OUTPUT.document}: document}`
      ),
      ...errorPropertiesFor(ANSWERS),
      ...retryProperties()
    ]
  }, ATTACHMENT_API_DOCUMENTATION);
}
