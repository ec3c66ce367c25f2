/**
 * bpmnlint-plugin-servicenow: rules in rules/<rule>.ts, configs below,
 * referenced as `plugin:servicenow/recommended` and `servicenow/<rule>`.
 */
import inputTextIntact from './rules/input-text-intact';
import payloadFields from './rules/payload-fields';
import queryWarnings from './rules/query-warnings';
import resultExpressionGuard from './rules/result-expression-guard';
import returnedFields from './rules/returned-fields';
import sysIdVariables from './rules/sys-id-variables';
import uncheckedFields from './rules/unchecked-fields';
import validQuery from './rules/valid-query';

export const rules = {
  'valid-query': validQuery,
  'query-warnings': queryWarnings,
  'sys-id-variables': sysIdVariables,
  'input-text-intact': inputTextIntact,
  'returned-fields': returnedFields,
  'payload-fields': payloadFields,
  'unchecked-fields': uncheckedFields,
  'result-expression-guard': resultExpressionGuard
};

const recommended: Record<string, 'error' | 'warn' | 'info'> = {
  'servicenow/valid-query': 'error',
  'servicenow/query-warnings': 'warn',
  'servicenow/sys-id-variables': 'warn',
  'servicenow/input-text-intact': 'error',
  'servicenow/returned-fields': 'warn',
  'servicenow/payload-fields': 'warn',
  'servicenow/unchecked-fields': 'info',
  'servicenow/result-expression-guard': 'warn'
};

export const configs = {
  recommended: { rules: recommended },
  // Every problem an error; a note of what was not checked stays a note.
  all: {
    rules: Object.fromEntries(Object.keys(rules).map((rule) => [`servicenow/${rule}`, recommended[`servicenow/${rule}`] === 'info' ? 'info' : 'error']))
  }
};
