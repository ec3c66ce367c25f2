import { UserError } from '../../core/errors';
import type { RecordRule } from '../../core/artifacts/artifacts';
import { defaultWebhookId } from '../../core/inbound/webhook-template';
import type { RecordOperation } from '../../core/inbound/webhook-payload';
import type { Metadata } from '../../core/metadata/model';
import { checkQuery } from '../../core/query/index';
import { closeMatches } from '../../core/text/close-matches';

const OPERATIONS: Record<string, RecordOperation> = { insert: 'insert', update: 'update', created: 'insert', updated: 'update' };
const WEBHOOK_ID = /^[a-zA-Z0-9]+([-_][a-zA-Z0-9]+)*$/;

export interface ParsedRules {
  rules: RecordRule[];
  /** Query warnings (not errors) per rule, to print. */
  warnings: string[];
}

/**
 * `--rule <table>:<insert,update>[:<encoded query>]` (the query may itself
 * contain colons) and `--webhook-id <table>=<id>` (repeatable per table: one
 * webhook per process listening), checked against the
 * metadata: unknown tables and operations, and queries with errors, are
 * refused with the rule they came from.
 */
export function parseRules(ruleArgs: string[], webhookArgs: string[], metadata: Metadata): ParsedRules {
  if (ruleArgs.length === 0) throw new UserError('give at least one --rule, e.g. --rule "incident:insert,update:active=true"');
  const webhookIds = parseWebhookIds(webhookArgs);
  const problems: string[] = [];
  const warnings: string[] = [];
  const rules: RecordRule[] = [];
  const seen = new Set<string>();
  for (const arg of ruleArgs) {
    const [table = '', operationList = '', ...rest] = arg.split(':');
    const condition = rest.join(':').trim();
    const where = `--rule "${arg}"`;
    const known = metadata.tables.get(table);
    if (!known) {
      const suggestions = closeMatches(table, metadata.tables.keys(), { ignoreCase: true, containing: true });
      problems.push(`${where}: no table "${table}" in ${metadata.source}${suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : ''} (fetch your instance's metadata with fetch-metadata and pass --metadata)`);
      continue;
    }
    if (seen.has(table)) {
      problems.push(`${where}: ${table} has another --rule already; give each table once, with all its operations`);
      continue;
    }
    seen.add(table);
    const operations = [...new Set(operationList.split(',').map((each) => each.trim()).filter(Boolean))];
    const unknown = operations.filter((each) => !(each in OPERATIONS));
    if (operations.length === 0 || unknown.length > 0) {
      problems.push(`${where}: operations must be insert and/or update (comma-separated)${unknown.length ? `, not ${unknown.join(', ')}` : ''}`);
      continue;
    }
    if (condition) {
      const result = checkQuery(condition, { table, metadata });
      for (const diagnostic of result.diagnostics) {
        // VALCHANGES, CHANGESFROM and CHANGESTO are what a Business Rule's filter is for: they hold on the record being saved.
        if (diagnostic.code === 'operator.condition-only') continue;
        const line = `${where}: condition at ${diagnostic.start + 1}: ${diagnostic.message}`;
        if (diagnostic.severity === 'error') problems.push(line);
        else warnings.push(line);
      }
    }
    rules.push({ table, operations: [...new Set(operations.map((each) => OPERATIONS[each] as RecordOperation))], condition, webhookIds: webhookIds.get(table) ?? [defaultWebhookId(table)] });
  }
  for (const table of webhookIds.keys()) if (!seen.has(table)) problems.push(`--webhook-id ${table}=…: no --rule for ${table}`);
  if (problems.length > 0) throw new UserError(`${problems.length} problem(s) in the rules; nothing was written`, problems);
  return { rules, warnings };
}

function parseWebhookIds(args: string[]): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  for (const arg of args) {
    const [table, id] = arg.split('=');
    if (!table || !id || !WEBHOOK_ID.test(id)) throw new UserError(`--webhook-id "${arg}": give <table>=<id>, the id of letters, digits and single - or _ (as the webhook template's Webhook ID)`);
    const known = ids.get(table) ?? [];
    if (!known.includes(id)) ids.set(table, [...known, id]);
  }
  return ids;
}
