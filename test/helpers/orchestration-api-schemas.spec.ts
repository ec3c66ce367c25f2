import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { V2_REQUEST_SCHEMAS } from './orchestration-api-schemas';

const valid = (path: string, body: unknown) => new Ajv({ allErrors: true }).compile(V2_REQUEST_SCHEMAS[path] as object)(body);

describe('the v2 request schemas follow @camunda8/orchestration-cluster-api 8.8.4 (zProcessInstanceCreationInstruction, zTagSet)', () => {
  it('a process instance is created by process definition id or by key, not by both or neither', () => {
    expect(valid('/v2/process-instances', { processDefinitionId: 'incident-escalation', variables: {} })).toBe(true);
    expect(valid('/v2/process-instances', { processDefinitionKey: '2251799813685249', variables: {} })).toBe(true);
    expect(valid('/v2/process-instances', { processDefinitionKey: 'not-a-key' })).toBe(false);
    expect(valid('/v2/process-instances', { processDefinitionKey: '2251799813685249', processDefinitionVersion: 1 })).toBe(false);
    expect(valid('/v2/process-instances', { variables: {} })).toBe(false);
  });

  it('tags are at most ten, each starting with a letter', () => {
    expect(valid('/v2/process-instances', { processDefinitionId: 'p', tags: ['business_key:1234', 'high-touch'] })).toBe(true);
    expect(valid('/v2/process-instances', { processDefinitionId: 'p', tags: ['1st'] })).toBe(false);
    expect(valid('/v2/process-instances', { processDefinitionId: 'p', tags: Array.from({ length: 11 }, (_, i) => `t${i}`) })).toBe(false);
  });
});
