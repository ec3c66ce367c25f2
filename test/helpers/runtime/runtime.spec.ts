import { describe, expect, it } from 'vitest';
import type { ElementTemplate, TemplateProperty } from '../../../core/template/types';
import { DeploymentRejected, HOSTILE_PROCESS_VARIABLES, IncidentRaised, JobFailed, proveRequest, runJob } from '../request-proof';
import { staticSourceValue } from './feel-scala-strings';
import { holdsBareSecretReference, replaceSecrets } from './secrets';

function template(properties: TemplateProperty[]): ElementTemplate {
  return { name: 't', id: 't', appliesTo: ['bpmn:Task'], properties };
}

const input = (name: string) => ({ type: 'zeebe:input' as const, name });
const header = (key: string) => ({ type: 'zeebe:taskHeader' as const, key });
const request: TemplateProperty[] = [
  { id: 'method', type: 'Hidden', value: 'POST', binding: input('method') },
  { id: 'url', type: 'Hidden', value: 'https://h/api', binding: input('url') }
];

describe('helpers/runtime - Zeebe static sources and feel-scala string escapes', () => {
  it('decodes escape sequences of a static source like feel-scala', () => {
    expect(staticSourceValue('Disk full on D:\\backups\\new')).toBe('Disk full on D:\backups\new');
    expect(staticSourceValue('tab\\there')).toBe('tab\there');
    expect(staticSourceValue('a\\\\b')).toBe('a\\b');
    expect(staticSourceValue('say "hi"')).toBe('say "hi"');
    // feel-scala does not decode \u (feelin does)
    expect(staticSourceValue('\\u0041')).toBe('\\u0041');
  });

  it('rejects the deployment for a static source ending in a backslash or holding \\"', () => {
    expect(() => staticSourceValue('C:\\')).toThrow(DeploymentRejected);
    expect(() => staticSourceValue('a\\"b')).toThrow(DeploymentRejected);
  });
});

describe('helpers/runtime - connector secrets', () => {
  it('replaces the bare legacy form over all variables and fails on an unknown name', () => {
    expect(replaceSecrets({ body: { text: 'rotate secrets.KEY now' } }, { KEY: 'v"1' })).toEqual({ body: { text: 'rotate v"1 now' } });
    expect(() => replaceSecrets({ body: { text: 'rotate secrets.yaml' } }, {})).toThrow(JobFailed);
    expect(holdsBareSecretReference('mysecrets.txt')).toBe(true);
    expect(holdsBareSecretReference('{{secrets.TOKEN}}')).toBe(false);
    expect(holdsBareSecretReference('Secrets.yaml')).toBe(false);
  });
});

describe('helpers/runtime - inputs fetched by name through the scopes', () => {
  it('fills every connector input the task does not map from a process variable of that name', () => {
    // given
    const t = template(request);

    // when
    const on88 = proveRequest(t, {}, { variables: HOSTILE_PROCESS_VARIABLES, runtime: '8.8' });
    const on89 = proveRequest(t, {}, { variables: HOSTILE_PROCESS_VARIABLES, runtime: '8.9' });
    const on810 = proveRequest(t, {}, { variables: HOSTILE_PROCESS_VARIABLES, runtime: '8.10' });

    // then
    expect(on88.connectorInput).toMatchObject({ method: 'POST', url: 'https://h/api', storeResponse: true, writeTimeoutInSeconds: 1 });
    expect(on88.connectorInput).not.toHaveProperty('followRedirects');
    expect(on89.connectorInput).toMatchObject({ followRedirects: true, body: HOSTILE_PROCESS_VARIABLES.body });
    expect(on89.connectorInput).not.toHaveProperty('writeTimeoutInSeconds');
    expect(on89.connectorInput).not.toHaveProperty('documentReturnFormat');
    expect(on810.connectorInput).toMatchObject({ documentReturnFormat: { choice: 'DOCUMENT' }, authenticationConfiguration: HOSTILE_PROCESS_VARIABLES.authenticationConfiguration, clientTls: HOSTILE_PROCESS_VARIABLES.clientTls });
  });

  it('raises an incident when an input mapping fails through feel-scala assert', () => {
    const t = template([...request, { id: 'b', type: 'Hidden', value: '=assert(p, p instance of context, "p must be a context")', binding: input('body') }]);
    expect(() => proveRequest(t, {}, { variables: { p: 'text' } })).toThrow(IncidentRaised);
    expect(proveRequest(t, {}, { variables: { p: { a: 1 } } }).body).toEqual({ a: 1 });
  });
});

