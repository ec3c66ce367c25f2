import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createModdle } from 'bpmnlint/lib/testers/helper';
import RuleTester from 'bpmnlint/lib/testers/rule-tester';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { beforeAll, beforeEach, describe, it } from 'vitest';
import validQuery from '../../../../lint/bpmnlint-plugin-servicenow/rules/valid-query';
import type { LintRuleOptions } from '../../../../lint/lint-context';
import type { ElementTemplate } from '../../../../core/template/types';
import { readSnapshot } from '../../../../scripts/metadata/read-snapshot';

// bpmnlint's RuleTester is written for mocha's globals.
Object.assign(globalThis, { describe, it, beforeEach });

const incident = JSON.parse(readFileSync(join(__dirname, '../../../../templates/servicenow-incident.json'), 'utf8')) as ElementTemplate;
const fixture = (name: string) => createModdle(readFileSync(join(__dirname, 'valid-query-count', name), 'utf8'), { zeebe: zeebeSchema });
// The rules take the snapshot as an option, as `camunda-servicenow lint` passes it (read below).
const config: LintRuleOptions = { templates: [incident] };

beforeAll(async () => {
  config.metadata = await readSnapshot();
});

describe('lint/bpmnlint-plugin-servicenow - rules/valid-query on Count', () => {
  RuleTester.verify('valid-query', validQuery, {
    valid: [{ name: 'a query Create does not send', moddleElement: fixture('create-unknown-field.bpmn'), config }],
    invalid: [
      {
        name: 'an unknown field in the encoded query of a Count',
        moddleElement: fixture('count-unknown-field.bpmn'),
        config,
        report: {
          id: 'Task_1',
          message: 'Encoded query (sysparm_query): caler_id is not a field of incident, so ServiceNow would silently drop this condition and return more records; did you mean caller_id?',
          propertiesPanel: { entryIds: ['custom-entry-community.servicenow.incident-query-0-servicenow-diagnostics'] },
          servicenow: { code: 'field.unknown', start: 0, end: 8, suggestion: 'caller_id' }
        }
      }
    ]
  });
});
