import { parseOptions } from '../cli/parse-options';
import type { Command } from '../cli/command';
import { UserError } from '../../core/errors';
import { connect, connectionHelp, connectionOptions, type ConnectionDependencies } from '../servicenow-http/cli-options';
import { describeCredentials, refuseCredentialOptions } from '../servicenow-http/credentials';
import { isTableName } from '../fetch-metadata/queries';
import { runChecks } from './checks';

const help = `Usage: camunda-servicenow test-connection --instance <url> [options]

Checks, in order, and says which step failed and what to do:
  1. the instance is reachable and its TLS certificate accepted
  2. the credentials are accepted (Basic, or an OAuth token from /oauth_token.do)
  3. the Table API can read sys_db_object, sys_dictionary, sys_dictionary_override
     and sys_choice (what fetch-metadata needs), and the tables given with --tables

Options:
  --tables <list>      also check read access to these tables
${connectionHelp}
  --json               print the results as JSON

Credentials come from the environment (SERVICENOW_USERNAME/SERVICENOW_PASSWORD, or
SERVICENOW_CLIENT_ID/SERVICENOW_CLIENT_SECRET), or a prompt on a terminal.
Exit code 0 when every check passed, 1 otherwise.`;

export const command: Command = createTestConnectionCommand();

export function createTestConnectionCommand(dependencies: ConnectionDependencies = {}): Command {
  return {
    name: 'test-connection',
    summary: 'Check that an instance is reachable, the credentials work and the metadata tables are readable',
    help,
    async run(args, io) {
      refuseCredentialOptions(args);
      const { values } = parseOptions({
        args,
        options: { tables: { type: 'string' }, json: { type: 'boolean', default: false }, ...connectionOptions },
        strict: true,
        allowPositionals: false
      });
      const tables = (values.tables ?? '').split(',').map((table) => table.trim()).filter(Boolean);
      const badNames = tables.filter((table) => !isTableName(table));
      if (badNames.length > 0) throw new UserError(`not a table name: ${badNames.join(', ')}`);
      const { baseUrl, credentials, client } = await connect(values, io, dependencies);
      const results = await runChecks(client, { tables });
      const ok = results.every((result) => result.ok);
      if (values.json) {
        io.stdout.write(`${JSON.stringify({ instance: baseUrl, auth: describeCredentials(credentials), ok, checks: results }, null, 2)}\n`);
      } else {
        io.stdout.write(`${baseUrl} with ${describeCredentials(credentials)}\n`);
        for (const result of results) {
          io.stdout.write(`${result.ok ? 'ok  ' : 'FAIL'} ${result.step}: ${result.message}\n`);
          for (const line of result.details) io.stdout.write(`       ${line}\n`);
        }
        io.stdout.write(ok ? 'All checks passed: fetch-metadata can read this instance.\n' : `Stopped: ${results.find((result) => !result.ok)?.step} failed.\n`);
      }
      return ok ? 0 : 1;
    }
  };
}
