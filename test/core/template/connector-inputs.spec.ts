import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementTemplate } from '../../../core/template/types';
import { DocumentStore } from '../../e2e/documents';
import { CONNECTOR_INPUTS, HOSTILE_PROCESS_VARIABLES, proveRequest, type ConnectorRuntime } from '../../helpers/request-proof';

/**
 * The templates beside the table ones (attachment, flow trigger, catalog
 * orders) send REST connector jobs as well: each must map every input the
 * connector fetches by name, or a process variable of that name changes the
 * request. runtime-fidelity.spec.ts proves the same for the table templates.
 */
const TEMPLATES_DIR = join(__dirname, '..', '..', '..', 'templates');
const load = (file: string) => JSON.parse(readFileSync(join(TEMPLATES_DIR, file), 'utf8')) as ElementTemplate;
const SECRETS = { SERVICENOW_USERNAME: 'admin', SERVICENOW_PASSWORD: 'secret', SERVICENOW_CLIENT_ID: 'id', SERVICENOW_CLIENT_SECRET: 'client-secret' };
const SYS_ID = '6816f79cc0a8016401c5a33be04be441';
const RUNTIMES: ConnectorRuntime[] = ['8.8', '8.9', '8.10'];

const documents = new DocumentStore();
const invoice = documents.create(Buffer.from('%PDF'), { contentType: 'application/pdf', fileName: 'invoice.pdf' });

const CASES: { name: string; file: string; values: Record<string, unknown>; variables?: Record<string, unknown> }[] = [
  { name: 'attachment upload', file: 'servicenow-api-attachment.json', values: { attachmentOperation: 'upload', tableName: 'incident', recordSysId: SYS_ID, document: '=invoice' }, variables: { invoice } },
  { name: 'attachment list', file: 'servicenow-api-attachment.json', values: { attachmentOperation: 'list', recordSysId: SYS_ID } },
  { name: 'attachment download', file: 'servicenow-api-attachment.json', values: { attachmentOperation: 'download', attachmentSysId: SYS_ID } },
  { name: 'attachment delete', file: 'servicenow-api-attachment.json', values: { attachmentOperation: 'delete', attachmentSysId: SYS_ID } },
  { name: 'flow trigger', file: 'servicenow-api-start-flow.json', values: { triggerPath: '/api/sn_cico/flow_starter/my_flow', body: '={"short_description": "x"}' } },
  { name: 'order by sys_id', file: 'servicenow-api-order-catalog-item.json', values: { catalogItem: '7c2e81106c4331ecd3c6f7cc7f1c1b09', variables: '={"laptop_type": "standard"}' } }
];

describe('templates beside the table ones - connector inputs fetched by name', () => {
  it.each(CASES)('$name maps every connector input of 8.8, 8.9 and 8.10 itself, so process variables of those names change nothing', ({ file, values, variables = {} }) => {
    // given
    const template = load(file);
    const all = { instanceUrl: 'https://dev1.service-now.com', ...values };

    for (const runtime of RUNTIMES) {
      // when
      const clean = proveRequest(template, all, { secrets: SECRETS, runtime, variables });
      const exposed = proveRequest(template, all, { secrets: SECRETS, runtime, variables: { ...HOSTILE_PROCESS_VARIABLES, ...variables } });

      // then
      expect(Object.keys(clean.locals), `${file} ${runtime}`).toEqual(expect.arrayContaining([...CONNECTOR_INPUTS[runtime]]));
      expect(exposed.connectorInput, `${file} ${runtime}`).toEqual(clean.connectorInput);
    }
  });

  it('leaves 8.10 on the storeResponse path: the response format, client certificate and bound credential are null', () => {
    const template = load('servicenow-api-attachment.json');
    const download = proveRequest(template, { instanceUrl: 'https://dev1.service-now.com', attachmentOperation: 'download', attachmentSysId: SYS_ID }, { secrets: SECRETS, runtime: '8.10', variables: HOSTILE_PROCESS_VARIABLES });
    expect(download.connectorInput).toMatchObject({ storeResponse: true, documentReturnFormat: null, clientTls: null, authenticationConfiguration: null });
  });
});
