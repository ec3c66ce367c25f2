import { UserError } from '../../core/errors';
import { parseQuery } from '../../core/query/index';
import type { ServiceNowClient } from '../servicenow-http/client';
import type { FetchProgress } from './fetch';
import { normalise, refuseHiddenFields, sortRecords } from './fetch';
import { nameInBatches } from './queries';
import type { CatalogRecords, CatalogTableName, RawRecord } from '../metadata/snapshot-files';

/** The columns read per catalog table (metadata/README.md, "Catalog files"). */
export const CATALOG_FIELDS: Record<CatalogTableName, readonly string[]> = {
  sc_cat_item: ['sys_id', 'name', 'short_description', 'category', 'active', 'sys_class_name'],
  item_option_new: ['sys_id', 'name', 'question_text', 'type', 'mandatory', 'order', 'reference', 'list_table', 'default_value', 'cat_item', 'variable_set', 'active'],
  question_choice: ['sys_id', 'question', 'value', 'text', 'order', 'inactive'],
  io_set_item: ['sys_id', 'sc_cat_item', 'variable_set', 'order'],
  item_option_new_set: ['sys_id', 'internal_name', 'title', 'type']
};

/** The columns every catalog record must carry: without them a variable or choice would silently change (see REQUIRED_FIELDS). */
const CATALOG_REQUIRED: Record<CatalogTableName, readonly string[]> = {
  sc_cat_item: ['name', 'active', 'sys_class_name'],
  item_option_new: ['name', 'type', 'mandatory', 'active'],
  question_choice: ['question', 'value'],
  io_set_item: ['sc_cat_item', 'variable_set'],
  item_option_new_set: ['internal_name', 'type']
};

export interface CatalogFetchOptions {
  pageSize?: number;
  onProgress?: (event: Omit<FetchProgress, 'table'> & { table: string }) => void;
}

/**
 * What `--catalog-items` selects: an encoded query when it has one's
 * syntax (`=`, `^`, an operator), else comma-separated item names.
 */
export function catalogItemQuery(spec: string): { query: string; names?: string[] } {
  const text = spec.trim();
  if (!text) throw new UserError('--catalog-items is empty: give item names (Laptop Request,Standard Laptop) or an encoded query (category=<sys_id>)');
  if (/[=^]|ISNOTEMPTY|ISEMPTY|STARTSWITH|ENDSWITH|LIKE|\bIN\b/.test(text)) {
    const parsed = parseQuery(text);
    const errors = parsed.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    if (errors.length > 0) throw new UserError(`--catalog-items: not a valid encoded query: ${errors.map((error) => error.message).join('; ')}`);
    return { query: text };
  }
  const names = [...new Set(text.split(',').map((name) => name.trim()).filter(Boolean))];
  return { query: `nameIN${names.join(',')}`, names };
}

/**
 * Reads the active catalog items `spec` selects, their variable sets (links
 * and set records), their variables (own and from the sets) and the variables' choices, paging like
 * the metadata tables.
 */
export async function fetchCatalog(client: ServiceNowClient, spec: string, options: CatalogFetchOptions = {}): Promise<CatalogRecords> {
  const { query, names } = catalogItemQuery(spec);
  const list = async (table: CatalogTableName, condition: string) => {
    const rows = await client.listAll(table, {
      query: condition,
      fields: [...CATALOG_FIELDS[table]],
      ...(options.pageSize ? { pageSize: options.pageSize } : {}),
      onPage: (event) => options.onProgress?.({ table, page: event.page, records: event.records, ...(event.total !== undefined ? { total: event.total } : {}) })
    });
    refuseHiddenFields(table, rows, CATALOG_REQUIRED[table]);
    return rows.map((row) => normalise(row, CATALOG_FIELDS[table]));
  };
  const inBatches = async (table: CatalogTableName, ids: readonly string[], condition: (batch: string) => string) => {
    const rows: RawRecord[] = [];
    for (const batch of nameInBatches(ids)) rows.push(...(await list(table, condition(batch.join(',')))));
    return rows;
  };

  const items = await list('sc_cat_item', `active=true^${query}^ORDERBYname`);
  const missing = names?.filter((name) => !items.some((item) => item.name === name)) ?? [];
  if (items.length === 0 || missing.length > 0) {
    throw new UserError(items.length === 0 ? `no active catalog item matches --catalog-items "${spec}"` : `no active catalog item named ${missing.map((name) => `"${name}"`).join(', ')}`, [
      'Names are matched exactly (sc_cat_item.name); a name with a comma needs an encoded query such as name=Laptop, 14 inch.',
      'Items the user may not read are hidden the same way (reading sc_cat_item usually needs catalog_admin or admin).'
    ]);
  }
  const itemIds = items.map((item) => item.sys_id ?? '').filter(Boolean);
  const setItems = await inBatches('io_set_item', itemIds, (batch) => `sc_cat_itemIN${batch}^ORDERBYorder`);
  const setIds = [...new Set(setItems.map((row) => row.variable_set ?? '').filter(Boolean))];
  // A multi-row set's variables are the columns of its rows, sent under its internal name: the loader needs each set's type.
  const sets = await inBatches('item_option_new_set', setIds, (batch) => `sys_idIN${batch}`);
  const variables = [
    ...(await inBatches('item_option_new', itemIds, (batch) => `cat_itemIN${batch}^active=true^ORDERBYorder`)),
    ...(await inBatches('item_option_new', setIds, (batch) => `variable_setIN${batch}^active=true^ORDERBYorder`))
  ];
  const choices = await inBatches('question_choice', variables.map((row) => row.sys_id ?? '').filter(Boolean), (batch) => `questionIN${batch}^ORDERBYorder`);
  return {
    sc_cat_item: sortRecords(items, ['name']),
    item_option_new: sortRecords(variables, ['cat_item', 'variable_set', 'order']),
    question_choice: sortRecords(choices, ['question', 'order', 'value']),
    io_set_item: sortRecords(setItems, ['sc_cat_item', 'order']),
    item_option_new_set: sortRecords(sets, ['sys_id'])
  };
}
