/**
 * The `{ config, resolver }` bundle Desktop's linting takes from a plugin
 * (`lintRules.cloud-bpmn`): what bpmnlint-loader compiles from a .bpmnlintrc
 * extending `plugin:servicenow/recommended`, written out because the rules
 * are TypeScript bundled with the plugin. Desktop gives every tab the same
 * bundle, so the rules get no options here: each reads the lint context
 * its diagram's modeler attached (lint/lint-context.ts).
 */
import { configs, rules } from '../../lint/bpmnlint-plugin-servicenow';

const PLUGIN = 'bpmnlint-plugin-servicenow';

export const config = { rules: { ...configs.recommended.rules } };

export const resolver = {
  resolveRule(pkg: string, ruleName: string) {
    const rule = pkg === PLUGIN ? rules[ruleName as keyof typeof rules] : undefined;
    if (!rule) throw new Error(`cannot resolve rule <${pkg}/${ruleName}>: not bundled`);
    return rule;
  },
  resolveConfig(pkg: string, configName: string) {
    const found = pkg === PLUGIN ? configs[configName as keyof typeof configs] : undefined;
    if (!found) throw new Error(`cannot resolve config <${configName}> in <${pkg}>: not bundled`);
    return found;
  }
};

export default { config, resolver };
