import type { TemplateGroup } from './types';

/** Property groups in panel order; `fields` is open, the rest of the columns are collapsed. */
export function templateGroups(recordLabel: string, options: { fields: boolean }): TemplateGroup[] {
  return [
    { id: 'operation', label: 'Operation', openByDefault: true },
    { id: 'connection', label: 'Connection', openByDefault: true },
    { id: 'authentication', label: 'Authentication', openByDefault: true },
    ...(options.fields
      ? [
          { id: 'fields', label: `${recordLabel} fields`, openByDefault: true },
          { id: 'moreFields', label: `More ${recordLabel} fields`, openByDefault: false }
        ]
      : [{ id: 'payload', label: 'Payload', openByDefault: true }]),
    { id: 'query', label: 'Query parameters' },
    { id: 'output', label: 'Output mapping' },
    { id: 'error', label: 'Error handling' },
    { id: 'retries', label: 'Retries' },
    { id: 'timeout', label: 'Timeouts' }
  ];
}

/** Groups of a template beyond the Table API: its own inputs first, then the shared connection, output, error, retry and timeout groups. */
export function apiGroups(own: TemplateGroup[], afterAuthentication: TemplateGroup[] = []): TemplateGroup[] {
  return [
    ...own,
    { id: 'connection', label: 'Connection', openByDefault: true },
    { id: 'authentication', label: 'Authentication', openByDefault: true },
    ...afterAuthentication,
    { id: 'output', label: 'Output mapping' },
    { id: 'error', label: 'Error handling' },
    { id: 'retries', label: 'Retries' },
    { id: 'timeout', label: 'Timeouts' }
  ];
}