describe('helpers/runtime - job outcome', () => {
  const errorExpression: TemplateProperty = { id: 'ee', type: 'Hidden', value: '=if get value(response, "status") = 302 then jobError("redirected") else if get value(response, "error") != null then bpmnError("E", "failed") else null', binding: header('errorExpression') };
  const onSuccessCheck = template([errorExpression]);
  const withResultExpression = template([{ id: 're', type: 'Hidden', value: '={id: get value(body, "id")}', binding: header('resultExpression') }, errorExpression]);
  const backoff: TemplateProperty = { id: 'rb', type: 'String', value: 'PT30S', binding: header('retryBackoff') };

  it('treats 3xx as a result and runs the error expression after it', () => {
    expect(runJob(onSuccessCheck, {}, { status: 302, body: null })).toMatchObject({ kind: 'failed', message: 'redirected', retries: 0 });
    expect(runJob(withResultExpression, {}, { status: 200, body: { id: 'x' } })).toMatchObject({ kind: 'completed', variables: { id: 'x' } });
  });

  it('runs the error expression over the output variables, not the response, once the result mapping set any', () => {
    // ConnectorResult.SuccessResult.responseValue (camunda/connectors#5695): `response` is {id: null} here, so the 302 goes unnoticed.
    expect(runJob(withResultExpression, {}, { status: 302, body: null })).toMatchObject({ kind: 'completed', variables: { id: null } });
    const readsOutputs = template([
      { id: 're', type: 'Hidden', value: '={id: get value(body, "id")}', binding: header('resultExpression') },
      { id: 'ee', type: 'Hidden', value: '=if get value(response, "id") = null then jobError("no id") else null', binding: header('errorExpression') }
    ]);
    expect(runJob(readsOutputs, {}, { status: 200, body: {} })).toMatchObject({ kind: 'failed', message: 'no id', retries: 0 });
  });

  it('knows only the connector functions the runtime declares: bpmnError takes 2 or 3 arguments, jobError typed ones', () => {
    const withExpression = (value: string) => template([backoff, { id: 'ee', type: 'Hidden', value, binding: header('errorExpression') }]);
    // No one-argument bpmnError: null with a warning, so the failure takes the retries (with the header's backoff).
    expect(runJob(withExpression('=bpmnError("E")'), {}, { status: 404, body: null }, { strict: false })).toMatchObject({ kind: 'failed', retries: 2, retryBackoff: 'PT30S' });
    expect(() => runJob(withExpression('=bpmnError("E")'), {}, { status: 404, body: null })).toThrow(/no function found with name 'bpmnError' and 1 parameters/);
    // A Java function that throws fails the evaluation: the job fails without retries.
    expect(runJob(withExpression('=bpmnError("E", null)'), {}, { status: 404, body: null })).toMatchObject({ kind: 'failed', retries: 0 });
    expect(runJob(withExpression('=jobError("slow down", {}, 2, "PT5S")'), {}, { status: 429, body: null })).toMatchObject({ kind: 'failed', retries: 0, retryBackoff: null });
    expect(runJob(withExpression('=jobError("slow down", {}, 2, duration("PT5S"))'), {}, { status: 429, body: null })).toMatchObject({ kind: 'failed', message: 'slow down', retries: 2, retryBackoff: 'PT5S' });
  });

  it('keeps the retryBackoff header on a failure the error expression leaves to the retries', () => {
    expect(runJob(template([backoff]), {}, { status: 503, reason: 'Service Unavailable', body: null }, { retries: 3 })).toMatchObject({ kind: 'failed', message: 'Service Unavailable', retries: 2, retryBackoff: 'PT30S' });
  });

  it('fails the job without retries, before any call, on a retryBackoff header java.time.Duration refuses', () => {
    // SpringConnectorJobHandler getBackoffDuration, OutboundConnectorExceptionHandler handleBackOffException (retries 0).
    const withBackoff = (value: string) => template([{ ...backoff, value }]);
    expect(runJob(withBackoff('PT1.123456789S'), {}, { status: 200, body: null })).toMatchObject({ kind: 'completed' });
    expect(runJob(withBackoff('PT1.1234567891S'), {}, { status: 200, body: null }, { retries: 3 }))
      .toMatchObject({ kind: 'failed', retries: 0, retryBackoff: null, message: 'Failed to parse retry backoff header. Expected ISO-8601 duration, e.g. PT5M, got: PT1.1234567891S' });
  });

  it('makes >= 400 and timeouts (408) errors for the error expression', () => {
    expect(runJob(onSuccessCheck, {}, { status: 404, body: null })).toMatchObject({ kind: 'bpmnError', code: 'E' });
    expect(runJob(template([]), {}, { transport: 'timeout' }, { retries: 3 })).toMatchObject({ kind: 'failed', retries: 2 });
  });

  it('fails the job without retries when the output exceeds 1.5 MB', () => {
    const t = template([{ id: 'rv', type: 'String', value: 'raw', binding: header('resultVariable') }]);
    expect(runJob(t, {}, { status: 200, body: 'x'.repeat(1_600_000) })).toMatchObject({ kind: 'failed', retries: 0 });
  });
});
