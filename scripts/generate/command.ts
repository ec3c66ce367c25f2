import { realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { parseOptions } from '../cli/parse-options';
import { UserError } from '../../core/errors';
import type { CliIo, Command } from '../cli/command';
import { checkOutputFolder, OwnedFilesWriter } from '../io/owned-files';
import { bundledSnapshotDir, readSnapshot } from '../metadata/read-snapshot';
import { formatProblem, type FileProblem } from '../validate/validate-templates';
import { countFieldInputs } from '../../core/template/field-index';
import type { Metadata } from '../../core/metadata/model';
import { CURATED_TABLES } from './curated-tables';
import { generateTemplateSteps } from './generate-templates';
import type { ReleaseStatus, ReleaseStep, ReleaseSummary } from '../../core/template/versioning';
import { openValidation, type Validation } from '../validate/validation-pool';
import { outputFilesOnDisk, TEMPLATE_OWNERSHIP } from './read-output-dir';

export const DEFAULT_ID_PREFIX = 'community.servicenow';
/** Templates built ahead of the one being staged, so that every validation thread has work. */
const CHECKS_AHEAD = 16;
const MAX_JOBS = 64;
const ID_PREFIX = /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9][A-Za-z0-9_-]*)*$/;

export const command: Command = {
  name: 'generate',
  summary: 'Generate Camunda 8 element templates (REST connector) from ServiceNow table metadata',
  help: `Usage: camunda-servicenow generate [--metadata <dir>] [--tables a,b | --all] [--out templates/] [--id-prefix <prefix>] [--jobs <n>] [--json]

Writes one element template per table (templates/servicenow-<table>.json) and
the generic "ServiceNow: Any table" template (servicenow-any-table.json), for
the curated tables (scripts/generate/curated-tables.ts) unless told otherwise.
A template whose content changed gets the next version; the previous file is
kept in <out>/versioned/. Only these files (servicenow-*.json and
versioned/servicenow-*-<version>.json) are created, replaced or removed,
and only a template generate wrote (with metadata.servicenow) is removed or
replaced (a file of another's with such a name is refused);
anything else in <out> is left exactly as it is. Every template is validated
first; any error writes nothing. <out> may not be empty, a file, a project
root (a folder holding .git or package.json), or the metadata snapshot folder
or a folder inside it.

Options:
  --metadata <dir>     snapshot directory, or a file in it (default: the bundled metadata/)
  --tables <a,b>       only these tables (other templates in <out> are kept)
  --all                every non-abstract table of the snapshot
                       (default: the curated tables; both replace <out>)
  --out <dir>          output directory (default: templates)
  --id-prefix <prefix> template id namespace (default: ${DEFAULT_ID_PREFIX}),
                       ids are <prefix>.<table> and <prefix>.AnyTable
  --jobs <n>           threads that validate the templates (default: one per
                       core, at most 8 and as memory allows, for --all or 200
                       tables or more, else 1)
  --json               print the result as JSON`,
  async run(args, io) {
    const { values } = parseOptions({
      args,
      options: {
        metadata: { type: 'string' },
        tables: { type: 'string' },
        all: { type: 'boolean' },
        out: { type: 'string', default: 'templates' },
        'id-prefix': { type: 'string', default: DEFAULT_ID_PREFIX },
        jobs: { type: 'string' },
        json: { type: 'boolean' }
      }
    });
    if (values.tables !== undefined && values.all) throw new UserError('give either --tables or --all, not both');
    const idPrefix = values['id-prefix'];
    if (!ID_PREFIX.test(idPrefix)) throw new UserError(`--id-prefix "${idPrefix}" is not a dotted name such as com.example.servicenow`);
    if (idPrefix === 'io.camunda' || idPrefix.startsWith('io.camunda.')) throw new UserError(`--id-prefix "${idPrefix}": the io.camunda namespace belongs to Camunda's own templates; use your organisation's`);
    const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
    if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= MAX_JOBS)) throw new UserError(`--jobs "${values.jobs}" is not a whole number from 1 to ${MAX_JOBS}`);
    const named = values.tables === undefined ? undefined : values.tables.split(',').map((name) => name.trim()).filter(Boolean);
    if (named?.length === 0) throw new UserError('--tables needs at least one table name');

    // The validation threads of a large run load while the snapshot is read, on the core that reading leaves idle.
    const validation = openValidation(values.all ? Number.POSITIVE_INFINITY : (named?.length ?? CURATED_TABLES.length), jobs);
    try {
      return await generate({ metadata: values.metadata, out: values.out, all: values.all ?? false, named, idPrefix, json: values.json ?? false }, validation, io);
    } finally {
      await validation.close();
    }
  }
};

/** What one generate run was asked for, its arguments checked. */
interface GenerateOptions {
  metadata: string | undefined;
  out: string;
  all: boolean;
  /** --tables, or undefined for the curated list or --all. */
  named: string[] | undefined;
  idPrefix: string;
  json: boolean;
}

