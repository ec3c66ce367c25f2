import { resolve } from 'node:path';
import { parseOptions } from '../cli/parse-options';
import type { Command } from '../cli/command';
import { refuseCredentialOptions } from '../servicenow-http/credentials';
import { instanceName } from '../servicenow-http/instance-url';
import { UserError } from '../../core/errors';
import { fetchMetadata } from './fetch';
import { ProgressLine } from './progress';
import { summariseOmissions } from './tidy';
import { refuseForeignDirectory, writeSnapshot } from './write-snapshot';
import { fetchCatalog } from './catalog';
import { METADATA_TABLES } from '../metadata/snapshot-files';
import { connect, connectionHelp, connectionOptions, type ConnectionDependencies } from '../servicenow-http/cli-options';

const help = `Usage: camunda-servicenow fetch-metadata --instance <url> --tables <t1,t2,...> [--catalog-items <items>] [options]

Reads sys_db_object (up the super classes), sys_dictionary, sys_dictionary_override
and sys_choice of the given tables through the Table API and writes a snapshot
that "generate --metadata <dir>" reads as it is (format: metadata/README.md).

Options:
  --tables <list>      comma-separated table names, e.g. incident,u_asset_request
  --catalog-items <s>  also the Service Catalog items to generate order templates for:
                       names ("Laptop Request,Standard Laptop") or an encoded query on
                       sc_cat_item ("category=<sys_id>"); with their variables, variable
                       sets and choices. Without --tables: sc_request,sc_req_item.
  --out <dir>          where to write (default metadata/<instance name>/); replaced as a whole
  --language <code>    sys_choice language (default en); a column without choices in
                       that language keeps its English ones, as the instance shows them
  --page-size <n>      records per request (default 1000)
${connectionHelp}
  --json               print a JSON summary on standard output

Credentials come from the environment, never from the command line:
  Basic:  SERVICENOW_USERNAME, SERVICENOW_PASSWORD
  OAuth:  SERVICENOW_CLIENT_ID, SERVICENOW_CLIENT_SECRET (client-credentials grant),
          plus SERVICENOW_USERNAME/SERVICENOW_PASSWORD for the password grant.
On a terminal, missing ones are asked for. The user needs read access to the four
metadata tables (usually admin, or personalize_dictionary and personalize_choices).
Nothing is written unless the whole fetch succeeds.`;

export const command: Command = createFetchMetadataCommand();

export function createFetchMetadataCommand(dependencies: ConnectionDependencies = {}): Command {
  return {
    name: 'fetch-metadata',
    summary: 'Fetch table metadata from a ServiceNow instance into a snapshot folder',
    help,
    async run(args, io) {
      refuseCredentialOptions(args);
      const { values } = parseOptions({
        args,
        options: {
          tables: { type: 'string' },
          'catalog-items': { type: 'string' },
          out: { type: 'string' },
          language: { type: 'string', default: 'en' },
          'page-size': { type: 'string', default: '1000' },
          json: { type: 'boolean', default: false },
          ...connectionOptions
        },
        strict: true,
        allowPositionals: false
      });
      const catalogItems = values['catalog-items'];
      // An order creates an sc_request and sc_req_items: their templates are the natural companions.
      const tables = (values.tables ?? (catalogItems !== undefined ? 'sc_request,sc_req_item' : '')).split(',').map((table) => table.trim()).filter(Boolean);
      if (tables.length === 0) throw new UserError('missing --tables: give the tables to fetch, e.g. --tables incident,u_asset_request');
      const pageSize = Number(values['page-size']);
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 10_000) throw new UserError('--page-size must be a whole number from 1 to 10000');
      if (!/^[a-z]{2}(_[a-z]{2})?$/i.test(values.language)) throw new UserError(`--language "${values.language}" is not a language code; give one such as en or de (sys_choice labels in that language)`);
      const progress = new ProgressLine(io.stderr, tables.length);
      const { baseUrl, client } = await connect(values, io, dependencies, ({ attempt, delayMs, error }) => progress.retry(attempt, delayMs, error.message));
      const out = resolve(io.cwd, values.out ?? `metadata/${instanceName(baseUrl)}`);
      await refuseForeignDirectory(out);
      let fetched;
      let catalog;
      try {
        fetched = await fetchMetadata(client, { tables, pageSize, language: values.language ?? 'en', onProgress: (event) => progress.page(event) });
        catalog = catalogItems === undefined ? undefined : await fetchCatalog(client, catalogItems, { pageSize });
      } finally {
        progress.done();
      }
      const time = reproducibleTime(io.env);
      const metadata = await writeSnapshot(out, fetched.records, {
        format: 1,
        origin: 'instance',
        source: baseUrl,
        instance: baseUrl,
        ...(fetched.build ? { build: fetched.build } : {}),
        time,
        // The loader keeps the choices of this language; en, the default, is left implicit.
        ...(values.language && values.language !== 'en' ? { language: values.language } : {}),
        tables: fetched.completeTables
      }, catalog);
      const records = Object.fromEntries(METADATA_TABLES.map((table) => [table, fetched.records[table].length]));
      const summary = { out, instance: baseUrl, build: fetched.build ?? null, time, tables: fetched.completeTables, records, ...(catalog ? { catalogItems: catalog.sc_cat_item.map((item) => item.name) } : {}), requests: client.requestCount, warnings: metadata.warnings.length, omitted: fetched.omitted };
      if (values.json) {
        io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      } else {
        io.stdout.write(`Wrote ${out}\n`);
        io.stdout.write(`  ${fetched.completeTables.length} tables from ${baseUrl}${fetched.build ? ` (${fetched.build})` : ''}: ${fetched.completeTables.join(', ')}\n`);
        io.stdout.write(`  ${METADATA_TABLES.map((table) => `${table} ${records[table]}`).join(', ')}; ${client.requestCount} requests\n`);
        if (catalog) io.stdout.write(`  ${catalog.sc_cat_item.length} catalog items (${catalog.item_option_new.length} variables): ${catalog.sc_cat_item.map((item) => item.name).join(', ')}\n`);
        for (const line of summariseOmissions(fetched.omitted)) io.stdout.write(`  ${line}\n`);
        if (metadata.warnings.length > 0) io.stderr.write(`warning: ${metadata.warnings.length} loader warnings: see camunda-servicenow metadata show --metadata ${out}\n`);
        io.stdout.write(`Next: camunda-servicenow generate --metadata ${out}\n`);
      }
      return 0;
    }
  };
}

/** SOURCE_DATE_EPOCH (reproducible builds) pins the manifest time; otherwise now. */
function reproducibleTime(env: NodeJS.ProcessEnv): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  return new Date().toISOString();
}
