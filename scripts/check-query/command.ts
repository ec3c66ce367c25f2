/**
 * `check-query`: checks an encoded query (syntax; with --table, fields,
 * operators and values against table metadata), prints findings with a
 * caret under each range and the query in plain words. Exit 1 on an error.
 */
import { readTextFile, utf8Text } from '../io/text-file';
import { resolve } from 'node:path';
import { parseOptions } from '../cli/parse-options';
import type { CliIo, Command } from '../cli/command';
import { UserError } from '../../core/errors';
import type { Metadata } from '../../core/metadata/model';
import { checkQuery, type CheckOptions } from '../../core/query/index';
import { checkFeelExpression } from './check-feel';
import { bundledSnapshotDir, readSnapshot } from '../metadata/read-snapshot';
import { runBatch } from './batch';
import { formatResult, resultJson } from './format';
import { unknownTable } from './unknown-table';

const help = `Usage:
  camunda-servicenow check-query [--table <table>] [--metadata <dir>] [--feel] [--json] "<query>"
  camunda-servicenow check-query [options] --file <query file>     (- reads standard input)
  camunda-servicenow check-query [options] -                       (the query on standard input)
  camunda-servicenow check-query --jsonl [--feel] [--metadata <dir>] < requests.jsonl

Checks a ServiceNow encoded query (sysparm_query). Without --table only the
syntax and the operators' value formats are checked; with --table also the
fields (dot-walks included), the operators for each field type and the values
(choices, references, booleans, numbers, dates) against table metadata.

  --table     the table the query runs against, e.g. incident
  --metadata  a snapshot directory (default: the bundled snapshot)
  --feel      the query is a FEEL expression (="active=true^caller_id=" + id):
              its string literals are checked, other parts are runtime values
  --file      read the query from a file (- for standard input); one final
              line break is dropped. For queries too long for the shell.
  --json      print {"ok", "diagnostics", "explanation"} instead of text
  --jsonl     batch mode: read one {"table": "incident" | null, "query": "...",
              "feel": true | false} per line from standard input, write one
              result line per input line, in order ({"ok", "diagnostics",
              "explanation"}, plus "error" when the line cannot be checked: not
              JSON, blank, or a table the metadata lacks). table null checks
              the syntax only; "feel" (default: --feel) checks the query as a
              FEEL expression

Quote the query (it may contain spaces: stateNOT IN6,7); put -- before a query
that starts with "-". Exit code: 0 no error, 1 an error in the query (or in a
--jsonl line), 2 internal error.`;

export const command: Command = {
  name: 'check-query',
  summary: 'Check an encoded query against table metadata and explain it',
  help,
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: {
        table: { type: 'string' },
        metadata: { type: 'string' },
        feel: { type: 'boolean' },
        json: { type: 'boolean' },
        jsonl: { type: 'boolean' },
        file: { type: 'string' }
      }
    });
    const loadMetadata = (): Promise<Metadata> => readSnapshot(values.metadata === undefined ? bundledSnapshotDir : resolve(io.cwd, values.metadata));
    if (values.jsonl) {
      if (positionals.length > 0 || values.table !== undefined || values.file !== undefined) {
        throw new UserError('--jsonl reads the queries and tables from standard input; drop the query argument, --file and --table');
      }
      const outcome = await runBatch(io.stdin, io.stdout, loadMetadata, { feel: values.feel === true });
      return outcome.failed > 0 ? 1 : 0;
    }
    const query = await readQuery(positionals, values.file, io);
    const options: CheckOptions = {};
    if (values.table !== undefined) {
      options.table = values.table;
      options.metadata = await loadMetadata();
      const unknown = unknownTable(values.table, options.metadata);
      if (unknown) throw new UserError(unknown, [`tables there: ${[...options.metadata.tables.keys()].sort().join(', ')}`, 'fetch your instance\'s metadata with camunda-servicenow fetch-metadata and pass it with --metadata']);
    } else if (values.metadata !== undefined) {
      throw new UserError('--metadata needs --table: the table the query runs against');
    }
    const result = values.feel ? checkFeelExpression(query, options) : checkQuery(query, options);
    const scope = options.table ? `${options.table} (${options.metadata!.source})` : 'syntax only (give --table to check fields and values)';
    const context = `check-query${values.feel ? ' FEEL' : ''}: ${scope}`;
    io.stdout.write(values.json ? `${JSON.stringify(resultJson(result))}\n` : formatResult(query, result, context));
    return result.ok ? 0 : 1;
  }
};

/** The query from the argument, from --file, or from standard input (`-`). */
async function readQuery(positionals: string[], file: string | undefined, io: CliIo): Promise<string> {
  if (file !== undefined) {
    if (positionals.length > 0) throw new UserError('give the query either as an argument or with --file, not both');
    return withoutFinalLineBreak(file === '-' ? await readAll(io.stdin) : await readTextFile(resolve(io.cwd, file)));
  }
  if (positionals.length === 1 && positionals[0] === '-') return withoutFinalLineBreak(await readAll(io.stdin));
  return onlyQuery(positionals);
}

async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return utf8Text(Buffer.concat(chunks).toString('utf8'), 'standard input');
}

function withoutFinalLineBreak(text: string): string {
  return text.replace(/\r?\n$/, '');
}

function onlyQuery(positionals: string[]): string {
  if (positionals.length === 1) return positionals[0]!;
  if (positionals.length === 0) throw new UserError('give the query to check, e.g. camunda-servicenow check-query --table incident "active=true^priority=1"');
  throw new UserError(`check-query takes one query, got ${positionals.length} arguments; quote it: "${positionals.join(' ')}"`);
}
