import { describe, expect, it } from 'vitest';
import type { ElementTemplate, TemplateProperty } from '../../core/template/types';
import { applyTemplate, evaluateError, evaluateResult, JobFailed, proveRequest } from './request-proof';

function template(properties: TemplateProperty[]): ElementTemplate {
  return { name: 't', id: 't', appliesTo: ['bpmn:Task'], properties };
}

const input = (name: string) => ({ type: 'zeebe:input' as const, name });
const mode: TemplateProperty = { id: 'mode', type: 'Dropdown', value: 'a', choices: [{ name: 'A', value: 'a' }, { name: 'B', value: 'b' }], binding: { type: 'zeebe:taskHeader', key: 'mode' } };
const request: TemplateProperty[] = [
  { id: 'method', type: 'Hidden', value: 'POST', binding: input('method') },
  { id: 'url', type: 'Hidden', value: '="https://h/" + path', binding: input('url') }
];

describe('helpers - request-proof', () => {
  it('evaluates inputs in template order, each seeing the earlier ones, and fetches only connector inputs', () => {
    // given
    const t = template([{ id: 'path', type: 'String', value: 'x', binding: input('path') }, ...request]);

    // when
    const proven = proveRequest(t);

    // then
    expect(proven.url).toBe('https://h/x');
    expect(proven.locals).toMatchObject({ path: 'x' });
    expect(proven.connectorInput).toEqual({ method: 'POST', url: 'https://h/x' });
  });

  it('resolves a reference to a later input to null with a warning, as the engine does', () => {
    // given
    const t = template([...request, { id: 'path', type: 'String', value: 'x', binding: input('path') }]);

    // then
    expect(() => proveRequest(t)).toThrow(/url "null" is not an http\(s\) URL/);
  });

  it('applies conditions against the stored value and drops inactive properties', () => {
    // given
    const t = template([mode, { id: 'onlyB', type: 'String', value: 'b!', binding: input('onlyB'), condition: { property: 'mode', equals: 'b' } }]);

    // then
    expect(applyTemplate(t).active.map((property) => property.id)).toEqual(['mode']);
    expect(applyTemplate(t, { mode: 'b' }).active.map((property) => property.id)).toEqual(['mode', 'onlyB']);
    expect(applyTemplate(t, { mode: 'b' }).taskHeaders).toEqual({ mode: 'b' });
  });

  it('persists Boolean and Number defaults as FEEL, as the Modeler does', () => {
    // given
    const t = template([
      { id: 'flag', type: 'Boolean', value: true, feel: 'static', binding: input('ignoreNullValues') },
      { id: 'timeout', type: 'Number', value: 20, feel: 'static', binding: input('readTimeoutInSeconds') },
      { id: 'body', type: 'Hidden', value: '={"a": 1, "b": null}', binding: input('body') },
      { id: 'path', type: 'String', binding: input('path') },
      { id: 'method', type: 'Hidden', value: 'POST', binding: input('method') },
      { id: 'url', type: 'Hidden', value: 'https://h/static', binding: input('url') }
    ]);

    // when
    const applied = applyTemplate(t);
    const proven = proveRequest(t);

    // then
    expect([...applied.persisted.values()].slice(0, 2)).toEqual(['=true', '=20']);
    expect(proven.connectorInput.readTimeoutInSeconds).toBe(20);
    expect(proven.body).toEqual({ a: 1 });
    expect(proven.locals.path).toBeNull();
  });

  it('substitutes secrets like the connector runtime and fails on an unknown one', () => {
    // given
    const t = template([...request.slice(0, 1), { id: 'url', type: 'Hidden', value: '{{secrets.BASE}}/api', binding: input('url') }, { id: 'user', type: 'String', value: '{{ secrets.USER }}', binding: input('authentication.username') }]);

    // then
    expect(proveRequest(t, {}, { secrets: { BASE: 'https://h', USER: 'me' } })).toMatchObject({ url: 'https://h/api', authentication: { username: 'me' } });
    expect(() => proveRequest(t, {}, { secrets: { BASE: 'https://h' } })).toThrow("Secret with name 'USER' is not available");
  });

  it('fails the job without retries when headers or query parameters hold a value that is no text, number or boolean, as binding Map<String, String> does', () => {
    // given
    const t = (queryParameters: string) => template([...request.slice(0, 1), { id: 'url', type: 'Hidden', value: 'https://h/api', binding: input('url') }, { id: 'q', type: 'Hidden', value: queryParameters, binding: input('queryParameters') }, { id: 'h', type: 'Hidden', value: '={"X-A": 1}', binding: input('headers') }]);
    const failure = (queryParameters: string) => { try { proveRequest(t(queryParameters)); return undefined; } catch (error) { return error as JobFailed; } };

    // then
    expect(proveRequest(t('={"a": "x", "n": 5, "b": true, "none": null}'))).toMatchObject({ queryParameters: { a: 'x', n: 5, b: true, none: null } });
    expect(failure('={"filter": {"a": 1}}')).toMatchObject({ retries: 0, message: expect.stringContaining('queryParameters.filter') });
    expect(failure('={"ids": ["1", "2"]}')).toBeInstanceOf(JobFailed);
    expect(proveRequest(t('={"id": ["1"]}')).queryParameters).toEqual({ id: ['1'] });
  });

  it('refuses two active properties writing one input and unknown property ids', () => {
    // given
    const t = template([{ id: 'a', type: 'Hidden', value: 'x', binding: input('v') }, { id: 'b', type: 'Hidden', value: 'y', binding: input('v') }]);

    // then
    expect(() => applyTemplate(t)).toThrow('properties "a" and "b" are both active');
    expect(() => applyTemplate(template(request), { nope: 1 })).toThrow('the template has no property "nope"');
  });

  it('evaluates the result expression over the response and stores the result variable', () => {
    // given
    const t = template([
      { id: 'rv', type: 'String', value: 'raw', binding: { type: 'zeebe:taskHeader', key: 'resultVariable' } },
      { id: 're', type: 'Hidden', value: '={id: response.body.id, code: status}', binding: { type: 'zeebe:taskHeader', key: 'resultExpression' } }
    ]);

    // then
    expect(evaluateResult(t, {}, { status: 201, body: { id: 'a' } })).toEqual({ raw: { status: 201, headers: {}, body: { id: 'a' }, reason: null, document: null }, id: 'a', code: 201 });
  });

  it('evaluates the error expression with bpmnError and job retries', () => {
    // given
    const t = template([{ id: 'ee', type: 'Hidden', value: '=if job.retries > 1 then bpmnError("E" + error.code, error.message) else null', binding: { type: 'zeebe:taskHeader', key: 'errorExpression' } }]);

    // then
    expect(evaluateError(t, {}, { code: '400', message: 'Bad' }, { retries: 2 })).toEqual({ errorType: 'bpmnError', code: 'E400', message: 'Bad', variables: null });
    expect(evaluateError(t, {}, { code: '400', message: 'Bad' }, { retries: 1 })).toBeNull();
  });
});
