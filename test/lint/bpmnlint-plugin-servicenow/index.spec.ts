import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configs, rules } from '../../../lint/bpmnlint-plugin-servicenow';
import lintRules from '../../../client/lint';

describe('lint - bpmnlint-plugin-servicenow', () => {
  it('lists every rule file in configs.all and the recommended config', () => {
    // given
    const files = readdirSync(join(__dirname, '../../../lint/bpmnlint-plugin-servicenow/rules')).filter((file) => file !== 'helper.ts').map((file) => file.replace(/\.ts$/, ''));

    // then
    expect(Object.keys(rules).sort()).toEqual(files.sort());
    expect(Object.keys(configs.all.rules).sort()).toEqual(files.map((file) => `servicenow/${file}`).sort());
    expect(Object.keys(configs.recommended.rules).sort()).toEqual(files.map((file) => `servicenow/${file}`).sort());
  });

  it('resolves its rules the way bpmnlint-loader bundles do', () => {
    expect(lintRules.resolver.resolveRule('bpmnlint-plugin-servicenow', 'valid-query')).toBe(rules['valid-query']);
    expect(() => lintRules.resolver.resolveRule('bpmnlint-plugin-other', 'valid-query')).toThrow('cannot resolve rule <bpmnlint-plugin-other/valid-query>: not bundled');
  });
});
