import { describe, expect, it } from 'vitest';
import { instanceName, instanceUrl, payloadOf } from '../../../client/table-picker/official-counterparts';

describe('client/table-picker/official-counterparts', () => {
  it('turns a ServiceNow URL into the bare instance name and back', () => {
    expect(instanceName('https://dev12345.service-now.com')).toBe('dev12345');
    expect(instanceName('https://dev12345.service-now.com/')).toBe('dev12345');
    expect(instanceName('dev12345')).toBe('dev12345');
    expect(instanceUrl('dev12345')).toBe('dev12345');
  });

  it('passes FEEL through, and gives no name for a secret holding a URL or another host', () => {
    expect(instanceName('{{secrets.SERVICENOW_INSTANCE_URL}}')).toBe('');
    expect(instanceName('=baseUrl')).toBe('=baseUrl');
    expect(instanceName('https://servicenow.example.com')).toBe('');
    expect(instanceUrl('not a name')).toBe('');
  });

  it('writes field values as a FEEL context: plain values as strings, FEEL as it is', () => {
    expect(payloadOf([
      { field: 'short_description', label: 'Short description', value: 'Printer "3" down' },
      { field: 'caller_id', label: 'Caller', value: '=callerSysId' }
    ])).toBe('={\n  "short_description": "Printer \\"3\\" down",\n  "caller_id": (callerSysId)\n}');
  });
});
