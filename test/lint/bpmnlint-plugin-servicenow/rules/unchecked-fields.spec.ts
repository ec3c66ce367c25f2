import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createModdle } from 'bpmnlint/lib/testers/helper';
import RuleTester from 'bpmnlint/lib/testers/rule-tester';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { beforeAll, beforeEach, describe, it } from 'vitest';
import uncheckedFields from '../../../../lint/bpmnlint-plugin-servicenow/rules/unchecked-fields';
import type { LintRuleOptions } from '../../../../lint/lint-context';
import type { ElementTemplate } from '../../../../core/template/types';
import { readSnapshot } from '../../../../scripts/metadata/read-snapshot';
import { parseFeelExpression } from '../../../../core/feel/parse';

// bpmnlint's RuleTester is written for mocha's globals.
Object.assign(globalThis, { describe, it, beforeEach });

const templates = JSON.parse(readFileSync(require.resolve('@camunda/connectors-element-templates/src/element-templates/servicenow-connector.json'), 'utf8')) as ElementTemplate[];
const fixture = (name: string) => createModdle(readFileSync(join(__dirname, 'unchecked-fields', name), 'utf8'), { zeebe: zeebeSchema });
const config: LintRuleOptions = { templates, feel: parseFeelExpression };
// The plugin's diagnostics entry under the query field, where the query's other findings lead too.
const QUERY_ENTRY = 'custom-entry-io.camunda.connectors.ServiceNow.v1-input-0-servicenow-diagnostics';

beforeAll(async () => {
  config.metadata = await readSnapshot();
});

describe('lint/bpmnlint-plugin-servicenow - rules/unchecked-fields', () => {
  RuleTester.verify('unchecked-fields', uncheckedFields, {
    valid: [
      // A table from the dropdown, a custom table written out, a FEEL table on an operation without a query.
      { name: 'tasks whose table lint can read, or that send no query', moddleElement: fixture('valid-table-set.bpmn'), config },
      { name: 'a task linking a version of a template lint does not have, whose request computes the table', moddleElement: fixture('valid-other-template-version.bpmn'), config },
      { name: 'a REST connector task whose URL joins the table as a literal of its own', moddleElement: fixture('valid-rest-joined-table.bpmn'), config }
    ],
    invalid: [
      {
        name: 'a custom table left empty',
        moddleElement: fixture('invalid-empty-custom-table.bpmn'),
        config,
        report: { id: 'Task_1', message: 'Query parameters (sysparm_query): fields not checked: the custom table is left empty; the query\'s syntax is checked.', propertiesPanel: { entryIds: [QUERY_ENTRY] } }
      },
      {
        name: 'a custom table given as a FEEL value',
        moddleElement: fixture('invalid-feel-custom-table.bpmn'),
        config,
        report: { id: 'Task_1', message: 'Query parameters (sysparm_query): fields not checked: the custom table is a FEEL value, known only at runtime; the query\'s syntax is checked.', propertiesPanel: { entryIds: [QUERY_ENTRY] } }
      },
      {
        name: 'a custom table given as a secret placeholder',
        moddleElement: fixture('invalid-secret-custom-table.bpmn'),
        config,
        report: { id: 'Task_1', message: 'Query parameters (sysparm_query): fields not checked: the custom table is a {{secrets.NAME}} placeholder, filled in at runtime; the query\'s syntax is checked.', propertiesPanel: { entryIds: [QUERY_ENTRY] } }
      },
      {
        // No panel entry: under a FEEL operation the query field is not shown.
        name: 'an operation given as a FEEL value',
        moddleElement: fixture('invalid-feel-operation.bpmn'),
        config,
        report: { id: 'Task_1', message: 'Query parameters (sysparm_query): fields not checked: the operation is a FEEL value, known only at runtime; the query\'s syntax is checked.' }
      },
      {
        name: 'a REST connector task whose URL computes the table',
        moddleElement: fixture('invalid-rest-feel-table.bpmn'),
        config,
        report: { id: 'Task_1', message: 'Query parameters (sysparm_query): fields not checked: the table in the URL is computed at runtime; the query\'s syntax is checked.' }
      },
      {
        name: 'a query that is a variable: nothing of it is written out',
        moddleElement: fixture('invalid-computed-query.bpmn'),
        config,
        report: { id: 'Task_1', message: 'Query parameters (sysparm_query): not checked: the whole query is computed at runtime.', propertiesPanel: { entryIds: [QUERY_ENTRY] } }
      },
      {
        // From the wild: Camunda's blueprint with its templates unlinked (the fixture names its source).
        name: 'a REST connector task whose query parameters compute the whole query',
        moddleElement: fixture('invalid-rest-computed-query.bpmn'),
        config,
        report: { id: 'Activity_0divtrc', message: 'Query parameters (sysparm_query): not checked: the whole query is computed at runtime.' }
      }
    ]
  });
});
