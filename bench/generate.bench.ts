/**
 * The template generator on a synthetic instance of 2,000 custom tables
 * (extending task, 40 columns each: string, choice, boolean, reference), and
 * the size of the incident template next to Camunda's official one.
 *
 * - generate_ms: building every template and serializing it (what
 *   `generate` does before validating and writing), median of 3 runs;
 * - generate_vs_serialize_ratio: that time over JSON.stringify of the same
 *   templates in the same run (target at most 5);
 * - validate_ms_per_template: the official schema plus semantic checks, over
 *   the first 100 templates;
 * - incident_template_bytes / bytes_per_field_input: the bundled incident
 *   template as written to templates/, and its bytes per writable-column
 *   input; marginal_bytes_per_field_input: what one more column adds;
 *   incident_metadata_index_bytes: what metadata.servicenow costs;
 * - official_incident_template_bytes / official_bytes_per_field_input: the
 *   newest ServiceNowIncident template in @camunda/connectors-element-templates,
 *   per field of its example incident payload (it has no typed field inputs).
 */
import { readFileSync } from 'node:fs';
import { loadSnapshot } from '../core/metadata/load';
import { buildAnyTableTemplate, buildTemplate } from '../core/template/build-template';
import { countFieldInputs } from '../core/template/field-index';
import { planRelease, serializeTemplate } from '../core/template/versioning';
import type { ElementTemplate } from '../core/template/types';
import { syntheticSnapshot } from '../scripts/emulator/synthetic';
import { readSnapshot } from '../scripts/metadata/read-snapshot';
import { validateTemplateText } from '../scripts/validate/validate-templates';
import type { Benchmark } from './run';

const TABLES = 2000;
const COLUMNS_PER_TABLE = 40;
const RUNS = 3;
const VALIDATE_SAMPLE = 100;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const bench: Benchmark = {
  name: 'generate',
  async run(log) {
    const records = syntheticSnapshot({ tables: TABLES, columnsPerTable: COLUMNS_PER_TABLE });
    const metadata = loadSnapshot(Object.entries(records).map(([name, rows]) => ({ path: `${name}.json`, text: JSON.stringify({ result: rows }) })), { source: 'synthetic', origin: 'synthetic' });
    const tables = [...metadata.tables.values()].filter((table) => !table.abstract && table.name.startsWith('u_'));
    log(`  ${tables.length} tables, ${tables.reduce((sum, table) => sum + table.fields.length, 0)} columns`);

    const generateTimes: number[] = [];
    const ratios: number[] = [];
    let templates: ElementTemplate[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const plan = planRelease(
        [...tables.map((table) => ({ file: `servicenow-${table.name}.json`, build: (version: number) => buildTemplate(table, { idPrefix: 'bench', version }) })), { file: 'servicenow-any-table.json', build: (version: number) => buildAnyTableTemplate({ idPrefix: 'bench', version }) }],
        new Map(),
        { retire: () => false }
      );
      const generateMs = performance.now() - started;
      templates = plan.results.map((result) => result.template);
      const serializeStarted = performance.now();
      for (const template of templates) serializeTemplate(template);
      const serializeMs = performance.now() - serializeStarted;
      generateTimes.push(generateMs);
      ratios.push(generateMs / serializeMs);
    }

    // The schema validator is slow (ajv with source maps): check a sample and report per template.
    const validateStarted = performance.now();
    const errors = templates.slice(0, VALIDATE_SAMPLE).flatMap((template) => validateTemplateText(template.id, serializeTemplate(template))).filter((problem) => problem.severity === 'error');
    const validateMs = performance.now() - validateStarted;
    if (errors.length > 0) throw new Error(`synthetic templates have ${errors.length} validation errors`);

    const incidentTable = (await readSnapshot()).tables.get('incident');
    if (!incidentTable) throw new Error('the bundled snapshot has no incident table');
    const incident = buildTemplate(incidentTable, { idPrefix: 'community.servicenow', version: 1 });
    const incidentBytes = Buffer.byteLength(serializeTemplate(incident));
    const fieldInputs = countFieldInputs(incident);
    const withoutFields = buildTemplate({ ...incidentTable, fields: incidentTable.fields.map((field) => ({ ...field, writable: false })) }, { idPrefix: 'community.servicenow', version: 1 });
    const withoutIndex = { ...incident, metadata: { servicenow: { table: 'incident' } } };

    const officialVersions = JSON.parse(readFileSync(require.resolve('@camunda/connectors-element-templates/src/element-templates/servicenow-incident-connector.json'), 'utf8')) as ElementTemplate[];
    const official = [...officialVersions].sort((a, b) => (b.version ?? 0) - (a.version ?? 0))[0] as ElementTemplate;
    const officialBytes = Buffer.byteLength(serializeTemplate(official));
    const payload = String(official.properties.find((property) => property.id === 'payload_incident')?.value ?? '');
    const officialFields = new Set([...payload.matchAll(/"(\w+)"\s*:/g)].map((match) => match[1])).size;

    return {
      generate_ms: Math.round(median(generateTimes)),
      generate_vs_serialize_ratio: Number(median(ratios).toFixed(2)),
      validate_ms_per_template: Number((validateMs / Math.min(VALIDATE_SAMPLE, templates.length)).toFixed(1)),
      incident_template_bytes: incidentBytes,
      incident_field_inputs: fieldInputs,
      bytes_per_field_input: Math.round(incidentBytes / fieldInputs),
      marginal_bytes_per_field_input: Math.round((incidentBytes - Buffer.byteLength(serializeTemplate(withoutFields))) / fieldInputs),
      incident_metadata_index_bytes: incidentBytes - Buffer.byteLength(serializeTemplate(withoutIndex)),
      official_incident_template_bytes: officialBytes,
      official_incident_payload_fields: officialFields,
      official_bytes_per_field_input: Math.round(officialBytes / officialFields)
    };
  }
};

export default bench;
