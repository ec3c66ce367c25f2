/**
 * bpmnlint-plugin-servicenow: rules in rules/<rule>.ts, configs below,
 * referenced as `plugin:servicenow/recommended` and `servicenow/<rule>`.
 */
import inputTextIntact from './rules/input-text-intact';
import payloadFields from './rules/payload-fields';
import queryWarnings from './rules/query-warnings';
import returnedFields from './rules/returned-fields';
import sysIdVariables from './rules/sys-id-variables';
import validQuery from './rules/valid-query';

export const rules = {
  'valid-query': validQuery,
  'query-warnings': queryWarnings,
  'sys-id-variables': sysIdVariables,
  'input-text-intact': inputTextIntact,
  'returned-fields': returnedFields,
  'payload-fields': payloadFields
};

export const configs = {
  recommended: {
    rules: {
      'servicenow/valid-query': 'error',
      'servicenow/query-warnings': 'warn',
      'servicenow/sys-id-variables': 'warn',
      'servicenow/input-text-intact': 'error',
      'servicenow/returned-fields': 'warn',
      'servicenow/payload-fields': 'warn'
    }
  },
  all: {
    rules: Object.fromEntries(Object.keys(rules).map((rule) => [`servicenow/${rule}`, 'error']))
  }
};
