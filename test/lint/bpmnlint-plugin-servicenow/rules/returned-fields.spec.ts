import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createModdle } from 'bpmnlint/lib/testers/helper';
import RuleTester from 'bpmnlint/lib/testers/rule-tester';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { beforeAll, beforeEach, describe, it } from 'vitest';
import returnedFields from '../../../../lint/bpmnlint-plugin-servicenow/rules/returned-fields';
import type { LintRuleOptions } from '../../../../lint/lint-context';
import type { ElementTemplate } from '../../../../core/template/types';
import { readSnapshot } from '../../../../scripts/metadata/read-snapshot';
import { parseFeelExpression } from '../../../../core/feel/parse';

// bpmnlint's RuleTester is written for mocha's globals.
Object.assign(globalThis, { describe, it, beforeEach });

const read = (path: string) => [JSON.parse(readFileSync(join(__dirname, '../../../..', path), 'utf8'))].flat() as ElementTemplate[];
const templates = [...read('templates/servicenow-incident.json'), ...read('node_modules/@camunda/connectors-element-templates/src/element-templates/servicenow-connector.json')];
const fixture = (name: string) => createModdle(readFileSync(join(__dirname, 'returned-fields', name), 'utf8'), { zeebe: zeebeSchema });
// The rules take the snapshot as an option, as `camunda-servicenow lint` passes it (read below).
const config: LintRuleOptions = { templates, feel: parseFeelExpression };

beforeAll(async () => {
  config.metadata = await readSnapshot();
});

describe('lint/bpmnlint-plugin-servicenow - rules/returned-fields', () => {
  RuleTester.verify('returned-fields', returnedFields, {
    valid: [
      { name: 'columns of incident and a dot-walk into sys_user', moddleElement: fixture('valid-known-columns.bpmn'), config },
      { name: 'a column the connector runtime fills from a {{secrets.NAME}} placeholder', moddleElement: fixture('valid-secret-column.bpmn'), config }
    ],
    invalid: [
      {
        name: 'a misspelt column and a misspelt dot-walked column, each with its did-you-mean, against the findings entry under the input',
        moddleElement: fixture('invalid-misspelt-columns.bpmn'),
        config,
        report: [
          { id: 'Task_Get', message: 'Fields to return (sysparm_fields): short_descripton is not a field of incident, so ServiceNow leaves it out of the response without a word; did you mean short_description?', propertiesPanel: { entryIds: ['custom-entry-community.servicenow.incident-query-0-servicenow-checks'] }, servicenow: { code: 'field.unknown', start: 7, end: 23, suggestion: 'short_description' } },
          { id: 'Task_Get', message: 'Fields to return (sysparm_fields): nmae is not a field of sys_user (reached through caller_id), so ServiceNow leaves it out of the response without a word; did you mean name?', propertiesPanel: { entryIds: ['custom-entry-community.servicenow.incident-query-0-servicenow-checks'] }, servicenow: { code: 'field.unknown', start: 34, end: 38, suggestion: 'name' } }
        ]
      }
    ]
  });
});
