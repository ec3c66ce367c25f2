import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createModdle } from 'bpmnlint/lib/testers/helper';
import RuleTester from 'bpmnlint/lib/testers/rule-tester';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { beforeEach, describe, it } from 'vitest';
import inputTextIntact from '../../../../lint/bpmnlint-plugin-servicenow/rules/input-text-intact';
import { buildTemplate } from '../../../../core/template/build-template';
import { incidentTable } from '../../../core/template/fixtures/tables';

// bpmnlint's RuleTester is written for mocha's globals.
Object.assign(globalThis, { describe, it, beforeEach });

const templates = [buildTemplate(incidentTable(), { idPrefix: 'community.servicenow', version: 1 })];
const fixture = (name: string) => createModdle(readFileSync(join(__dirname, 'input-text-intact', name), 'utf8'), { zeebe: zeebeSchema });
const config = { templates };
const SECRET = 'holds the text secrets.<name>, which the connector runtime replaces with a cluster secret, or fails the task without retries when there is none: reword it, or write {{secrets.NAME}}';

describe('lint/bpmnlint-plugin-servicenow - rules/input-text-intact', () => {
  RuleTester.verify('input-text-intact', inputTextIntact, {
    valid: [
      { name: 'plain text, a secret placeholder, FEEL reading a variable and a FEEL string with a backslash', moddleElement: fixture('valid-inputs.bpmn'), config },
      // The runtime's older secret form as a whole value is the secret, as Camunda Web Modeler saved it (the fixture names its source).
      { name: 'a whole value secrets.<name>: a secret reference in the older form', moddleElement: fixture('valid-legacy-secret-reference.bpmn'), config }
    ],
    invalid: [
      { name: 'a bare secrets.<name> in static text', moddleElement: fixture('invalid-bare-secret.bpmn'), config, report: { id: 'Task_1', message: `Input sn_f_short_description ${SECRET}` } },
      {
        name: 'a backslash in static text',
        moddleElement: fixture('invalid-backslash.bpmn'),
        config,
        report: { id: 'Task_1', message: 'Input sn_f_short_description holds a backslash, which Zeebe reads as an escape (\\n becomes a line break; a trailing \\ or \\" fails the deployment): write it as a FEEL string with every \\ doubled' }
      },
      {
        name: 'a bare secrets.<name> in a FEEL string literal',
        moddleElement: fixture('invalid-feel-secret.bpmn'),
        config,
        report: { id: 'Task_1', message: 'Input sn_f_description builds text holding secrets.<name>, which the connector runtime replaces with a cluster secret, or fails the task without retries when there is none: reword it, or write {{secrets.NAME}}' }
      },
      {
        name: 'a template field, with its label and entry id',
        moddleElement: fixture('invalid-template-field.bpmn'),
        config,
        report: { id: 'Task_1', message: `Short description ${SECRET}`, propertiesPanel: { entryIds: ['custom-entry-community.servicenow.incident-fields-0'] } }
      }
    ]
  });
});
