import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { operationRule, presetErrorRule, serviceNowErrorExpression, unexpectedAnswerExpression, type AnswerRule } from '../../../core/template/error-handling';
import { OPERATIONS } from '../../../core/template/operations';
import type { ElementTemplate } from '../../../core/template/types';

const TEMPLATES_DIR = join(__dirname, '../../../templates');

const CREATE = operationRule('create');

describe('core/template - error-handling', () => {
  it('reads the answer rule back from each preset error expression, and none from any other text', () => {
    // given
    const rules: AnswerRule[] = [...OPERATIONS.map(operationRule), { statuses: [200], needsResult: false, api: 'Attachment API' }, { statuses: [200], needsResult: true, resultKey: 'request_id', resultKeyMissing: 'order_now answered a cart: two-step checkout', api: 'Service Catalog API' }];

    // then
    for (const rule of rules) {
      expect(presetErrorRule(serviceNowErrorExpression(rule))).toEqual(rule);
      expect(presetErrorRule(unexpectedAnswerExpression(rule))).toEqual(rule);
    }
    expect(presetErrorRule(serviceNowErrorExpression(CREATE).replace('jobError(unexpected)', 'null'))).toBeUndefined();
    expect(presetErrorRule('=if error.code = "404" then bpmnError("NOT_FOUND", error.message) else null')).toBeUndefined();
  });

  it('reads a rule back from every preset error expression of the shipped templates (the lint rule and the output helper rely on it)', () => {
    // given
    const presets = readdirSync(TEMPLATES_DIR).filter((file) => file.endsWith('.json'))
      .flatMap((file) => ([JSON.parse(readFileSync(join(TEMPLATES_DIR, file), 'utf8'))].flat() as ElementTemplate[]).flatMap((template) => template.properties
        .filter((property) => property.type === 'Hidden' && (property.binding as { key?: string }).key === 'errorExpression')
        .map((property) => ({ where: `${file} ${property.id}`, value: String(property.value) }))));

    // then
    expect(presets.length).toBeGreaterThan(100);
    for (const { where, value } of presets) expect(presetErrorRule(value), where).toBeDefined();
  });
});
