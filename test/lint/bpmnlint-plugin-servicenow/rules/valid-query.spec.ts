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
import { parseFeelExpression } from '../../../../core/feel/parse';

// bpmnlint's RuleTester is written for mocha's globals.
Object.assign(globalThis, { describe, it, beforeEach });

const official = (file: string) => JSON.parse(readFileSync(require.resolve(`@camunda/connectors-element-templates/src/element-templates/${file}`), 'utf8')) as ElementTemplate[];
const ours = (file: string) => [JSON.parse(readFileSync(join(__dirname, '../../../../templates', file), 'utf8'))].flat() as ElementTemplate[];
const templates = [...official('servicenow-incident-connector.json'), ...official('servicenow-connector.json'), ...ours('servicenow-incident-wait.json'), ...ours('servicenow-incident.json')];
const fixture = (name: string) => createModdle(readFileSync(join(__dirname, 'valid-query', name), 'utf8'), { zeebe: zeebeSchema });
// The rules take the snapshot as an option, as `camunda-servicenow lint` passes it (read below).
const config: LintRuleOptions = { templates, feel: parseFeelExpression };
// Desktop lints with every template it has: Camunda's REST connector ones too, in other versions than a task's.
const withRest: LintRuleOptions = { ...config, templates: [...templates, ...official('http-json-connector.json').filter((template) => template.version !== 13)] };
// The plugin's diagnostics entry under the query field (the one place query problems show in the panel).
const QUERY_ENTRY = 'custom-entry-io.camunda.connectors.ServiceNowIncident.v1-input-0-servicenow-diagnostics';

/** The fixture's one finding: `caler_id` (at `start` in the checked input, labelled `label`) is not a field of incident. */
function unknownField(name: string, file: string, start: number, entryId?: string, label = 'Query parameters (sysparm_query)') {
  return {
    name,
    moddleElement: fixture(file),
    config,
    report: {
      id: 'Task_1',
      message: `${label}: caler_id is not a field of incident, so ServiceNow would silently drop this condition and return more records; did you mean caller_id?`,
      ...(entryId ? { propertiesPanel: { entryIds: [entryId] } } : {}),
      servicenow: { code: 'field.unknown', start, end: start + 'caler_id'.length, suggestion: 'caller_id' }
    }
  };
}

/** Where `caler_id` stands in a fixture's URL input as written (percent-escapes included). */
const inUrl = (url: string) => url.indexOf('caler_id');
const TABLE_URL = 'https://dev12345.service-now.com/api/now/table/incident';

beforeAll(async () => {
  config.metadata = await readSnapshot();
  withRest.metadata = config.metadata;
});

describe('lint/bpmnlint-plugin-servicenow - rules/valid-query', () => {
  RuleTester.verify('valid-query', validQuery, {
    valid: [
      { name: 'a valid query', moddleElement: fixture('valid-query.bpmn'), config },
      { name: 'a query the operation does not use', moddleElement: fixture('valid-inactive-query.bpmn'), config },
      { name: 'a template that is not loaded', moddleElement: fixture('valid-unknown-template.bpmn'), config },
      // The official templates send replace(sysparm_query, " ", ""): ServiceNow receives active=true^priority=1.
      { name: 'spaces the official template removes before sending', moddleElement: fixture('valid-spaces-removed.bpmn'), config },
      { name: 'a secret placeholder the connector runtime fills in', moddleElement: fixture('valid-secret-value.bpmn'), config },
      { name: 'a REST connector task calling another API than ServiceNow\'s', moddleElement: fixture('valid-rest-other-api.bpmn'), config },
      { name: 'a REST connector task posting to the Table API, which ignores sysparm_query then', moddleElement: fixture('valid-rest-post.bpmn'), config },
      { name: 'a valid percent-encoded query in the URL of a REST connector task', moddleElement: fixture('valid-rest-url-query.bpmn'), config },
      { name: 'a REST connector task whose query parameters write "sysparm_query:" in a string, a nested context and a comment too', moddleElement: fixture('valid-rest-query-key-elsewhere.bpmn'), config },
      { name: 'a wait event whose record query is a variable holding the FEEL context', moddleElement: fixture('valid-wait-computed-query.bpmn'), config },
      // Desktop shows it as "Not found" (bpmn-js-element-templates' own lint rule reports that); its properties are another version's.
      { name: 'a task linking a version of a template lint does not have', moddleElement: fixture('valid-other-template-version.bpmn'), config },
      { name: 'the REST request inside a task linking a version of a template lint does not have', moddleElement: fixture('valid-other-version-rest-request.bpmn'), config }
    ],
    invalid: [
      unknownField('an unknown field, with the id of the diagnostics entry under the query field', 'invalid-unknown-field.bpmn', 0, QUERY_ENTRY),
      unknownField('an unknown field inside a FEEL-built query', 'invalid-feel.bpmn', 2, QUERY_ENTRY),
      unknownField('an unknown field in a query sent without its spaces, at its place in the text as written', 'invalid-spaces-removed.bpmn', 16, QUERY_ENTRY),
      // No panel entry: the REST connector's template is none of the plugin's.
      unknownField('an unknown field in the query parameters of a REST connector task calling the Table API (its template not loaded)', 'invalid-rest-connector.bpmn', 32),
      { ...unknownField('the same with other versions of the REST connector template loaded', 'invalid-rest-connector.bpmn', 32), config: withRest },
      unknownField('an unknown field in query parameters with comments before the sysparm_query entry', 'invalid-rest-commented-parameters.bpmn', 122),
      // Decoded as the connector sends it; the range is on the URL as written, escapes included.
      unknownField('an unknown field in a percent-encoded query in the URL of a REST connector task', 'invalid-rest-url-encoded.bpmn',
        inUrl(`${TABLE_URL}?sysparm_query=active%3Dtrue%5Ecaler_id%3Dabc&sysparm_limit=5`), undefined, 'URL (sysparm_query)'),
      unknownField('an unknown field in an unencoded query in the URL of a REST connector task', 'invalid-rest-url-unencoded.bpmn',
        inUrl(`${TABLE_URL}?sysparm_query=active=true^caler_id=abc&sysparm_limit=5`), undefined, 'URL (sysparm_query)'),
      unknownField('an unknown field in the query of a FEEL-built URL of a REST connector task', 'invalid-rest-url-feel.bpmn',
        inUrl('="https://" + snInstance + ".service-now.com/api/now/table/incident?sysparm_query=active=true^caler_id=" + callerSysId + "&sysparm_limit=5"'), undefined, 'URL (sysparm_query)'),
      // The table is a literal of its own, after a variable instance URL: its fields are known.
      unknownField('an unknown field in the query of a URL joined from a variable and literals', 'invalid-rest-url-joined.bpmn',
        inUrl('=snBaseUrl + "/api/now/table/" + "incident" + "?sysparm_query=active=true^caler_id=" + callerSysId'), undefined, 'URL (sysparm_query)'),
      {
        // An operation computed in FEEL may read records: the query's syntax is checked (its fields are not: servicenow/unchecked-fields says so).
        name: 'a syntax error in the query of a task whose operation is a FEEL value',
        moddleElement: fixture('invalid-feel-operation.bpmn'),
        config,
        report: {
          id: 'Task_1',
          message: 'Query parameters (sysparm_query): ORDERBY needs a field name right after it (ORDERBYnumber).',
          servicenow: { code: 'syntax.missing-order-field', start: 12, end: 19 }
        }
      }
    ]
  });
});
