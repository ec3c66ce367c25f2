import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseOptions } from '../cli/parse-options';
import { buildArtifacts } from '../../core/artifacts/artifacts';
import { UserError } from '../../core/errors';
import type { Command } from '../cli/command';
import { writeFileAtomic } from '../io/atomic-write';
import { bundledSnapshotDir, readSnapshot } from '../metadata/read-snapshot';
import { parseRules } from './parse-rules';

const DEFAULT_OUT = 'camunda-servicenow-update-set.xml';
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
/** What every file this command writes contains: it replaces only its own files. */
const OWN_MARKER = '<sys_created_by>camunda-servicenow</sys_created_by>';

export const command: Command = {
  name: 'servicenow-artifacts',
  summary: 'Write the update set a ServiceNow admin imports to push records to Camunda and call its API',
  help: `Usage: camunda-servicenow servicenow-artifacts --rule <table>:<insert,update>[:<encoded query>] [--rule …] [--webhook-id <table>=<id>] [--out <file>] [--name <update set name>] [--metadata <dir>] [--timestamp "YYYY-MM-DD HH:mm:ss"] [--json]

Writes one update set XML (in ServiceNow's export format) with:
  - the Script Include CamundaClient: signs records with HMAC-SHA256 and POSTs
    them to Camunda webhooks; calls the Orchestration Cluster REST API v2
    (start process instance, publish/correlate message, broadcast signal,
    cancel process instance) with OAuth client credentials;
  - the camunda.* system properties it reads, empty: fill them in after the
    commit (no secret is ever written to the file);
  - one async Business Rule per table and operation, filtered by the
    encoded query (checked against the metadata first).

Options:
  --rule <spec>          table, operations and optional filter, e.g.
                         "sc_req_item:update:approval=approved" (repeatable)
  --webhook-id <t>=<id>  webhook ID for a table (default servicenow-<table>, as the
                         event templates' default); repeat it for each process that
                         listens: the runtime gives one process per webhook ID
  --out <file>           output file (default: ${DEFAULT_OUT})
  --name <name>          update set name (default: Camunda integration)
  --metadata <dir>       snapshot to check tables and conditions (default: the bundled metadata/)
  --timestamp <t>        the export's timestamps, UTC (default: now)
  --json                 print the result as JSON`,
  async run(args, io) {
    const { values } = parseOptions({
      args,
      options: {
        rule: { type: 'string', multiple: true, default: [] },
        'webhook-id': { type: 'string', multiple: true, default: [] },
        out: { type: 'string', default: DEFAULT_OUT },
        name: { type: 'string', default: 'Camunda integration' },
        metadata: { type: 'string' },
        timestamp: { type: 'string' },
        json: { type: 'boolean' }
      }
    });
    const timestamp = values.timestamp ?? new Date().toISOString().slice(0, 19).replace('T', ' ');
    if (!TIMESTAMP.test(timestamp)) throw new UserError(`--timestamp "${timestamp}" is not "YYYY-MM-DD HH:mm:ss"`);
    if (!values.name.trim()) throw new UserError('--name must not be empty');
    const metadata = await readSnapshot(values.metadata === undefined ? bundledSnapshotDir : resolve(io.cwd, values.metadata));
    const { rules, warnings } = parseRules(values.rule, values['webhook-id'], metadata);
    const out = resolve(io.cwd, values.out);
    await refuseForeignFile(out);
    const { xml, records } = buildArtifacts({ name: values.name.trim(), timestamp, rules });
    await writeFileAtomic(out, xml);

    const summary = records.map((record) => ({ type: record.type, name: record.targetName, ...(record.onTable ? { table: record.onTable } : {}) }));
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ out, records: summary, warnings }, null, 2)}\n`);
      return 0;
    }
    for (const record of summary) io.stdout.write(`${record.type.padEnd(16)} ${record.name}\n`);
    for (const warning of warnings) io.stderr.write(`warning: ${warning}\n`);
    io.stdout.write(`wrote ${values.out}: import it in ServiceNow (System Update Sets > Retrieved Update Sets > Import Update Set from XML), preview, commit, then fill in the camunda.* system properties\n`);
    return 0;
  }
};

/** The output may replace an update set this command wrote, never another file. */
async function refuseForeignFile(path: string): Promise<void> {
  const existing = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    if (error.code === 'EISDIR') throw new UserError(`--out ${path} is a directory; give a file name such as ${DEFAULT_OUT}`);
    throw error;
  });
  if (existing !== undefined && !existing.includes(OWN_MARKER)) {
    throw new UserError(`refusing to overwrite ${path}: it is not an update set written by servicenow-artifacts; choose another --out or remove it`);
  }
}
