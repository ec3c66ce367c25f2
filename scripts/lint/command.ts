import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../../core/errors';
import { provideMetadata } from '../../client/shared/bundled-metadata';
import type { Command } from '../cli/command';
import { readSnapshot } from '../metadata/read-snapshot';
import { lintDiagram, type LintProblem } from './lint-diagram';
import { loadTemplates } from './load-templates';

export const command: Command = {
  name: 'lint',
  summary: 'Check the encoded queries of ServiceNow tasks in saved BPMN diagrams (for CI)',
  help: `Usage: camunda-servicenow lint <diagram.bpmn>... [--templates <file or dir>]... [--metadata <snapshot dir>] [--json]

Runs the plugin's lint rules (servicenow/valid-query, servicenow/query-warnings)
over saved Camunda 8 diagrams, as Desktop Modeler's Problems panel does: the
sysparm_query of every task using a ServiceNow element template (ours or
Camunda's official ones) is checked against the table's fields, operators and
choice values. Templates are found in this package's templates/, in every
.camunda/element-templates folder above a diagram, and in --templates.
Field metadata comes from the template, else the bundled snapshot (or
--metadata, a snapshot directory such as a fetch-metadata dump).

Options:
  --templates <path>   element template file or directory (repeatable)
  --metadata <dir>     snapshot directory to use instead of the bundled one
  --json               print {files, errors, warnings, problems:[{file, id, name, category, rule, message, code, start, end, suggestion}]}

Exit code: 0 no errors (warnings allowed), 1 errors found or bad arguments.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, templates: { type: 'string', multiple: true }, metadata: { type: 'string' } }
    });
    if (positionals.length === 0) throw new UserError('name at least one .bpmn diagram');
    provideMetadata(await readSnapshot(values.metadata ? resolve(io.cwd, values.metadata) : undefined).catch((error: unknown) => {
      if (values.metadata) throw error;
      return undefined; // no bundled snapshot: templates' own field indexes only
    }));
    const templates = await loadTemplates(values.templates ?? [], positionals, io.cwd);
    const problems: LintProblem[] = [];
    for (const file of positionals) {
      const xml = await readFile(resolve(io.cwd, file), 'utf8').catch(() => {
        throw new UserError(`${file}: no such file`, ['Pass the path of a saved .bpmn diagram.']);
      });
      problems.push(...(await lintDiagram(file, xml, templates)));
    }
    const errors = problems.filter((problem) => problem.category === 'error').length;
    const warnings = problems.length - errors;
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ files: positionals.length, errors, warnings, problems }, null, 2)}\n`);
    } else {
      for (const problem of problems) {
        const where = problem.name ? `${problem.id} "${problem.name}"` : problem.id;
        io.stdout.write(`${problem.file}: ${where}: ${problem.category === 'error' ? 'error' : 'warning'}: ${problem.message} (${problem.rule})\n`);
      }
      io.stdout.write(`${positionals.length} diagram(s) checked: ${errors} error(s), ${warnings} warning(s)\n`);
    }
    return errors > 0 ? 1 : 0;
  }
};
