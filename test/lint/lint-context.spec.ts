import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import Linter from 'bpmnlint/lib/linter';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Metadata } from '../../core/metadata/model';
import type { ElementTemplate } from '../../core/template/types';
import lintRules from '../../client/lint';
import { attachLintContext } from '../../lint/lint-context';
import { readSnapshot } from '../../scripts/metadata/read-snapshot';

const official = JSON.parse(readFileSync(require.resolve('@camunda/connectors-element-templates/src/element-templates/servicenow-incident-connector.json'), 'utf8')) as ElementTemplate[];
const xml = readFileSync(join(__dirname, 'bpmnlint-plugin-servicenow/rules/valid-query/invalid-unknown-field.bpmn'), 'utf8');

let metadata: Metadata;
beforeAll(async () => {
  metadata = await readSnapshot();
});

async function parse(): Promise<object> {
  return (await new BpmnModdle({ zeebe: zeebeSchema }).fromXML(xml, 'bpmn:Definitions')).rootElement as object;
}

/** Lints as Desktop does: the plugin's `{config, resolver}` exactly as registered, the same for every diagram. */
async function lint(definitions: object): Promise<string[]> {
  const reports = await new Linter({ resolver: lintRules.resolver, config: lintRules.config }).lint(definitions) as Record<string, { id: string; message: string }[]>;
  return Object.entries(reports).flatMap(([rule, each]) => each.map((report) => `${rule} ${report.id}: ${report.message}`));
}

describe('lint/lint-context', () => {
  it('checks each diagram with the templates attached to it, whichever was attached last', async () => {
    // given: the same diagram opened twice, once where the task's template is loaded and once where it is not
    const withTemplate = await parse();
    const withoutTemplate = await parse();
    attachLintContext(withTemplate, { templates: official, metadata });
    attachLintContext(withoutTemplate, { templates: [], metadata });

    // when
    const first = await lint(withTemplate);
    const second = await lint(withoutTemplate);

    // then
    expect(first).toEqual([expect.stringMatching(/^servicenow\/valid-query Task_1: .*caler_id is not a field of incident/)]);
    expect(second).toEqual([]);
  });

  it('checks nothing in a diagram without a context (parsed from XML by another linter)', async () => {
    expect(await lint(await parse())).toEqual([]);
  });
});