async function generate(options: GenerateOptions, validation: Validation, io: CliIo): Promise<number> {
  const { named, idPrefix } = options;
  const snapshot = options.metadata === undefined ? bundledSnapshotDir : await snapshotDirectory(resolve(io.cwd, options.metadata));
  const metadata = await readSnapshot(snapshot);
  const out = await checkOutputFolder('--out', options.out, io.cwd);
  await refuseSnapshotFolder(out, snapshot, options.out);
  // Read file by file as the run reaches them: a rerun over thousands of templates does not hold them all.
  const existing = await outputFilesOnDisk(out);
  const tables = options.all ? undefined : (named ?? curatedTables(metadata));
  // Each template is checked and staged as it is made; a validation error stops the staging (nothing
  // becomes visible), the checks go on so that one run reports every error. The checks of the
  // next few templates run on other threads while this one is staged, in the order they were made.
  const summary: ReleaseSummary = { paths: new Set(), retired: [], warnings: [] };
  const writer = await OwnedFilesWriter.open(out, TEMPLATE_OWNERSHIP, existing.bytes);
  const templates: { file: string; id: string; version: number; status: ReleaseStatus; fieldInputs: number }[] = [];
  const errors: FileProblem[] = [];
  const problems: FileProblem[] = [];
  const checking: { step: ReleaseStep; problems: Promise<FileProblem[]> }[] = [];
  const settle = async ({ step, problems: found }: (typeof checking)[number]) => {
    for (const problem of await found) (problem.severity === 'error' ? errors : problems).push(problem);
    if (step.release) {
      const { file, id, version, status, template } = step.release;
      templates.push({ file, id, version, status, fieldInputs: countFieldInputs(template) });
    }
    if (errors.length === 0) await writer.stage(step.path, step.text);
  };
  try {
    for (const step of generateTemplateSteps(metadata, { tables, idPrefix, replaceAll: named === undefined }, existing.texts, summary, out)) {
      const found = step.release ? validation.validate(step.path, step.text) : Promise.resolve([]);
      // Awaited in turn below; a failure must not count as unhandled while an earlier one is awaited.
      found.catch(() => undefined);
      checking.push({ step, problems: found });
      if (checking.length >= CHECKS_AHEAD) await settle(checking.shift()!);
    }
    while (checking.length > 0) await settle(checking.shift()!);
    if (errors.length > 0) throw new UserError(`${errors.length} validation error(s) in the generated templates; nothing was written`, errors.map(formatProblem));
    await writer.commit(summary.paths);
  } catch (error) {
    await writer.abort();
    throw error;
  }

  const warnings = [...summary.warnings, ...problems.map(formatProblem)];
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ out, source: metadata.source, templates, retired: summary.retired, warnings }, null, 2)}\n`);
    return 0;
  }
  for (const template of templates) io.stdout.write(`${template.status.padEnd(9)} ${template.file} (${template.id} v${template.version}, ${template.fieldInputs} field inputs)\n`);
  for (const file of summary.retired) io.stdout.write(`retired   ${file} (kept in versioned/)\n`);
  for (const warning of warnings) io.stderr.write(`warning: ${warning}\n`);
  io.stdout.write(`${templates.length} template(s) in ${options.out}\n`);
  return 0;
}

/**
 * The curated tables the snapshot knows: a snapshot fetched from an instance
 * for a few tables makes templates for those of them, not an error.
 */
function curatedTables(metadata: Metadata): string[] {
  const known = CURATED_TABLES.filter((name) => metadata.tables.has(name) && !metadata.tables.get(name)?.abstract);
  if (known.length === 0) throw new UserError(`${metadata.source} has none of the curated tables (scripts/generate/curated-tables.ts); name them with --tables a,b or use --all`);
  return known;
}

/**
 * Templates written into the snapshot folder (or below it) mix two things
 * that are replaced differently: the next fetch-metadata into that folder
 * refuses it for holding other files, and the bundled metadata/ is package
 * content. Compared through links, as the folders really are.
 */
async function refuseSnapshotFolder(out: string, snapshot: string, given: string): Promise<void> {
  const real = async (path: string) => realpath(path).catch(() => resolve(path));
  const [outDir, snapshotDir] = await Promise.all([real(out), real(snapshot)]);
  const rel = relative(snapshotDir, outDir);
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
    throw new UserError(`--out ${given} is ${rel === '' ? '' : 'inside '}the metadata snapshot folder ${snapshot}; templates go in a folder of their own`, [
      'Choose another --out, e.g. --out templates.'
    ]);
  }
}

/** A snapshot is a directory; naming one of its files (e.g. manifest.json) means that directory. */
async function snapshotDirectory(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  return info?.isFile() ? dirname(path) : path;
}
