import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createModdle } from 'bpmnlint/lib/testers/helper';
import RuleTester from 'bpmnlint/lib/testers/rule-tester';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { beforeAll, beforeEach, describe, it } from 'vitest';
import queryWarnings from '../../../../lint/bpmnlint-plugin-servicenow/rules/query-warnings';
import type { LintRuleOptions } from '../../../../lint/lint-context';
import type { ElementTemplate } from '../../../../core/template/types';
import { readSnapshot } from '../../../../scripts/metadata/read-snapshot';

// bpmnlint's RuleTester is written for mocha's globals.
Object.assign(globalThis, { describe, it, beforeEach });

const incident = JSON.parse(readFileSync(join(__dirname, '../../../../templates/servicenow-incident.json'), 'utf8')) as ElementTemplate;
const fixture = (name: string) => createModdle(readFileSync(join(__dirname, 'query-warnings', name), 'utf8'), { zeebe: zeebeSchema });
// The rules take the snapshot as an option, as `camunda-servicenow lint` passes it (read below).
const config: LintRuleOptions = { templates: [incident] };
const official: LintRuleOptions = {
  templates: JSON.parse(readFileSync(require.resolve('@camunda/connectors-element-templates/src/element-templates/servicenow-incident-connector.json'), 'utf8')) as ElementTemplate[]
};
const generic: LintRuleOptions = {
  templates: JSON.parse(readFileSync(require.resolve('@camunda/connectors-element-templates/src/element-templates/servicenow-connector.json'), 'utf8')) as ElementTemplate[]
};
// The plugin's diagnostics entry under the query field (the one place query problems show in the panel).
const QUERY_ENTRY = 'custom-entry-community.servicenow.incident-query-0-servicenow-diagnostics';

beforeAll(async () => {
  config.metadata = await readSnapshot();
  official.metadata = config.metadata;
  generic.metadata = config.metadata;
});

describe('lint/bpmnlint-plugin-servicenow - rules/query-warnings', () => {
  RuleTester.verify('query-warnings', queryWarnings, {
    valid: [
      { name: 'a query without findings', moddleElement: fixture('valid-clean-query.bpmn'), config },
      { name: 'a query with an error only (valid-query reports errors, this rule warnings)', moddleElement: fixture('valid-error-only.bpmn'), config },
      { name: 'a doubtful query the operation does not send', moddleElement: fixture('valid-inactive-query.bpmn'), config },
      // Not "the table {{secrets.SN_TABLE}} is not in the metadata": unchecked-fields says the table is filled in at runtime.
      { name: 'a custom table given as a secret placeholder', moddleElement: fixture('valid-secret-custom-table.bpmn'), config: generic }
    ],
    invalid: [
      {
        name: 'a reference compared with a name instead of a sys_id, with the dot-walk as the fix',
        moddleElement: fixture('invalid-reference.bpmn'),
        config,
        report: {
          id: 'Task_1',
          message: 'Encoded query (sysparm_query): caller_id refers to sys_user records by sys_id; "abc" is not a sys_id, so it likely matches nothing. To match by name, dot-walk: caller_id.name=abc.',
          propertiesPanel: { entryIds: [QUERY_ENTRY] },
          servicenow: { code: 'value.reference', start: 0, end: 13, suggestion: 'caller_id.name=abc' }
        }
      },
      {
        name: 'a list with an empty item, in a Count',
        moddleElement: fixture('invalid-list.bpmn'),
        config,
        report: {
          id: 'Task_1',
          message: 'Encoded query (sysparm_query): Write the list without empty items and without spaces around the commas: ServiceNow compares each item literally.',
          propertiesPanel: { entryIds: [QUERY_ENTRY] },
          servicenow: { code: 'value.list', start: 7, end: 11, suggestion: '1,2' }
        }
      },
      {
        name: 'a value with spaces, which the official template removes before sending',
        moddleElement: fixture('invalid-spaces-in-value.bpmn'),
        config: official,
        report: {
          id: 'Task_1',
          message: 'Query parameters (sysparm_query): The connector removes every space from the query before sending it, so "Printer not working" is compared as "Printernotworking".',
          propertiesPanel: { entryIds: ['custom-entry-io.camunda.connectors.ServiceNowIncident.v1-input-0-servicenow-diagnostics'] },
          servicenow: { code: 'value.spaces-removed', start: 18, end: 37 }
        }
      },
      {
        // The connector sends both; which ServiceNow reads is not in its source.
        name: 'a REST connector task setting sysparm_query in its URL and in its query parameters',
        moddleElement: fixture('invalid-rest-both-set.bpmn'),
        config,
        report: {
          id: 'Task_1',
          message: 'The URL and the query parameters both set sysparm_query: the connector sends both, and which one ServiceNow reads is not documented. Keep one.'
        }
      }
    ]
  });
});
