/**
 * Order templates for a synthetic Service Catalog of 500 items with 20
 * variables each (a mix of text, select boxes with 4 choices, references,
 * Yes/No, dates, checkboxes and e-mail; every fourth mandatory), as Table
 * API records through the real loader.
 *
 * - generate_catalog_ms: loading the catalog records and building and
 *   serializing every order template, median of 3 runs;
 * - generate_catalog_vs_serialize_ratio: that time over JSON.stringify of
 *   the same templates in the same run (the anchor);
 * - catalog_template_bytes: the mean size of one order template.
 */
import { buildOrderTemplate } from '../core/catalog/build-order-template';
import { loadSnapshot } from '../core/metadata/load';
import { serializeTemplate } from '../core/template/versioning';
import type { Benchmark } from './run';

const ITEMS = 500;
const VARIABLES_PER_ITEM = 20;
const RUNS = 3;
const TYPES = ['6', '5', '8', '1', '9', '2', '7', '10', '26', '3'];

let nextSysId = 0;
/** A distinct sys_id per record: a counter in 32 hexadecimal characters. */
function sysId(): string {
  return (nextSysId++).toString(16).padStart(32, '0');
}

function syntheticCatalog(): { path: string; text: string }[] {
  const items = [];
  const variables = [];
  const choices = [];
  for (let item = 0; item < ITEMS; item++) {
    const itemId = sysId();
    items.push({ sys_id: itemId, name: `Item ${item}`, short_description: `Synthetic item ${item}`, active: 'true' });
    for (let index = 0; index < VARIABLES_PER_ITEM; index++) {
      const type = TYPES[index % TYPES.length] as string;
      const variableId = sysId();
      variables.push({ sys_id: variableId, name: `v_${index}`, question_text: `Question ${index}`, type, mandatory: String(index % 4 === 0), order: String(index * 100), reference: type === '8' ? 'sys_user' : '', cat_item: itemId, active: 'true' });
      if (type === '5' || type === '3') for (let choice = 0; choice < 4; choice++) choices.push({ sys_id: sysId(), question: variableId, value: `c${choice}`, text: `Choice ${choice}`, order: String(choice) });
    }
  }
  const file = (name: string, rows: unknown[]) => ({ path: `${name}.json`, text: JSON.stringify({ result: rows }) });
  return [
    file('sys_db_object', [{ name: 'sc_request', label: 'Request' }]),
    file('sys_dictionary', [{ name: 'sc_request', element: 'number', internal_type: 'string' }]),
    file('sc_cat_item', items),
    file('item_option_new', variables),
    file('question_choice', choices)
  ];
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

const bench: Benchmark = {
  name: 'catalog',
  async run(log) {
    const files = syntheticCatalog();
    const times: number[] = [];
    const ratios: number[] = [];
    let bytes = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const items = loadSnapshot(files, { origin: 'synthetic', source: 'synthetic catalog' }).catalogItems ?? [];
      const templates = items.map((item) => buildOrderTemplate(item, { idPrefix: 'bench', version: 1 }));
      const texts = templates.map((template) => serializeTemplate(template));
      const generateMs = performance.now() - started;
      const anchorStarted = performance.now();
      for (const template of templates) JSON.stringify(template, null, 2);
      const anchorMs = performance.now() - anchorStarted;
      if (items.length !== ITEMS || items.some((item) => item.variables.length !== VARIABLES_PER_ITEM)) throw new Error('the synthetic catalog did not load as built');
      times.push(generateMs);
      ratios.push(generateMs / anchorMs);
      bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / texts.length;
    }
    log(`  ${ITEMS} items x ${VARIABLES_PER_ITEM} variables`);
    return {
      generate_catalog_ms: Math.round(median(times)),
      generate_catalog_vs_serialize_ratio: Number(median(ratios).toFixed(2)),
      catalog_template_bytes: Math.round(bytes)
    };
  }
};

export default bench;
