/**
 * bpmnlint-plugin-servicenow: rules in rules/<rule>.ts, configs below,
 * referenced as `plugin:servicenow/recommended` and `servicenow/<rule>`.
 */
import inputTextIntact from './rules/input-text-intact';
import queryWarnings from './rules/query-warnings';
import sysIdVariables from './rules/sys-id-variables';
import validQuery from './rules/valid-query';

export const rules = {
  'valid-query': validQuery,
  'query-warnings': queryWarnings,
  'sys-id-variables': sysIdVariables,
  'input-text-intact': inputTextIntact
};

export const configs = {
  recommended: {
    rules: {
      'servicenow/valid-query': 'error',
      'servicenow/query-warnings': 'warn',
      'servicenow/sys-id-variables': 'warn',
      'servicenow/input-text-intact': 'error'
    }
  },
  all: {
    rules: Object.fromEntries(Object.keys(rules).map((rule) => [`servicenow/${rule}`, 'error']))
  }
};
