import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createModdle } from 'bpmnlint/lib/testers/helper';
import RuleTester from 'bpmnlint/lib/testers/rule-tester';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { beforeAll, beforeEach, describe, it } from 'vitest';
import payloadFields from '../../../../lint/bpmnlint-plugin-servicenow/rules/payload-fields';
import type { LintRuleOptions } from '../../../../lint/lint-context';
import type { ElementTemplate } from '../../../../core/template/types';
import { readSnapshot } from '../../../../scripts/metadata/read-snapshot';
import { parseFeelExpression } from '../../../../core/feel/parse';

// bpmnlint's RuleTester is written for mocha's globals.
Object.assign(globalThis, { describe, it, beforeEach });

const read = (path: string) => [JSON.parse(readFileSync(join(__dirname, '../../../..', path), 'utf8'))].flat() as ElementTemplate[];
const templates = [...read('templates/servicenow-incident.json'), ...read('node_modules/@camunda/connectors-element-templates/src/element-templates/servicenow-connector.json')];
const fixture = (name: string) => createModdle(readFileSync(join(__dirname, 'payload-fields', name), 'utf8'), { zeebe: zeebeSchema });
// The rules take the snapshot as an option, as `camunda-servicenow lint` passes it (read below).
const config: LintRuleOptions = { templates, feel: parseFeelExpression };

beforeAll(async () => {
  config.metadata = await readSnapshot();
});

describe('lint/bpmnlint-plugin-servicenow - rules/payload-fields', () => {
  RuleTester.verify('payload-fields', payloadFields, {
    valid: [
      { name: 'an official Create incident payload with known keys and a choice value', moddleElement: fixture('valid-known-keys.bpmn'), config }
    ],
    invalid: [
      {
        name: 'an official payload with misspelt keys and an impact no choice has',
        moddleElement: fixture('invalid-unknown-keys.bpmn'),
        config,
        report: [
          { id: 'Task_Official', message: 'Payload: caller is not a field of incident, so ServiceNow ignores it without a word; did you mean caller_id?', propertiesPanel: { entryIds: ['custom-entry-io.camunda.connectors.ServiceNow.v1-input-0-servicenow-checks'] }, servicenow: { code: 'field.unknown', start: 6, end: 12, suggestion: 'caller_id' } },
          { id: 'Task_Official', message: 'Payload: short_descripton is not a field of incident, so ServiceNow ignores it without a word; did you mean short_description?', propertiesPanel: { entryIds: ['custom-entry-io.camunda.connectors.ServiceNow.v1-input-0-servicenow-checks'] }, servicenow: { code: 'field.unknown', start: 31, end: 47, suggestion: 'short_description' } },
          { id: 'Task_Official', message: 'Payload: 9 is not an impact of incident; impacts are 1 - High, 2 - Medium, 3 - Low.', propertiesPanel: { entryIds: ['custom-entry-io.camunda.connectors.ServiceNow.v1-input-0-servicenow-checks'] }, servicenow: { code: 'value.choice', start: 77, end: 78 } }
        ]
      }
    ]
  });
});
